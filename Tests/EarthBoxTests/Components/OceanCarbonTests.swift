#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import EarthBox

/// OceanCarbon alone: the atmosphere–ocean carbon solve over the ocean's own transport.
@Suite("Component: OceanCarbon") struct OceanCarbonTests {
    static let grid = LatitudeGrid(bands: 1, landFractionOneDegree: [Double](repeating: 0.29, count: 180))
    static let c0 = 277.147

    struct Setup {
        let carbon: OceanCarbon
        var state: [Double]
        let block: StateBlock
        var temperature: [Double]
    }

    static func setup(mode: CarbonMode = .emissions, ocean model: String = ColumnMixing.modelName) -> Setup {
        var p = OceanParameters()
        p.model = model
        let ocean = Ocean(parameters: p, grid: grid)
        let carbon = OceanCarbon(parameters: OceanCarbonParameters(), ocean: ocean, grid: grid, preindustrialCO2PPM: c0, mode: mode)
        let n = ocean.layers.layerCount
        let block = StateBlock(global: 0, band: 0, globalCount: 1, bandStride: n + 1)
        var state = [Double](repeating: 0, count: 1 + n + 1)
        state.withUnsafeMutableBufferPointer { carbon.setPreindustrial($0.baseAddress!, block: block) }
        return Setup(carbon: carbon, state: state, block: block, temperature: [Double](repeating: 0, count: n))
    }

    static func step(_ s: inout Setup, fossil: Double, land: Double = 0, co2: Double = .nan, warming: Double = 0) -> OceanCarbon.Fluxes {
        let arena = ScratchArena(), scratch = s.carbon.makeScratch(in: arena)
        let n = s.temperature.count
        s.temperature[0] = warming
        let (carbon, block) = (s.carbon, s.block)
        return withExtendedLifetime(arena) {
            s.temperature.withUnsafeMutableBufferPointer { t in
                s.state.withUnsafeMutableBufferPointer { v in
                    carbon.step(carbon.view(v.baseAddress!, block: block),
                                .init(fossilEmissions: fossil, landUptake: land, prescribedCO2PPM: co2,
                                      oceanTemperature: BandBlocks(first: t.baseAddress!, stride: n), dt: 1, bandUptake: nil),
                                scratch: scratch)
                }
            }
        }
    }

    @Test("at preindustrial CO2 and DIC nothing moves for 200 years", arguments: [ColumnMixing.modelName, TwoLayerColumn.modelName])
    func steadyState(model: String) {
        var s = Self.setup(ocean: model)
        let start = s.state
        for _ in 0..<200 {
            let f = Self.step(&s, fossil: 0)
            #expect(abs(f.oceanUptake) < 1e-9)
        }
        #expect(abs(s.state[0] - start[0]) < 1e-9)
        #expect(s.state[1..<(s.state.count - 1)].allSatisfy { abs($0) < 1e-9 })
    }

    @Test("emitted carbon is in the atmosphere or the ocean, to round-off, every year", arguments: [ColumnMixing.modelName, TwoLayerColumn.modelName])
    func conservesCarbon(model: String) {
        var s = Self.setup(ocean: model)
        var random = Xoshiro256StarStar(seed: 4)
        var worst = 0.0, ocean = 0.0
        for year in 0..<300 {
            let fossil = year < 150 ? 10 * random.nextUnitInterval() : -2 * random.nextUnitInterval()
            let land = 2 * random.nextUnitInterval() - 0.5
            let before = s.state[0]
            let f = Self.step(&s, fossil: fossil, land: land, warming: Double(year) / 100)
            worst = max(worst, abs(s.state[0] - before + f.oceanUptake - (fossil - land)))
            #expect(abs(f.oceanCarbon - ocean - f.oceanUptake) < 1e-9)
            ocean = f.oceanCarbon
        }
        #expect(worst < 1e-9, "largest imbalance \(worst) PgC")
    }

    @Test("with CO2 prescribed, the compatible emissions are what atmosphere, ocean and land took")
    func compatibleEmissions() {
        var s = Self.setup(mode: .concentrations)
        let f = Self.step(&s, fossil: 0, land: 1, co2: 2 * Self.c0)
        #expect(abs(s.state[0] - 2 * Self.c0 * AtmosphericMass.pgCPerPpmCO2) < 1e-9)
        let atmosphereGain = (2 * Self.c0 - Self.c0) * AtmosphericMass.pgCPerPpmCO2
        #expect(abs(f.fossilEmissions - (atmosphereGain + f.oceanUptake + 1)) < 1e-9)
    }

    /// Reference: preindustrial surface ocean pH ≈ 8.2 (AR6 WG1 §5.3.2.1: from ~8.2 to ~8.1 since preindustrial times)
    /// and surface DIC ≈ 2000 µmol kg⁻¹ (GLODAP surface mean, Key et al. 2004): within ±0.05 pH and ±5 %.
    @Test func preindustrialSurfaceChemistry() {
        let s = Self.setup()
        let pH = -_log(s.carbon.preindustrialHydrogenIon) / _log(10)
        #expect(abs(pH - 8.2) < 0.05, "pH \(pH)")
        #expect(abs(s.carbon.preindustrialDIC / 2000 - 1) < 0.05, "DIC \(s.carbon.preindustrialDIC)")
    }
}
