/// Checks done before any file is created, so that invalid datasets never
/// produce a file.
enum NetCDFValidation {
    /// Maximum name length in bytes (NC_MAX_NAME).
    static let maxNameBytes = 256

    /// netCDF name rules: 1…256 UTF-8 bytes; first character a letter, digit,
    /// underscore or any non-ASCII character; no '/', no control characters;
    /// no trailing whitespace.
    static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= maxNameBytes else { return false }
        let isAlnum = (first >= 0x30 && first <= 0x39) || (first >= 0x41 && first <= 0x5A)
            || (first >= 0x61 && first <= 0x7A)
        guard isAlnum || first == 0x5F || first >= 0x80 else { return false }
        for b in bytes where b == 0x2F || b < 0x20 || b == 0x7F { return false }
        if let last = bytes.last, last == 0x20 || last == 0x09 { return false }
        return true
    }

    static func validate(_ dataset: Dataset, path: String) throws(NetCDFError) {
        func fail(_ message: String) -> NetCDFError {
            NetCDFError(path: path, operation: "validate", message: message)
        }

        var lengths: [String: Int] = [:]
        for dim in dataset.dimensions {
            guard isValidName(dim.name) else { throw fail("invalid dimension name '\(dim.name)'") }
            guard lengths[dim.name] == nil else { throw fail("duplicate dimension '\(dim.name)'") }
            guard dim.length >= 0 else { throw fail("dimension '\(dim.name)' has negative length \(dim.length)") }
            if !dim.isUnlimited && dim.length == 0 {
                throw fail("dimension '\(dim.name)' has length 0 (only an unlimited dimension may be empty)")
            }
            lengths[dim.name] = dim.length
        }

        try validateAttributes(dataset.globalAttributes, owner: "global attributes", fail: fail)

        var variableNames = Set<String>()
        for v in dataset.variables {
            guard isValidName(v.name) else { throw fail("invalid variable name '\(v.name)'") }
            guard variableNames.insert(v.name).inserted else { throw fail("duplicate variable '\(v.name)'") }
            var expected = 1
            for d in v.dimensions {
                guard let n = lengths[d] else {
                    throw fail("variable '\(v.name)' uses unknown dimension '\(d)'")
                }
                let (p, overflow) = expected.multipliedReportingOverflow(by: n)
                guard !overflow else { throw fail("variable '\(v.name)' is too large") }
                expected = p
            }
            guard Set(v.dimensions).count == v.dimensions.count else {
                throw fail("variable '\(v.name)' repeats a dimension")
            }
            if v.type == .string {
                guard let width = v.dimensions.last.flatMap({ lengths[$0] }), width > 0 else {
                    throw fail("text variable '\(v.name)' needs a last dimension for the string length")
                }
                if let long = v.strings.first(where: { $0.utf8.count > width }) {
                    throw fail("text variable '\(v.name)': '\(long)' is longer than its \(width)-byte dimension")
                }
                expected /= width
            }
            guard v.valueCount == expected, v.type == .string || v.strings.isEmpty, v.type != .string || v.data.isEmpty else {
                throw fail("variable '\(v.name)' has \(v.valueCount) values but its dimensions "
                    + "\(v.dimensions) hold \(expected)")
            }
            try validateAttributes(v.attributes, owner: "variable '\(v.name)'", fail: fail)
        }
    }

    private static func validateAttributes(
        _ attributes: [(String, AttributeValue)], owner: String,
        fail: (String) -> NetCDFError
    ) throws(NetCDFError) {
        var seen = Set<String>()
        for (name, value) in attributes {
            guard isValidName(name) else { throw fail("invalid attribute name '\(name)' in \(owner)") }
            guard seen.insert(name).inserted else { throw fail("duplicate attribute '\(name)' in \(owner)") }
            switch name {
            case "_FillValue":
                switch value {
                case .double: break
                case .doubles(let d) where d.count == 1: break
                default: throw fail("_FillValue in \(owner) must be a single double (variables are NC_DOUBLE)")
                }
                if owner == "global attributes" { throw fail("_FillValue is not allowed as a global attribute") }
            case "missing_value":
                switch value {
                case .double: break
                case .doubles(let d) where !d.isEmpty: break
                default: throw fail("missing_value in \(owner) must be double(s) (variables are NC_DOUBLE)")
                }
            default:
                break
            }
        }
    }
}
