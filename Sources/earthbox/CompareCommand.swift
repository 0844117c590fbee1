import ArgumentParser
import EarthBox
import Foundation

/// `earthbox compare`: policy indicators of pathway runs side by side, with figures and an HTML report.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare pathway runs or ensembles: table (terminal, Markdown, IAMC CSV), figures (PNG, SVG) and a self-contained HTML report.",
        discussion: """
        Runs with the same run name (experiment_id) are members of one ensemble: their spread is shaded and gives the
        67 % budgets and exceedance probabilities. A file with a `member` dimension adds its members the same way.
        Include the base SSP runs (no pathway_file) to get each pathway's contribution to warming.
        """)

    @Argument(help: "EarthBox run files (.nc) or ensemble files with a member dimension.")
    var files: [String]

    @Option(help: "Folder for compare.md, compare.csv, series.csv, figures and report.html.")
    var outputDir = "Runs/compare"

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        try reportingFailure {
        var runs: [RunSeries] = []
        for f in files { runs += try RunSeries.load(path: f) }
        guard !runs.isEmpty else { throw CommandFailure("earthbox compare: error: no runs given") }
        let comparison = Comparison(runs: runs)
        let result = try ComparisonReport(comparison).write(to: outputDir)
        if !quiet {
            print(comparison.text)
            print(comparison.budgetSummary)
            if let note = result.figureNote { print(note) }
            print("written: \(result.files.count) files in \(outputDir) (report: \((outputDir as NSString).appendingPathComponent("report.html")))")
        }
        }
    }
}
