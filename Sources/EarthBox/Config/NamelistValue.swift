/// One value as written in a namelist file (after repeat counts are expanded).
public enum NamelistValue: Equatable, Sendable {
    case integer(Int)
    case real(Double)
    case logical(Bool)
    case string(String)

    /// The value in namelist syntax. Reals use Swift's shortest round-trip
    /// spelling, so parsing the text gives back the same `Double` bits.
    public var namelistText: String {
        switch self {
        case .integer(let value): return String(value)
        case .real(let value): return value.description
        case .logical(let value): return value ? ".true." : ".false."
        case .string(let value):
            var text = "'"
            for character in value {
                text.append(character)
                if character == "'" { text.append("'") }
            }
            return text + "'"
        }
    }

    /// "the real number 1.5" etc., for error messages.
    var phrase: String {
        switch self {
        case .integer: return "the integer \(namelistText)"
        case .real: return "the real number \(namelistText)"
        case .logical: return "the logical \(namelistText)"
        case .string: return "the string \(namelistText)"
        }
    }
}
