/// Shared type and range checks used by the `NamelistField` factories.
enum FieldCheck {
    /// The only value of a scalar entry.
    static func single(_ entry: NamelistEntry, file: String) throws(InputError) -> NamelistValue {
        guard entry.values.count == 1, let value = entry.values.first else {
            throw InputError(file: file, line: entry.line, key: entry.key,
                             message: "expected a single value, got a list of \(entry.values.count) values")
        }
        return value
    }

    /// A real, or an integer accepted as a real.
    static func real(_ value: NamelistValue, _ entry: NamelistEntry, file: String) throws(InputError) -> Double {
        switch value {
        case .real(let number): return number
        case .integer(let number): return Double(number)
        default: throw wrongType(value, expected: "a real number", entry, file: file)
        }
    }

    static func check(_ value: Double, in range: ClosedRange<Double>, unit: String,
                      _ entry: NamelistEntry, file: String, element: Int? = nil) throws(InputError) {
        guard !range.contains(value) else { return }
        let subject = element.map { "element \($0) (value \(value.description))" } ?? "value \(value.description)"
        throw InputError(file: file, line: entry.line, key: entry.key,
                         message: "\(subject) is outside the allowed range \(text(range)) (unit: \(unit))")
    }

    static func wrongType(_ value: NamelistValue, expected: String,
                          _ entry: NamelistEntry, file: String) -> InputError {
        InputError(file: file, line: entry.line, key: entry.key, message: "expected \(expected), got \(value.phrase)")
    }

    static func text(_ range: ClosedRange<Double>) -> String {
        "[\(range.lowerBound.description), \(range.upperBound.description)]"
    }
}
