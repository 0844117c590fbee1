/// Annual land carbon fluxes of one band, PgC yr⁻¹.
public struct LandFluxes: Sendable, Equatable {
    public var npp = 0.0
    public var heterotrophicRespiration = 0.0
    public var landUseEmissions = 0.0       // realised (after limits), positive = to the atmosphere
    public var permafrostEmissions = 0.0
    /// Net biome production: carbon gained by the land (NPP − RH − land use − permafrost).
    public var netBiomeProduction: Double { npp - heterotrophicRespiration - landUseEmissions - permafrostEmissions }
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
    public let soilTurnover: Double         // yr⁻¹
    let respirationSensitivity: Double      // ln(Q10)/10, K⁻¹

    public init(parameters p: LandCarbonParameters) {
        parameters = p
        let npp = p.preindustrialNPP
        vegetationTurnover = p.nppToVegetation * npp / p.preindustrialVegetation
        let litterInput = p.nppToLitter * npp + p.vegetationTurnoverToLitter * p.nppToVegetation * npp
        litterTurnover = litterInput / p.preindustrialLitter
        let soilTurnover = 1 / p.soilTurnoverYears
        self.soilTurnover = soilTurnover
        let soilDirectInput = (1 - p.nppToVegetation - p.nppToLitter) * npp + (1 - p.vegetationTurnoverToLitter) * p.nppToVegetation * npp
        respirationSensitivity = _log(p.respirationQ10) * 0.1
        humifiedFraction = min(1, max(0, (soilTurnover * p.preindustrialSoil - soilDirectInput) / litterInput))
    }

    /// Steps one band's pools over `dt` years.
    /// - Parameters:
    ///   - share: the band's share of global NPP and pools (1 for the box model).
    ///   - landUse: land-use-change emissions requested for this band, PgC yr⁻¹.
    
    public func step(vegetation: inout Double, litter: inout Double, soil: inout Double,
                     permafrostFrozen: inout Double, permafrostThawed: inout Double,
                     co2Ratio: Double, warming: Double, landUse: Double, share: Double, dt: Double) -> LandFluxes {
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

        // NPP with logarithmic CO2 fertilisation (Hartin et al. 2015, eq. 9). Land-use emissions are net
        // bookkeeping fluxes, so cleared land keeps its productivity (Hector's choice too).
        let npp = p.preindustrialNPP * share * max(0, 1 + p.co2Fertilisation * _log(co2Ratio))
        // Q10 respiration on the land temperature anomaly (Davidson & Janssens 2006).
        let q = _exp(respirationSensitivity * warming)
        let kl = litterTurnover * q, ks = soilTurnover * q
        vegetation = (vegetation + dt * p.nppToVegetation * npp) / (1 + dt * vegetationTurnover)
        let vegetationLitterfall = vegetationTurnover * vegetation
        litter = (litter + dt * (p.nppToLitter * npp + p.vegetationTurnoverToLitter * vegetationLitterfall)) / (1 + dt * kl)
        let decomposition = kl * litter
        soil = (soil + dt * ((1 - p.nppToVegetation - p.nppToLitter) * npp + (1 - p.vegetationTurnoverToLitter) * vegetationLitterfall
                             + humifiedFraction * decomposition)) / (1 + dt * ks)
        fluxes.npp = npp
        fluxes.heterotrophicRespiration = (1 - humifiedFraction) * decomposition + ks * soil

        if p.permafrostEnabled {
            // Frozen fraction relaxes towards a linear function of regional warming (Kessler 2017); thawed carbon decays with Q10.
            let regional = p.permafrostWarmingRatio * warming
            let frozenTarget = p.permafrostCarbon * share * min(1, max(0, 1 - regional / p.permafrostFullThawWarming))
            let thaw = max(0, permafrostFrozen - frozenTarget) * min(1, dt / p.permafrostThawYears)
            permafrostFrozen -= thaw
            permafrostThawed = (permafrostThawed + thaw) / (1 + dt * q / p.permafrostDecompositionYears)
            fluxes.permafrostEmissions = permafrostThawed * q / p.permafrostDecompositionYears
        }
        return fluxes
    }
}
