/// One `--set group.key=value` from the command line: a namelist entry that replaces (or adds) `key` in `&group`
/// before the namelist is decoded, so it goes through exactly the checks a value written in the file goes through.
///
/// The value is namelist syntax (`4.5`, `.true.`, `'exact'`, `60, 90, 150`); text that is not (e.g. `ssp126`,
/// `Runs/test`) is taken as one string, so strings need no shell-quoted quotes.
public struct NamelistOverride: Sendable, Equatable {
    /// As given on the command line, e.g. `climate.equilibrium_climate_sensitivity=4.5`.
    public let argument: String
    /// Lower case, without '&'.
    public let group: String
    /// Lower case; may itself contain dots (a prior: `priors.climate.equilibrium_climate_sensitivity='uniform',2,5`).
    public let key: String
    public let values: [NamelistValue]

    /// How errors name an override: `--set group.key=value`.
    public var origin: String { "--set \(argument)" }

    public init(_ argument: String) throws(InputError) {
        self.argument = argument
        let usage = "expected group.key=value, e.g. --set climate.equilibrium_climate_sensitivity=4.5"
        guard let equals = argument.firstIndex(of: "=") else {
            throw InputError(file: "--set \(argument)", message: "missing '=': \(usage)")
        }
        let name = argument[..<equals].trimmingSpaces
        let text = argument[argument.index(after: equals)...].trimmingSpaces
        guard let dot = name.firstIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else {
            throw InputError(file: "--set \(argument)", message: "'\(name)' is not group.key: \(usage)")
        }
        group = name[..<dot].lowercased()
        key = name[name.index(after: dot)...].lowercased()
        guard !text.isEmpty else { throw InputError(file: "--set \(argument)", key: key, message: "no value after '=': \(usage)") }
        if let parsed = try? Namelist.parse(text: "&value\n v = \(text)\n/\n", file: "--set"),
           let entry = parsed.groups.first?.entries.first, parsed.groups.first?.entries.count == 1 {
            values = entry.values
        } else {
            values = [.string(text)]
        }
    }

    /// The line number an override's entry carries in `Namelist.applying`: negative, so it cannot be a file's line.
    static func line(ofOverride index: Int) -> Int { -(index + 1) }
}

extension Namelist {
    /// This namelist with every override applied in order (a later `--set` of the same key wins): an existing key is
    /// replaced where it stands, a new key is added to its group, a new group is added at the end.
    public func applying(_ overrides: [NamelistOverride]) -> Namelist {
        guard !overrides.isEmpty else { return self }
        var blocks = groups
        for (index, override) in overrides.enumerated() {
            let entry = NamelistEntry(key: override.key, values: override.values, line: NamelistOverride.line(ofOverride: index))
            if let g = blocks.firstIndex(where: { $0.name == override.group }) {
                var entries = blocks[g].entries
                if let e = entries.firstIndex(where: { $0.key == override.key }) { entries[e] = entry } else { entries.append(entry) }
                blocks[g] = NamelistGroupBlock(name: blocks[g].name, line: blocks[g].line, entries: entries)
            } else {
                blocks.append(NamelistGroupBlock(name: override.group, line: entry.line, entries: [entry]))
            }
        }
        return Namelist(file: file, groups: blocks)
    }
}

extension InputError {
    /// The error told as the `--set` argument it came from, if it points at an override's entry.
    public func locating(_ overrides: [NamelistOverride]) -> InputError {
        guard let line, line < 0, -line <= overrides.count else { return self }
        let override = overrides[-line - 1]
        return InputError(file: override.origin, key: key ?? override.key, message: message)
    }
}

extension NamelistOverride {
    /// The overrides as namelist comment lines, written into an output's namelist record: `! --set group.key=value`.
    public static func comments(_ overrides: [NamelistOverride]) -> String {
        overrides.map { "! \($0.origin)\n" }.joined()
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
