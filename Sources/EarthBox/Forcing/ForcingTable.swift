/// One EarthBox forcing file (see Forcing/README.md): a value for every year
/// from `firstYear` to `lastYear` in each named column, with the unit of
/// each column.
///
/// Layout: any number of `#` comment lines, a header row `year,<name>,…`, a
/// unit row `unit,<unit>,…`, then one row per year, consecutive and rising.
/// Blank lines and `#` lines are skipped wherever they are; line numbers in
/// errors count every physical line, so they match what an editor shows.
///
/// Callers ask for a column together with the unit they expect, so a file
/// whose units differ from what the model assumes is refused rather than
/// silently misread.
public struct ForcingTable: Sendable {
    /// The path the table was loaded from, as given; used in every error.
    public let path: String
    /// The first and last year; every year between them has exactly one row.
    public let firstYear: Int, lastYear: Int
    /// Column names in file order, without `year`.
    public let columnNames: [String]
    /// Column name -> unit, as written in the unit row.
    public let units: [String: String]
    /// Line numbers (1-based, counting comment lines) of the header and unit
    /// rows, so that errors about a column can point at them.
    public let headerLineNumber: Int, unitLineNumber: Int
    /// The line of each data row (year `firstYear + i` on `dataLineNumbers[i]`), for messages about a value.
    public let dataLineNumbers: [Int]

    /// `valuesByColumn[columnIndex[name]!][year - firstYear]`.
    private let columnIndex: [String: Int]
    private let valuesByColumn: [[Double]]

    /// The years covered, `firstYear...lastYear`.
    public var years: ClosedRange<Int> { firstYear...lastYear }

    init(
        path: String, firstYear: Int, lastYear: Int, columnNames: [String], units: [String],
        headerLineNumber: Int, unitLineNumber: Int, valuesByColumn: [[Double]], dataLineNumbers: [Int] = []
    ) {
        precondition(columnNames.count == units.count && columnNames.count == valuesByColumn.count)
        self.path = path
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.columnNames = columnNames
        self.units = Dictionary(uniqueKeysWithValues: zip(columnNames, units))
        self.headerLineNumber = headerLineNumber
        self.unitLineNumber = unitLineNumber
        self.columnIndex = Dictionary(uniqueKeysWithValues: zip(columnNames, columnNames.indices))
        self.valuesByColumn = valuesByColumn
        self.dataLineNumbers = dataLineNumbers
    }

    /// Reads and checks a forcing file. Every problem is an `InputError`
    /// naming the file, the line and, where there is one, the column.
    public static func load(path: String) throws(InputError) -> ForcingTable {
        let bytes = try readWholeFile(path: path, limit: BoundedRead.forcingTableLimit, what: "forcing file")
        return try ForcingTableParser.parse(bytes, path: path)
    }

    /// All values of column `name`, one per year from `firstYear`, after
    /// checking that the file gives them in `expectedUnit` (compared as
    /// written, e.g. `"PgC/yr"`). A missing column is reported at the header
    /// row with the nearest existing name; a different unit at the unit row.
    public func column(_ name: String, unit expectedUnit: String) throws(InputError) -> [Double] {
        valuesByColumn[try checkedColumnIndex(name, unit: expectedUnit)]
    }

    /// The value of column `name` in `year`, unit checked as in `column(_:unit:)`.
    public func value(_ name: String, unit expectedUnit: String, year: Int) throws(InputError) -> Double {
        let index = try checkedColumnIndex(name, unit: expectedUnit)
        guard years.contains(year) else {
            throw InputError(
                file: path, key: name,
                message: "year \(year) is outside the years this file covers, \(firstYear)-\(lastYear)")
        }
        return valuesByColumn[index][year - firstYear]
    }

    private func checkedColumnIndex(_ name: String, unit expectedUnit: String) throws(InputError) -> Int {
        guard let index = columnIndex[name] else {
            var message = "no such column in this file"
            if let nearest = NearestName.suggestion(for: name, among: columnNames) {
                message += "; the nearest column name is '\(nearest)'"
            }
            throw InputError(file: path, line: headerLineNumber, key: name, message: message)
        }
        let unit = units[name]!
        guard unit == expectedUnit else {
            throw InputError(
                file: path, line: unitLineNumber, key: name,
                message: "unit is '\(unit)' but '\(expectedUnit)' is expected")
        }
        return index
    }
}
