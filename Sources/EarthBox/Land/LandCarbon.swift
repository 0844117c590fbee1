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
public struct LandCarbon: EarthSystemComponent {
    public let parameters: LandCarbonParameters
    public let vegetationTurnover: Double   // yr⁻¹
    public let litterTurnover: Double       // yr⁻¹ (respiration + humification)
    public let humifiedFraction: Double     // of decomposed litter, to soil
    public let soilTurnover: Double         // yr⁻¹
    let respirationSensitivity: Double      // ln(Q10)/10, K⁻¹

    /// Each band's share of global land carbon (NPP, pools, land-use emissions), from `ProductivityProfile`.
    public let shares: [Double]

    public init(parameters p: LandCarbonParameters, shares: [Double] = [1]) {
        parameters = p
        self.shares = shares
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

    /// One band's pools: vegetation, litter, soil, frozen and thawed permafrost carbon, PgC.
    public struct Pools<Lane> {
        public let slots: UnsafeMutablePointer<Lane>
        @inline(__always) public init(_ slots: UnsafeMutablePointer<Lane>) { self.slots = slots }
        public var vegetation: Lane { @inline(__always) get { slots[0] } @inline(__always) nonmutating set { slots[0] = newValue } }
        public var litter: Lane { @inline(__always) get { slots[1] } @inline(__always) nonmutating set { slots[1] = newValue } }
        public var soil: Lane { @inline(__always) get { slots[2] } @inline(__always) nonmutating set { slots[2] = newValue } }
        public var permafrostFrozen: Lane { @inline(__always) get { slots[3] } @inline(__always) nonmutating set { slots[3] = newValue } }
        public var permafrostThawed: Lane { @inline(__always) get { slots[4] } @inline(__always) nonmutating set { slots[4] = newValue } }
    }
    public typealias State = Pools<Double>

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("vegetation_carbon", "PgC", scope: .perBand, preindustrial: "vegetation_preindustrial × the band's productivity share"),
         StateSlot("litter_carbon", "PgC", scope: .perBand, preindustrial: "litter_preindustrial × share"),
         StateSlot("soil_carbon", "PgC", scope: .perBand, preindustrial: "soil_preindustrial × share"),
         StateSlot("permafrost_frozen_carbon", "PgC", scope: .perBand, preindustrial: "permafrost_carbon × share (0 with permafrost off)"),
         StateSlot("permafrost_thawed_carbon", "PgC", scope: .perBand, preindustrial: "0")]
    }

    public static var diagnostics: [Diagnostic] {
        [.netPrimaryProduction, .heterotrophicRespiration, .landUseEmissions, .permafrostEmissions, .netBiomeProduction,
         .landUseEmissionsRequested, .vegetationCarbon, .litterCarbon, .soilCarbon, .permafrostFrozenCarbon, .permafrostThawedCarbon]
    }

    /// The pools of one band at their preindustrial steady state, for a band holding `share` of global land carbon.
    public func setPreindustrial(_ pools: Pools<Double>, share: Double) {
        let l = parameters
        pools.vegetation = l.preindustrialVegetation * share
        pools.litter = l.preindustrialLitter * share
        pools.soil = l.preindustrialSoil * share
        pools.permafrostFrozen = l.permafrostEnabled ? l.permafrostCarbon * share : 0
        pools.permafrostThawed = 0
    }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let bands = block.bands(v)
        for b in 0..<shares.count { setPreindustrial(Pools(bands[b]), share: shares[b]) }
    }

    /// What one band's land needs this year.
    public struct Inputs {
        /// Start-of-year CO2 over its preindustrial value.
        public let co2Ratio: Double
        /// Land temperature change of the band, K.
        public let warming: Double
        /// Land-use-change emissions requested for this band, PgC yr⁻¹.
        public let landUse: Double
        /// The band's share of global NPP and pools (1 for the box model).
        public let share: Double
        public let dt: Double
    }

    /// Steps one band's pools over `dt` years.
    @inline(__always)
    public func step(_ pools: Pools<Double>, _ inputs: Inputs, scratch: NoScratch = NoScratch()) -> LandFluxes {
        var vegetation = pools.vegetation, litter = pools.litter, soil = pools.soil
        var permafrostFrozen = pools.permafrostFrozen, permafrostThawed = pools.permafrostThawed
        let fluxes = step(vegetation: &vegetation, litter: &litter, soil: &soil, permafrostFrozen: &permafrostFrozen,
                          permafrostThawed: &permafrostThawed, co2Ratio: inputs.co2Ratio, warming: inputs.warming,
                          landUse: inputs.landUse, share: inputs.share, dt: inputs.dt)
        pools.vegetation = vegetation; pools.litter = litter; pools.soil = soil
        pools.permafrostFrozen = permafrostFrozen; pools.permafrostThawed = permafrostThawed
        return fluxes
    }

    @inline(__always)
    func step(vegetation: inout Double, litter: inout Double, soil: inout Double,
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
