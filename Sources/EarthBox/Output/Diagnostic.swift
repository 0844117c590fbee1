/// Every annual global diagnostic the model records, with its output name, units and meaning.
///
/// Names follow the CMIP6 data request where a variable exists there; global totals that CMIP has only
/// per unit area (fgco2, nbp, npp, rh, cVeg …) are recorded as totals here and converted to CMIP's
/// per-area units by the writer.
public enum Diagnostic: Int, CaseIterable, Sendable {
    // Climate
    case surfaceTemperature, imbalance, deepOceanHeatUptake, oceanHeatContent, thermostericSeaLevel
    case landSurfaceTemperature, seaSurfaceTemperature, iceEdgeNorth, iceEdgeSouth
    case blendedSurfaceTemperature
    // Earth heat inventory (von Schuckmann et al. 2020): ocean by the observed depth ranges, land, atmosphere, ice melt
    case oceanHeatContent0To700, oceanHeatContent700To2000, oceanHeatContentBelow2000
    case landHeatContent, atmosphereHeatContent, cryosphereHeatContent
    // Atmospheric composition
    case co2Concentration, atmosphereCarbon, methane, nitrousOxide, eesc
    // Effective radiative forcing by agent
    case erfCO2, erfMethane, erfNitrousOxide, erfHalogens, erfOzone, erfStratosphericWaterVapour
    case erfAerosolRadiation, erfAerosolCloud, erfLandUseAlbedo, erfBlackCarbonOnSnow, erfContrails
    case erfVolcanic, erfSolar, erfStochastic, erfTotal
    // Carbon fluxes, PgC yr⁻¹
    case oceanCarbonUptake, netPrimaryProduction, heterotrophicRespiration, landUseEmissions, permafrostEmissions, netBiomeProduction
    case permafrostMethaneEmissions, naturalLandSink
    // Carbon dioxide removal by process
    case geologicalRemoval, landRemoval, oceanAlkalinityAddition, geologicalStorage, cumulativeLandRemoval
    // Emissions actually used
    case fossilEmissions, landUseEmissionsRequested, methaneEmissions, nitrousOxideEmissions, sulfurEmissions
    // Carbon pools, PgC
    case vegetationCarbon, litterCarbon, soilCarbon, permafrostFrozenCarbon, permafrostThawedCarbon, oceanCarbonAnomaly
    case cumulativeFossilEmissions, cumulativeLandUptake, airborneFraction
    // Surface ocean chemistry
    case surfaceOceanPCO2, surfaceOceanPH
    // Conservation ledger residuals
    case carbonLedgerResidual, energyLedgerResidual

    public var name: String {
        switch self {
        case .surfaceTemperature: "tas_anomaly"
        case .imbalance: "eei"
        case .deepOceanHeatUptake: "deep_ocean_heat_uptake"
        case .oceanHeatContent: "ohc"
        case .thermostericSeaLevel: "zostoga"
        case .landSurfaceTemperature: "tas_land"
        case .seaSurfaceTemperature: "tos_change"
        case .iceEdgeNorth: "ice_edge_north"
        case .iceEdgeSouth: "ice_edge_south"
        case .blendedSurfaceTemperature: "gmst_anomaly"
        case .oceanHeatContent0To700: "ohc_0_700m"
        case .oceanHeatContent700To2000: "ohc_700_2000m"
        case .oceanHeatContentBelow2000: "ohc_below_2000m"
        case .landHeatContent: "land_heat_content"
        case .atmosphereHeatContent: "atmosphere_heat_content"
        case .cryosphereHeatContent: "cryosphere_heat_content"
        case .co2Concentration: "co2"
        case .atmosphereCarbon: "co2mass"
        case .methane: "ch4"
        case .nitrousOxide: "n2o"
        case .eesc: "eesc"
        case .erfCO2: "erf_co2"
        case .erfMethane: "erf_ch4"
        case .erfNitrousOxide: "erf_n2o"
        case .erfHalogens: "erf_halogens"
        case .erfOzone: "erf_o3"
        case .erfStratosphericWaterVapour: "erf_h2o_strat"
        case .erfAerosolRadiation: "erf_ari"
        case .erfAerosolCloud: "erf_aci"
        case .erfLandUseAlbedo: "erf_land_use"
        case .erfBlackCarbonOnSnow: "erf_bc_on_snow"
        case .erfContrails: "erf_contrails"
        case .erfVolcanic: "erf_volcanic"
        case .erfSolar: "erf_solar"
        case .erfStochastic: "erf_stochastic"
        case .erfTotal: "erf"
        case .oceanCarbonUptake: "fgco2_global"
        case .netPrimaryProduction: "npp_global"
        case .heterotrophicRespiration: "rh_global"
        case .landUseEmissions: "fLuc_global"
        case .permafrostEmissions: "permafrost_emissions"
        case .netBiomeProduction: "nbp_global"
        case .permafrostMethaneEmissions: "permafrost_emissions_ch4"
        case .naturalLandSink: "sland"
        case .geologicalRemoval: "cdr_geological"
        case .landRemoval: "cdr_land"
        case .oceanAlkalinityAddition: "cdr_ocean_alkalinity"
        case .geologicalStorage: "cdr_geological_storage"
        case .cumulativeLandRemoval: "cdr_land_cumulative"
        case .cumulativeLandUptake: "cumulative_land_uptake"
        case .airborneFraction: "airborne_fraction"
        case .fossilEmissions: "emissions_co2_fossil"
        case .landUseEmissionsRequested: "emissions_co2_land_use"
        case .methaneEmissions: "emissions_ch4"
        case .nitrousOxideEmissions: "emissions_n2o"
        case .sulfurEmissions: "emissions_so2"
        case .vegetationCarbon: "cVeg_global"
        case .litterCarbon: "cLitter_global"
        case .soilCarbon: "cSoil_global"
        case .permafrostFrozenCarbon: "cPermafrostFrozen"
        case .permafrostThawedCarbon: "cPermafrostThawed"
        case .oceanCarbonAnomaly: "ocean_carbon_change"
        case .cumulativeFossilEmissions: "cumulative_emissions_co2_fossil"
        case .surfaceOceanPCO2: "spco2"
        case .surfaceOceanPH: "ph"
        case .carbonLedgerResidual: "carbon_ledger_residual"
        case .energyLedgerResidual: "energy_ledger_residual"
        }
    }

    public var units: String {
        switch self {
        case .surfaceTemperature, .eesc: self == .eesc ? "1e-12" : "K"
        case .landSurfaceTemperature, .seaSurfaceTemperature, .blendedSurfaceTemperature: "K"
        case .iceEdgeNorth, .iceEdgeSouth: "degrees_north"
        case .imbalance, .deepOceanHeatUptake: "W m-2"
        case .oceanHeatContent, .oceanHeatContent0To700, .oceanHeatContent700To2000, .oceanHeatContentBelow2000,
             .landHeatContent, .atmosphereHeatContent, .cryosphereHeatContent: "J"
        case .thermostericSeaLevel: "m"
        case .co2Concentration: "1e-6"
        case .atmosphereCarbon: "kg"
        case .methane, .nitrousOxide: "1e-9"
        case .erfCO2, .erfMethane, .erfNitrousOxide, .erfHalogens, .erfOzone, .erfStratosphericWaterVapour,
             .erfAerosolRadiation, .erfAerosolCloud, .erfLandUseAlbedo, .erfBlackCarbonOnSnow, .erfContrails,
             .erfVolcanic, .erfSolar, .erfStochastic, .erfTotal: "W m-2"
        case .oceanCarbonUptake, .netPrimaryProduction, .heterotrophicRespiration, .landUseEmissions,
             .permafrostEmissions, .netBiomeProduction, .fossilEmissions, .landUseEmissionsRequested,
             .permafrostMethaneEmissions, .naturalLandSink, .geologicalRemoval, .landRemoval: "PgC yr-1"
        case .methaneEmissions: "Tg CH4 yr-1"
        case .airborneFraction: "1"
        case .oceanAlkalinityAddition: "Pmol yr-1"
        case .nitrousOxideEmissions: "Tg N2O yr-1"
        case .sulfurEmissions: "Tg SO2 yr-1"
        case .vegetationCarbon, .litterCarbon, .soilCarbon, .permafrostFrozenCarbon, .permafrostThawedCarbon,
             .oceanCarbonAnomaly, .cumulativeFossilEmissions, .carbonLedgerResidual, .cumulativeLandUptake,
             .geologicalStorage, .cumulativeLandRemoval: "PgC"
        case .surfaceOceanPCO2: "uatm"
        case .surfaceOceanPH: "1"
        case .energyLedgerResidual: "J m-2"
        }
    }

    public var longName: String {
        switch self {
        case .surfaceTemperature: "global-mean near-surface air temperature change since preindustrial"
        case .imbalance: "Earth energy imbalance at the top of the atmosphere"
        case .deepOceanHeatUptake: "heat flux from the mixed layer into the deep ocean"
        case .oceanHeatContent: "ocean heat content change since preindustrial, full depth"
        case .thermostericSeaLevel: "global average thermosteric sea level change"
        case .landSurfaceTemperature: "land-area-mean surface temperature change since preindustrial"
        case .seaSurfaceTemperature: "ocean-area-mean sea surface (mixed-layer) temperature change since preindustrial"
        case .iceEdgeNorth: "latitude of the northern snow/ice line (90 when ice free)"
        case .iceEdgeSouth: "latitude of the southern snow/ice line (-90 when ice free)"
        case .blendedSurfaceTemperature: "blended global mean surface temperature change since preindustrial: air temperature over land and sea ice, SST over open ocean (Cowtan et al. 2015), as observations report it"
        case .oceanHeatContent0To700: "ocean heat content change since preindustrial, 0-700 m"
        case .oceanHeatContent700To2000: "ocean heat content change since preindustrial, 700-2000 m"
        case .oceanHeatContentBelow2000: "ocean heat content change since preindustrial, below 2000 m"
        case .landHeatContent: "heat gained by the land surface and the ground below since preindustrial"
        case .atmosphereHeatContent: "heat gained by the atmosphere since preindustrial"
        case .cryosphereHeatContent: "latent heat taken up by melting land ice and sea ice since preindustrial"
        case .co2Concentration: "atmospheric CO2 mole fraction"
        case .atmosphereCarbon: "total atmospheric mass of CO2"
        case .methane: "atmospheric CH4 mole fraction"
        case .nitrousOxide: "atmospheric N2O mole fraction"
        case .eesc: "equivalent effective stratospheric chlorine"
        case .erfCO2: "effective radiative forcing of CO2"
        case .erfMethane: "effective radiative forcing of CH4"
        case .erfNitrousOxide: "effective radiative forcing of N2O"
        case .erfHalogens: "effective radiative forcing of halogenated gases (F-gases and Montreal gases)"
        case .erfOzone: "effective radiative forcing of tropospheric and stratospheric ozone"
        case .erfStratosphericWaterVapour: "effective radiative forcing of stratospheric water vapour from CH4 oxidation"
        case .erfAerosolRadiation: "effective radiative forcing of aerosol-radiation interactions"
        case .erfAerosolCloud: "effective radiative forcing of aerosol-cloud interactions"
        case .erfLandUseAlbedo: "effective radiative forcing of land-use surface albedo change"
        case .erfBlackCarbonOnSnow: "effective radiative forcing of black carbon on snow"
        case .erfContrails: "effective radiative forcing of contrails and aviation-induced cirrus"
        case .erfVolcanic: "effective radiative forcing of volcanic aerosol"
        case .erfSolar: "effective radiative forcing of solar irradiance change"
        case .erfStochastic: "stochastic forcing representing internal variability"
        case .erfTotal: "total effective radiative forcing"
        case .oceanCarbonUptake: "global air-to-sea CO2 flux (ocean sink)"
        case .netPrimaryProduction: "global net primary production"
        case .heterotrophicRespiration: "global heterotrophic respiration"
        case .landUseEmissions: "land-use-change CO2 emissions realised from the land pools"
        case .permafrostEmissions: "CO2 emissions from thawed permafrost"
        case .netBiomeProduction: "global net biome production (land sink net of land use)"
        case .permafrostMethaneEmissions: "carbon emitted as CH4 from thawed permafrost (enters the CH4 cycle)"
        case .geologicalRemoval: "carbon dioxide removed to a permanent geological store (DACCS, BECCS)"
        case .landRemoval: "carbon dioxide removed into vegetation by afforestation and reforestation"
        case .oceanAlkalinityAddition: "alkalinity added to the ocean mixed layer (ocean alkalinity enhancement)"
        case .geologicalStorage: "carbon held in the geological store since the start of the run"
        case .cumulativeLandRemoval: "carbon put into vegetation by land-based removal since the start of the run"
        case .naturalLandSink: "natural land sink, NPP minus heterotrophic respiration (comparable to the Global Carbon Budget S_LAND)"
        case .cumulativeLandUptake: "change of land carbon (vegetation, litter, soil, permafrost) since the start of the run"
        case .airborneFraction: "cumulative airborne fraction: atmospheric CO2 carbon gained over cumulative fossil and land-use CO2 emissions"
        case .fossilEmissions: "fossil and industrial CO2 emissions used (compatible emissions in concentration-driven runs)"
        case .landUseEmissionsRequested: "land-use-change CO2 emissions prescribed by the scenario"
        case .methaneEmissions: "anthropogenic CH4 emissions used"
        case .nitrousOxideEmissions: "anthropogenic N2O emissions used"
        case .sulfurEmissions: "SO2 emissions used"
        case .vegetationCarbon: "global vegetation carbon"
        case .litterCarbon: "global litter carbon"
        case .soilCarbon: "global soil carbon"
        case .permafrostFrozenCarbon: "frozen permafrost carbon"
        case .permafrostThawedCarbon: "thawed permafrost carbon not yet decomposed"
        case .oceanCarbonAnomaly: "ocean dissolved inorganic carbon change since preindustrial"
        case .cumulativeFossilEmissions: "cumulative fossil CO2 emissions since the start of the run"
        case .surfaceOceanPCO2: "surface ocean partial pressure of CO2"
        case .surfaceOceanPH: "surface ocean pH (total scale)"
        case .carbonLedgerResidual: "carbon conservation residual: reservoirs minus initial minus cumulative emissions"
        case .energyLedgerResidual: "energy conservation residual: heat content minus time-integrated imbalance"
        }
    }

    public static let count = allCases.count
}

/// Annual diagnostics recorded per latitude band (output on the `lat` axis).
public enum ZonalDiagnostic: Int, CaseIterable, Sendable {
    case surfaceTemperature, landSurfaceTemperature, seaSurfaceTemperature, surfaceTemperatureAbsolute, iceFraction
    case oceanCarbonUptake, netBiomeProduction, meridionalConvergence

    public var name: String {
        switch self {
        case .surfaceTemperature: "tas_zonal"
        case .landSurfaceTemperature: "tas_land_zonal"
        case .seaSurfaceTemperature: "tos_change_zonal"
        case .surfaceTemperatureAbsolute: "ts_zonal"
        case .iceFraction: "snow_ice_fraction_zonal"
        case .oceanCarbonUptake: "fgco2_zonal"
        case .netBiomeProduction: "nbp_zonal"
        case .meridionalConvergence: "heat_transport_convergence_zonal"
        }
    }

    public var units: String {
        switch self {
        case .surfaceTemperature, .landSurfaceTemperature, .seaSurfaceTemperature, .surfaceTemperatureAbsolute: "K"
        case .iceFraction: "1"
        case .oceanCarbonUptake, .netBiomeProduction: "PgC yr-1"
        case .meridionalConvergence: "W m-2"
        }
    }

    public var longName: String {
        switch self {
        case .surfaceTemperature: "zonal-mean near-surface temperature change since preindustrial"
        case .landSurfaceTemperature: "land surface temperature change since preindustrial"
        case .seaSurfaceTemperature: "sea surface (mixed-layer) temperature change since preindustrial"
        case .surfaceTemperatureAbsolute: "zonal-mean surface temperature (preindustrial climatology plus change)"
        case .iceFraction: "fraction of the band covered by snow or ice"
        case .oceanCarbonUptake: "air-to-sea CO2 flux of the band's ocean (band total)"
        case .netBiomeProduction: "net biome production of the band's land (band total)"
        case .meridionalConvergence: "convergence of the meridional heat transport anomaly"
        }
    }

    public static let count = allCases.count
}
