/// The AR6-style climate assessment of one scenario from an ensemble: GSAT percentiles relative to 1850–1900,
/// exceedance probabilities, peak warming and its year, the AR6 WG3 category, and the net-zero years.
public struct ScenarioAssessment: Sendable {
    public let prepared: PreparedScenario
    public let years: [Int]
    /// `gsat[p][i]`: percentile `percentiles[p]` of GSAT in `years[i]`, K relative to 1850–1900.
    public let gsat: [[Double]]
    /// `exceedance[k][i]`: probability that GSAT in `years[i]` exceeds `thresholds[k]`.
    public let exceedance: [[Double]]
    /// Percentiles of the members' peak warming (to 2100) and of their 2100 warming.
    public let peak: [Double], warming2100: [Double]
    /// Probability that the member's peak warming (to 2100) exceeds each threshold.
    public let peakExceedance: [Double]
    /// Year in which the median GSAT peaks (to 2100).
    public let medianPeakYear: Int
    public let category: Category
    public let netZeroCO2: Int?, netZeroGHG: Int?

    /// AR6 climate-assessment percentiles (Kikstra et al. 2022): 5, 10, 16.7, 33, 50, 67, 83.3, 90, 95.
    public static let percentiles: [Double] = [5, 10, 16.7, 33, 50, 67, 83.3, 90, 95]
    public static let thresholds: [Double] = [1.5, 2.0, 2.5, 3.0]
    /// AR6 reports warming from 1995; peaks and categories are judged over the 21st century (to 2100).
    public static let firstReportedYear = 1995
    public static let lastCategoryYear = 2100

    /// The AR6 WG3 category: the one definition every command and the web simulator share.
    public typealias Category = AR6Category

    /// `tas[member][i]` annual GSAT (K, absolute) for `firstYear + i`; `weights` the members' weights.
    public init(prepared: PreparedScenario, tas: [[Double]], firstYear: Int, weights: [Double]) {
        self.prepared = prepared
        let n = tas[0].count
        let lastYear = firstYear + n - 1
        precondition(firstYear <= 1850 && lastYear >= Self.lastCategoryYear)
        let anomalies: [[Double]] = tas.map { row in
            let baseline = row[(1850 - firstYear)...(1900 - firstYear)].reduce(0, +) / 51
            return row.map { $0 - baseline }
        }
        let from = Self.firstReportedYear - firstYear
        years = Array(Self.firstReportedYear...lastYear)
        var gsat = [[Double]](repeating: [], count: Self.percentiles.count)
        var exceedance = [[Double]](repeating: [], count: Self.thresholds.count)
        for i in from..<n {
            let column = anomalies.map { $0[i] }
            let p = WeightedStatistics.percentiles(column, weights: weights, Self.percentiles)
            for k in p.indices { gsat[k].append(p[k]) }
            for (k, t) in Self.thresholds.enumerated() {
                exceedance[k].append(WeightedStatistics.exceedanceProbability(column, weights: weights, threshold: t))
            }
        }
        self.gsat = gsat
        self.exceedance = exceedance
        let end = Self.lastCategoryYear - firstYear
        // Peak: the largest 20-year running mean of the windows inside 1995–2100 (WarmingStatistics).
        let peaks = anomalies.map { row in
            row.withUnsafeBufferPointer { WarmingStatistics.runningMeanPeak($0, firstYear: firstYear, years: (Self.firstReportedYear + WarmingStatistics.peakWindowYears - 1)...Self.lastCategoryYear).value }
        }
        let at2100 = anomalies.map { $0[end] }
        peak = WeightedStatistics.percentiles(peaks, weights: weights, Self.percentiles)
        warming2100 = WeightedStatistics.percentiles(at2100, weights: weights, Self.percentiles)
        peakExceedance = Self.thresholds.map { WeightedStatistics.exceedanceProbability(peaks, weights: weights, threshold: $0) }
        let median = gsat[Self.percentiles.firstIndex(of: 50)!]
        let reported = median[0...(end - from)]
        medianPeakYear = Self.firstReportedYear + reported.indices.max { reported[$0] < reported[$1] }!
        let pi = { (p: Double) in Self.percentiles.firstIndex(of: p)! }
        category = Category.classify(peakP33: peak[pi(33)], peakMedian: peak[pi(50)], peakP67: peak[pi(67)], median2100: warming2100[pi(50)])
        netZeroCO2 = prepared.netZeroYear(prepared.totalCO2)
        netZeroGHG = prepared.netZeroYear(prepared.kyotoGHG)
    }

    public func peak(_ p: Double) -> Double { peak[Self.percentiles.firstIndex(of: p)!] }
    public func warming2100(_ p: Double) -> Double { warming2100[Self.percentiles.firstIndex(of: p)!] }
}
