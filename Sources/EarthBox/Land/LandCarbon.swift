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
public struct LandCarbon: EarthSystemComponent {
    public let parameters: LandCarbonParameters
    public let vegetationTurnover: Double   // yr⁻¹
    public let litterTurnover: Double       // yr⁻¹ (respiration + humification)
    public let humifiedFraction: Double     // of decomposed litter, to soil
    public let soilTurnover: Double         // yr⁻¹, of the fast soil
    public let slowSoilTurnover: Double     // yr⁻¹
    public let stabilisedFraction: Double   // of fast-soil decomposition, to the slow soil
    let respirationSensitivity: Double      // ln(Q10)/10, K⁻¹

    /// Each band's share of global land carbon (NPP, pools, land-use emissions), from `ProductivityProfile`.
    public let shares: [Double]
    /// Each band's share of the permafrost carbon (the land north of 50°N; 1 for the box model).
    public let permafrostShares: [Double]
    /// Each band's share of net land-use emissions and of land-based removal (`landUseShares(grid:)`).
    public let landUseShares: [Double]
    /// Permafrost-region warming per K of the band's land warming: the box model's one land warms less than its
    /// permafrost north of 50°N (Arctic amplification, `permafrostWarmingRatio`); bands carry their own latitude.
    public let permafrostWarmingFactor: Double
    /// Preindustrial vegetation, litter and soil carbon, PgC (what land use draws the productive share from).
    public var preindustrialCarbon: Double { parameters.preindustrialVegetation + parameters.preindustrialLitter + parameters.preindustrialSoil }

    public init(parameters p: LandCarbonParameters, shares: [Double] = [1], permafrostShares: [Double]? = nil,
                landUseShares: [Double]? = nil) {
        parameters = p
        self.shares = shares
        self.permafrostShares = permafrostShares ?? shares
        self.landUseShares = landUseShares ?? shares
        permafrostWarmingFactor = shares.count == 1 ? p.permafrostWarmingRatio : 1
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

    /// One band's pools: vegetation, litter, fast soil, frozen and thawed permafrost carbon, slow soil, PgC.
    public struct Pools<Lane> {
        public let slots: UnsafeMutablePointer<Lane>
        @inline(__always) public init(_ slots: UnsafeMutablePointer<Lane>) { self.slots = slots }
        public var vegetation: Lane { @inline(__always) get { slots[0] } @inline(__always) nonmutating set { slots[0] = newValue } }
        public var litter: Lane { @inline(__always) get { slots[1] } @inline(__always) nonmutating set { slots[1] = newValue } }
        public var soil: Lane { @inline(__always) get { slots[2] } @inline(__always) nonmutating set { slots[2] = newValue } }
        public var permafrostFrozen: Lane { @inline(__always) get { slots[3] } @inline(__always) nonmutating set { slots[3] = newValue } }
        public var permafrostThawed: Lane { @inline(__always) get { slots[4] } @inline(__always) nonmutating set { slots[4] = newValue } }
        public var slowSoil: Lane { @inline(__always) get { slots[5] } @inline(__always) nonmutating set { slots[5] = newValue } }
    }

    /// The land's global slots: last year's permafrost CH4 (it enters the CH4 cycle the next year), the carbon emitted
    /// as CH4 so far (kept in the carbon ledger), and the carbon put into vegetation by land-based removal so far.
    public struct Globals {
        public let slots: UnsafeMutablePointer<Double>
        @inline(__always) public init(_ slots: UnsafeMutablePointer<Double>) { self.slots = slots }
        public var permafrostMethaneFlux: Double { @inline(__always) get { slots[0] } @inline(__always) nonmutating set { slots[0] = newValue } }
        public var permafrostMethaneCarbon: Double { @inline(__always) get { slots[1] } @inline(__always) nonmutating set { slots[1] = newValue } }
        public var cumulativeRemoval: Double { @inline(__always) get { slots[2] } @inline(__always) nonmutating set { slots[2] = newValue } }
    }
    public typealias State = Pools<Double>

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("vegetation_carbon", "PgC", scope: .perBand, preindustrial: "vegetation_preindustrial × the band's productivity share"),
         StateSlot("litter_carbon", "PgC", scope: .perBand, preindustrial: "litter_preindustrial × share"),
         StateSlot("soil_carbon", "PgC", scope: .perBand, preindustrial: "soil_preindustrial × share"),
         StateSlot("permafrost_frozen_carbon", "PgC", scope: .perBand, preindustrial: "permafrost_carbon × share (0 with permafrost off)"),
         StateSlot("permafrost_thawed_carbon", "PgC", scope: .perBand, preindustrial: "0"),
         StateSlot("slow_soil_carbon", "PgC", scope: .perBand, preindustrial: "soil_preindustrial × slow_soil_share × share"),
         StateSlot("permafrost_ch4_flux", "PgC yr-1", scope: .global, preindustrial: "0"),
         StateSlot("permafrost_ch4_carbon", "PgC", scope: .global, preindustrial: "0"),
         StateSlot("cumulative_land_removal", "PgC", scope: .global, preindustrial: "0")]
    }

    public static var diagnostics: [Diagnostic] {
        [.netPrimaryProduction, .heterotrophicRespiration, .landUseEmissions, .permafrostEmissions, .netBiomeProduction,
         .landUseEmissionsRequested, .vegetationCarbon, .litterCarbon, .soilCarbon, .permafrostFrozenCarbon, .permafrostThawedCarbon,
         .permafrostMethaneEmissions, .naturalLandSink, .cumulativeLandUptake, .landRemoval, .cumulativeLandRemoval]
    }

    /// The pools of one band at their preindustrial steady state, for a band holding `share` of global land carbon.
    public func setPreindustrial(_ pools: Pools<Double>, share: Double, permafrostShare: Double) {
        let l = parameters
        pools.vegetation = l.preindustrialVegetation * share
        pools.litter = l.preindustrialLitter * share
        pools.soil = l.preindustrialSoil * (1 - l.slowSoilShare) * share
        pools.slowSoil = l.preindustrialSoil * l.slowSoilShare * share
        pools.permafrostFrozen = l.permafrostEnabled ? l.permafrostCarbon * permafrostShare : 0
        pools.permafrostThawed = 0
    }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let bands = block.bands(v)
        for b in 0..<shares.count { setPreindustrial(Pools(bands[b]), share: shares[b], permafrostShare: permafrostShares[b]) }
        let g = Globals(block.globals(v))
        g.permafrostMethaneFlux = 0; g.permafrostMethaneCarbon = 0; g.cumulativeRemoval = 0
    }

    /// The land's global slots.
    @inline(__always)
    public func globals(_ v: UnsafeMutablePointer<Double>, block: StateBlock) -> Globals { Globals(block.globals(v)) }

    /// Shares of net land-use emissions: the productivity of the land between 30°S and 30°N, since net emissions from
    /// land-use change have come from tropical deforestation while the extratropics' clearing and regrowth roughly
    /// balance (Houghton et al. 2012, BG 9, 5125; Friedlingstein et al. 2023, ESSD 15, 5301, §3.2); with one band, 1.
    public static func landUseShares(grid: LatitudeGrid) -> [Double] {
        guard grid.count > 1 else { return [1] }
        let raw = (0..<grid.count).map { b in
            grid.sumOverLandRows(band: b) { latitude, area in abs(latitude) <= 30 ? area * ProductivityProfile.nppDensity(latitude: latitude) : 0 }
        }
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : ProductivityProfile.shares(grid: grid)
    }

    /// Shares of the land north of 50°N in each band (sum 1), where the northern circumpolar permafrost region lies
    /// (Hugelius et al. 2014, BG 11, 6573); with one band, 1.
    public static func permafrostShares(grid: LatitudeGrid) -> [Double] {
        guard grid.count > 1 else { return [1] }
        let raw = (0..<grid.count).map { b in grid.sumOverLandRows(band: b) { latitude, area in latitude >= 50 ? area : 0 } }
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : ProductivityProfile.shares(grid: grid)
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
        /// Share of the preindustrial productivity that land use has left (see `step`).
        public let productiveShare: Double
        /// The band's share of the permafrost carbon, and the warming of its permafrost region, K.
        public let permafrostShare: Double
        public let permafrostWarming: Double
        public let dt: Double
    }

    /// Steps one band's pools over `dt` years.
    @inline(__always)
    public func step(_ pools: Pools<Double>, _ inputs: Inputs, scratch: NoScratch = NoScratch()) -> LandFluxes {
        var vegetation = pools.vegetation, litter = pools.litter, soil = pools.soil, slowSoil = pools.slowSoil
        var permafrostFrozen = pools.permafrostFrozen, permafrostThawed = pools.permafrostThawed
        let fluxes = step(vegetation: &vegetation, litter: &litter, soil: &soil, slowSoil: &slowSoil, permafrostFrozen: &permafrostFrozen,
                          permafrostThawed: &permafrostThawed, co2Ratio: inputs.co2Ratio, warming: inputs.warming,
                          landUse: inputs.landUse, share: inputs.share, productiveShare: inputs.productiveShare,
                          permafrostShare: inputs.permafrostShare, permafrostWarming: inputs.permafrostWarming, dt: inputs.dt)
        pools.vegetation = vegetation; pools.litter = litter; pools.soil = soil; pools.slowSoil = slowSoil
        pools.permafrostFrozen = permafrostFrozen; pools.permafrostThawed = permafrostThawed
        return fluxes
    }

    @inline(__always)
    func step(vegetation: inout Double, litter: inout Double, soil: inout Double, slowSoil: inout Double,
              permafrostFrozen: inout Double, permafrostThawed: inout Double,
              co2Ratio: Double, warming: Double, landUse: Double, share: Double, productiveShare: Double,
              permafrostShare: Double, permafrostWarming: Double, dt: Double) -> LandFluxes {
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
