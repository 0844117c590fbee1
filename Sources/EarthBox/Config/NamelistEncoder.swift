/// Writes typed parameter groups as namelist text and as documentation.
public enum NamelistEncoder {
    /// The group as namelist text with every key and its value. Parsing and decoding the text
    /// gives back `value` exactly (reals use the shortest spelling that round-trips).
    public static func encode<G: NamelistGroup>(_ value: G) -> String {
        let fields = G.fields
        let width = fields.map(\.key.count).max() ?? 0
        var text = "&\(G.groupName.lowercased())\n"
        for field in fields {
            let padding = String(repeating: " ", count: width - field.key.count)
            text += "  \(field.key)\(padding) = \(field.defaultText(of: value))\n"
        }
        return text + "/\n"
    }

    /// A Markdown table of the group: key, default, unit, range, meaning, citation.
    public static func documentation<G: NamelistGroup>(_ type: G.Type) -> String {
        let defaults = G()
        var text = "### `&\(G.groupName.lowercased())`\n\n"
        text += "| key | default | unit | range | meaning | citation |\n"
        text += "|---|---|---|---|---|---|\n"
        for field in G.fields {
            let cells = [
                "`\(field.key)`",
                "`\(field.defaultText(of: defaults))`",
                field.unit,
                field.rangeText,
                field.documentation,
                field.citation,
            ]
            text += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        return text
    }

    /// Table-safe cell text: no line breaks, `|` escaped.
    private static func cell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
