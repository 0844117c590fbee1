/// One namelist key bound to a stored property of `Root`, with its type, allowed values,
/// unit, meaning and source. Built with the factories (`.real`, `.integer`, ...), which capture
/// the key path in closures so no string-keyed lookups happen when decoding.
public struct NamelistField<Root>: Sendable {
    public let key: String
    public let unit: String
    public let documentation: String
    public let citation: String
    /// "real", "integer", "logical", "string" or "real list".
    public let typeName: String
    /// The allowed values as text, e.g. "[1.5, 6.0]", for documentation.
    public let rangeText: String

    private let apply: @Sendable (inout Root, NamelistEntry, String) throws(InputError) -> Void
    private let render: @Sendable (Root) -> String
    /// The current value(s) of a real or real-list field (nil for other types): lets an ensemble prior
    /// replace one element of a list through the same key path and range check as the namelist.
    let realValues: (@Sendable (Root) -> [Double])?

    init(key: String, unit: String, documentation: String, citation: String,
         typeName: String, rangeText: String,
         apply: @escaping @Sendable (inout Root, NamelistEntry, String) throws(InputError) -> Void,
         render: @escaping @Sendable (Root) -> String,
         realValues: (@Sendable (Root) -> [Double])? = nil) {
        self.key = key.lowercased(); self.unit = unit; self.documentation = documentation
        self.citation = citation; self.typeName = typeName; self.rangeText = rangeText
        self.apply = apply; self.render = render; self.realValues = realValues
    }

    /// The field's current value in `root`, in namelist syntax (the default when `root` is `Root()`).
    public func defaultText(of root: Root) -> String { render(root) }

    /// Checks `entry` against this field's type and range and stores it in `root`.
    /// `file` is used in error messages.
    public func decode(_ entry: NamelistEntry, into root: inout Root, file: String) throws(InputError) {
        try apply(&root, entry, file)
    }
}

extension NamelistField {
    public static func real(_ key: String, _ path: WritableKeyPath<Root, Double> & Sendable,
                            range: ClosedRange<Double>, unit: String,
                            _ documentation: String, citation: String) -> Self {
        Self(key: key, unit: unit, documentation: documentation, citation: citation,
             typeName: "real", rangeText: FieldCheck.text(range),
             apply: { (root: inout Root, entry: NamelistEntry, file: String) throws(InputError) in
                 let value = try FieldCheck.real(FieldCheck.single(entry, file: file), entry, file: file)
                 try FieldCheck.check(value, in: range, unit: unit, entry, file: file)
                 root[keyPath: path] = value
             },
             render: { NamelistValue.real($0[keyPath: path]).namelistText },
             realValues: { [$0[keyPath: path]] })
    }

    public static func integer(_ key: String, _ path: WritableKeyPath<Root, Int> & Sendable,
                               range: ClosedRange<Int>, unit: String = "1",
                               _ documentation: String, citation: String = "") -> Self {
        Self(key: key, unit: unit, documentation: documentation, citation: citation,
             typeName: "integer", rangeText: "[\(range.lowerBound), \(range.upperBound)]",
             apply: { (root: inout Root, entry: NamelistEntry, file: String) throws(InputError) in
                 let value = try FieldCheck.single(entry, file: file)
                 guard case .integer(let number) = value else {
                     throw FieldCheck.wrongType(value, expected: "an integer", entry, file: file)
                 }
                 guard range.contains(number) else {
                     throw InputError(file: file, line: entry.line, key: entry.key,
                                      message: "value \(number) is outside the allowed range "
                                          + "[\(range.lowerBound), \(range.upperBound)] (unit: \(unit))")
                 }
                 root[keyPath: path] = number
             },
             render: { NamelistValue.integer($0[keyPath: path]).namelistText })
    }

    public static func logical(_ key: String, _ path: WritableKeyPath<Root, Bool> & Sendable,
                               _ documentation: String, citation: String = "") -> Self {
        Self(key: key, unit: "", documentation: documentation, citation: citation,
             typeName: "logical", rangeText: ".true. or .false.",
             apply: { (root: inout Root, entry: NamelistEntry, file: String) throws(InputError) in
                 let value = try FieldCheck.single(entry, file: file)
                 guard case .logical(let flag) = value else {
                     throw FieldCheck.wrongType(value, expected: "a logical (.true. or .false.)", entry, file: file)
                 }
                 root[keyPath: path] = flag
             },
             render: { NamelistValue.logical($0[keyPath: path]).namelistText })
    }

    /// `allowed == nil` accepts any string; otherwise the value must be one of `allowed` exactly.
    public static func string(_ key: String, _ path: WritableKeyPath<Root, String> & Sendable,
                              allowed: [String]?, _ documentation: String) -> Self {
        let allowedText = allowed.map { $0.map { NamelistValue.string($0).namelistText }.joined(separator: ", ") }
        return Self(key: key, unit: "", documentation: documentation, citation: "",
             typeName: "string", rangeText: allowedText ?? "any string",
             apply: { (root: inout Root, entry: NamelistEntry, file: String) throws(InputError) in
                 root[keyPath: path] = try allowedString(try FieldCheck.single(entry, file: file), allowed: allowed,
                                                         allowedText: allowedText, entry, file: file)
             },
             render: { NamelistValue.string($0[keyPath: path]).namelistText })
    }

    /// One of the cases of `Value`, spelt as its raw value (e.g. `grid_spacing = 'equal_area'`). The error for any other
    /// string names the allowed values and the nearest one, exactly as for an allowed-string field.
    public static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: WritableKeyPath<Root, Value> & Sendable, _ documentation: String
    ) -> Self where Value.RawValue == String {
        let allowed = Value.allCases.map(\.rawValue)
        let allowedText = allowed.map { NamelistValue.string($0).namelistText }.joined(separator: ", ")
        return Self(key: key, unit: "", documentation: documentation, citation: "",
             typeName: "string", rangeText: allowedText,
             apply: { (root: inout Root, entry: NamelistEntry, file: String) throws(InputError) in
                 let text = try allowedString(try FieldCheck.single(entry, file: file), allowed: allowed,
                                              allowedText: allowedText, entry, file: file)
                 root[keyPath: path] = Value(rawValue: text)!   // checked against `allowed` just above
             },
             render: { NamelistValue.string($0[keyPath: path].rawValue).namelistText })
    }

    /// A list of reals, each in `elementRange`, with a number of elements in `count`
    /// (`count.lowerBound` must be at least 1: a namelist cannot spell an empty list).
    public static func realList(_ key: String, _ path: WritableKeyPath<Root, [Double]> & Sendable,
                                elementRange: ClosedRange<Double>, count: ClosedRange<Int>, unit: String,
                                _ documentation: String, citation: String) -> Self {
        precondition(count.lowerBound >= 1, "realList '\(key)': a namelist cannot spell an empty list")
        let countText = count.lowerBound == count.upperBound
            ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
        return Self(key: key, unit: unit, documentation: documentation, citation: citation,
             typeName: "real list", rangeText: "\(countText) values, each in \(FieldCheck.text(elementRange))",
             apply: { (root: inout Root, entry: NamelistEntry, file: String) throws(InputError) in
                 guard count.contains(entry.values.count) else {
                     throw InputError(file: file, line: entry.line, key: entry.key,
                                      message: "expected \(countText) values, got \(entry.values.count)")
                 }
                 var list: [Double] = []
                 list.reserveCapacity(entry.values.count)
                 for (offset, value) in entry.values.enumerated() {
                     let number = try FieldCheck.real(value, entry, file: file)
                     try FieldCheck.check(number, in: elementRange, unit: unit, entry, file: file,
                                          element: offset + 1)
                     list.append(number)
                 }
                 root[keyPath: path] = list
             },
             render: { $0[keyPath: path].map { NamelistValue.real($0).namelistText }.joined(separator: ", ") },
             realValues: { $0[keyPath: path] })
    }

    /// A list of strings, each one of `allowed` (any string if nil), without repeats, with a number of elements in `count`.
    public static func stringList(_ key: String, _ path: WritableKeyPath<Root, [String]> & Sendable,
                                  allowed: [String]?, count: ClosedRange<Int>, _ documentation: String) -> Self {
        precondition(count.lowerBound >= 1, "stringList '\(key)': a namelist cannot spell an empty list")
        let allowedText = allowed.map { $0.map { NamelistValue.string($0).namelistText }.joined(separator: ", ") }
        return Self(key: key, unit: "", documentation: documentation, citation: "",
             typeName: "string list", rangeText: "\(count.lowerBound) to \(count.upperBound) of " + (allowedText ?? "any string"),
             apply: { (root: inout Root, entry: NamelistEntry, file: String) throws(InputError) in
                 guard count.contains(entry.values.count) else {
                     throw InputError(file: file, line: entry.line, key: entry.key,
                                      message: "expected \(count.lowerBound) to \(count.upperBound) values, got \(entry.values.count)")
                 }
                 var list: [String] = []
                 for value in entry.values {
                     let text = try allowedString(value, allowed: allowed, allowedText: allowedText, entry, file: file)
                     if list.contains(text) {
                         throw InputError(file: file, line: entry.line, key: entry.key, message: "\(value.namelistText) is listed twice")
                     }
                     list.append(text)
                 }
                 root[keyPath: path] = list
             },
             render: { $0[keyPath: path].map { NamelistValue.string($0).namelistText }.joined(separator: ", ") })
    }

    /// A quoted string that is one of `allowed` (any string when `allowed` is nil), or the error naming the nearest allowed one.
    static func allowedString(_ value: NamelistValue, allowed: [String]?, allowedText: String?, _ entry: NamelistEntry,
                              file: String) throws(InputError) -> String {
        guard case .string(let text) = value else {
            throw FieldCheck.wrongType(value, expected: "a quoted string", entry, file: file)
        }
        if let allowed, let allowedText, !allowed.contains(text) {
            throw InputError(file: file, line: entry.line, key: entry.key,
                             message: "\(value.namelistText) is not an allowed value (allowed: \(allowedText))"
                                 + NearestName.hint(for: text, among: allowed))
        }
        return text
    }
}
