import Testing
@testable import EarthBox

/// InternalVariability alone: the AR(1) stochastic forcing (Hasselmann 1976; Cummins et al. 2020).
@Suite("Component: InternalVariability") struct InternalVariabilityTests {
    /// The global-mean forcing of the one-band process (the band-resolved statistics are in `RegionalVariabilityTests`).
    static func series(_ p: VariabilityParameters, count: Int, seed: UInt64 = 11) -> [Double] {
        let grid = LatitudeGrid(bands: 1, landFractionOneDegree: [Double](repeating: 0.3, count: 180))
        let variability = InternalVariability(parameters: p, grid: grid)
        let arena = ScratchArena()
        let scratch = variability.makeScratch(in: arena)
        var forcing = 0.0, random = Xoshiro256StarStar(seed: seed)
        return withExtendedLifetime(arena) {
            withUnsafeMutablePointer(to: &forcing) { f in
                withUnsafeMutablePointer(to: &random) { r in
                    grid.areaWeights.withUnsafeBufferPointer { w in
                        (0..<count).map { _ in variability.step(BandBlocks(first: f, stride: 1), .init(random: r, areaWeights: w.baseAddress!), scratch: scratch) }
                    }
                }
            }
        }
    }

    @Test("switched off it adds nothing and leaves its state alone")
    func offIsSteady() {
        #expect(Self.series(VariabilityParameters(), count: 1000).allSatisfy { $0 == 0 })
    }

    /// Reference: the configured standard deviation 0.6 W m⁻² (Cummins et al. 2020 fits to CMIP6: ~0.5–0.7) and
    /// lag-one autocorrelation (0 by default: the ocean supplies the memory) are the stationary statistics of the process (200 000 years: within 2 %, ±0.01).
    @Test func stationaryStatisticsAreTheConfiguredOnes() {
        var p = VariabilityParameters()
        p.enabled = true
        let x = Self.series(p, count: 200_000)
        let mean = x.reduce(0, +) / Double(x.count)
        var variance = 0.0, lag = 0.0
        for i in x.indices { variance += (x[i] - mean) * (x[i] - mean) }
        for i in 1..<x.count { lag += (x[i] - mean) * (x[i - 1] - mean) }
        let sd = (variance / Double(x.count)).squareRoot(), r1 = lag / variance
        #expect(abs(sd / p.forcingStandardDeviation - 1) < 0.02, "sd \(sd)")
        #expect(abs(r1 - p.autocorrelation) < 0.01, "r1 \(r1)")
        #expect(abs(mean) < 0.02)
    }

    @Test("a seed gives one realisation, another seed another")
    func seeded() {
        var p = VariabilityParameters()
        p.enabled = true
        #expect(Self.series(p, count: 100, seed: 5) == Self.series(p, count: 100, seed: 5))
        #expect(Self.series(p, count: 100, seed: 5) != Self.series(p, count: 100, seed: 6))
    }
}
