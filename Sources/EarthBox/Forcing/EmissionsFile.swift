/// A user's own CO2 emission and removal series (`&run co2_emissions_file`): a CSV with a header row and one row per
/// year, `#` comment lines allowed. Columns: `year` and any of `co2_fossil` (PgC yr⁻¹, net fossil and industrial),
/// `co2_land_use` (PgC yr⁻¹), `geological_removal` (PgC yr⁻¹ to a permanent store), `land_removal` (PgC yr⁻¹ into
/// vegetation), `ocean_alkalinity` (Pmol yr⁻¹). The columns given replace the run's drivers in every run year, so the
/// file must cover them all; every value must be finite and removals non-negative.
public struct EmissionsFile: Sendable, Equatable {
    public static let columnNames = ["co2_fossil", "co2_land_use", "geological_removal", "land_removal", "ocean_alkalinity"]
    public let path: String
    public let firstYear: Int
    /// Column name → one value per year from `firstYear`.
    public let series: [String: [Double]]

    public static func load(path: String) throws(InputError) -> EmissionsFile {
        let bytes = try readWholeFile(path: path)
        let text = String(decoding: bytes, as: UTF8.self)
        var header: [String]?
        var firstYear = 0, expectedYear = 0
        var columns: [[Double]] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let names = header else {
                guard cells.first == "year" else { throw InputError(file: path, line: line, column: 1, message: "the header must start with 'year'") }
                for (c, name) in cells.enumerated().dropFirst() {
                    guard columnNames.contains(name) else {
                        throw InputError(file: path, line: line, column: c + 1, key: name,
                                         message: "unknown column; expected any of \(columnNames.joined(separator: ", "))")
                    }
                    guard !cells[1..<c].contains(name) else { throw InputError(file: path, line: line, column: c + 1, key: name, message: "column given twice") }
                }
                guard cells.count > 1 else { throw InputError(file: path, line: line, message: "no data column after 'year'") }
                header = cells
                columns = [[Double]](repeating: [], count: cells.count - 1)
                continue
            }
            guard cells.count == names.count else {
                throw InputError(file: path, line: line, message: "\(cells.count) fields, the header has \(names.count)")
            }
            guard let year = Int(cells[0]) else { throw InputError(file: path, line: line, column: 1, key: "year", message: "'\(cells[0])' is not a year") }
            if columns[0].isEmpty { firstYear = year; expectedYear = year }
            guard year == expectedYear else {
                throw InputError(file: path, line: line, column: 1, key: "year", message: "year \(year) where \(expectedYear) was expected (one row per year, ascending)")
            }
            expectedYear += 1
            for c in 1..<cells.count {
                guard let value = Double(cells[c]), value.isFinite, abs(value) < 1e6 else {
                    throw InputError(file: path, line: line, column: c + 1, key: names[c], message: "'\(cells[c])' is not a finite number below 1e6 in magnitude")
                }
                if names[c] != "co2_fossil" && names[c] != "co2_land_use" && value < 0 {
                    throw InputError(file: path, line: line, column: c + 1, key: names[c], message: "a removal cannot be negative (\(value))")
                }
                columns[c - 1].append(value)
            }
        }
        guard let names = header, !columns[0].isEmpty else { throw InputError(file: path, message: "no data rows") }
        var series: [String: [Double]] = [:]
        for (c, name) in names.enumerated().dropFirst() { series[name] = columns[c - 1] }
        return EmissionsFile(path: path, firstYear: firstYear, series: series)
    }

    public var lastYear: Int { firstYear + (series.values.first?.count ?? 0) - 1 }

    /// Writes the file's columns into `drivers` for every year of the drivers.
    public func apply(to drivers: inout DriverSeries, key: String = "co2_emissions_file") throws(InputError) {
        guard firstYear <= drivers.firstYear, drivers.lastYear <= lastYear else {
            throw InputError(file: path, key: key, message: "covers \(firstYear)-\(lastYear), the run needs \(drivers.firstYear)-\(drivers.lastYear)")
        }
        let h = drivers.halogenCount
        let targets = ["co2_fossil": DriverColumns.co2Fossil, "co2_land_use": DriverColumns.co2LandUse,
                       "geological_removal": DriverColumns.geologicalRemoval(halogens: h), "land_removal": DriverColumns.landRemoval(halogens: h),
                       "ocean_alkalinity": DriverColumns.oceanAlkalinity(halogens: h)]
        for (name, values) in series {
            let column = targets[name]!
            for year in drivers.firstYear...drivers.lastYear { drivers[year, column] = values[year - firstYear] }
        }
    }
}
