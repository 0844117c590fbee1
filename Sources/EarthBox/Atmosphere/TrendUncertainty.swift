/// Where the spread of a projected trend comes from: internal variability, model (parameter) uncertainty and scenario
/// uncertainty, the partition of Hawkins & Sutton (2009, BAMS 90, 1095; 2012, GRL 39, L01702) as Lehner et al. (2020,
/// ESD 11, 491) apply it to initial-condition ensembles: internal variance is the spread across seeds of one
/// member and scenario, model variance the spread of the seed-mean trends across parameter members, scenario variance
/// the spread of the ensemble-mean trends across scenarios. Each share is that variance over their sum; with one
/// scenario it is the internal/model split of that scenario.
public struct TrendUncertainty: Sendable, Equatable {
    public let internalVariance: Double, modelVariance: Double, scenarioVariance: Double
    public var total: Double { internalVariance + modelVariance + scenarioVariance }
    public var internalShare: Double { internalVariance / total }
    public var modelShare: Double { modelVariance / total }
    public var scenarioShare: Double { scenarioVariance / total }

    /// `trends[scenario][member][seed]`: every scenario with the same members, every member with the same seeds (≥ 2).
    /// Seeds and members are samples, so their variances are the unbiased estimates, and the model variance has the
    /// internal noise left in each member's seed mean (internal/seeds) taken out; the scenarios are the set itself.
    public init(trends: [[[Double]]]) {
        func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
        func squares(_ x: [Double]) -> Double { let m = mean(x); return x.map { ($0 - m) * ($0 - m) }.reduce(0, +) }
        precondition(!trends.isEmpty && trends.allSatisfy { $0.count >= 2 && $0.allSatisfy { $0.count >= 2 } })
        let seeds = Double(trends[0][0].count)
        internalVariance = mean(trends.flatMap { $0.map { squares($0) / Double($0.count - 1) } })
        let spread = mean(trends.map { scenario in squares(scenario.map(mean)) / Double(scenario.count - 1) })
        modelVariance = max(0, spread - internalVariance / seeds)
        scenarioVariance = trends.count > 1 ? squares(trends.map { mean($0.map(mean)) }) / Double(trends.count) : 0
    }

    /// Least-squares slope of `values` against consecutive years, per year.
    public static func trend(_ values: [Double]) -> Double {
        let n = Double(values.count), mt = (n - 1) / 2, mx = values.reduce(0, +) / n
        var num = 0.0, den = 0.0
        for (i, x) in values.enumerated() { num += (Double(i) - mt) * (x - mx); den += (Double(i) - mt) * (Double(i) - mt) }
        return num / den
    }
}
