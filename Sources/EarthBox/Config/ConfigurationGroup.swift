/// One namelist group as the rest of the program sees it: its name, which namelists it belongs to, how it is
/// decoded into and encoded from a `RunConfiguration`, its documentation and, for the model's parameter groups, the
/// real keys an ensemble prior (or `--set`) can change. Built from the group's `NamelistGroup` conformance, so its
/// keys, types, ranges and messages are the group's own. The list of groups is `ConfigurationGroup.all`.
public struct ConfigurationGroup: Sendable {
    /// Which namelists a group belongs to.
    public enum Role: Sendable {
        /// Part of every run (`earthbox run`, `diagnose`, the labs and an ensemble's base run).
        case run
        /// Read by `earthbox pathway`; a run namelist may carry it so one file describes the pathway and its run.
        case pathway
        /// Only in ensemble namelists.
        case ensemble
    }

    /// The group name without '&', lower case.
    public let name: String
    public let role: Role
    /// Whether its real keys are model parameters that an ensemble prior can sample.
    public let isSampled: Bool
    /// The group's Markdown table for `earthbox parameters` and docs/.
    public let documentation: @Sendable () -> String
    /// Decodes the group from `namelist` into the configuration (run groups only).
    let decode: (@Sendable (Namelist, inout RunConfiguration) throws(InputError) -> Void)?
    /// The group's resolved values as namelist text (run groups only).
    let encode: (@Sendable (RunConfiguration) -> String)?
    /// The real keys, as `group.key`, and the parameter called `group.key` or `group.key(n)` (model groups only).
    let realKeys: [String]
    let parameter: (@Sendable (String, ModelConfiguration) -> UncertainParameter?)?

    /// A group of the run settings held in `path` of `RunConfiguration` (`&run`, `&teaching`).
    static func settings<G: NamelistGroup>(_ path: WritableKeyPath<RunConfiguration, G> & Sendable) -> Self {
        Self(name: G.groupName, role: .run, isSampled: false, documentation: { NamelistEncoder.documentation(G.self) },
             decode: { (namelist: Namelist, c: inout RunConfiguration) throws(InputError) in
                 c[keyPath: path] = try NamelistDecoder.decode(G.self, from: namelist)
             },
             encode: { NamelistEncoder.encode($0[keyPath: path]) },
             realKeys: [], parameter: nil)
    }

    /// A parameter group of the model held in `path` of `ModelConfiguration`; `sampled`: whether priors may name its reals.
    static func model<G: NamelistGroup>(_ path: WritableKeyPath<ModelConfiguration, G> & Sendable, sampled: Bool = true) -> Self {
        Self(name: G.groupName, role: .run, isSampled: sampled, documentation: { NamelistEncoder.documentation(G.self) },
             decode: { (namelist: Namelist, c: inout RunConfiguration) throws(InputError) in
                 c.model[keyPath: path] = try NamelistDecoder.decode(G.self, from: namelist)
             },
             encode: { NamelistEncoder.encode($0.model[keyPath: path]) },
             realKeys: G.fields.filter { $0.typeName == "real" }.map { "\(G.groupName).\($0.key)" },
             parameter: { name, defaults in UncertainParameter.make(name, path, defaults) })
    }

    /// A group decoded by its own command (`&pathway`, `&ensemble`), registered here for its name and documentation.
    static func other<G: NamelistGroup>(_ type: G.Type, role: Role) -> Self {
        Self(name: G.groupName, role: role, isSampled: false, documentation: { NamelistEncoder.documentation(G.self) },
             decode: nil, encode: nil, realKeys: [], parameter: nil)
    }
}

extension ConfigurationGroup {
    /// Every namelist group, in the order they are decoded, written into outputs and documented: the one list of groups.
    public static let all: [ConfigurationGroup] = [
        .settings(\.run),
        .model(\.climate),
        .model(\.ocean),
        .model(\.oceanCarbon),
        .model(\.land),
        .model(\.gases),
        .model(\.forcingAgents),
        .model(\.variability),
        .model(\.zonal, sampled: false),   // only multi-band runs feel these; not sampled by ensembles
        .settings(\.teaching),
        .other(PathwaySettings.self, role: .pathway),
        .other(EnsembleSettings.self, role: .ensemble),
        ConfigurationGroup(name: ParameterPrior.groupName, role: .ensemble, isSampled: false,
                           documentation: { ParameterPrior.documentation }, decode: nil, encode: nil, realKeys: [], parameter: nil),
    ]

    /// The groups with `role`.
    public static func names(_ roles: Role...) -> [String] {
        all.filter { roles.contains($0.role) }.map(\.name)
    }

    /// The run groups (decoded into a `RunConfiguration`), in order.
    static var run: [ConfigurationGroup] { all.filter { $0.role == .run } }

    /// The groups whose real keys ensemble priors can sample.
    static var sampled: [ConfigurationGroup] { all.filter(\.isSampled) }
}
