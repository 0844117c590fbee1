/// Weighted percentiles and exceedance probabilities over ensemble members.
public enum WeightedStatistics {
    /// The percentiles the ensemble output reports (AR6's 5–95 % very likely and 17–83 % likely ranges and the median).
    public static let reportedPercentiles: [Double] = [5, 17, 50, 83, 95]

    /// Percentiles `ps` (0–100) of `values` with `weights`: member i sits at cumulative probability
    /// (Σ_{j<i} w_j + w_i/2) / Σw in sorted order, linear in between, clamped at the ends. With equal weights this is
    /// the Hazen plotting position (Hyndman & Fan 1996, Am. Stat. 50, 361, definition 5). Non-finite values and
    /// zero weights are left out; NaN if nothing is left. Ties are broken by index, so the result is deterministic.
    public static func percentiles(_ values: [Double], weights: [Double], _ ps: [Double]) -> [Double] {
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

    /// Probability that `values` exceed `threshold` under `weights` (non-finite values count as not exceeding).
    public static func exceedanceProbability(_ values: [Double], weights: [Double], threshold: Double) -> Double {
        var above = 0.0, total = 0.0
        for i in values.indices {
            total += weights[i]
            if values[i] > threshold { above += weights[i] }
        }
        return total > 0 ? above / total : .nan
    }
}
