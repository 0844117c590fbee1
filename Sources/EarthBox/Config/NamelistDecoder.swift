/// Reads typed parameter groups from a parsed `Namelist`.
public struct NamelistDecoder {
    /// Reads one group; absent group -> all defaults, absent key -> that field's default.
    /// Unknown keys, wrong types and out-of-range values are `InputError`s naming file, line and key.
    public static func decode<G: NamelistGroup>(_ type: G.Type, from namelist: Namelist) throws(InputError) -> G {
        var result = G()
        guard let block = namelist.group(G.groupName) else { return result }
        let fields = G.fields
        var byKey: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            assert(byKey[field.key] == nil, "\(G.self): key '\(field.key)' declared twice")
            byKey[field.key] = index
        }
        for entry in block.entries {
            guard let index = byKey[entry.key] else {
                let keys = fields.map(\.key)
                var message = "unknown key in group '&\(block.name)'"
                let hint = NearestName.hint(for: entry.key, among: keys)
                if !hint.isEmpty {
                    message += hint
                } else if keys.count <= 12 {
                    message += " (valid keys: \(keys.joined(separator: ", ")))"
                }
                throw InputError(file: namelist.file, line: entry.line, key: entry.key, message: message)
            }
            try fields[index].decode(entry, into: &result, file: namelist.file)
        }
        return result
    }

    /// Rejects any group in the file whose name is not one of `allowed` (with nearest-name suggestion).
    public static func checkGroups(_ namelist: Namelist, allowed: [String]) throws(InputError) {
        let names = allowed.map { $0.lowercased() }
        for block in namelist.groups where !names.contains(block.name) {
            var message = "unknown group '&\(block.name)'"
            let hint = NearestName.hint(for: block.name, among: names, prefix: "&")
            message += hint.isEmpty ? " (valid groups: \(names.map { "&" + $0 }.joined(separator: ", ")))" : hint
            throw InputError(file: namelist.file, line: block.line, message: message)
        }
    }
}
