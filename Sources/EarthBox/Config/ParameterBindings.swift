// Namelist bindings: the key, range, unit and source of every parameter. The default itself lives in
// the parameter struct's property initialiser (one place); the source is repeated here for `earthbox parameters`.

extension RunSettings: NamelistGroup {
    public static let groupName = "run"
    public static let fields: [NamelistField<RunSettings>] = [
        .choice("experiment", \.experiment, "experiment to run (CMIP/RCMIP names; 'scenario' = historical + SSP)"),
        .string("scenario", \.scenario, allowed: scenarios, "SSP scenario read from <forcing_directory>/<scenario>.csv"),
        .choice("co2_mode", \.co2Mode, "CO2 computed from emissions, or prescribed with compatible emissions diagnosed"),
        .choice("other_gas_mode", \.otherGasMode, "CH4, N2O and halogenated gases from emissions or prescribed"),
        .integer("start_year", \.startYear, range: 0...3000, unit: "yr", "first simulated year (the preindustrial state is at its start)"),
        .integer("end_year", \.endYear, range: 0...3000, unit: "yr", "last simulated year"),
        .integer("emissions_start_year", \.emissionsStartYear, range: 0...3000, unit: "yr",
                 "first year an emission-driven scenario computes CO2 from emissions; before it CO2 follows the forcing file (0: from start_year)",
                 citation: "Jones et al. 2016; Meinshausen et al. 2020"),
        .integer("bands", \.bands, range: 1...180, unit: "1", "latitude bands (1 = box model); equal-angle bands must divide 180"),
        .choice("grid_spacing", \.gridSpacing, "band edges equal in latitude or in area (sin latitude)"),
        .string("forcing_directory", \.forcingDirectory, allowed: nil, "folder holding the converted forcing files"),
        .string("output_directory", \.outputDirectory, allowed: nil, "folder the NetCDF output is written to"),
        .string("run_name", \.runName, allowed: nil, "output file name without .nc or .csv (empty: from experiment and scenario; a teaching lab: the namelist file's name)"),
        .string("pathway_file", \.pathwayFile, allowed: nil, "IAMC pathway file composed with the base `scenario` (empty: none; see Forcing/pathways/README.md)"),
        .string("co2_emissions_file", \.co2EmissionsFile, allowed: nil,
                "CSV of year and any of co2_fossil, co2_land_use, geological_removal, land_removal (PgC/yr), ocean_alkalinity (Pmol/yr) replacing the drivers (empty: none)"),
        .string("parameter_set", \.parameterSet, allowed: nil, "run over every member of this parameter set (Namelists/parameter-sets/NAME.nml, e.g. 'calibrated-v1'; MPI-parallel) and write one ensemble file; empty: one run"),
        .string("scenario_file", \.scenarioFile, allowed: nil, "IAMC emissions file driving the run; `scenario` gives history and natural forcing (empty: none; docs/assess.md)"),
        .string("scenario_model", \.scenarioModel, allowed: nil, "Model of the scenario_file pair to run (empty: the file's only one)"),
        .string("scenario_name", \.scenarioName, allowed: nil, "Scenario of the scenario_file pair to run (empty: the file's only one)"),
        .logical("harmonise", \.harmonise, "harmonise scenario_file emissions to the shipped history (aneris methods, AR6 defaults; Gidden et al. 2018)"),
        .integer("harmonisation_year", \.harmonisationYear, range: 1851...2022, unit: "yr", "year scenario_file emissions meet history (AR6: 2015)"),
        .logical("infill", \.infill, "infill species scenario_file lacks from the RCMIP SSP database (silicone QRW; Lamboll et al. 2020)"),
    ]
}

extension ClimateParameters: NamelistGroup {
    public static let groupName = "climate"
    public static let fields: [NamelistField<ClimateParameters>] = [
        .real("equilibrium_climate_sensitivity", \.equilibriumClimateSensitivity, range: 0.5...10, unit: "K",
              "warming at equilibrium for doubled CO2; sets the feedback parameter F2x/ECS", citation: "Forster et al. 2021, AR6 WG1 §7.5"),
        .real("heat_uptake_efficacy", \.heatUptakeEfficacy, range: 0.5...3, unit: "1",
              "efficacy of deep-ocean heat uptake", citation: "Held et al. 2010; Geoffroy et al. 2013b"),
        .real("atmosphere_heat_capacity", \.atmosphereHeatCapacity, range: 0...1e9, unit: "J m-2 K-1",
              "heat capacity of the atmospheric column", citation: "Hartmann 2016 §2"),
        .real("land_surface_heat_capacity", \.landSurfaceHeatCapacity, range: 1e5...1e9, unit: "J m-2 K-1",
              "heat capacity of the active land surface per m2 of land", citation: "Hartmann 2016 §4.7"),
        .real("land_feedback_ratio", \.landFeedbackRatio, range: 0.2...2, unit: "1",
              "local feedback over land relative to over ocean", citation: "Joshi et al. 2008; Dommenget 2009"),
        .real("land_ocean_exchange", \.landOceanExchange, range: 0...50, unit: "W m-2 K-1",
              "heat exchange between a band's land and ocean surfaces", citation: "Lambert & Chiang 2007"),
        .realList("ground_layer_thickness", \.groundLayerThicknessMetres, elementRange: 0.1...2000, count: 1...50, unit: "m",
                  "thickness of each ground layer below the active land surface", citation: "Beltrami et al. 2002"),
        .real("ground_thermal_diffusivity", \.groundThermalDiffusivity, range: 1e-8...1e-5, unit: "m2 s-1",
              "thermal diffusivity of the ground", citation: "Beltrami et al. 2002; Cuesta-Valero et al. 2021"),
        .real("ground_heat_capacity", \.groundHeatCapacity, range: 5e5...5e6, unit: "J m-3 K-1",
              "volumetric heat capacity of the ground", citation: "Hartmann 2016 §4.7"),
        .real("land_ice_melt_commitment", \.landIceMeltCommitment, range: 0...5000, unit: "ZJ K-1",
              "latent heat land ice takes up per K of sustained warming", citation: "Grinsted et al. 2010; Levermann et al. 2013; IGCC 2025"),
        .real("cryosphere_timescale", \.cryosphereTimescale, range: 10...1e5, unit: "yr",
              "response time of land-ice melt", citation: "Grinsted et al. 2010"),
        .real("sea_ice_melt_per_kelvin", \.seaIceMeltPerKelvin, range: 0...100, unit: "ZJ K-1",
              "latent heat of the sea ice lost per K of warming (box model)", citation: "Slater et al. 2021"),
        .real("sea_ice_thickness", \.seaIceThicknessMetres, range: 0...10, unit: "m",
              "mean thickness of the sea ice the ice line removes (latitude bands)", citation: "Kwok 2018; Worby et al. 2008"),
    ]
}

extension OceanCarbonParameters: NamelistGroup {
    public static let groupName = "ocean_carbon"
    public static let fields: [NamelistField<OceanCarbonParameters>] = [
        .real("surface_alkalinity", \.surfaceAlkalinity, range: 1500...3500, unit: "umol kg-1", "surface total alkalinity", citation: "Lauvset et al. 2016"),
        .real("preindustrial_sst", \.preindustrialSeaSurfaceTemperature, range: -2...35, unit: "degC", "preindustrial mixed-layer temperature", citation: "Rayner et al. 2003"),
        .real("surface_salinity", \.surfaceSalinity, range: 20...42, unit: "g kg-1", "surface salinity", citation: "Antonov et al. 2010"),
        .real("gas_transfer_velocity", \.gasTransferVelocity, range: 1...60, unit: "cm h-1", "CO2 gas transfer velocity at Sc = 660", citation: "Wanninkhof 2014; Naegler 2009"),
        .real("vertical_diffusivity", \.verticalDiffusivity, range: 0...20, unit: "cm2 s-1", "vertical eddy diffusivity of DIC (0 = that of heat)",
              citation: "Oeschger et al. 1975; Siegenthaler & Joos 1992"),
        .real("southern_ocean_mixing_factor", \.southernOceanMixingFactor, range: 0.1...50, unit: "1",
              "DIC diffusivity multiplier for bands centred 65S-45S (with ocean_carbon vertical_diffusivity > 0)", citation: "Gruber et al. 2019; DeVries 2014"),
    ]
}

extension LandCarbonParameters: NamelistGroup {
    public static let groupName = "land"
    public static let fields: [NamelistField<LandCarbonParameters>] = [
        .real("npp_preindustrial", \.preindustrialNPP, range: 10...200, unit: "PgC yr-1", "preindustrial net primary production", citation: "Hartin et al. 2015"),
        .real("vegetation_preindustrial", \.preindustrialVegetation, range: 50...2000, unit: "PgC", "preindustrial vegetation carbon", citation: "Hartin et al. 2015"),
        .real("litter_preindustrial", \.preindustrialLitter, range: 5...500, unit: "PgC", "preindustrial litter carbon", citation: "Hartin et al. 2015"),
        .real("soil_preindustrial", \.preindustrialSoil, range: 100...5000, unit: "PgC", "preindustrial soil carbon", citation: "Hartin et al. 2015"),
        .real("co2_fertilisation", \.co2Fertilisation, range: 0...1.5, unit: "1", "beta of NPP = NPP0 (1 + beta ln C/C0)", citation: "Hartin et al. 2015"),
        .real("co2_fertilisation_saturation", \.co2FertilisationSaturation, range: 0.1...1000, unit: "1",
              "saturation scale L_sat of the fertilisation response L/(1 + L/L_sat), L = ln C/C0 > 0", citation: "Arora et al. 2020; Zaehle et al. 2015"),
        .real("slow_soil_share", \.slowSoilShare, range: 0...0.95, unit: "1", "share of preindustrial soil carbon in the slow soil",
              citation: "Trumbore 1997; He et al. 2016"),
        .real("slow_soil_turnover_time", \.slowSoilTurnoverYears, range: 50...10000, unit: "yr", "turnover time of the slow soil",
              citation: "Trumbore 1997; Parton et al. 1987"),
        .real("respiration_q10", \.respirationQ10, range: 1...4, unit: "1", "Q10 of heterotrophic respiration", citation: "Mahecha et al. 2010; Davidson & Janssens 2006"),
        .real("npp_to_vegetation", \.nppToVegetation, range: 0...1, unit: "1", "fraction of NPP allocated to vegetation", citation: "Hartin et al. 2015"),
        .real("npp_to_litter", \.nppToLitter, range: 0...1, unit: "1", "fraction of NPP allocated to litter", citation: "Hartin et al. 2015"),
        .real("vegetation_turnover_to_litter", \.vegetationTurnoverToLitter, range: 0...1, unit: "1", "fraction of vegetation turnover that becomes litter", citation: "Hartin et al. 2015"),
        .real("soil_turnover_time", \.soilTurnoverYears, range: 5...1000, unit: "yr", "soil carbon turnover time at preindustrial temperature", citation: "Carvalhais et al. 2014"),
        .real("land_use_from_vegetation", \.landUseFromVegetation, range: 0...1, unit: "1", "share of land-use emissions taken from vegetation", citation: "Houghton et al. 2012"),
        .real("land_use_from_litter", \.landUseFromLitter, range: 0...1, unit: "1", "share of land-use emissions taken from litter", citation: "Houghton et al. 2012"),
        .logical("permafrost", \.permafrostEnabled, "simulate the permafrost carbon pool", citation: "Woodard et al. 2021"),
        .real("permafrost_carbon", \.permafrostCarbon, range: 0...2000, unit: "PgC", "frozen permafrost carbon", citation: "Woodard et al. 2021"),
        .real("permafrost_warming_ratio", \.permafrostWarmingRatio, range: 0.5...4, unit: "1", "permafrost-region warming per degree of land warming", citation: "Woodard et al. 2021"),
        .real("permafrost_full_thaw_warming", \.permafrostFullThawWarming, range: 1...40, unit: "K", "regional warming that thaws all permafrost", citation: "Kessler 2017"),
        .real("permafrost_thaw_time", \.permafrostThawYears, range: 1...500, unit: "yr", "time scale of thaw", citation: "Kessler 2017"),
        .real("permafrost_mobile_fraction", \.permafrostMobileFraction, range: 0...1, unit: "1", "share of thawed permafrost carbon that can decompose", citation: "Woodard et al. 2021"),
        .real("permafrost_methane_fraction", \.permafrostMethaneFraction, range: 0...1, unit: "1", "share of decomposed permafrost carbon emitted as CH4", citation: "Woodard et al. 2021"),
        .real("permafrost_decomposition_time", \.permafrostDecompositionYears, range: 1...5000, unit: "yr", "turnover time of thawed carbon", citation: "Schneider von Deimling et al. 2012"),
    ]
}

extension GasCycleParameters: NamelistGroup {
    public static let groupName = "gases"
    public static let fields: [NamelistField<GasCycleParameters>] = [
        .real("co2_preindustrial", \.preindustrialCO2PPM, range: 150...400, unit: "ppm", "preindustrial CO2", citation: "Meinshausen et al. 2017"),
        .real("ch4_preindustrial", \.preindustrialMethanePPB, range: 300...1200, unit: "ppb", "preindustrial CH4", citation: "Meinshausen et al. 2017"),
        .real("n2o_preindustrial", \.preindustrialNitrousOxidePPB, range: 150...350, unit: "ppb", "preindustrial N2O", citation: "Meinshausen et al. 2017"),
        .real("ch4_oh_lifetime", \.methaneOHLifetimeYears, range: 3...30, unit: "yr", "CH4 lifetime against tropospheric OH", citation: "Prather et al. 2012"),
        .real("ch4_stratospheric_lifetime", \.methaneStratosphericLifetimeYears, range: 10...1000, unit: "yr", "CH4 lifetime against stratospheric loss", citation: "Prather et al. 2012"),
        .real("ch4_soil_lifetime", \.methaneSoilLifetimeYears, range: 10...1000, unit: "yr", "CH4 lifetime against soil uptake", citation: "Prather et al. 2012"),
        .real("ch4_lifetime_feedback", \.methaneLifetimeFeedback, range: -1...1, unit: "1", "d ln tau_OH / d ln CH4", citation: "Prather et al. 2012"),
        .real("ch4_lifetime_temperature_sensitivity", \.methaneLifetimeTemperatureSensitivity, range: -0.5...0.5, unit: "K-1", "d ln tau_OH / dT", citation: "Thornhill et al. 2021"),
        .real("n2o_lifetime", \.nitrousOxideLifetimeYears, range: 20...500, unit: "yr", "N2O lifetime", citation: "AR6 WG1 Table 7.SM.7"),
    ]
}

extension ForcingAgentParameters: NamelistGroup {
    public static let groupName = "forcing"
    public static let fields: [NamelistField<ForcingAgentParameters>] = [
        .real("co2_scale", \.co2Scale, range: 0...3, unit: "1", "multiplier on CO2 ERF", citation: "Smith et al. 2021"),
        .real("ch4_scale", \.methaneScale, range: 0...3, unit: "1", "multiplier on CH4 ERF", citation: "Smith et al. 2021"),
        .real("n2o_scale", \.nitrousOxideScale, range: 0...3, unit: "1", "multiplier on N2O ERF", citation: "Smith et al. 2021"),
        .real("halogen_scale", \.halogenScale, range: 0...3, unit: "1", "multiplier on halogenated-gas ERF", citation: "Smith et al. 2021"),
        .real("ozone_scale", \.ozoneScale, range: 0...3, unit: "1", "multiplier on ozone ERF", citation: "Smith et al. 2021"),
        .real("aerosol_radiation_scale", \.aerosolRadiationScale, range: 0...5, unit: "1", "multiplier on ERFari", citation: "Smith et al. 2021"),
        .real("aerosol_cloud_scale", \.aerosolCloudScale, range: 0...5, unit: "1", "multiplier on ERFaci", citation: "Smith et al. 2021"),
        .real("volcanic_scale", \.volcanicScale, range: 0...3, unit: "1", "multiplier on volcanic ERF", citation: "Forster et al. 2021 §7.3.4.5"),
        .real("solar_scale", \.solarScale, range: 0...3, unit: "1", "multiplier on solar ERF", citation: "Forster et al. 2021"),
    ]
}

extension VariabilityParameters: NamelistGroup {
    public static let groupName = "variability"
    public static let fields: [NamelistField<VariabilityParameters>] = [
        .logical("enabled", \.enabled, "add stochastic forcing (internal variability)", citation: "Hasselmann 1976"),
        .real("forcing_standard_deviation", \.forcingStandardDeviation, range: 0...5, unit: "W m-2", "standard deviation of the annual stochastic forcing", citation: "Cummins et al. 2020"),
        .real("autocorrelation", \.autocorrelation, range: 0...0.99, unit: "1", "lag-one autocorrelation of the stochastic forcing", citation: "Hasselmann 1976; IGCC 2025 residual"),
        .real("correlation_length", \.correlationLengthKilometres, range: 1...50_000, unit: "km",
              "e-folding distance of the correlation of the stochastic forcing between latitude bands", citation: "Hansen & Lebedeff 1987"),
        .real("poleward_amplification", \.polewardAmplification, range: 0...50, unit: "1",
              "growth of the band stochastic forcing toward the poles, 1 + a sin^2(latitude)", citation: "Hawkins & Sutton 2012"),
        .integer("seed", \.seed, range: 0...Int.max, unit: "1", "seed of the random stream"),
    ]
}

extension ZonalParameters: NamelistGroup {
    public static let groupName = "zonal"
    public static let fields: [NamelistField<ZonalParameters>] = [
        .real("solar_constant", \.solarConstant, range: 500...3000, unit: "W m-2", "total solar irradiance", citation: "Kopp & Lean 2011"),
        .choice("insolation", \.insolation, "annual-mean insolation: Legendre P2 approximation or exact for the obliquity"),
        .real("insolation_p2", \.insolationP2, range: -1...0, unit: "1", "P2 coefficient of annual-mean insolation", citation: "North 1975"),
        .real("obliquity", \.obliquityDegrees, range: 0...90, unit: "degree", "obliquity for exact insolation", citation: "Berger 1978"),
        .real("longwave_intercept", \.longwaveIntercept, range: 100...300, unit: "W m-2", "A of OLR = A + B T (climatology only)", citation: "Graves et al. 1993; Rose 2018"),
        .real("longwave_slope", \.longwaveSlope, range: 0.5...5, unit: "W m-2 K-1", "B of OLR = A + B T (climatology only)", citation: "Graves et al. 1993; Rose 2018"),
        .real("meridional_diffusivity", \.meridionalDiffusivity, range: 0...5, unit: "W m-2 K-1", "meridional heat diffusivity D", citation: "North et al. 1981; Rose 2018"),
        .real("relative_humidity", \.relativeHumidity, range: 0...1, unit: "1", "relative humidity of the moist static energy the anomalies diffuse (0: dry diffusion)", citation: "Hwang & Frierson 2010; Armour et al. 2019"),
        .real("albedo_global", \.albedoGlobal, range: 0...1, unit: "1", "ice-free albedo a0 of a0 + a2 P2(x)", citation: "North et al. 1981; Rose 2018"),
        .real("albedo_p2", \.albedoP2, range: -1...1, unit: "1", "ice-free albedo a2 of a0 + a2 P2(x)", citation: "North et al. 1981; Rose 2018"),
        .real("ice_albedo", \.iceAlbedo, range: 0...1, unit: "1", "albedo of snow- and ice-covered surface", citation: "North et al. 1981"),
        .real("freezing_temperature", \.freezingTemperature, range: -40...10, unit: "degC", "temperature below which the surface is ice covered", citation: "Budyko 1969; North 1975"),
        .real("seasonal_amplitude", \.seasonalAmplitude, range: 0...40, unit: "K", "seasonal half-range of surface temperature under polar insolation (0: annual-mean ice line)", citation: "North & Coakley 1979; Rigor et al. 2000; Eisenman 2012"),
        .real("open_ocean_amplitude_ratio", \.openOceanAmplitudeRatio, range: 0...1, unit: "1", "seasonal amplitude over open water relative to land and sea ice", citation: "North & Coakley 1979; Legates & Willmott 1990"),
        .real("ice_sheet_south_of", \.iceSheetSouthOf, range: -90...0, unit: "degrees_north", "land south of this latitude is permanent ice sheet", citation: "Fretwell et al. 2013"),
        .real("ice_albedo_transmission", \.iceAlbedoTransmission, range: 0...1, unit: "1", "share of a surface-albedo change felt at the top of the atmosphere", citation: "Qu & Hall 2005"),
        .logical("sea_ice_insulation", \.seaIceInsulation, "the sea-ice-covered ocean is a surface of its own, insulated from the mixed layer", citation: "Pithan & Mauritsen 2014; Eisenman & Wettlaufer 2009"),
        .real("sea_ice_conductance", \.seaIceConductance, range: 0.01...100, unit: "W m-2 K-1", "conductance of sea ice and its snow between the ice surface and the mixed layer", citation: "Maykut & Untersteiner 1971; Warren et al. 1999"),
        .real("southern_sea_ice_conductance", \.southernSeaIceConductance, range: 0.01...100, unit: "W m-2 K-1", "the same for the thinner Southern Ocean ice", citation: "Maykut & Untersteiner 1971; Worby et al. 2008; Massom et al. 2001"),
        .logical("ice_albedo_feedback", \.iceAlbedoFeedback, "let the moving ice line change absorbed sunlight in a run", citation: "Budyko 1969; Sellers 1969"),
        .real("sea_ice_feedback_weakening", \.seaIceFeedbackWeakening, range: 0...3, unit: "1", "weakening of the local ocean feedback over the preindustrial Arctic sea ice, in units of the feedback scale (effective sea-ice lapse-rate feedback)", citation: "Feldl et al. 2020; Boeke et al. 2021"),
        .real("southern_sea_ice_feedback_weakening", \.southernSeaIceFeedbackWeakening, range: 0...3, unit: "1", "the same over the preindustrial Antarctic sea ice", citation: "Hahn et al. 2020"),
        .real("ice_sheet_feedback_p2", \.iceSheetFeedbackP2, range: -0.9...0.9, unit: "1", "P2 pattern of the local feedback over the Antarctic ice sheet", citation: "Hahn et al. 2020"),
        .real("feedback_p2", \.feedbackP2, range: -0.9...0.9, unit: "1", "P2 pattern of the local feedback (negative: weaker at the poles)", citation: "Armour et al. 2013; Bonan et al. 2018"),
        .real("climatology_heat_capacity", \.climatologyHeatCapacity, range: 1e6...1e10, unit: "J m-2 K-1", "heat capacity used to integrate the absolute climatology to equilibrium", citation: "North et al. 1981"),
    ]
}
