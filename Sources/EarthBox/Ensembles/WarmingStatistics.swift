/// The one definition of the headline numbers every command prints (`ensemble`, `compare`, `assess`, `calibrate`,
/// the reports; docs/calibration.md §"Definitions"): warming is GSAT relative to its 1850–1900 mean (AR6 WG1 SPM);
/// peak warming is the maximum of the 20-year running mean (AR6 WG3 Annex III, Ch. 3 Table 3.1 uses 20-year means for
/// crossing levels; Chen et al. 2021 §4.3.4); probabilities and percentiles are weighted when the ensemble has weights;
/// the percentiles are 5, 17, 33, 50, 67, 83, 95 (AR6's very likely, likely and the "more likely than not" P33/P67
/// that the WG3 categories use).
public enum WarmingStatistics {
    public static let percentiles: [Double] = [5, 17, 33, 50, 67, 83, 95]
    public static let baselineYears = 1850...1900
    public static let peakWindowYears = 20

    /// Peak of the 20-year running mean of `series` (annual, first year `firstYear`) relative to its 1850–1900 mean,
    /// over the windows that end in `years` (all when nil); NaN when the series lacks the baseline or one window.
    public static func peakWarming(_ series: UnsafeBufferPointer<Double>, firstYear: Int, years: ClosedRange<Int>? = nil) -> Double {
        let n = series.count
        guard firstYear <= baselineYears.lowerBound, firstYear + n > baselineYears.upperBound else { return .nan }
        var baseline = 0.0
        for y in baselineYears { baseline += series[y - firstYear] }
        baseline /= Double(baselineYears.count)
        return runningMeanPeak(series, firstYear: firstYear, years: years).value - baseline
    }

    /// The largest 20-year running mean of `series` over the windows ending in `years` (all when nil), and the
    /// central year of that window (its 11th year); NaN and nil when no window fits.
    public static func runningMeanPeak(_ series: UnsafeBufferPointer<Double>, firstYear: Int, years: ClosedRange<Int>? = nil) -> (value: Double, year: Int?) {
        var peak = -Double.infinity, year: Int?, window = 0.0
        for i in 0..<series.count {
            window += series[i]
            if i >= peakWindowYears { window -= series[i - peakWindowYears] }
            if i >= peakWindowYears - 1, years?.contains(firstYear + i) ?? true, window / Double(peakWindowYears) > peak {
                peak = window / Double(peakWindowYears)
                year = firstYear + i - peakWindowYears / 2 + 1
            }
        }
        return year == nil ? (.nan, nil) : (peak, year)
    }

    /// Weighted percentiles `percentiles` of `values`.
    public static func percentiles(_ values: [Double], weights: [Double]) -> [Double] {
        WeightedStatistics.percentiles(values, weights: weights, percentiles)
    }

    /// Weighted percentiles `ps` that keep +∞ ("never reached", e.g. a budget whose level is not crossed) in the
    /// ranking, as the last values: a percentile that falls among them, or between the last finite value and
    /// them, is +∞. Otherwise the same Hazen positions as `WeightedStatistics.percentiles`.
    public static func percentilesKeepingInfinity(_ values: [Double], weights: [Double], _ ps: [Double]) -> [Double] {
        let never = Double.greatestFiniteMagnitude
        let largest = values.filter(\.isFinite).max() ?? -Double.infinity
        let finite = values.map { $0 == .infinity ? never : $0 }
        return WeightedStatistics.percentiles(finite, weights: weights, ps).map { $0 > largest ? .infinity : $0 }
    }

    /// The levels and likelihoods remaining carbon budgets are given for (AR6 WG1 SPM Table SPM.2; IGCC 2024).
    public static let budgetLevels: [Double] = [1.5, 1.7, 2.0]
    public static let budgetLikelihoods: [Double] = [33, 50, 67, 83]
    /// The year after the last observed year (IGCC 2025: observations to 2024; its budgets are from 1 Jan 2025).
    public static let latestBudgetStart = 2025

    /// Remaining carbon budget of one run: total CO2 (`totalCO2`, fossil + land use, any unit per year, first year
    /// `firstYear`) emitted from 1 Jan `from` to the start of the central year of the first 20-year window, centred
    /// in or after `from`, whose mean warming (`tas` relative to its 1850–1900 mean) reaches `level`; +∞ when no
    /// window does. The same 20-year-mean crossing as peak warming (AR6 WG3 Annex III; Rogelj et al. 2019, Nature
    /// 571, 335 define the budget to the time the level is reached).
    public static func remainingBudget(tas: [Double], totalCO2: [Double], firstYear: Int, from: Int, level: Double) -> Double {
        let n = tas.count
        guard firstYear <= baselineYears.lowerBound, firstYear + n > baselineYears.upperBound, from >= firstYear else { return .nan }
        var baseline = 0.0
        for y in baselineYears { baseline += tas[y - firstYear] }
        baseline /= Double(baselineYears.count)
        var window = 0.0
        for i in 0..<n {
            window += tas[i]
            if i >= peakWindowYears { window -= tas[i - peakWindowYears] }
            let centre = firstYear + i - peakWindowYears / 2 + 1
            guard i >= peakWindowYears - 1, centre >= from else { continue }
            if window / Double(peakWindowYears) - baseline >= level {
                var cumulative = 0.0
                for y in from..<centre { cumulative += totalCO2[y - firstYear] }
                return cumulative
            }
        }
        return .infinity
    }

    /// The budget at likelihood `likelihood` % (that share of the members stays below the level until it is
    /// emitted): the (100 − likelihood)th weighted percentile of the members' budgets, +∞ kept.
    public static func budget(_ memberBudgets: [Double], weights: [Double], likelihood: Double) -> Double {
        percentilesKeepingInfinity(memberBudgets, weights: weights, [100 - likelihood])[0]
    }

    /// Weighted probability that `values` exceed `threshold`.
    public static func exceedance(_ values: [Double], weights: [Double], threshold: Double) -> Double {
        WeightedStatistics.exceedanceProbability(values, weights: weights, threshold: threshold)
    }
}
