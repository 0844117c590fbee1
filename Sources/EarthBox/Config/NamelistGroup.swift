/// A plain parameter struct readable from one namelist group.
///
/// The stored properties' initial values are the defaults (the one place a default lives);
/// `fields` maps namelist keys to those properties with units, ranges and documentation.
public protocol NamelistGroup: Sendable {
    /// The group name without '&', lower case (e.g. "climate").
    static var groupName: String { get }
    /// One field per namelist key, in the order they are written and documented.
    static var fields: [NamelistField<Self>] { get }
    /// All defaults.
    init()
}
