import Testing
@testable import EarthBox

/// EnergyBalance alone, over each ocean model: surfaces, meridional transport and the ocean's mixed layer.
@Suite("Component: EnergyBalance") struct EnergyBalanceTests {
    struct Setup {
        let energyBalance: EnergyBalance
        let ocean: Ocean
        var columns: [Double]
        var land: [Double]
        let arena = ScratchArena()
        let scratch: EnergyBalance.Scratch, oceanScratch: Ocean.Scratch

        init(bands: Int, ocean model: String = ColumnMixing.modelName) {
            let grid = LatitudeGrid(bands: bands, landFractionOneDegree: (0..<180).map { $0 > 100 ? 0.45 : 0.2 })
            let doubling = CarbonDioxideForcing.doublingERF(parameters: ForcingAgentParameters().greenhouseGases)
            energyBalance = EnergyBalance(climate: ClimateParameters(), zonal: ZonalParameters(), grid: grid, doublingForcing: doubling)
            var p = OceanParameters()
            p.model = model
            ocean = Ocean(parameters: p, grid: grid)
            columns = [Double](repeating: 0, count: bands * ocean.layers.layerCount)
            land = [Double](repeating: 0, count: bands * energyBalance.bandStateCount)
            let stride = energyBalance.bandStateCount, e = energyBalance
            land.withUnsafeMutableBufferPointer { l in
                e.setPreindustrial(l.baseAddress!, block: StateBlock(global: 0, band: 0, globalCount: 0, bandStride: stride))
            }
            scratch = energyBalance.makeScratch(in: arena)
            oceanScratch = ocean.makeScratch(in: arena)
        }

        /// One year under `forcing`; returns each band's TOA imbalance and meridional convergence, W m⁻².
        var bandCount: Int { energyBalance.grid.count }
        var groundCount: Int { energyBalance.bandStateCount }   // values per band: land column, sea-ice share and surface

        mutating func step(forcing: Double) -> (imbalance: [Double], convergence: [Double]) {
            let n = bandCount, nl = ocean.layers.layerCount, ng = groundCount
            var convergence = [Double](repeating: 0, count: n), imbalance = convergence
            let (e, o, s, os) = (energyBalance, ocean, scratch, oceanScratch)
            withExtendedLifetime(arena) {
                columns.withUnsafeMutableBufferPointer { c in
                    land.withUnsafeMutableBufferPointer { l in
                        convergence.withUnsafeMutableBufferPointer { m in
                            let f = e.step(BandBlocks(first: l.baseAddress!, stride: ng), ocean: o, columns: BandBlocks(first: c.baseAddress!, stride: nl),
                                           forcing: forcing, dt: 1, convergence: m.baseAddress!, scratch: s, oceanScratch: os)
                            for b in 0..<n { imbalance[b] = f.imbalance[b] }
                        }
                    }
                }
            }
            return (imbalance, convergence)
        }

        /// Heat content of each band (ocean column, land column, air), J m⁻².
        func heat() -> [Double] {
            let nl = ocean.layers.layerCount, ng = groundCount
            let rhoC = PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity
            return columns.withUnsafeBufferPointer { c in
                land.withUnsafeBufferPointer { l in
                    (0..<bandCount).map { b in
                        let surface = energyBalance.landAndAtmosphereHeat(band: b, mixedLayer: c[b * nl], land: l.baseAddress! + b * ng)
                        return energyBalance.grid.oceanFraction(b) * rhoC * ocean.layerIntegral(c.baseAddress! + b * nl) + surface.land + surface.atmosphere
                    }
                }
            }
        }

        var globalWarming: Double {
            let g = energyBalance.grid, nl = ocean.layers.layerCount
            var sum = 0.0
            for b in 0..<bandCount {
                sum += g.areaWeights[b] * land.withUnsafeBufferPointer { energyBalance.bandMean(band: b, mixedLayer: columns[b * nl], land: $0.baseAddress! + b * groundCount) }
            }
            return sum
        }
    }

    static let cases: [(Int, String)] = [(1, ColumnMixing.modelName), (18, ColumnMixing.modelName), (1, TwoLayerColumn.modelName),
                                         (18, TwoLayerColumn.modelName)]

    @Test("no forcing, no anomaly: nothing changes", arguments: cases)
    func steadyState(bands: Int, model: String) {
        var s = Setup(bands: bands, ocean: model)
        for _ in 0..<100 {
            let f = s.step(forcing: 0)
            #expect(f.imbalance.allSatisfy { $0 == 0 })
        }
        #expect(s.columns.allSatisfy { $0 == 0 } && s.land.allSatisfy { $0 == 0 })
    }

    @Test("each band's heat content changes by its TOA imbalance plus the heat transport it receives", arguments: cases)
    func conservesEnergy(bands: Int, model: String) {
        var s = Setup(bands: bands, ocean: model)
        var random = Xoshiro256StarStar(seed: 7)
        for k in s.columns.indices { s.columns[k] = 2 * random.nextUnitInterval() - 0.5 }
        for b in s.land.indices { s.land[b] = 3 * random.nextUnitInterval() }
        for year in 0..<20 {
            let before = s.heat()
            let f = s.step(forcing: Double(year % 5))
            let after = s.heat()
            for b in 0..<bands {
                let expected = (f.imbalance[b] + f.convergence[b]) * PhysicalConstants.secondsPerYear
                #expect(abs(after[b] - before[b] - expected) < 1e-9 * abs(expected) + 1e-3, "band \(b) year \(year)")
            }
        }
    }

    /// Reference: the configured ECS (AR6 best estimate 3 K, Forster et al. 2021 §7.5), reached by time stepping
    /// 2×CO2 over the two-layer ocean for 3000 years (within 1 %): the calibration of Λ and the stepped equations agree.
    @Test func equilibriumOfDoubledCO2() {
        var s = Setup(bands: 1, ocean: TwoLayerColumn.modelName)
        for _ in 0..<3000 { _ = s.step(forcing: s.energyBalance.doublingForcing) }
        #expect(abs(s.globalWarming / ClimateParameters().equilibriumClimateSensitivity - 1) < 0.01, "warming \(s.globalWarming)")
        #expect(s.land[0] > s.columns[0], "land warms more than ocean")
    }
}
