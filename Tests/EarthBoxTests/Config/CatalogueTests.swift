import Foundation
import Testing
@testable import EarthBox

/// `earthbox list` and the suggestion for a mistyped subcommand, in-process.
@Suite("Catalogue and command suggestions") struct CatalogueTests {
    @Test func firstCommentLine() {
        #expect(Catalogue.firstComment("! EarthBox default: SSP2-4.5\n! more\n&run /") == "EarthBox default: SSP2-4.5")
        #expect(Catalogue.firstComment("\n   !!  indented  \n") == "indented")
        #expect(Catalogue.firstComment("&run /\n") == "")
    }

    @Test func theShippedNamelistsAreListedWithTheirFirstComment() throws {
        let files = Catalogue.namelists(in: TestSupport.namelistDirectory)
        let onDisk = FileManager.default.enumerator(atPath: TestSupport.namelistDirectory)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".nml") }
        #expect(files.count == onDisk.count && files.count >= 20)
        #expect(files.map(\.path) == files.map(\.path).sorted())
        #expect(files.allSatisfy { !$0.summary.isEmpty }, "every shipped namelist starts with a comment: \(files.filter { $0.summary.isEmpty }.map(\.path))")
        let text = Catalogue.text(namelistDirectory: TestSupport.namelistDirectory)
        for scenario in RunSettings.scenarios { #expect(text.contains("  \(scenario) "), "\(scenario)") }
        for experiment in Experiment.allCases { #expect(text.contains("  \(experiment.rawValue) "), "\(experiment)") }
        let defaultFile = try #require(files.first { $0.path.hasSuffix("/default.nml") })
        #expect(defaultFile.summary.hasPrefix("EarthBox default experiment"))
        #expect(text.contains(defaultFile.summary))
        #expect(Catalogue.text(namelistDirectory: "/nonexistent").contains("none found in /nonexistent"))
    }

    @Test func mistypedSubcommandsGetASuggestion() {
        let commands = ["run", "ensemble", "diagnose", "parameters", "list", "pathway", "compare", "help"]
        func suggestion(_ arguments: [String], exists: Bool = false) -> String? {
            Catalogue.mistypedCommand(arguments, commands: commands, fileExists: { _ in exists })
        }
        #expect(suggestion(["runn", "x.nml"]) == "unknown command 'runn'; did you mean 'run'?")
        #expect(suggestion(["ensembel", "e.nml"]) == "unknown command 'ensembel'; did you mean 'ensemble'?")
        #expect(suggestion(["paramters"]) == "unknown command 'paramters'; did you mean 'parameters'?")
        #expect(suggestion(["run", "x.nml"]) == nil)
        #expect(suggestion(["x.nml"]) == nil, "a namelist for the default subcommand")
        #expect(suggestion(["Namelists/run"]) == nil)
        #expect(suggestion(["--help"]) == nil)
        #expect(suggestion(["runn"], exists: true) == nil, "an existing file named like a typo is a namelist")
        #expect(suggestion(["zzzzzzzz"]) == nil)
        #expect(suggestion([]) == nil)
    }
}
