import Testing
@testable import EarthBox

/// The fast percentile paths (one sorted copy for both weightings, selection under equal weights) give the bits of
/// the definition they replace: an index sort through a closure per weighting, kept here as the reference.
@Suite("Sorted sample percentiles") struct SortedSampleTests {
    /// The definition as it was computed before (main 00a79c4): sort member indices by (value, index).
    static func reference(_ values: [Double], weights: [Double], _ ps: [Double]) -> [Double] {
        var order = values.indices.filter { values[$0].isFinite && weights[$0] > 0 }
        guard !order.isEmpty else { return ps.map { _ in .nan } }
        order.sort { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        let total = order.reduce(0) { $0 + weights[$1] }
        var positions: [Double] = [], cumulative = 0.0
        for i in order {
            positions.append((cumulative + weights[i] / 2) / total)
            cumulative += weights[i]
        }
        return ps.map { p in
            let q = p / 100
            if q <= positions[0] { return values[order[0]] }
            if q >= positions[positions.count - 1] { return values[order[order.count - 1]] }
            var k = 0
            while positions[k + 1] < q { k += 1 }
            let f = (q - positions[k]) / (positions[k + 1] - positions[k])
            return values[order[k]] + f * (values[order[k + 1]] - values[order[k]])
        }
    }

    static func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }

    /// Columns with ties, signed zeros, NaN and infinities, of sizes around the selection's small-range cut-off.
    static func columns() -> [[Double]] {
        var rng = SplitMix64(seed: 42)
        var out: [[Double]] = [[], [.nan], [3], [-0.0, 0.0, 0.0, -0.0]]
        for n in [2, 5, 16, 17, 33, 100, 1000, 4097] {
            out.append((0..<n).map { _ in Double(rng.next() % 1000) / 7 - 50 })
            out.append((0..<n).map { _ in [0.0, -0.0, 1, 1, .nan, .infinity, 2.5][Int(rng.next() % 7)] })
            out.append((0..<n).map { Double($0) })                 // sorted
            out.append((0..<n).map { Double(n - $0) })             // reversed
            out.append([Double](repeating: 0.5, count: n))        // all equal (every member's 1750 anomaly)
            out.append((0..<n).map { _ in [0.0, -0.0, -.infinity, -1][Int(rng.next() % 4)] })   // zero statistics of both signs
        }
        // The bucket selection's edges: one outlier that puts the rest in one bucket, a range wider than a double
        // holds, values a few ulps apart (a subnormal range), and a large column with many ties.
        for n in [65, 200, 5000] {
            out.append((0..<n).map { $0 == n / 2 ? 1e300 : Double(rng.next() % 1000) / 7 })
            out.append((0..<n).map { $0 % 3 == 0 ? -1.7e308 : ($0 % 3 == 1 ? 1.7e308 : 0) })
            out.append((0..<n).map { _ in Double(bitPattern: 1 + rng.next() % 4) })
            out.append((0..<n).map { _ in 1 + Double(rng.next() % 3) * Double.ulpOfOne })
            out.append((0..<n).map { _ in [0.0, -0.0, 3, 3, -2][Int(rng.next() % 5)] })
        }
        out.append((0..<100_000).map { _ in (Double(rng.next() % 1_000_000) / 1e6 - 0.5) * Double(1 + rng.next() % 4) })
        return out
    }

    @Test func equalWeightsBySelectionGiveTheSortedBits() {
        let ps = WeightedStatistics.reportedPercentiles + [0, 1, 49.9, 99, 100]
        var sample = SortedSample()
        for column in Self.columns() {
            let w = 1 / Double(max(1, column.count))
            let expected = Self.reference(column, weights: [Double](repeating: w, count: column.count), ps)
            let got = column.withUnsafeBufferPointer { sample.uniformPercentiles($0, weight: w, ps) }
            #expect(Self.bits(got) == Self.bits(expected), "n = \(column.count)")
        }
    }

    @Test func oneSortServesBothWeightings() {
        var rng = SplitMix64(seed: 7)
        var sample = SortedSample()
        for column in Self.columns() {
            let m = column.count
            let prior = [Double](repeating: 1 / Double(max(1, m)), count: m)
            // Likelihood-like weights with some exact zeros (underflowed members are left out).
            let weights = (0..<m).map { _ in rng.next() % 5 == 0 ? 0 : Double(rng.next() % 1000) / 1e5 }
            column.withUnsafeBufferPointer { sample.sort($0) }
            let ps = WeightedStatistics.reportedPercentiles
            #expect(Self.bits(sample.percentiles(weights: prior, ps)) == Self.bits(Self.reference(column, weights: prior, ps)))
            #expect(Self.bits(sample.percentiles(weights: weights, ps)) == Self.bits(Self.reference(column, weights: weights, ps)))
            #expect(Self.bits(WeightedStatistics.percentiles(column, weights: weights, ps)) == Self.bits(Self.reference(column, weights: weights, ps)))
        }
    }
}

/// Ensembles larger than the machine are refused before anything is allocated, with the estimate.
@Suite("Ensemble memory estimate") struct EnsembleMemoryTests {
    @Test func aMillionMembersTimesEightScenariosIsRefusedUpFrontWithTheEstimate() {
        var s = EnsembleSettings()
        s.members = 1_000_000
        s.scenarios = ["ssp119", "ssp126", "ssp245", "ssp370", "ssp434", "ssp460", "ssp534-over", "ssp585"]
        // 1e6 × 8 × (5 × 551 + 7) values, twice, 8 bytes each: 353 GB, far beyond a 24 GB machine.
        let need = EnsembleMemory.rootPeakBytes(s, yearCount: 551, priorCount: 3)
        #expect(need > 350_000_000_000 && need < 360_000_000_000)
        let problem = EnsembleMemory.problem(s, yearCount: 551, priorCount: 3, available: 24 << 30)
        #expect(problem?.contains("need about 353.") == true, "\(problem ?? "accepted")")
        // The issue's benchmark, 1000 × 4 × 551, fits: 80 MiB + 2 × 8 B × 1000 × 4 × 2762 values = 261 MB (an upper bound:
        // measured 146 MiB at 12a7167).
        s.members = 1000
        s.scenarios = Array(s.scenarios.prefix(4))
        #expect(EnsembleMemory.problem(s, yearCount: 551, priorCount: 3, available: 24 << 30) == nil)
        #expect(EnsembleMemory.rootPeakBytes(s, yearCount: 551, priorCount: 3) < 270_000_000)
    }

    @Test func theNamelistNamesTheMembersKey() {
        // 1e6 members × 8 scenarios on 1750-2100 needs ~230 GB of disk (streamed) or, gathered, of memory: refused up
        // front on any machine this suite runs on, whichever estimate the machine fails.
        let text = "&ensemble members = 1000000, scenarios = 'ssp119', 'ssp126', 'ssp245', 'ssp370', 'ssp434', 'ssp460', 'ssp534-over', 'ssp585' /"
        do {
            _ = try EnsembleUnitTests.ensemble(text)
            Issue.record("accepted")
        } catch {
            #expect(error.key == "members")
            #expect("\(error)".contains("GB on rank 0") || "\(error)".contains("GB of disk beside the output"), "\(error)")
        }
    }
}
