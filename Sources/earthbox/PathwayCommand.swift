import ArgumentParser
import EarthBox
import Foundation

/// `earthbox pathway`: builds the IAMC pathway file of each namelist (its `&pathway` and `&run` groups).
struct Pathway: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pathway",
        abstract: "Build a regional or global CO2 pathway file from a namelist's &pathway group (peak, net zero, decline shape, removals).",
        discussion: "The file is written to &run pathway_file in the IAMC layout; `earthbox run` on the same namelist then runs it.")

    @Argument(help: "Namelists with &run (scenario = base SSP, pathway_file = output) and &pathway groups.")
    var namelists: [String]

    @Flag(help: "Write nothing; exit 1 if a committed pathway file differs from what the namelist makes.")
    var check = false

    @Option(help: "Read the national history from this file instead of &pathway history_file (e.g. when ../shared is elsewhere).")
    var historyFile: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        try reportingFailure {
        var differing: [String] = []
        for path in namelists {
            let result = try PathwayBuilder.build(namelist: try Namelist.load(path: path), historyFile: historyFile)
            // Plain IAMC (pyam and scmdata read it with no options); the provenance goes to the sidecar <file>.md.
            var plain = result.table
            plain.comments = []
            let text = plain.csvText
            let out = result.table.path
            var sidecar = "# \((out as NSString).lastPathComponent)\n\n" + result.table.comments.map { "- " + $0 }.joined(separator: "\n") + "\n"
            let namelist = try Namelist.load(path: path)
            let settings = try NamelistDecoder.decode(PathwaySettings.self, from: namelist)
            if !settings.landSinkRange.isEmpty {
                let rows = try LandSinkSensitivity.compute(namelist: namelist, historyFile: historyFile, central: result)
                sidecar += "\n" + LandSinkSensitivity.markdown(rows, settings: settings)
                if !quiet && !check { print(LandSinkSensitivity.markdown(rows, settings: settings)) }
            }
            let sidecarPath = (out as NSString).deletingPathExtension + ".md"
            if check {
                for (file, content) in [(out, text), (sidecarPath, sidecar)] where (try? String(contentsOfFile: file, encoding: .utf8)) != content {
                    differing.append(file)
                }
                continue
            }
            let folder = (out as NSString).deletingLastPathComponent
            if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            for (file, content) in [(out, text), (sidecarPath, sidecar)] {
                try OutputChecks.write(content, to: file)   // temp + rename
            }
            if !quiet {
                let s = result.spec, p = result.pathway
                let cdr = p.cumulativeNetRemovals
                print(String(format: "%@: %@ peak %.3f Gt CO2/yr in %d, net zero %d (%@), share of World in base %.4f, net-negative total %.1f Gt CO2",
                             out, s.region, s.peakMtCO2 / 1000, s.peakYear, s.netZeroYear, s.shape.rawValue, result.baselineShare, cdr / 1000))
            }
        }
        if check {
            if differing.isEmpty { if !quiet { print("pathway files up to date (\(namelists.count))") }; return }
            throw CommandFailure("pathway files differ from their namelists: \(differing.joined(separator: ", "))")
        }
        }
    }
}
