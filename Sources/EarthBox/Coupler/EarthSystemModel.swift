/// The coupler: owns the order of the components, passes the coupling fields between them each year,
/// and keeps the conservation ledger (carbon in PgC, energy in J m⁻²).
///
/// Data flow each year (DESIGN §2): drivers → gases → carbon cycle (land, then atmosphere–ocean solved
/// together) → radiative forcing → energy balance and ocean heat → diagnostics.
public struct EarthSystemModel: Sendable {
    public let configuration: ModelConfiguration
    public let grid: LatitudeGrid
    public let layout: StateLayout
    public let gasCycles: GasCycles
    public let forcingAgents: ForcingAgents
    public let energyBalance: EnergyBalance
    public let oceanCarbon: OceanCarbon
    public let land: LandCarbon
    public let variability: InternalVariability
    public let cryosphere: Cryosphere
    /// Ocean area of each band, m².
    public let oceanArea: [Double]
    public let totalOceanArea: Double
    /// Share of global land carbon (NPP, pools, land-use emissions) in each band (`ProductivityProfile`).
    public let landShare: [Double]
    public let halogenCount: Int
    /// Carbon in the reservoirs of the preindustrial state, PgC (the ledger's reference).
    public private(set) var initialCarbon = 0.0

    /// - Parameters:
    ///   - reference: the driver row of the preindustrial reference year (anthropogenic emissions the
    ///     control state balances, and the baseline of the short-lived forcers).
    public init(configuration: ModelConfiguration, grid: LatitudeGrid, halogenPreindustrialPPT: [Double], reference: [Double]) {
        self.configuration = configuration
        self.grid = grid
        let halogens = HalogenatedGasTable.all
        halogenCount = halogens.count
        let layers = OceanLayerGrid(thicknessMetres: configuration.ocean.layerThicknessMetres)
        layout = StateLayout(bandCount: grid.count, layerCount: layers.layerCount, halogenCount: halogens.count,
                             groundLayerCount: EnergyBalance.groundLayers(configuration.climate).layerCount)
        let h = halogens.count
        gasCycles = GasCycles(parameters: configuration.gases, halogens: halogens, halogenPreindustrialPPT: halogenPreindustrialPPT,
                              referenceMethaneEmissions: reference[DriverColumns.methane],
                              referenceNitrousOxideEmissions: reference[DriverColumns.nitrousOxide],
                              referenceHalogenEmissions: Array(reference[DriverColumns.halogenEmissions..<(DriverColumns.halogenEmissions + h)]))
        forcingAgents = ForcingAgents(parameters: configuration.forcingAgents, gases: configuration.gases, halogens: halogens,
                                      halogenPreindustrialPPT: gasCycles.halogenPreindustrialPPT,
                                      referenceEmissions: Array(reference[0..<DriverColumns.halogenEmissions]),
                                      selection: configuration.forcingSelection)
        let c0 = configuration.gases.preindustrialCO2PPM
        let doubling = forcingAgents.parameters.co2Scale * CarbonDioxideForcing.doublingERF(parameters: forcingAgents.parameters.greenhouseGases)
        let chemistry = forcingAgents.chemistryFeedback(atWarming: configuration.climate.equilibriumClimateSensitivity, gasCycles: gasCycles,
                                                        referenceEmissions: reference, methaneFollowsEmissions: configuration.otherGasMode == .emissions)
        energyBalance = EnergyBalance(climate: configuration.climate, ocean: configuration.ocean, zonal: configuration.zonal,
                                      grid: grid, doublingForcing: doubling, chemistryFeedback: chemistry)
        oceanCarbon = OceanCarbon(parameters: configuration.oceanCarbon, ocean: configuration.ocean, preindustrialCO2PPM: c0)
        land = LandCarbon(parameters: configuration.land)
        variability = InternalVariability(parameters: configuration.variability)
        cryosphere = Cryosphere(climate: configuration.climate)
        var area = [Double]()
        for b in 0..<grid.count {
            area.append(PhysicalConstants.earthSurfaceAreaSquareMetres * grid.areaWeights[b] * grid.oceanFraction(b))
        }
        oceanArea = area
        totalOceanArea = area.reduce(0, +)
        landShare = ProductivityProfile.shares(grid: grid)
        let reference = initialState(year: 0, seed: 0)
        initialCarbon = reference.values.withUnsafeBufferPointer { carbonInReservoirs($0.baseAddress!) }
    }

    /// The preindustrial equilibrium: every anomaly zero, pools at their steady state.
    public func initialState(year: Int, seed: UInt64) -> ModelState {
        var state = ModelState(year: year, layout: layout, seed: seed)
        let g = configuration.gases
        state.values[layout.atmosphereCarbon] = g.preindustrialCO2PPM * AtmosphericMass.pgCPerPpmCO2
        state.values[layout.methane] = g.preindustrialMethanePPB
        state.values[layout.nitrousOxide] = g.preindustrialNitrousOxidePPB
        for i in 0..<halogenCount { state.values[layout.halogens + i] = gasCycles.halogenPreindustrialPPT[i] }
        for k in 0..<3 { state.values[layout.eescHistory + k] = forcingAgents.preindustrialEESC }
        let l = configuration.land
        for b in 0..<layout.bandCount {
            let o = layout.band(b)
            state.values[o + layout.hydrogenIon] = oceanCarbon.preindustrialHydrogenIon
            state.values[o + layout.vegetation] = l.preindustrialVegetation * landShare[b]
            state.values[o + layout.litter] = l.preindustrialLitter * landShare[b]
            state.values[o + layout.soil] = l.preindustrialSoil * landShare[b]
            state.values[o + layout.permafrostFrozen] = l.permafrostEnabled ? l.permafrostCarbon * landShare[b] : 0
        }
        return state
    }

    /// Size of the scratch buffer `step` needs.
    public var workspaceCount: Int {
        max(layout.layerCount * (5 + 2 * layout.bandCount) + 7 * layout.bandCount,
            energyBalance.workspaceCount) + 2 * layout.bandCount
    }

    /// Total carbon in the model's reservoirs, PgC (atmosphere + ocean anomaly + land + permafrost).
    public func carbonInReservoirs(_ v: UnsafePointer<Double>) -> Double {
        var total = v[layout.atmosphereCarbon]
        for b in 0..<layout.bandCount {
            let o = layout.band(b)
            total += oceanCarbon.carbonInventory(dic: v + o + layout.columnDIC, oceanAreaSquareMetres: oceanArea[b])
            total += v[o + layout.vegetation] + v[o + layout.litter] + v[o + layout.soil]
            total += v[o + layout.permafrostFrozen] + v[o + layout.permafrostThawed]
        }
        return total
    }

    /// Heat inventory relative to preindustrial, J per m² of Earth surface (ocean by depth, land, atmosphere).
    public func heatInventory(_ v: UnsafePointer<Double>) -> EnergyBalance.HeatInventory {
        var total = EnergyBalance.HeatInventory()
        for b in 0..<layout.bandCount {
            let o = layout.band(b)
            total += grid.areaWeights[b] * energyBalance.heatInventory(band: b, column: v + o + layout.columnTemperature,
                                                                          land: v + o + layout.landTemperature)
        }
        return total
    }

    /// Heat content relative to preindustrial, J per m² of Earth surface: the inventory plus the cryosphere.
    public func heatContent(_ v: UnsafePointer<Double>) -> Double {
        heatInventory(v).total + v[layout.landIceMeltHeat] + v[layout.seaIceMeltHeat]
    }
}
