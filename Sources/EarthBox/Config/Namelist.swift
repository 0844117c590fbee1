/// `key = value, value, ...` inside a group. `key` is lower-cased; `line` is where the key is written.
public struct NamelistEntry: Sendable {
    public let key: String
    public let values: [NamelistValue]
    public let line: Int

    public init(key: String, values: [NamelistValue], line: Int) {
        self.key = key; self.values = values; self.line = line
    }
}

/// `&name ... /`. `name` is lower-cased; `line` is where `&name` is written.
public struct NamelistGroupBlock: Sendable {
    public let name: String
    public let line: Int
    public let entries: [NamelistEntry]

    public init(name: String, line: Int, entries: [NamelistEntry]) {
        self.name = name; self.line = line; self.entries = entries
    }

    /// The entry for `key` (case-insensitive), if it was set.
    public func entry(_ key: String) -> NamelistEntry? {
        let wanted = key.lowercased()
        return entries.first { $0.key == wanted }
    }
}

/// A parsed namelist file: its groups in file order. Untyped; see `NamelistDecoder`.
public struct Namelist: Sendable {
    public let file: String
    public let groups: [NamelistGroupBlock]

    public init(file: String, groups: [NamelistGroupBlock]) {
        self.file = file; self.groups = groups
    }

    /// Parses namelist text; `file` is only used in error messages.
    public static func parse(text: String, file: String) throws(InputError) -> Namelist {
        var parser = NamelistParser(text: text, file: file)
        return try parser.parseFile()
    }

    /// The group called `name` (case-insensitive), if present.
    public func group(_ name: String) -> NamelistGroupBlock? {
        let wanted = name.lowercased()
        return groups.first { $0.name == wanted }
    }

    /// The line where `key` was set in `group`, or nil if it was not set.
    public func location(group: String, key: String) -> Int? {
        self.group(group)?.entry(key)?.line
    }

    /// An error for a cross-field check (e.g. bounds reversed), pointing at the line where
    /// `key` was set, else at the group's line, else at the file.
    public func error(group: String, key: String, _ message: String) -> InputError {
        let block = self.group(group)
        let line = block?.entry(key)?.line ?? block?.line
        return InputError(file: file, line: line, key: key.lowercased(), message: message)
    }
}
