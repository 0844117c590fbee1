/// Suggestions for misspelled keys and group names.
enum NearestName {
    /// The candidate closest to `name` by Levenshtein distance (case-insensitive), if it is
    /// reasonably close: at most a third of the longer name's length, and at most 3 edits.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        let target = Array(name.lowercased().utf8)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased().utf8)
            let distance = levenshtein(target, other)
            let limit = max(1, min(3, max(target.count, other.count) / 3))
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.name
    }

    /// "; did you mean 'x'?" or "".
    static func hint(for name: String, among candidates: [String], prefix: String = "") -> String {
        guard let match = suggestion(for: name, among: candidates) else { return "" }
        return "; did you mean '\(prefix)\(match)'?"
    }

    static func levenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
