#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `earthbox list` shows: the scenarios, the experiments and the shipped namelists with their first comment line.
public enum Catalogue {
    /// A namelist file and the text of its first comment line (`! ...`), empty if it has none.
    public struct NamelistFile: Sendable, Equatable {
        public let path: String
        public let summary: String
    }

    /// Every `.nml` file under `directory`, sorted by path.
    public static func namelists(in directory: String) -> [NamelistFile] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [NamelistFile] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".nml") else { continue }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            files.append(NamelistFile(path: path, summary: firstComment(text)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The first line that is a comment, without `!` and surrounding blanks.
    public static func firstComment(_ text: String) -> String {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.first == "!" {
                return String(trimmed.dropFirst().drop { $0 == " " || $0 == "!" }).trimmingCharacters(in: .whitespaces)
            }
        }
        return ""
    }

    /// The listing as text: three aligned sections.
    public static func text(namelistDirectory: String) -> String {
        func section(_ title: String, _ rows: [(String, String)]) -> String {
            let width = rows.map(\.0.count).max() ?? 0
            return title + "\n" + rows.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
                .joined(separator: "\n")
        }
        let namelists = namelists(in: namelistDirectory)
        return [
            section("Scenarios (&run scenario; &ensemble scenarios):", RunSettings.scenarioDescriptions.map { ($0.name, $0.description) }),
            section("Experiments (&run experiment):", Experiment.allCases.map { ($0.rawValue, $0.summary) }),
            namelists.isEmpty ? "Shipped namelists: none found in \(namelistDirectory)"
                : section("Shipped namelists (\(namelistDirectory)):", namelists.map { ($0.path, $0.summary) }),
        ].joined(separator: "\n\n")
    }

    /// For `earthbox runn x.nml`: "unknown command 'runn'; did you mean 'run'?" when the first argument is no command,
    /// no option, no existing file and not a path, but is close to one of `commands`; nil otherwise (then the default
    /// subcommand reads it as its namelist, as before).
    public static func mistypedCommand(_ arguments: [String], commands: [String], fileExists: (String) -> Bool) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first),
              !first.contains("/"), !first.contains("."), !fileExists(first),
              let match = NearestName.suggestion(for: first, among: commands) else { return nil }
        return "unknown command '\(first)'; did you mean '\(match)'?"
    }
}
