/// Scalars computed from each member's historical + scenario run: the observable ones the constraints compare
/// with observations, and the warming metrics reported per scenario. Warming is relative to 1850–1900 (AR6).
public enum ScenarioSummary: Int, CaseIterable, Sendable {
    case warming2011to2020, co2In2014, oceanHeatGain1971to2018, oceanSink2013to2022, landSink2013to2022
    case warming2081to2100, peakWarming, warming2100

    public static let count = allCases.count

    public var name: String {
        switch self {
        case .warming2011to2020: "gmst_2011_2020"
        case .co2In2014: "co2_2014"
        case .oceanHeatGain1971to2018: "ocean_heat_gain_1971_2018"
        case .oceanSink2013to2022: "ocean_sink_2013_2022"
        case .landSink2013to2022: "land_sink_2013_2022"
        case .warming2081to2100: "warming_2081_2100"
        case .peakWarming: "peak_warming"
        case .warming2100: "warming_2100"
        }
    }

    public var units: String {
        switch self {
        case .warming2011to2020, .warming2081to2100, .peakWarming, .warming2100: "K"
        case .co2In2014: "1e-6"
        case .oceanHeatGain1971to2018: "ZJ"
        case .oceanSink2013to2022, .landSink2013to2022: "PgC yr-1"
        }
    }

    public var longName: String {
        switch self {
        case .warming2011to2020: "GMST 2011-2020 mean relative to 1850-1900"
        case .co2In2014: "atmospheric CO2 in 2014"
        case .oceanHeatGain1971to2018: "full-depth ocean heat content gain 1971-2018"
        case .oceanSink2013to2022: "ocean carbon sink, mean 2013-2022"
        case .landSink2013to2022: "natural land carbon sink (NPP - heterotrophic respiration), mean 2013-2022"
        case .warming2081to2100: "GMST 2081-2100 mean relative to 1850-1900"
        case .peakWarming: "peak of the 20-year running mean GMST relative to 1850-1900"
        case .warming2100: "GMST in 2100 relative to 1850-1900 (the year the AR6 WG3 categories judge)"
        }
    }

    /// The per-year series a summary needs, recorded for every scenario task.
    public enum Series: Int, CaseIterable, Sendable { case tas, co2, ohc, oceanSink, landSink }

    /// All summaries from the annual series (`series[k][i]` = series k in year `firstYear + i`); NaN where the run
    /// does not cover the years a summary needs.
    public static func compute(series: UnsafePointer<Double>, yearCount n: Int, firstYear: Int, into out: UnsafeMutablePointer<Double>) {
        func mean(_ k: Series, _ from: Int, _ to: Int) -> Double {
            guard from >= firstYear, to < firstYear + n else { return .nan }
            var sum = 0.0
            for y in from...to { sum += series[k.rawValue * n + y - firstYear] }
            return sum / Double(to - from + 1)
        }
        func value(_ k: Series, _ year: Int) -> Double {
            year >= firstYear && year < firstYear + n ? series[k.rawValue * n + year - firstYear] : .nan
        }
        let baseline = mean(.tas, 1850, 1900)
        out[warming2011to2020.rawValue] = mean(.tas, 2011, 2020) - baseline
        out[co2In2014.rawValue] = value(.co2, 2014)
        out[oceanHeatGain1971to2018.rawValue] = (value(.ohc, 2018) - value(.ohc, 1971)) / 1e21
        out[oceanSink2013to2022.rawValue] = mean(.oceanSink, 2013, 2022)
        out[landSink2013to2022.rawValue] = mean(.landSink, 2013, 2022)
        out[warming2081to2100.rawValue] = mean(.tas, 2081, 2100) - baseline
        out[peakWarming.rawValue] = WarmingStatistics.peakWarming(UnsafeBufferPointer(start: series, count: n), firstYear: firstYear)
        out[warming2100.rawValue] = value(.tas, 2100) - baseline
    }
}
