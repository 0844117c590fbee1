#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import EarthBox

/// The ocean's vertical transport alone, for every ocean model: the same protocol carries heat and DIC.
@Suite("Component: ocean vertical transport") struct OceanTransportTests {
    static let upwellingDiffusion = ColumnMixing.columns(OceanParameters(), grid: LatitudeGrid(bands: 1, landFractionOneDegree: [Double](repeating: 0.3, count: 180)))[0]
    static let twoLayer = TwoLayerColumn.column(OceanParameters())

    /// One step with `input` (conc·m) added to the mixed-layer row; returns the new column.
    static func step<T: VerticalTransport>(_ t: T, _ x: [Double], input: Double) -> [Double] {
        var x = x, scratch = [Double](repeating: 0, count: t.count)
        x.withUnsafeMutableBufferPointer { p in
            scratch.withUnsafeMutableBufferPointer { s in
                t.solve(p.baseAddress!, surfaceDiagonal: t.surfaceDiagonal, surfaceUpper: t.surfaceUpper,
                        surfaceRHS: t.surfaceRightHandSide(mixedOld: p[0]) + input, scratch: s.baseAddress!)
            }
        }
        return x
    }

    static func content<T: VerticalTransport>(_ t: T, _ x: [Double]) -> Double { x.withUnsafeBufferPointer { t.columnIntegral($0.baseAddress!) } }

    static func checkSteadyAndConservative<T: VerticalTransport>(_ t: T) {
        // A uniform column is a steady state of diffusion and of the upwelling loop.
        var x = [Double](repeating: 1.5, count: t.count)
        for _ in 0..<200 { x = step(t, x, input: 0) }
        #expect(x.allSatisfy { abs($0 - 1.5) < 1e-12 }, "\(T.self) drifts: \(x)")
        // What enters the mixed layer stays in the column, to round-off, however it is redistributed.
        var random = Xoshiro256StarStar(seed: 9)
        x = (0..<t.count).map { _ in 4 * random.nextUnitInterval() - 1 }
        var worst = 0.0
        for _ in 0..<200 {
            let input = 10 * random.nextUnitInterval() - 5, before = content(t, x)
            x = step(t, x, input: input)
            worst = max(worst, abs(content(t, x) - before - input))
        }
        #expect(worst < 1e-9, "\(T.self) loses \(worst)")
    }

    @Test("a uniform column is steady and the column conserves its tracer (upwelling–diffusion)")
    func upwellingDiffusionSteadyAndConservative() { Self.checkSteadyAndConservative(Self.upwellingDiffusion) }

    /// The sinking branch entering at intermediate depth (`OceanParameters.sinkingDepthMetres`): still steady and
    /// conservative; the sinking water reaches its entry layer within a step, and the layers below it only by diffusion.
    @Test func sinkingWaterEntersItsLayer() {
        let layers = ColumnMixing.layerGrid(OceanParameters())
        for entry in [5, 11, layers.layerCount - 1] {
            let column = ColumnMixing(layers: layers, diffusivitySquareCentimetresPerSecond: [1e-6], upwellingMetresPerYear: 5, sinkingLayer: entry)
            Self.checkSteadyAndConservative(column)
            var x = [Double](repeating: 0, count: layers.layerCount)
            x[0] = 1
            x = Self.step(column, x, input: 0)
            // With almost no diffusion, the entry layer gets the sinking water (w·x0/dz of it) and the layer below nothing.
            #expect(abs(x[entry] - 5 / layers.thicknessMetres[entry] / (1 + 5 / layers.thicknessMetres[entry])) < 1e-6, "entry \(entry): \(x[entry])")
            if entry + 1 < layers.layerCount { #expect(abs(x[entry + 1]) < 1e-7, "below entry \(entry): \(x[entry + 1])") }
        }
        // The default column's sinking water enters the layer holding 2300 m.
        let standard = Self.upwellingDiffusion
        #expect(layers.topDepthsMetres[standard.sinkingLayer] <= 2300 && 2300 < layers.topDepthsMetres[standard.sinkingLayer] + layers.thicknessMetres[standard.sinkingLayer])
    }

    @Test("a uniform column is steady and the column conserves its tracer (two-layer)")
    func twoLayerSteadyAndConservative() { Self.checkSteadyAndConservative(Self.twoLayer) }

    /// Reference: a surface held at ΔT above a deep diffusive ocean takes up 2ΔT√(κt/π) K·m (Carslaw & Jaeger 1959,
    /// §2.4; the slab-diffusion limit of Hoffert et al. 1980 with w = 0). κ = 1 cm² s⁻¹, 50 years, 400 layers of 10 m,
    /// Δt = 0.05 yr: within 1 %.
    @Test func diffusiveUptakeMatchesTheSemiInfiniteSolution() {
        let layers = OceanLayerGrid(thicknessMetres: [Double](repeating: 10, count: 400))
        let dt = 0.05
        let column = ColumnMixing(layers: layers, diffusivitySquareCentimetresPerSecond: [1], upwellingMetresPerYear: 0, timeStep: dt)
        var x = [Double](repeating: 0, count: 400), scratch = x
        let big = 1e12   // the mixed-layer row pins it at 1 K
        for _ in 0..<Int(50 / dt) {
            x.withUnsafeMutableBufferPointer { p in
                scratch.withUnsafeMutableBufferPointer { s in
                    column.solve(p.baseAddress!, surfaceDiagonal: big, surfaceUpper: column.surfaceUpper, surfaceRHS: big, scratch: s.baseAddress!)
                }
            }
        }
        let kappa = 1e-4 * PhysicalConstants.secondsPerYear   // m² yr⁻¹
        let expected = 2 * (kappa * 50 / Double.pi).squareRoot() + 5   // + the pinned top half-layer held at 1 K
        let uptake = x.withUnsafeBufferPointer { column.columnIntegral($0.baseAddress!) }
        #expect(abs(uptake / expected - 1) < 0.01, "uptake \(uptake) K m, expected \(expected)")
    }
}
