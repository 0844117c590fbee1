/// A small result table of a teaching experiment: printed in the terminal and written as CSV.
public struct LabTable: Sendable, Equatable {
    public var title: String
    public var columns: [String]
    public var rows: [[Double]]
    /// Findings under the table (thresholds, what to look at).
    public var notes: [String] = []

    public init(title: String, columns: [String], rows: [[Double]] = [], notes: [String] = []) {
        self.title = title; self.columns = columns; self.rows = rows; self.notes = notes
    }

    public func column(_ name: String) -> [Double] {
        guard let i = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[i] }
    }

    static func format(_ x: Double) -> String {
        if x.isNaN { return "-" }
        if x == x.rounded() && abs(x) < 1e6 { return String(Int(x)) }
        let digits = abs(x) >= 100 ? 1 : 3
        var s = String(x.rounded(toPlaces: digits))
        if s.hasSuffix(".0") && digits == 1 { s = String(s.dropLast(2)) }
        return s
    }

    public var text: String {
        let cells = rows.map { $0.map(Self.format) }
        let widths = columns.indices.map { i in max(columns[i].count, cells.map { $0[i].count }.max() ?? 0) }
        func line(_ items: [String]) -> String {
            items.enumerated().map { String(repeating: " ", count: widths[$0.offset] - $0.element.count) + $0.element }.joined(separator: "  ")
        }
        var out = [title, line(columns), line(widths.map { String(repeating: "-", count: $0) })]
        out += cells.map(line)
        out += notes
        return out.joined(separator: "\n")
    }

    public var csv: String {
        var out = ["# " + title] + notes.map { "# " + $0 }
        out.append(columns.joined(separator: ","))
        out += rows.map { $0.map { $0.isNaN ? "" : String($0) }.joined(separator: ",") }
        return out.joined(separator: "\n") + "\n"
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
