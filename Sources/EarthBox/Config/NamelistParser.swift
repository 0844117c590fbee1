/// Hand-written scanner for Fortran namelist text, working on UTF-8 bytes.
///
/// Grammar (as CESM/MOM users write it):
///   file    = { blank | comment | group }
///   group   = "&" name { [","] key "=" values } "/"
///   values  = value { [","] value }          (may continue on following lines)
///   value   = [count "*"] ( integer | real | logical | 'string' | "string" )
/// `!` starts a comment to end of line (outside strings). Names are case-insensitive.
struct NamelistParser {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1

    /// Largest accepted repeat count `n*value` (guards memory against typos like `99999999999*0`).
    static let maximumRepeatCount = 1_000_000

    init(text: String, file: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // UTF-8 byte-order mark
        self.bytes = bytes
        self.file = file
    }

    // MARK: File and groups

    mutating func parseFile() throws(InputError) -> Namelist {
        var groups: [NamelistGroupBlock] = []
        var groupLines: [String: Int] = [:]
        while true {
            skipBlanksAndComments()
            guard let byte = peek() else { break }
            guard byte == ascii("&") else {
                throw InputError(file: file, line: line,
                                 message: "text outside a group: \(snippet()); settings must be inside '&group_name ... /'")
            }
            groups.append(try parseGroup(seen: &groupLines))
        }
        return Namelist(file: file, groups: groups)
    }

    private mutating func parseGroup(seen: inout [String: Int]) throws(InputError) -> NamelistGroupBlock {
        let groupLine = line
        index += 1  // '&'
        guard let name = readIdentifier() else {
            throw InputError(file: file, line: groupLine, message: "expected a group name after '&'")
        }
        if let first = seen[name] {
            throw InputError(file: file, line: groupLine,
                             message: "group '&\(name)' appears twice (first on line \(first))")
        }
        seen[name] = groupLine

        var entries: [NamelistEntry] = []
        var keyLines: [String: Int] = [:]
        while true {
            skipBlanksCommentsAndCommas()
            guard let byte = peek() else {
                throw InputError(file: file, line: lastLine,
                                 message: "group '&\(name)' (line \(groupLine)) is not closed: missing '/' before end of file")
            }
            if byte == ascii("/") { index += 1; break }
            if byte == ascii("&") {
                throw InputError(file: file, line: line,
                                 message: "group '&\(name)' (line \(groupLine)) is not closed: missing '/' before the next group")
            }
            let keyLine = line
            guard let key = readKey() else {
                throw InputError(file: file, line: line,
                                 message: "unexpected \(snippet()) in group '&\(name)'; expected 'key = value' or '/'")
            }
            skipSpaces()
            guard peek() == ascii("=") else {
                throw InputError(file: file, line: keyLine, key: key, message: "missing '=' after the key")
            }
            index += 1
            if let first = keyLines[key] {
                throw InputError(file: file, line: keyLine, key: key,
                                 message: "set twice in group '&\(name)' (first on line \(first))")
            }
            keyLines[key] = keyLine
            let values = try parseValues(key: key, keyLine: keyLine)
            entries.append(NamelistEntry(key: key, values: values, line: keyLine))
        }
        return NamelistGroupBlock(name: name, line: groupLine, entries: entries)
    }

    // MARK: Values

    private mutating func parseValues(key: String, keyLine: Int) throws(InputError) -> [NamelistValue] {
        var values: [NamelistValue] = []
        var pendingComma = false
        while true {
            skipBlanksAndComments()
            guard let byte = peek(), byte != ascii("/"), byte != ascii("&") else { break }
            if byte == ascii(",") {
                if values.isEmpty || pendingComma {
                    throw InputError(file: file, line: line, key: key,
                                     message: values.isEmpty ? "empty value: nothing between '=' and ','"
                                                             : "empty value between two commas")
                }
                pendingComma = true
                index += 1
                continue
            }
            if Self.isIdentifierStart(byte) && startsKeyAssignment() { break }
            // After at least one value, a word that is not a logical (`ecs 3.0`) or a character
            // that cannot start a value is the next entry, reported there (e.g. missing '=').
            if !values.isEmpty, !Self.isValueStart(byte) || (Self.isIdentifierStart(byte) && !startsLogicalWord()) {
                break
            }
            values.append(contentsOf: try parseValue(key: key))
            pendingComma = false
        }
        if values.isEmpty {
            throw InputError(file: file, line: keyLine, key: key, message: "empty value: nothing after '='")
        }
        return values
    }

    /// One value, possibly with a repeat count (`3*0.5` gives three values).
    private mutating func parseValue(key: String) throws(InputError) -> [NamelistValue] {
        var count = 1
        var end = index
        while end < bytes.count, Self.isDigit(bytes[end]) { end += 1 }
        if end > index, end < bytes.count, bytes[end] == ascii("*") {
            let digits = bytes[index..<end]
            guard digits.count <= 7, let parsed = Int(String(decoding: digits, as: UTF8.self)),
                  parsed <= Self.maximumRepeatCount else {
                throw InputError(file: file, line: line, key: key,
                                 message: "repeat count is too large (at most \(Self.maximumRepeatCount))")
            }
            guard parsed > 0 else {
                throw InputError(file: file, line: line, key: key, message: "repeat count must be at least 1")
            }
            count = parsed
            index = end + 1
            if let next = peek(), !Self.isSeparator(next) {
                // value follows
            } else {
                throw InputError(file: file, line: line, key: key,
                                 message: "empty value after '\(parsed)*' (null values are not supported)")
            }
        }
        let value: NamelistValue
        if let byte = peek(), byte == ascii("'") || byte == ascii("\"") {
            value = .string(try readString(key: key))
            if let next = peek(), !Self.isSeparator(next) {
                throw InputError(file: file, line: line, key: key,
                                 message: "unexpected \(snippet()) after a string; separate values with ',' or spaces")
            }
        } else {
            value = try classify(readBareToken(), key: key)
        }
        return Array(repeating: value, count: count)
    }

    private mutating func readString(key: String) throws(InputError) -> String {
        let quote = bytes[index]
        let startLine = line
        index += 1
        var content: [UInt8] = []
        while true {
            guard let byte = peek(), byte != ascii("\n") else {
                throw InputError(file: file, line: startLine, key: key,
                                 message: "unterminated string: missing closing \(quote == ascii("'") ? "'" : "\"") on this line")
            }
            index += 1
            if byte == quote {
                if peek() == quote { content.append(quote); index += 1 } else { break }
            } else {
                content.append(byte)
            }
        }
        return String(decoding: content, as: UTF8.self)
    }

    private mutating func readBareToken() -> ArraySlice<UInt8> {
        let start = index
        while let byte = peek(), !Self.isSeparator(byte) { index += 1 }
        return bytes[start..<index]
    }

    /// Logical or number; anything else is an error (strings must be quoted).
    private func classify(_ token: ArraySlice<UInt8>, key: String) throws(InputError) -> NamelistValue {
        let lower = String(decoding: token.map(Self.lowercased), as: UTF8.self)
        let shown = String(decoding: token, as: UTF8.self)
        if token.count >= 2, token.first == ascii("."), Self.isLetter(token[token.startIndex + 1]) {
            var word = lower.dropFirst()
            if word.hasSuffix(".") { word = word.dropLast() }
            switch word {
            case "true", "t": return .logical(true)
            case "false", "f": return .logical(false)
            default:
                throw InputError(file: file, line: line, key: key,
                                 message: "malformed logical '\(shown)'; write .true. or .false.")
            }
        }
        switch lower {
        case "t", "true": return .logical(true)
        case "f", "false": return .logical(false)
        default: break
        }
        guard let first = token.first,
              Self.isDigit(first) || first == ascii("+") || first == ascii("-") || first == ascii(".") else {
            if let first = token.first, Self.isLetter(first) {
                throw InputError(file: file, line: line, key: key,
                                 message: "unexpected text '\(shown)'; strings must be quoted, e.g. '\(shown)'")
            }
            throw InputError(file: file, line: line, key: key, message: "unexpected '\(shown)'; expected a value")
        }
        return try parseNumber(token, shown: shown, key: key)
    }

    /// `[sign] digits [. digits] [(e|d) [sign] digits]` with at least one mantissa digit.
    private func parseNumber(_ token: ArraySlice<UInt8>, shown: String, key: String) throws(InputError) -> NamelistValue {
        let malformed = InputError(file: file, line: line, key: key, message: "malformed number '\(shown)'")
        var i = token.startIndex
        var negative = false
        if i < token.endIndex, token[i] == ascii("+") || token[i] == ascii("-") {
            negative = token[i] == ascii("-"); i += 1
        }
        func digits() -> ArraySlice<UInt8> {
            let start = i
            while i < token.endIndex, Self.isDigit(token[i]) { i += 1 }
            return token[start..<i]
        }
        let integerPart = digits()
        var fractionPart: ArraySlice<UInt8> = []
        var isReal = false
        if i < token.endIndex, token[i] == ascii(".") {
            i += 1; isReal = true
            fractionPart = digits()
        }
        guard !integerPart.isEmpty || !fractionPart.isEmpty else { throw malformed }
        var exponentNegative = false
        var exponentPart: ArraySlice<UInt8> = []
        if i < token.endIndex, "eEdD".utf8.contains(token[i]) {
            i += 1; isReal = true
            if i < token.endIndex, token[i] == ascii("+") || token[i] == ascii("-") {
                exponentNegative = token[i] == ascii("-"); i += 1
            }
            exponentPart = digits()
            guard !exponentPart.isEmpty else { throw malformed }
        }
        guard i == token.endIndex else { throw malformed }

        if !isReal {
            var value = 0
            for digit in integerPart {
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int(digit - ascii("0")))
                if overflow1 || overflow2 {
                    throw InputError(file: file, line: line, key: key, message: "integer '\(shown)' is too large")
                }
                value = sum
            }
            return .integer(negative ? -value : value)
        }
        // Normalised spelling that Double(_:) parses with correct rounding.
        var text = negative ? "-" : ""
        text += integerPart.isEmpty ? "0" : String(decoding: integerPart, as: UTF8.self)
        text += "." + (fractionPart.isEmpty ? "0" : String(decoding: fractionPart, as: UTF8.self))
        if !exponentPart.isEmpty {
            text += (exponentNegative ? "e-" : "e") + String(decoding: exponentPart, as: UTF8.self)
        }
        guard let value = Double(text), value.isFinite else {
            throw InputError(file: file, line: line, key: key,
                             message: "real number '\(shown)' is too large for double precision")
        }
        return .real(value)
    }

    // MARK: Scanning helpers

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The last line that exists in the text (a final newline does not start a new line).
    private var lastLine: Int { bytes.last == ascii("\n") ? max(1, line - 1) : line }

    private mutating func skipBlanksAndComments() {
        while let byte = peek() {
            if byte == ascii("\n") {
                line += 1; index += 1
            } else if byte == ascii(" ") || byte == ascii("\t") || byte == ascii("\r") {
                index += 1
            } else if byte == ascii("!") {
                while let next = peek(), next != ascii("\n") { index += 1 }
            } else {
                return
            }
        }
    }

    private mutating func skipBlanksCommentsAndCommas() {
        while true {
            skipBlanksAndComments()
            guard peek() == ascii(",") else { return }
            index += 1
        }
    }

    private mutating func skipSpaces() {
        while let byte = peek(), byte == ascii(" ") || byte == ascii("\t") || byte == ascii("\r") { index += 1 }
    }

    /// Reads `[A-Za-z][A-Za-z0-9_]*`, lower-cased; nil (and nothing consumed) if none.
    private mutating func readIdentifier() -> String? {
        guard let first = peek(), Self.isIdentifierStart(first) else { return nil }
        let start = index
        while let byte = peek(), Self.isIdentifierStart(byte) || Self.isDigit(byte) || byte == ascii("_") { index += 1 }
        return String(decoding: bytes[start..<index].map(Self.lowercased), as: UTF8.self)
    }

    /// Reads a key: an identifier, optionally followed by Fortran derived-type components (`climate%ecs`,
    /// also written `climate.ecs`, normalised to the dotted form) and one element index (`layer_thickness(1)`).
    /// Plain groups reject such keys as unknown; `&priors` uses them to name another group's parameter.
    private mutating func readKey() -> String? {
        guard var key = readIdentifier() else { return nil }
        while let byte = peek() {
            if byte == ascii(".") || byte == ascii("%"), index + 1 < bytes.count, Self.isIdentifierStart(bytes[index + 1]) {
                index += 1
                key += "." + (readIdentifier() ?? "")
            } else if byte == ascii("(") {
                var end = index + 1
                while end < bytes.count, Self.isDigit(bytes[end]) { end += 1 }
                guard end > index + 1, end < bytes.count, bytes[end] == ascii(")") else { return key }
                key += String(decoding: bytes[index...end], as: UTF8.self)
                index = end + 1
                return key
            } else {
                return key
            }
        }
        return key
    }

    /// True if the text at `index` is `key [spaces] =` (the next entry, not a value like `T`).
    private func startsKeyAssignment() -> Bool {
        var i = index
        while i < bytes.count, Self.isIdentifierStart(bytes[i]) || Self.isDigit(bytes[i]) || bytes[i] == ascii("_")
                || bytes[i] == ascii(".") || bytes[i] == ascii("%") || bytes[i] == ascii("(") || bytes[i] == ascii(")") { i += 1 }
        while i < bytes.count, bytes[i] == ascii(" ") || bytes[i] == ascii("\t") || bytes[i] == ascii("\r") { i += 1 }
        return i < bytes.count && bytes[i] == ascii("=")
    }

    /// True if the text at `index` is the bare word T, F, TRUE or FALSE (any case).
    private func startsLogicalWord() -> Bool {
        var i = index
        var word: [UInt8] = []
        while i < bytes.count, word.count <= 5,
              Self.isIdentifierStart(bytes[i]) || Self.isDigit(bytes[i]) || bytes[i] == ascii("_") {
            word.append(Self.lowercased(bytes[i])); i += 1
        }
        return word == Array("t".utf8) || word == Array("f".utf8)
            || word == Array("true".utf8) || word == Array("false".utf8)
    }

    /// A short quotation of the text at `index` for error messages.
    private func snippet() -> String {
        guard let byte = peek() else { return "end of file" }
        if byte < 0x20 || byte == 0x7F { return "control character 0x\(String(byte, radix: 16))" }
        var end = index
        while end < bytes.count, end - index < 20, bytes[end] != ascii("\n"), bytes[end] != ascii("\r") { end += 1 }
        return "'" + String(decoding: bytes[index..<end], as: UTF8.self) + "'"
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isIdentifierStart(_ byte: UInt8) -> Bool { isLetter(byte) }
    private static func isValueStart(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E || byte == 0x27 || byte == 0x22
    }
    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    /// Ends a bare value: blank, end of line, `,`, `/`, `!`.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
            || byte == 0x2C || byte == 0x2F || byte == 0x21
    }
}

@inline(__always)
private func ascii(_ scalar: Unicode.Scalar) -> UInt8 { UInt8(ascii: scalar) }
