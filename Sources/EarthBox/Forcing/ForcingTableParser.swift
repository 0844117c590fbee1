#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a forcing file into a `ForcingTable`, checking the
/// layout row by row (see `ForcingTable` for the layout).
///
/// Works on UTF-8 bytes: lines and fields are found by scanning for `\n` and
/// `,`, and no `String` is made for a field except to hand it to the
/// standard library's number parser, so a 750-row, 100-column file loads in
/// a few milliseconds.
enum ForcingTableParser {
    static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> ForcingTable {
        if bytes.isEmpty { throw InputError(file: path, line: nil, message: "the file is empty") }
        var state = State(path: path)
        // Array.withUnsafeBufferPointer is rethrows, not typed-throws: carry the
        // InputError out through a Result.
        let result: Result<Void, InputError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(InputError) {
                try state.readLines(buffer)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        return try state.finish()
    }

    /// What has been read so far.
    private struct State {
        let path: String
        /// `year` followed by the data column names, as in the header row.
        var allColumnNames: [String] = []
        var headerLineNumber: Int?
        var units: [String] = []
        var unitLineNumber: Int?
        /// Row after row, data columns only.
        var valuesRowMajor: [Double] = []
        var firstYear = 0
        var yearCount = 0
        /// The line of the latest data row, for messages about repeated years.
        var previousYearLineNumber = 0
        var lastLineNumber = 0
        var dataLineNumbers: [Int] = []

        init(path: String) { self.path = path }

        mutating func readLines(_ bytes: UnsafeBufferPointer<UInt8>) throws(InputError) {
            // At least the number of lines, so the header row can allocate the value arrays once: grown by doubling,
            // their copies and fresh pages were a third of the parse of a 660 kB scenario file.
            let lineCountBound = newlineCount(bytes) + 1
            var position = 0
            var lineNumber = 0
            while position < bytes.count {
                lineNumber += 1
                let lineStart = position
                // memchr (vectorised in glibc) finds the line end; the byte loop it replaces was a tenth of the parse.
                let base = bytes.baseAddress!
                var lineEnd = bytes.count
                if let found = memchr(base + lineStart, Int32(ASCII.newline), bytes.count - lineStart) {
                    lineEnd = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                }
                let endsWithNewline = lineEnd < bytes.count
                position = lineEnd + 1
                var contentEnd = lineEnd
                if contentEnd > lineStart && bytes[contentEnd - 1] == ASCII.carriageReturn { contentEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<contentEnd])
                lastLineNumber = lineNumber
                if isBlankOrComment(line) { continue }
                if headerLineNumber == nil {
                    try readHeader(line, lineNumber: lineNumber, lineCountBound: lineCountBound, byteCount: bytes.count)
                } else if unitLineNumber == nil {
                    try readUnits(line, lineNumber: lineNumber)
                } else {
                    if !endsWithNewline { try refuseUnterminatedRow(line, lineNumber: lineNumber) }
                    try readDataRow(line, lineNumber: lineNumber)
                }
            }
        }

        func finish() throws(InputError) -> ForcingTable {
            guard let headerLineNumber else {
                throw InputError(
                    file: path, line: lastLineNumber, key: "year",
                    message: "no header row: the file holds only comments or blank lines")
            }
            guard let unitLineNumber else {
                throw InputError(
                    file: path, line: headerLineNumber, key: "unit",
                    message: "the file ends after the header row; the unit row and the data rows are missing")
            }
            guard yearCount > 0 else {
                throw InputError(
                    file: path, line: unitLineNumber,
                    message: "the file ends after the unit row; there are no data rows")
            }
            let columnCount = allColumnNames.count - 1
            var valuesByColumn = [[Double]](repeating: [], count: columnCount)
            for column in 0..<columnCount {
                valuesByColumn[column] = (0..<yearCount).map { valuesRowMajor[$0 * columnCount + column] }
            }
            return ForcingTable(
                path: path, firstYear: firstYear, lastYear: firstYear + yearCount - 1,
                columnNames: Array(allColumnNames.dropFirst()), units: units,
                headerLineNumber: headerLineNumber, unitLineNumber: unitLineNumber,
                valuesByColumn: valuesByColumn, dataLineNumbers: dataLineNumbers)
        }

        // MARK: Rows

        /// `lineCountBound` and `byteCount` are the whole file's: the data rows below cannot hold more values.
        private mutating func readHeader(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int, lineCountBound: Int,
                                         byteCount: Int) throws(InputError) {
            let names = fields(of: line).map { String(decoding: $0, as: UTF8.self) }
            guard names[0] == "year" else {
                throw InputError(
                    file: path, line: lineNumber, key: "year",
                    message: "the header row must start with 'year', found '\(names[0])'")
            }
            guard names.count > 1 else {
                throw InputError(file: path, line: lineNumber, message: "the header row names no data columns")
            }
            var firstPosition: [String: Int] = [:]
            for (position, name) in names.enumerated() {
                if name.isEmpty {
                    throw InputError(
                        file: path, line: lineNumber,
                        message: "column \(position + 1) of the header row has no name")
                }
                if let earlier = firstPosition[name] {
                    throw InputError(
                        file: path, line: lineNumber, key: name,
                        message: "the column name appears twice in the header row (columns \(earlier + 1) and \(position + 1))")
                }
                firstPosition[name] = position
            }
            allColumnNames = names
            headerLineNumber = lineNumber
            let rowBound = max(0, lineCountBound - lineNumber)
            let (valueBound, overflow) = rowBound.multipliedReportingOverflow(by: names.count - 1)
            // A value takes at least two bytes (a digit and a comma or newline): a file of many blank lines and a wide
            // header must not reserve more than its own size could fill.
            if !overflow { valuesRowMajor.reserveCapacity(min(valueBound, byteCount / 2 + 1)) }
            dataLineNumbers.reserveCapacity(rowBound)
        }

        private mutating func readUnits(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(InputError) {
            let texts = fields(of: line).map { String(decoding: $0, as: UTF8.self) }
            guard texts[0] == "unit" else {
                throw InputError(
                    file: path, line: lineNumber, key: "unit",
                    message: "the unit row is missing: the row after the header row (line \(headerLineNumber!)) "
                        + "must start with 'unit' and give the unit of each column, found '\(texts[0])'")
            }
            if texts.count < allColumnNames.count {
                throw InputError(
                    file: path, line: lineNumber, key: allColumnNames[texts.count],
                    message: "the unit row ends after \(texts.count) of \(allColumnNames.count) fields; this column and the ones after it have no unit")
            }
            if texts.count > allColumnNames.count {
                throw InputError(
                    file: path, line: lineNumber, key: "unit",
                    message: "the unit row has \(texts.count) fields but the header row has \(allColumnNames.count)")
            }
            for column in 1..<texts.count where texts[column].isEmpty {
                throw InputError(file: path, line: lineNumber, key: allColumnNames[column], message: "no unit given")
            }
            units = Array(texts.dropFirst())
            unitLineNumber = lineNumber
        }

        /// A file cut short usually ends inside a row, without a final newline;
        /// the cut row may even have all its fields, the last one shortened, so
        /// it is refused whatever its field count.
        private func refuseUnterminatedRow(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(InputError) {
            let fieldCount = fields(of: line).count
            let cutColumn = fieldCount <= allColumnNames.count ? allColumnNames[fieldCount - 1] : nil
            throw InputError(
                file: path, line: lineNumber, key: cutColumn,
                message: "the file ends inside this row (no newline after it), so it looks truncated; "
                    + "if the row is complete, end the file with a newline")
        }

        private mutating func readDataRow(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(InputError) {
            let columnCount = allColumnNames.count
            var fieldIndex = 0
            var fieldStart = 0
            while true {
                var fieldEnd = fieldStart
                while fieldEnd < line.count && line[fieldEnd] != ASCII.comma { fieldEnd += 1 }
                if fieldIndex >= columnCount {
                    throw InputError(
                        file: path, line: lineNumber,
                        message: "the row has more fields than the \(columnCount) columns of the header row")
                }
                let field = FieldBytes.trimmed(UnsafeBufferPointer(rebasing: line[fieldStart..<fieldEnd]))
                if fieldIndex == 0 {
                    try acceptYear(field, lineNumber: lineNumber)
                } else {
                    valuesRowMajor.append(try number(field, lineNumber: lineNumber, column: fieldIndex))
                }
                fieldIndex += 1
                if fieldEnd == line.count { break }
                fieldStart = fieldEnd + 1
            }
            if fieldIndex < columnCount {
                throw InputError(
                    file: path, line: lineNumber, key: allColumnNames[fieldIndex],
                    message: "the row ends after \(fieldIndex) of \(columnCount) fields, so this column and "
                        + "the ones after it have no value (is the file truncated?)")
            }
        }

        // MARK: Fields

        private mutating func acceptYear(_ field: UnsafeBufferPointer<UInt8>, lineNumber: Int) throws(InputError) {
            guard let year = wholeNumber(field) else {
                throw InputError(
                    file: path, line: lineNumber, key: "year",
                    message: "'\(String(decoding: field, as: UTF8.self))' is not a whole year")
            }
            if yearCount == 0 {
                firstYear = year
            } else {
                let previousYear = firstYear + yearCount - 1
                if year == previousYear {
                    throw InputError(
                        file: path, line: lineNumber, key: "year",
                        message: "year \(year) appears twice (also on line \(previousYearLineNumber))")
                }
                if year < previousYear {
                    throw InputError(
                        file: path, line: lineNumber, key: "year",
                        message: "year \(year) comes after \(previousYear); years must rise by one from row to row")
                }
                if year > previousYear + 1 {
                    let missing = year == previousYear + 2
                        ? "year \(previousYear + 1) is missing"
                        : "years \(previousYear + 1)-\(year - 1) are missing"
                    throw InputError(
                        file: path, line: lineNumber, key: "year",
                        message: "year \(year) follows \(previousYear): \(missing); every year must have a row")
                }
            }
            yearCount += 1
            previousYearLineNumber = lineNumber
            dataLineNumbers.append(lineNumber)
        }

        private func number(_ field: UnsafeBufferPointer<UInt8>, lineNumber: Int, column: Int) throws(InputError) -> Double {
            if let value = DecimalFastPath.parse(field) { return value }   // most fields: exact, no string made
            // Fields up to 15 bytes become small strings without allocation;
            // the stdlib parser is correctly rounded, so the converter's
            // repr() output reads back to the very same double.
            let text = String(decoding: field, as: UTF8.self)
            guard let value = Double(text) else {
                throw InputError(
                    file: path, line: lineNumber, key: allColumnNames[column],
                    message: text.isEmpty ? "no value given" : "'\(text)' is not a number")
            }
            guard value.isFinite else {
                throw InputError(
                    file: path, line: lineNumber, key: allColumnNames[column],
                    message: "'\(text)' is not a finite number; NaN and infinity are not allowed")
            }
            return value
        }
    }
}

// MARK: - Byte helpers

private enum ASCII {
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let comma = UInt8(ascii: ",")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#")
    static let minus = UInt8(ascii: "-")
    static let zero = UInt8(ascii: "0")
    static let nine = UInt8(ascii: "9")
}

/// The number of `\n` bytes.
private func newlineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    for byte in bytes where byte == ASCII.newline { count += 1 }
    return count
}

/// Blanks around the fields of the forcing tables, handled as bytes.
enum FieldBytes {
    /// A space or a tab, the blanks a hand-aligned forcing file may put around a field.
    static func isBlank(_ byte: UInt8) -> Bool { byte == ASCII.space || byte == ASCII.tab }

    /// The field without surrounding spaces and tabs, so hand-aligned files read (the land-fraction table's too).
    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = field.count
        while start < end && isBlank(field[start]) { start += 1 }
        while end > start && isBlank(field[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: field[start..<end])
    }
}

private func isBlankOrComment(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in line where !FieldBytes.isBlank(byte) { return byte == ASCII.hash }
    return true
}

/// The comma-separated fields of a line, each trimmed. Always at least one.
private func fields(of line: UnsafeBufferPointer<UInt8>) -> [UnsafeBufferPointer<UInt8>] {
    var result: [UnsafeBufferPointer<UInt8>] = []
    var fieldStart = 0
    for (position, byte) in line.enumerated() where byte == ASCII.comma {
        result.append(FieldBytes.trimmed(UnsafeBufferPointer(rebasing: line[fieldStart..<position])))
        fieldStart = position + 1
    }
    result.append(FieldBytes.trimmed(UnsafeBufferPointer(rebasing: line[fieldStart..<line.count])))
    return result
}

/// An optionally negative run of decimal digits, or nil. At most 9 digits:
/// a year, never something that could overflow.
private func wholeNumber(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
    var digits = field[...]
    let negative = digits.first == ASCII.minus
    if negative { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.count <= 9 else { return nil }
    var value = 0
    for byte in digits {
        guard byte >= ASCII.zero && byte <= ASCII.nine else { return nil }
        value = value * 10 + Int(byte - ASCII.zero)
    }
    return negative ? -value : value
}
