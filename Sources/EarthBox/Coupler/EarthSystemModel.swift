/// The coupler: owns the components, their order, and the coupling fields passed between them each year.
///
/// Data flow each year (DESIGN §2, `EarthSystemModel+Step.swift`): drivers → gases → land carbon →
/// atmosphere–ocean carbon → radiative forcing → energy balance and ocean heat → ledger and record.
/// Every component keeps the contract of `EarthSystemComponent`; each reads and writes the member's one flat
/// state vector only through its own block of the `StateLayout`.
public struct EarthSystemModel: Sendable {
    /// The components whose slots make up the state vector, in layout order (global slots first, then the band block).
    public static let components: [any EarthSystemComponent.Type] = [
        Ocean.self, EnergyBalance.self, OceanCarbon.self, GasCycles.self, ForcingAgents.self,
        InternalVariability.self, LandCarbon.self, ConservationLedger.self, Cryosphere.self,
    ]

    public let configuration: ModelConfiguration
    public let grid: LatitudeGrid
    public let layout: StateLayout
    public let gasCycles: GasCycles
    public let forcingAgents: ForcingAgents
    public let energyBalance: EnergyBalance
    public let ocean: Ocean
    public let oceanCarbon: OceanCarbon
    public let land: LandCarbon
    public let variability: InternalVariability
    public let ledger: ConservationLedger
    public let cryosphere: Cryosphere
    /// Each component's block of the state vector.
    let blocks: Blocks
    /// Carbon in the reservoirs of the preindustrial state, PgC (the ledger's reference).
    public private(set) var initialCarbon = 0.0

    struct Blocks: Sendable {
        let ocean, energyBalance, oceanCarbon, gases, forcing, variability, land, ledger, cryosphere: StateBlock
    }

    /// - Parameters:
    ///   - reference: the driver row of the preindustrial reference year (anthropogenic emissions the
    ///     control state balances, and the baseline of the short-lived forcers).
    ///   - climatology: the energy balance's climatology if already computed for this configuration's zonal parameters
    ///     and `grid` (an ensemble's members share it); anything else is ignored.
    public init(configuration: ModelConfiguration, grid: LatitudeGrid, halogenPreindustrialPPT: [Double], reference: [Double],
                climatology: EnergyBalance.Climatology? = nil) {
        self.configuration = configuration
        self.grid = grid
        let halogens = HalogenatedGasTable.all
        let h = halogens.count
        gasCycles = GasCycles(parameters: configuration.gases, halogens: halogens, halogenPreindustrialPPT: halogenPreindustrialPPT,
                              referenceMethaneEmissions: reference[DriverColumns.methane],
                              referenceNitrousOxideEmissions: reference[DriverColumns.nitrousOxide],
                              referenceHalogenEmissions: Array(reference[DriverColumns.halogenEmissions..<(DriverColumns.halogenEmissions + h)]),
                              mode: configuration.otherGasMode)
        forcingAgents = ForcingAgents(parameters: configuration.forcingAgents, gases: configuration.gases, halogens: halogens,
                                      halogenPreindustrialPPT: gasCycles.halogenPreindustrialPPT,
                                      referenceEmissions: Array(reference[0..<DriverColumns.halogenEmissions]),
                                      selection: configuration.forcingSelection)
        let c0 = configuration.gases.preindustrialCO2PPM
        let doubling = forcingAgents.parameters.co2Scale * CarbonDioxideForcing.doublingERF(parameters: forcingAgents.parameters.greenhouseGases)
        let chemistry = forcingAgents.chemistryFeedback(atWarming: configuration.climate.equilibriumClimateSensitivity, gasCycles: gasCycles,
                                                        referenceEmissions: reference, methaneFollowsEmissions: configuration.otherGasMode == .emissions)
        // A climatology computed for other zonal parameters or another grid is not this model's: computed afresh.
        let shared = climatology.flatMap { $0.zonal == configuration.zonal && $0.grid == grid ? $0 : nil }
        energyBalance = EnergyBalance(climate: configuration.climate,
                                      climatology: shared ?? EnergyBalance.Climatology(zonal: configuration.zonal, grid: grid),
                                      doublingForcing: doubling, chemistryFeedback: chemistry)
        ocean = Ocean(parameters: configuration.ocean, grid: grid)
        oceanCarbon = OceanCarbon(parameters: configuration.oceanCarbon, ocean: ocean, grid: grid, preindustrialCO2PPM: c0,
                                  mode: configuration.co2Mode, coupling: configuration.carbonCoupling)
        land = LandCarbon(parameters: configuration.land, shares: ProductivityProfile.shares(grid: grid),
                          permafrostShares: LandCarbon.permafrostShares(grid: grid), landUseShares: LandCarbon.landUseShares(grid: grid))
        variability = InternalVariability(parameters: configuration.variability, grid: grid)
        ledger = ConservationLedger()
        cryosphere = Cryosphere(climate: configuration.climate)
        layout = StateLayout(shape: ModelShape(bandCount: grid.count, layerCount: ocean.layers.layerCount, halogenCount: h,
                                               groundLayerCount: energyBalance.groundLayers.layerCount),
                             components: Self.components)
        let L = layout
        blocks = Blocks(ocean: L.block(Ocean.self), energyBalance: L.block(EnergyBalance.self),
                        oceanCarbon: L.block(OceanCarbon.self), gases: L.block(GasCycles.self),
                        forcing: L.block(ForcingAgents.self), variability: L.block(InternalVariability.self),
                        land: L.block(LandCarbon.self), ledger: L.block(ConservationLedger.self), cryosphere: L.block(Cryosphere.self))
        var reference = initialState(year: 0, seed: 0)
        initialCarbon = reference.values.withUnsafeMutableBufferPointer { carbonInReservoirs($0.baseAddress!) }
    }

    /// The preindustrial equilibrium: every anomaly zero, pools at their steady state.
    public func initialState(year: Int, seed: UInt64) -> ModelState {
        var state = ModelState(year: year, layout: layout, seed: seed)
        state.values.withUnsafeMutableBufferPointer { buffer in
            let v = buffer.baseAddress!
            ocean.setPreindustrial(v, block: blocks.ocean)
            energyBalance.setPreindustrial(v, block: blocks.energyBalance)
            oceanCarbon.setPreindustrial(v, block: blocks.oceanCarbon)
            gasCycles.setPreindustrial(v, block: blocks.gases)
            forcingAgents.setPreindustrial(v, block: blocks.forcing)
            variability.setPreindustrial(v, block: blocks.variability)
            land.setPreindustrial(v, block: blocks.land)
            ledger.setPreindustrial(v, block: blocks.ledger)
            cryosphere.setPreindustrial(v, block: blocks.cryosphere)
        }
        return state
    }

    /// Scratch memory for `step`, one per worker: every component's own, sized by the component.
    public func makeWorkspace() -> ModelWorkspace {
        let arena = ScratchArena()
        return ModelWorkspace(arena: arena, scratch: .init(
            ocean: ocean.makeScratch(in: arena), energyBalance: energyBalance.makeScratch(in: arena),
            oceanCarbon: oceanCarbon.makeScratch(in: arena), variability: variability.makeScratch(in: arena),
            bands: arena.take(3 * grid.count), landCarbon: arena.take(grid.count)))
    }

    /// The ocean's layers (the same in every band).
    public var oceanLayers: OceanLayerGrid { ocean.layers }

    /// Ocean area of each band, m².
    public var oceanArea: [Double] { oceanCarbon.oceanArea }

    /// Total carbon in the model's reservoirs, PgC (atmosphere + ocean anomaly + land + permafrost, the carbon the
    /// land emitted as CH4, and the geological store of removed carbon).
    public func carbonInReservoirs(_ v: UnsafeMutablePointer<Double>) -> Double {
        let carbon = oceanCarbon.view(v, block: blocks.oceanCarbon), pools = blocks.land.bands(v)
        return carbonInReservoirs(v, ocean: { oceanCarbon.carbonInventory(dic: carbon.dic($0), oceanAreaSquareMetres: oceanCarbon.oceanArea[$0]) },
                                  land: { landCarbon(pools[$0]) })
    }

    /// `carbonInReservoirs` with each band's ocean and land carbon given (a step has summed them already: the same sums,
    /// so the same bits).
    @inline(__always)
    func carbonInReservoirs(_ v: UnsafeMutablePointer<Double>, ocean: (Int) -> Double, land landBand: (Int) -> Double) -> Double {
        let carbon = oceanCarbon.view(v, block: blocks.oceanCarbon)
        var total = carbon.atmosphere.pointee + land.globals(v, block: blocks.land).permafrostMethaneCarbon
            + ledger.view(v, block: blocks.ledger).geologicalStorage
        for b in 0..<grid.count {
            total += ocean(b)
            total += landBand(b)
        }
        return total
    }

    /// Carbon of one band's land pools, PgC.
    @inline(__always)
    func landCarbon(_ slots: UnsafeMutablePointer<Double>) -> Double {
        let p = LandCarbon.Pools(slots)
        return p.vegetation + p.litter + p.soil + p.slowSoil + p.permafrostFrozen + p.permafrostThawed
    }

    /// Land carbon of the preindustrial state including permafrost, PgC.
    public var initialLandCarbon: Double {
        land.preindustrialCarbon + (configuration.land.permafrostEnabled ? configuration.land.permafrostCarbon : 0)
    }

    /// Heat inventory relative to preindustrial, J per m² of Earth surface: ocean by depth, land, atmosphere, cryosphere.
    public func heatInventory(_ v: UnsafeMutablePointer<Double>) -> HeatInventory {
        let columns = blocks.ocean.bands(v), land = blocks.energyBalance.bands(v)
        var total = HeatInventory()
        for b in 0..<grid.count {
            let x = columns[b], w = grid.areaWeights[b], wo = w * grid.oceanFraction(b)
            let ocean = ocean.heatByDepth(x), surface = energyBalance.landAndAtmosphereHeat(band: b, mixedLayer: x[0], land: land[b])
            total.ocean0To700 += wo * ocean.upper700; total.ocean700To2000 += wo * ocean.from700To2000
            total.oceanBelow2000 += wo * ocean.below2000
            total.land += w * surface.land; total.atmosphere += w * surface.atmosphere
        }
        total.cryosphere = cryosphere.view(v, block: blocks.cryosphere).total
        return total
    }

    /// Heat content relative to preindustrial, J per m² of Earth surface.
    public func heatContent(_ v: UnsafeMutablePointer<Double>) -> Double { heatInventory(v).total }
}

/// Where the heat of the Earth system sits, J per m² of Earth, relative to preindustrial: the heat inventory of
/// von Schuckmann et al. (2020, ESSD 12, 2013; 2023, ESSD 15, 1675) by ocean depth range, land (surface and
/// ground), atmosphere and the latent heat of melted ice.
public struct HeatInventory: Sendable, Equatable {
    public var ocean0To700 = 0.0, ocean700To2000 = 0.0, oceanBelow2000 = 0.0
    public var land = 0.0, atmosphere = 0.0, cryosphere = 0.0
    public var ocean: Double { ocean0To700 + ocean700To2000 + oceanBelow2000 }
    public var total: Double { ocean + land + atmosphere + cryosphere }
    public init() {}
}

/// Scratch memory of one worker stepping members of one model: each component's own, in one arena.
public struct ModelWorkspace {
    let arena: ScratchArena
    let scratch: YearScratch

    /// Every component's scratch (plain pointers into the arena).
    struct YearScratch {
        let ocean: Ocean.Scratch
        let energyBalance: EnergyBalance.Scratch
        let oceanCarbon: OceanCarbon.Scratch
        let variability: InternalVariability.Scratch
        /// Per band: absolute surface temperature and the two ice covers, for the record and the cryosphere.
        let bands: UnsafeMutablePointer<Double>
        /// Per band: the land carbon at the end of the land stage, PgC, for the ledger.
        let landCarbon: UnsafeMutablePointer<Double>
    }
}
