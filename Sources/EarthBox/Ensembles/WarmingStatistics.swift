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

    /// Weighted probability that `values` exceed `threshold`.
    public static func exceedance(_ values: [Double], weights: [Double], threshold: Double) -> Double {
        WeightedStatistics.exceedanceProbability(values, weights: weights, threshold: threshold)
    }
}
