#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A target distribution given by its 5, 50 and 95 % quantiles, as AR6 states its assessments: normal below the
/// median with σ₋ = (q50 − q5)/z₉₅ and normal above it with σ₊ = (q95 − q50)/z₉₅ (z₉₅ = 1.6449), so the three quantiles
/// are met exactly with no fit (a symmetric range is a plain normal). FaIR v1.4 uses a skew-normal fitted to the
/// same three quantiles for ECS (Smith et al. 2024, GMD 17, 8569, §3.2); both place 90 % of the mass in the range.
public struct QuantileTarget: Sendable, Equatable {
    public let q05: Double, q50: Double, q95: Double
    /// Φ⁻¹(0.95).
    public static let z95 = 1.6448536269514722

    public init(q05: Double, q50: Double, q95: Double) { self.q05 = q05; self.q50 = q50; self.q95 = q95 }
    public init(mean: Double, sigma: Double) { self.init(q05: mean - Self.z95 * sigma, q50: mean, q95: mean + Self.z95 * sigma) }

    public var isOrdered: Bool { q05 < q50 && q50 < q95 }
    var lowerSigma: Double { (q50 - q05) / Self.z95 }
    var upperSigma: Double { (q95 - q50) / Self.z95 }

    public func cdf(_ x: Double) -> Double {
        ProbabilityDistribution.normalCDF((x - q50) / (x < q50 ? lowerSigma : upperSigma))
    }

    public func quantile(_ p: Double) -> Double {
        let z = ProbabilityDistribution.inverseNormalCDF(p)
        return q50 + z * (z < 0 ? lowerSigma : upperSigma)
    }

    public var summary: String { "5/50/95 % = \(q05), \(q50), \(q95)" }
}

/// Fits weights of ensemble members so that the weighted marginal of every constrained quantity follows its target:
/// iterative proportional fitting (raking; Deming & Stephan 1940, Ann. Math. Stat. 11, 427) over 100-bin histograms,
/// the reweighting of FaIR's calibration (Smith et al. 2024, §3.2). Members outside a target's 0.01–99.99 % range
/// get weight 0, as FaIR gives zero weight outside its target histogram. Summed in member order: deterministic.
public enum MarginalRaking {
    public static let binCount = 100
    public static let sweeps = 30

    /// `values[k][i]`: quantity k of member i; `start`: the weights before raking (1 for a member that passed history matching, 0 otherwise).
    public static func weights(values: [[Double]], targets: [QuantileTarget], start: [Double]) -> [Double] {
        var w = start
        let m = start.count
        let edges = targets.map { t in (t.quantile(1e-4), t.quantile(1 - 1e-4)) }
        let masses: [[Double]] = targets.enumerated().map { k, t in
            let (a, b) = edges[k], width = (b - a) / Double(binCount)
            return (0..<binCount).map { j in t.cdf(a + Double(j + 1) * width) - t.cdf(a + Double(j) * width) }
        }
        let bins: [[Int]] = values.enumerated().map { k, column in
            let (a, b) = edges[k]
            return column.map { x in
                guard x.isFinite, x >= a, x < b else { return -1 }
                return min(binCount - 1, Int((x - a) / (b - a) * Double(binCount)))
            }
        }
        for i in 0..<m where bins.contains(where: { $0[i] < 0 }) { w[i] = 0 }
        for _ in 0..<sweeps {
            for k in targets.indices {
                var sums = [Double](repeating: 0, count: binCount), total = 0.0
                for i in 0..<m where w[i] > 0 { sums[bins[k][i]] += w[i]; total += w[i] }
                guard total > 0 else { return w }
                // A bin no member reaches stays empty; the others take the target's mass (renormalised below).
                let factors = (0..<binCount).map { j in sums[j] > 0 ? masses[k][j] * total / sums[j] : 0 }
                for i in 0..<m where w[i] > 0 { w[i] *= factors[bins[k][i]] }
            }
        }
        let total = w.reduce(0, +)
        return total > 0 ? w.map { $0 / total } : w
    }

    /// `count` distinct members, member i included with probability π_i = min(1, c·w_i), c such that Σπ = `count`
    /// (members whose π would exceed 1 are taken surely and the others rescaled, until none does): systematic
    /// probability-proportional-to-size sampling (Madow 1949, Ann. Math. Stat. 20, 333) along the members in a
    /// seeded random order. The drawn set, equally weighted, then follows the weighted distribution in expectation;
    /// successive draws without replacement (Efraimidis & Spirakis 2006, the previous draw) under-include the heaviest
    /// members and widened the posterior towards the history-matched prior. Order and start come from a SplitMix64
    /// hash of `seed` and the member index, so the draw depends on nothing but the seed and the weights. Returned in
    /// that random order; fewer than `count` (all of them) when fewer members have positive weight.
    public static func draw(count: Int, weights: [Double], seed: UInt64) -> [Int] {
        func hash(_ i: Int) -> UInt64 {
            var z = seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(i + 1)
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let order = weights.indices.filter { weights[$0] > 0 }.sorted { (hash($0), $0) < (hash($1), $1) }
        guard order.count > count else { return order }
        // Inclusion probabilities: capped at 1, the rest rescaled to sum to what is left.
        var sure = [Bool](repeating: false, count: weights.count)
        var probability = [Double](repeating: 0, count: weights.count)
        var changed = true
        while changed {
            changed = false
            var rest = 0.0, taken = 0
            for i in order { if sure[i] { taken += 1 } else { rest += weights[i] } }
            let scale = Double(count - taken) / rest
            for i in order where !sure[i] {
                probability[i] = weights[i] * scale
                if probability[i] >= 1 { sure[i] = true; probability[i] = 1; changed = true }
            }
        }
        // One start u in (0, 1), then every member whose stretch of the cumulative probability holds u + k.
        let start = (Double(hash(weights.count) >> 11) + 0.5) / 9_007_199_254_740_992.0
        var chosen: [Int] = [], taken = [Bool](repeating: false, count: weights.count)
        var cumulative = 0.0, next = start
        for i in order {
            cumulative += probability[i]
            if next < cumulative && chosen.count < count { chosen.append(i); taken[i] = true; next += 1 }
        }
        // Rounding can leave the last point past the summed probabilities: the likeliest members not yet taken fill it.
        if chosen.count < count {
            for i in order.filter({ !taken[$0] }).sorted(by: { probability[$0] > probability[$1] }).prefix(count - chosen.count) { chosen.append(i) }
        }
        return chosen
    }
}
