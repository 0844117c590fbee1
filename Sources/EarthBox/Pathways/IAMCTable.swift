import Foundation

/// A scenario table in the IAMC "wide" layout (as the RCMIP files and pyam use it): columns
/// `Model, Scenario, Region, Variable, Unit`, optionally further text columns (e.g. `Base_Scenario`,
/// `Mip_Era`), then one column per year. One row per (model, scenario, region, variable).
///
/// The reader is strict because a silently misread emission row changes every result downstream:
/// every problem is an `InputError` naming the file, line and column (`file:line:column`) and, where there
/// is one, the region|variable of the row. An empty year cell is a missing value (NaN); callers that need a
/// value there say so with the year. Lines starting with `#` are comments (provenance), an EarthBox
/// extension that pyam does not read: files EarthBox ships keep them in a sidecar (`earthbox pathway` writes `<file>.md`).
public struct IAMCTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var model: String, scenario: String, region: String, variable: String, unit: String
        /// Values of the extra text columns, in `IAMCTable.extraColumns` order.
        public var extra: [String]
        /// One value per `IAMCTable.years` entry; NaN where the cell is empty.
        public var values: [Double]
        /// 1-based line in the file (0 for rows made in memory).
        public var line: Int

        public init(model: String, scenario: String, region: String, variable: String, unit: String,
                    extra: [String] = [], values: [Double], line: Int = 0) {
            self.model = model; self.scenario = scenario; self.region = region; self.variable = variable
            self.unit = unit; self.extra = extra; self.values = values; self.line = line
        }
    }

    public static let keyColumns = ["Model", "Scenario", "Region", "Variable", "Unit"]

    public var path: String
    public var comments: [String]
    public var extraColumns: [String]
    public var years: [Int]
    public var rows: [Row]

    public init(path: String, comments: [String] = [], extraColumns: [String] = [], years: [Int], rows: [Row] = []) {
        self.path = path; self.comments = comments; self.extraColumns = extraColumns; self.years = years; self.rows = rows
    }

    /// Whether the year columns are consecutive years (what the composition needs).
    public var isAnnual: Bool { zip(years, years.dropFirst()).allSatisfy { $1 == $0 + 1 } }

    public func rows(region: String) -> [Row] { rows.filter { $0.region == region } }

    public func row(region: String, variable: String) -> Row? {
        rows.first { $0.region == region && $0.variable == variable }
    }

    /// The value of an extra column in `row`, or nil when the table has no such column.
    public func extra(_ column: String, of row: Row) -> String? {
        extraColumns.firstIndex(of: column).map { row.extra[$0] }
    }

    /// The 1-based file column of year `year` (for error messages).
    public func fileColumn(year: Int) -> Int? {
        years.firstIndex(of: year).map { Self.keyColumns.count + extraColumns.count + $0 + 1 }
    }

    /// An error about `row` (at the year's cell when `year` is given).
    public func error(_ row: Row, year: Int? = nil, _ message: String) -> InputError {
        InputError(file: path, line: row.line == 0 ? nil : row.line, column: year.flatMap(fileColumn(year:)),
                   key: "\(row.region)|\(row.variable)", message: message)
    }

    // MARK: Reading

    public static func load(path: String) throws(InputError) -> IAMCTable {
        let bytes = try readWholeFile(path: path, limit: BoundedRead.iamcTableLimit, what: "IAMC pathway file")
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError(file: path, message: "the file is not valid UTF-8 text")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(InputError) -> IAMCTable {
        var table = IAMCTable(path: path, years: [])
        var headerSeen = false
        var seen: [String: Int] = [:]
        var fieldCount = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if line.hasPrefix("#") {
                if !headerSeen { table.comments.append(String(line.dropFirst().drop { $0 == " " })) }
                continue
            }
            let fields = try splitFields(line, path: path, line: number)
            if !headerSeen {
                headerSeen = true
                fieldCount = fields.count
                try readHeader(fields, into: &table, line: number)
                continue
            }
            guard fields.count == fieldCount else {
                throw InputError(file: path, line: number, column: min(fields.count, fieldCount) + 1,
                                 message: "the row has \(fields.count) fields but the header has \(fieldCount)")
            }
            let k = keyColumns.count, e = table.extraColumns.count
            for c in 0..<k where fields[c].isEmpty {
                throw InputError(file: path, line: number, column: c + 1, key: keyColumns[c], message: "empty \(keyColumns[c]) field")
            }
            var row = Row(model: fields[0], scenario: fields[1], region: fields[2], variable: fields[3], unit: fields[4],
                          extra: Array(fields[k..<(k + e)]), values: [], line: number)
            row.values.reserveCapacity(table.years.count)
            for (j, cell) in fields[(k + e)...].enumerated() {
                let text = cell.trimmingCharacters(in: .whitespaces)
                if text.isEmpty { row.values.append(.nan); continue }
                guard let v = Double(text), v.isFinite else {
                    throw InputError(file: path, line: number, column: k + e + j + 1, key: "\(row.region)|\(row.variable)",
                                     message: "year \(table.years[j]): '\(text)' is not a finite number")
                }
                row.values.append(v)
            }
            let key = [row.model, row.scenario, row.region, row.variable].joined(separator: "\u{1}")
            if let earlier = seen[key] {
                throw InputError(file: path, line: number, column: 4, key: "\(row.region)|\(row.variable)",
                                 message: "the same model, scenario, region and variable appear already on line \(earlier)")
            }
            seen[key] = number
            table.rows.append(row)
        }
        guard headerSeen else { throw InputError(file: path, message: "no header row (Model,Scenario,Region,Variable,Unit,<years>)") }
        return table
    }

    private static func readHeader(_ fields: [String], into table: inout IAMCTable, line: Int) throws(InputError) {
        let path = table.path
        for (c, name) in keyColumns.enumerated() {
            guard c < fields.count, fields[c].lowercased() == name.lowercased() else {
                throw InputError(file: path, line: line, column: c + 1, key: name,
                                 message: "the header must start with \(keyColumns.joined(separator: ",")); found '\(c < fields.count ? fields[c] : "")'")
            }
        }
        var c = keyColumns.count
        while c < fields.count, Int(fields[c]) == nil {
            if fields[c].isEmpty { throw InputError(file: path, line: line, column: c + 1, message: "a header column has no name") }
            table.extraColumns.append(fields[c]); c += 1
        }
        guard c < fields.count else { throw InputError(file: path, line: line, column: c + 1, message: "the header has no year columns") }
        for j in c..<fields.count {
            guard let year = Int(fields[j]) else {
                throw InputError(file: path, line: line, column: j + 1, message: "'\(fields[j])' is not a year; year columns must come last")
            }
            if let last = table.years.last, year <= last {
                throw InputError(file: path, line: line, column: j + 1, message: "year \(year) does not follow \(last): years must rise")
            }
            table.years.append(year)
        }
    }

    /// Splits one CSV line; fields may be double-quoted (with `""` for a quote), as pandas writes names with commas.
    static func splitFields(_ line: Substring, path: String, line number: Int) throws(InputError) -> [String] {
        var fields: [String] = [], current = "", inQuotes = false, wasQuoted = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if ch == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { inQuotes = false; pending = next }
                    } else { inQuotes = false }
                } else { current.append(ch) }
            } else if ch == "," {
                fields.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces)); current = ""; wasQuoted = false
            } else if ch == "\"" && current.trimmingCharacters(in: .whitespaces).isEmpty {
                inQuotes = true; wasQuoted = true; current = ""
            } else { current.append(ch) }
        }
        if inQuotes { throw InputError(file: path, line: number, column: fields.count + 1, message: "unterminated quoted field") }
        fields.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
        return fields
    }

    // MARK: Writing

    /// The table as IAMC CSV text; values in the shortest text that reads back to the same double.
    public var csvText: String {
        func quote(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        var out = comments.map { "# " + $0 + "\n" }.joined()
        // Lower-case key columns: scmdata's ScmRun(path) needs them, pyam accepts either (readers here ignore case).
        out += (Self.keyColumns.map { $0.lowercased() } + extraColumns + years.map(String.init)).joined(separator: ",") + "\n"
        for row in rows {
            let keys = [row.model, row.scenario, row.region, row.variable, row.unit] + row.extra
            out += (keys.map(quote) + row.values.map { $0.isNaN ? "" : Self.format($0) }).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Shortest round-trip decimal text of a double ("12.5", "0.1", "-3e-05").
    public static func format(_ v: Double) -> String {
        if v == 0 { return "0" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
