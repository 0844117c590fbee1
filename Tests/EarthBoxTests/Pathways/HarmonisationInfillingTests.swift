import Foundation
import Testing
@testable import EarthBox

@Suite struct HarmonisationTests {
    let raw = (0..<100).map { 10.0 + 0.1 * Double($0) }   // 2015 … 2114

    @Test func convergingMethodsMeetHistoryAndReturnToRaw() {
        for method in [HarmonisationMethod.reduceRatio(convergenceYear: 2080), .reduceOffset(convergenceYear: 2050)] {
            let h = method.apply(raw, firstYear: 2015, harmonisationYear: 2015, history: 12)
            #expect(h[0] == 12, "\(method)")
            let c = method.convergenceYear! - 2015
            #expect(h[c...] == raw[c...], "\(method) equals the raw series from its convergence year")
            // Monotone approach: the gap to raw shrinks every year.
            let gaps = zip(h, raw).map { abs($0 - $1) }
            #expect(zip(gaps, gaps.dropFirst()).allSatisfy { $1 <= $0 + 1e-12 })
        }
        let constant = HarmonisationMethod.constantRatio.apply(raw, firstYear: 2015, harmonisationYear: 2015, history: 20)
        #expect(constant[50] == raw[50] * 2)
        #expect(HarmonisationMethod.historyZero.apply(raw, firstYear: 2015, harmonisationYear: 2015, history: 0) == raw)
    }

    /// The AR6 overrides and aneris's decision tree (Gidden et al. 2018 Fig. 3) pick the documented methods.
    @Test func ar6DefaultsPerSpecies() {
        func s(_ n: String) -> EmissionSpecies { EmissionSpecies.all[EmissionSpecies.index(n)!] }
        let m = [Double](repeating: 1, count: 10)
        #expect(HarmonisationMethod.ar6Default(species: s("co2_fossil"), history: 1, historyRecent: m, model: m, modelInH: 1).description == "reduce_ratio_2080")
        #expect(HarmonisationMethod.ar6Default(species: s("co2_afolu"), history: 1, historyRecent: m, model: m, modelInH: 1).description == "reduce_offset_2150")
        #expect(HarmonisationMethod.ar6Default(species: s("hfc134a"), history: 1, historyRecent: m, model: m, modelInH: 1) == .constantRatio)
        let trend = (0..<10).map(Double.init)
        #expect(HarmonisationMethod.ar6Default(species: s("ch4"), history: 1, historyRecent: trend, model: m, modelInH: 1.2).description == "reduce_ratio_2080")
        #expect(HarmonisationMethod.ar6Default(species: s("ch4"), history: 1, historyRecent: trend, model: m, modelInH: 3) == .constantRatio)
        #expect(HarmonisationMethod.ar6Default(species: s("nh3"), history: 0, historyRecent: trend, model: m, modelInH: 1) == .historyZero)
        #expect(HarmonisationMethod.ar6Default(species: s("sf6"), history: 1, historyRecent: trend, model: m, modelInH: 2) == .constantRatio)
    }
}

@Suite struct InfillingTests {
    /// Followers on a straight line of the lead: the window medians lie on it where points are dense.
    @Test func quantileRollingWindowsFollowARelationship() {
        let leads = (0..<9).map { [Double($0)] }, followers = (0..<9).map { [2 * Double($0) + 1] }
        let q = QuantileRollingWindows(lead: leads, follower: followers, firstYear: 2015)
        // Symmetric weights around the middle centre give its exact follower.
        #expect(abs(q.follower(lead: 4, year: 2015) - 9) < 1e-9)
        // Monotone in the lead, clamped to the database range.
        let values = stride(from: -2.0, through: 10, by: 0.5).map { q.follower(lead: $0, year: 2015) }
        #expect(zip(values, values.dropFirst()).allSatisfy { $1 >= $0 - 1e-12 })
        #expect(values.first! >= 1 && values.last! <= 17)
        // All leads equal: the plain (Hazen) median of the followers.
        let flat = QuantileRollingWindows(lead: [[1], [1], [1]], follower: [[3], [1], [2]], firstYear: 2015)
        #expect(flat.follower(lead: 5, year: 2015) == 2)
    }
}
