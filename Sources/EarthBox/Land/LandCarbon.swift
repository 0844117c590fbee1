/// Annual land carbon fluxes of one band, PgC yr⁻¹.
public struct LandFluxes: Sendable, Equatable {
    public var npp = 0.0
    public var heterotrophicRespiration = 0.0
    public var landUseEmissions = 0.0       // realised (after limits), positive = to the atmosphere
    public var permafrostEmissions = 0.0    // as CO2
    public var permafrostMethane = 0.0      // carbon leaving as CH4
    /// Net biome production: carbon gained by the land (NPP − RH − land use − permafrost CO2 and CH4).
    public var netBiomeProduction: Double { npp - heterotrophicRespiration - landUseEmissions - permafrostEmissions - permafrostMethane }
    public init() {}
}

/// Vegetation, litter and soil pools (Hector's simpleNbox structure, Hartin et al. 2015, GMD 8, 939) with
/// CO2 fertilisation, Q10 respiration, land-use change taken from the pools (negative land-use emissions
/// regrow vegetation) and an optional permafrost pool.
///
/// Turnover rates are derived so that the preindustrial pools are exactly in steady state with NPP0,
/// and the pools are stepped with backward Euler, which is unconditionally stable and exactly
/// conservative (every flux out of one pool enters another or the atmosphere).
public struct LandCarbon: Sendable {
    public let parameters: LandCarbonParameters
    public let vegetationTurnover: Double   // yr⁻¹
    public let litterTurnover: Double       // yr⁻¹ (respiration + humification)
    public let humifiedFraction: Double     // of decomposed litter, to soil
    public let soilTurnover: Double         // yr⁻¹, of the fast soil
    public let slowSoilTurnover: Double     // yr⁻¹
    public let stabilisedFraction: Double   // of fast-soil decomposition, to the slow soil
    let respirationSensitivity: Double      // ln(Q10)/10, K⁻¹

    public init(parameters p: LandCarbonParameters) {
        parameters = p
        let npp = p.preindustrialNPP
        vegetationTurnover = p.nppToVegetation * npp / p.preindustrialVegetation
        let litterInput = p.nppToLitter * npp + p.vegetationTurnoverToLitter * p.nppToVegetation * npp
        litterTurnover = litterInput / p.preindustrialLitter
        // Bulk soil input from the bulk turnover time; all of it enters the fast soil, whose decomposition is partly
        // stabilised into the slow soil (CENTURY's active/slow/passive structure, Parton et al. 1987, SSSAJ 51, 1173).
        let soilInput = p.preindustrialSoil / p.soilTurnoverYears
        let fastSoil = p.preindustrialSoil * (1 - p.slowSoilShare), slowSoil = p.preindustrialSoil * p.slowSoilShare
        soilTurnover = soilInput / fastSoil
        slowSoilTurnover = 1 / p.slowSoilTurnoverYears
        stabilisedFraction = min(1, slowSoil / p.slowSoilTurnoverYears / soilInput)
        let soilDirectInput = (1 - p.nppToVegetation - p.nppToLitter) * npp + (1 - p.vegetationTurnoverToLitter) * p.nppToVegetation * npp
        respirationSensitivity = _log(p.respirationQ10) * 0.1
        humifiedFraction = min(1, max(0, (soilInput - soilDirectInput) / litterInput))
    }

    /// Steps one band's pools over `dt` years.
    /// - Parameters:
    ///   - share: the band's share of global NPP and pools (1 for the box model).
    ///   - landUse: land-use-change emissions requested for this band, PgC yr⁻¹.
    
    public func step(vegetation: inout Double, litter: inout Double, soil: inout Double, slowSoil: inout Double,
                     permafrostFrozen: inout Double, permafrostThawed: inout Double,
                     co2Ratio: Double, warming: Double, landUse: Double, share: Double, productiveShare: Double = 1,
                     permafrostShare: Double = 1, permafrostWarming: Double = 0, dt: Double) -> LandFluxes {
        let p = parameters
        var fluxes = LandFluxes()
        // Land-use change first: taken from the pools (never more than they hold), or regrowth into vegetation.
        var removedVegetation = 0.0, removedLitter = 0.0, removedSoil = 0.0
        let requested = landUse * dt
        if requested >= 0 {
            removedVegetation = min(requested * p.landUseFromVegetation, vegetation)
            removedLitter = min(requested * p.landUseFromLitter, litter)
            removedSoil = min(requested * (1 - p.landUseFromVegetation - p.landUseFromLitter), soil)
        } else {
            removedVegetation = requested
        }
        vegetation -= removedVegetation
        litter -= removedLitter
        soil -= removedSoil
        fluxes.landUseEmissions = (removedVegetation + removedLitter + removedSoil) / dt

        // NPP with logarithmic CO2 fertilisation (Hartin et al. 2015, eq. 9). Bookkeeping land-use emissions are
        // already net of regrowth, so cleared land must not grow its carbon back: productivity falls with the share
        // of the preindustrial land carbon that land use has taken (`productiveShare`; ≈ 8 % by 2000, cf. the ≈ 10 %
        // land-conversion loss of potential NPP of Haberl et al. 2007, PNAS 104, 12942). Afforestation raises it.
        // Above C0 the response saturates as nitrogen limits growth (models with a nitrogen cycle have about half the
        // β at 4×CO2, Arora et al. 2020, BG 17, 4173; Zaehle et al. 2015, J. Clim 28, 2494): ln(C/C0) is replaced by
        // L/(1 + L/L_sat), which keeps the historical slope and bends at high CO2. Below C0 it stays logarithmic: the
        // land giving carbon back when removal takes CO2 below preindustrial opposes the removal.
        let logRatio = _log(co2Ratio)
        let response = logRatio > 0 ? logRatio / (1 + logRatio / p.co2FertilisationSaturation) : logRatio
        let npp = p.preindustrialNPP * share * productiveShare * max(0, 1 + p.co2Fertilisation * response)
        // Q10 respiration on the land temperature anomaly (Davidson & Janssens 2006).
        let q = _exp(respirationSensitivity * warming)
        let kl = litterTurnover * q, ks = soilTurnover * q, kslow = slowSoilTurnover * q
        vegetation = (vegetation + dt * p.nppToVegetation * npp) / (1 + dt * vegetationTurnover)
        let vegetationLitterfall = vegetationTurnover * vegetation
        litter = (litter + dt * (p.nppToLitter * npp + p.vegetationTurnoverToLitter * vegetationLitterfall)) / (1 + dt * kl)
        let decomposition = kl * litter
        soil = (soil + dt * ((1 - p.nppToVegetation - p.nppToLitter) * npp + (1 - p.vegetationTurnoverToLitter) * vegetationLitterfall
                             + humifiedFraction * decomposition)) / (1 + dt * ks)
        let stabilised = stabilisedFraction * ks * soil
        slowSoil = (slowSoil + dt * stabilised) / (1 + dt * kslow)
        fluxes.npp = npp
        fluxes.heterotrophicRespiration = (1 - humifiedFraction) * decomposition + ks * soil - stabilised + kslow * slowSoil

        if p.permafrostEnabled {
            // Thaw of the near-surface permafrost follows regional warming with the lag of active-layer deepening;
            // only the decomposable share ever leaves the frozen pool (the rest stays inert, Hector's static fraction,
            // Woodard et al. 2021, GMD 14, 4751), so the frozen pool's target is P·(1 − f_mobile·thawed share). When the
            // climate cools, thawed carbon not yet decomposed refreezes on the same time scale.
            let pool = p.permafrostCarbon * permafrostShare
            let thawedShare = min(1, max(0, permafrostWarming / p.permafrostFullThawWarming))
            let frozenTarget = pool * (1 - p.permafrostMobileFraction * thawedShare)
            let rate = min(1, dt / p.permafrostThawYears)
            let thaw = permafrostFrozen > frozenTarget ? (permafrostFrozen - frozenTarget) * rate
                                                       : -min(permafrostThawed, (frozenTarget - permafrostFrozen) * rate)
            permafrostFrozen -= thaw
            permafrostThawed = (permafrostThawed + thaw) / (1 + dt * q / p.permafrostDecompositionYears)
            let decomposition = permafrostThawed * q / p.permafrostDecompositionYears
            // Waterlogged thawed soils respire part of the carbon as CH4 (Woodard et al. 2021: 2.3 %).
            fluxes.permafrostMethane = decomposition * p.permafrostMethaneFraction
            fluxes.permafrostEmissions = decomposition - fluxes.permafrostMethane
        }
        return fluxes
    }
}
