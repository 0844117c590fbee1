/// Every real model parameter an ensemble prior can name, as `group.key` or `group.key(n)` (one element of a
/// list, e.g. `ocean.layer_thickness(1)`, the mixed-layer depth). Built from the parameter groups' own
/// `NamelistField`s (ParameterBindings.swift), so a sampled value goes through the same key path and range
/// check as a value written in the namelist: there is no second parameter table.
public struct UncertainParameter: Sendable {
    /// `group.key` or `group.key(n)`.
    public let name: String
    public let unit: String
    public let documentation: String
    public let citation: String
    /// Stores `value` in `model`; an out-of-range value is an `InputError` at `file:line` naming `name`.
    let assign: @Sendable (inout ModelConfiguration, Double, String, Int) throws(InputError) -> Void
    /// The parameter's value in `model`.
    public let value: @Sendable (ModelConfiguration) -> Double

    public func assign(_ value: Double, to model: inout ModelConfiguration, file: String, line: Int) throws(InputError) {
        try assign(&model, value, file, line)
    }

    /// A NetCDF-safe variable name, e.g. `climate_equilibrium_climate_sensitivity`, `ocean_layer_thickness_1`.
    public var variableName: String {
        String(name.map { $0 == "." || $0 == "(" ? "_" : $0 }.filter { $0 != ")" })
    }
}

public enum ParameterSpace {
    /// Groups whose real parameters can be sampled (not `&run`: it says what to run, not how the Earth works).
    public static var groupNames: [String] { ConfigurationGroup.sampled.map(\.name) }

    /// Every scalar real parameter, as `group.key` (list elements are resolved on demand by `parameter(named:)`).
    public static var scalarNames: [String] { ConfigurationGroup.sampled.flatMap(\.realKeys) }

    /// The parameter called `name` (`group.key` or `group.key(n)`), or nil if there is none.
    public static func parameter(named name: String, defaults: ModelConfiguration) -> UncertainParameter? {
        guard let dot = name.firstIndex(of: ".") else { return nil }
        let group = String(name[..<dot])
        return ConfigurationGroup.sampled.first { $0.name == group }?.parameter?(name, defaults)
    }
}

extension UncertainParameter {
    static func make<G: NamelistGroup>(_ name: String, _ path: WritableKeyPath<ModelConfiguration, G> & Sendable,
                                               _ defaults: ModelConfiguration) -> UncertainParameter? {
        var rest = String(name.drop { $0 != "." }.dropFirst())
        var element: Int?
        if let open = rest.firstIndex(of: "("), rest.hasSuffix(")") {
            guard let n = Int(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]), n >= 1 else { return nil }
            element = n
            rest = String(rest[..<open])
        }
        guard let field = G.fields.first(where: { $0.key == rest }), let read = field.realValues else { return nil }
        if element == nil && field.typeName != "real" { return nil }
        if let element, field.typeName != "real list" || element > read(defaults[keyPath: path]).count { return nil }
        let unit = field.unit, documentation = field.documentation, citation = field.citation
        if let element {
            return UncertainParameter(name: name, unit: unit, documentation: documentation + " (element \(element))", citation: citation,
                assign: { (model: inout ModelConfiguration, x: Double, file: String, line: Int) throws(InputError) in
                    var list = read(model[keyPath: path])
                    list[element - 1] = x
                    let entry = NamelistEntry(key: name, values: list.map(NamelistValue.real), line: line)
                    try field.decode(entry, into: &model[keyPath: path], file: file)
                },
                value: { read($0[keyPath: path])[element - 1] })
        }
        return UncertainParameter(name: name, unit: unit, documentation: documentation, citation: citation,
            assign: { (model: inout ModelConfiguration, x: Double, file: String, line: Int) throws(InputError) in
                try field.decode(NamelistEntry(key: name, values: [.real(x)], line: line), into: &model[keyPath: path], file: file)
            },
            value: { read($0[keyPath: path])[0] })
    }
}
