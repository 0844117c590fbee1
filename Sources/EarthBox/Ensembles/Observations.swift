#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The observed values the ensemble is constrained with, read from the CSV files in `Observations/`
/// (verbatim copies from ../shared/data/observations; see Observations/README.md for sources and licences).
public struct Observations: Sendable, Equatable {
    /// GMST 2011–2020 mean relative to 1850–1900, K (IGCC 2024, Forster et al. 2025, ESSD 17, 2641).
    public var warming2011to2020 = 0.0
    /// Global-mean CO2 in 2014, ppm (IGCC 2024 greenhouse-gas synthesis).
    public var co2In2014 = 0.0
    /// Full-depth ocean heat gain 1971–2018, ZJ, and its 1σ (IGCC 2024 Earth heat inventory; von Schuckmann et al. 2023).
    public var oceanHeatGain1971to2018 = 0.0
    public var oceanHeatGainError = 0.0
    /// Ocean and land sinks, means 2013–2022, PgC yr⁻¹ (Global Carbon Budget 2023, Friedlingstein et al. 2023, ESSD 15, 5301).
    public var oceanSink2013to2022 = 0.0
    public var landSink2013to2022 = 0.0

    public static let temperatureFile = "temperature-observed_global_igcc-assessment_synthesis_annual-mean-timeseries_IGCC-2025a.csv"
    public static let greenhouseGasFile = "ghg-concentration_global_igcc-assessment_synthesis_annual-mean-timeseries_IGCC-2025a.csv"
    public static let heatInventoryFile = "earth-energy-imbalance_global_igcc-assessment_synthesis_annual-mean-timeseries_IGCC-2025a.csv"
    public static let carbonBudgetFile = "global-carbon-budget-2023-global-carbon-budget.csv"

    public init() {}

    /// Reads the four files from `directory`; a missing file, column or year is an `InputError` naming the file.
    public static func load(directory: String) throws(InputError) -> Observations {
        var o = Observations()
        let t = try Table(directory, temperatureFile)
        o.warming2011to2020 = try t.mean("gmst_anomaly", 2011...2020) - t.mean("gmst_anomaly", 1850...1900)
        o.co2In2014 = try Table(directory, greenhouseGasFile).mean("CO2", 2014...2014)
        let heat = try Table(directory, heatInventoryFile)
        o.oceanHeatGain1971to2018 = try heat.mean("ocean_full_depth", 2018...2018) - heat.mean("ocean_full_depth", 1971...1971)
        o.oceanHeatGainError = try heat.mean("ocean_full_depth_error", 2018...2018)
        let budget = try Table(directory, carbonBudgetFile)
        o.oceanSink2013to2022 = try budget.mean("ocean sink", 2013...2022)
        o.landSink2013to2022 = try budget.mean("land sink", 2013...2022)
        return o
    }

    /// A numeric CSV with a header row, `#` comment lines and the year in the first column.
    struct Table {
        let path: String
        let columns: [String]
        let rows: [Int: [Double]]

        init(_ directory: String, _ name: String) throws(InputError) {
            path = directory.isEmpty ? name : directory + "/" + name
            let text = try BoundedRead.text(path: path, limit: BoundedRead.observationLimit,
                                            what: "observation file (&ensemble observations_directory)")
            var header: [String]?
            var rows: [Int: [Double]] = [:]
            for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard header != nil else { header = cells; continue }
                guard let year = Int(cells[0]) else { continue }
                rows[year] = cells.map { Double($0) ?? .nan }
            }
            columns = header ?? []
            self.rows = rows
        }

        func mean(_ column: String, _ years: ClosedRange<Int>) throws(InputError) -> Double {
            guard let c = columns.firstIndex(of: column) else {
                throw InputError(file: path, message: "no column '\(column)'")
            }
            var sum = 0.0
            for y in years {
                guard let row = rows[y], c < row.count, row[c].isFinite else {
                    throw InputError(file: path, message: "no value of '\(column)' for \(y)")
                }
                sum += row[c]
            }
            return sum / Double(years.count)
        }
    }
}
