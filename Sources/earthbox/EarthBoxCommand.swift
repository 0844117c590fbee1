import ArgumentParser
import EarthBox
import Foundation

@main
struct EarthBoxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "earthbox",
        abstract: "EarthBox: a reduced-complexity coupled Earth system model.",
        version: RunDataset.modelVersion,
        subcommands: [Run.self, Ensemble.self, Diagnose.self, Uncertainty.self, Parameters.self, List.self, Pathway.self, Compare.self, Assess.self, Calibrate.self, Serve.self],
        defaultSubcommand: Run.self
    )

    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }

    /// Termination signals remove the temporary output files first (then end the process as killed by the signal).
    /// A command's failure (`ExitCode`, after its one-line message) ends the process without the C library's exit
    /// handlers (see `exitWithoutLibraryCleanup`); argument errors, help and version go through argument-parser.
    static func main() {
        TemporaryFiles.installSignalHandlers()
        let command: ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            var running = command
            try running.run()
        } catch let code as ExitCode {
            exitWithoutLibraryCleanup(code.rawValue)
        } catch {
            exit(withError: error)
        }
        exitWithoutLibraryCleanup(0)
    }
}

/// `--set group.key=value`, repeatable: one namelist value changed without copying the file.
struct Overrides: ParsableArguments {
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Change one namelist value, e.g. --set climate.equilibrium_climate_sensitivity=4.5 --set run.scenario=ssp126 "
                               + "(repeatable; checked as if written in the file; recorded in the output).",
                               valueName: "group.key=value"))
    var values: [String] = []

    func parsed() throws(InputError) -> [NamelistOverride] {
        try values.map { text throws(InputError) in try NamelistOverride(text) }
    }
}

/// A command's failure in words that name the file (and line and key where there is one), as compilers print them.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Prints an error the way compilers do (`file:line: error: 'key': message`), without argument-parser's prefix, on
/// one line whatever the error: a message must never spill a tool's multi-line output onto the terminal.
func printError(_ error: any Error) {
    let text = oneLineDescription(error).split(whereSeparator: \.isNewline).joined(separator: " ")
    FileHandle.standardError.write(Data("\(text)\n".utf8))
}

/// Ends the process without the C library's exit handlers. After a failed NetCDF write (a full disk) HDF5 still
/// holds the file it could not flush, and its exit handler H5_term_library then crashes (SIGSEGV, exit 139) trying
/// again; nothing of EarthBox's own needs an exit handler (outputs are complete or removed), so standard output is
/// flushed and the process ends at once.
func exitWithoutLibraryCleanup(_ status: Int32) -> Never {
    fflush(nil)   // every open stream
    _exit(status)
}

extension ParsableCommand {
    /// Runs `body`; an error is printed as it stands and the command exits with status 1 (`ExitCode.failure`),
    /// having written nothing (outputs go to a temporary name and are renamed only when complete).
    func reportingFailure(_ body: () throws -> Void) throws {
        do { try body() } catch let code as ExitCode { throw code } catch {
            printError(error)
            throw ExitCode.failure
        }
    }
}

struct Run: ParsableCommand {
    // An explicit name spares argument-parser deriving it from the type name at run time (String(describing:)
    // scans every protocol conformance: 13 M instructions of a 250 M single run).
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run one experiment described by a namelist and write its NetCDF output.")

    @Argument(help: "Namelist file (Fortran syntax), e.g. Namelists/default.nml.")
    var namelist: String = "Namelists/default.nml"

    @Option(help: "Write the output here instead of <output_directory>/<run_name>.nc.")
    var output: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Option(parsing: .upToNextOption, help: "Write a restart file at the end of each of these years, e.g. --checkpoint-years 1900 2000.")
    var checkpointYears: [Int] = []

    @Option(help: "Folder for the restart files (default: the output folder); named <run_name>-<year>.restart.")
    var checkpointDirectory: String?

    @Option(help: "Continue from this restart file (written by --checkpoint-years with the same namelist).")
    var restart: String?

    @OptionGroup var overrides: Overrides

    /// What the default subcommand could not place: `earthbox runn x.nml` arrives here as namelist 'runn' and 'x.nml'.
    @Argument(parsing: .allUnrecognized, help: .hidden)
    var unrecognized: [String] = []

    /// A mistyped subcommand gets a suggestion ("did you mean 'run'?") instead of "Unexpected argument".
    func validate() throws {
        if let message = Catalogue.mistypedCommand([namelist], commands: EarthBoxCommand.commandNames,
                                                   fileExists: { FileManager.default.fileExists(atPath: $0) }) {
            throw ValidationError(message)
        }
        if let first = unrecognized.first { throw ValidationError("Unexpected argument '\(first)'") }
    }

    func run() throws {
        try reportingFailure {
            let configuration = try RunConfiguration.load(path: namelist, overrides: overrides.parsed())
            let namelistFile = try Namelist.load(path: namelist)   // for the lines of the keys that name outputs
            if configuration.run.experiment.isTeachingLab { return try runLab(configuration, namelist: namelistFile) }
            if !configuration.run.parameterSet.isEmpty { return try runParameterSet(configuration, namelist: namelistFile) }
            // Every output path is checked before the forcing is even read.
            let settings = configuration.run
            try OutputChecks.require(outputPath(settings), namelist: namelistFile, key: "output_directory", option: output.map { _ in "--output" })
            let folder = checkpointDirectory ?? settings.outputDirectory
            if !checkpointYears.isEmpty {
                try OutputChecks.requireFolder(folder, namelist: namelistFile, key: "output_directory",
                                               option: checkpointDirectory.map { _ in "--checkpoint-directory" })
            }
            let plan: RunPlan
            do { plan = try RunPlan(configuration) } catch { throw namelistFile.locating(error) }
            let checkpoint = try restart.map { path throws(InputError) in try Checkpoint.read(path: path, plan: plan) }
            for year in checkpointYears where year < plan.firstYear || year >= plan.lastYear {
                throw CommandFailure("\(namelist): error: '--checkpoint-years': \(year) is not inside the run's years \(plan.firstYear)-\(plan.lastYear - 1)")
            }
            // A restart file that cannot be written stops the run (exit 1) rather than leaving a run that cannot be restarted;
            // a non-finite or impossible state stops it before anything more is written.
            let record = try plan.checkedRun(from: checkpoint, checkpointYears: checkpointYears) { checkpoint, year in
                let path = folder.appendingFileName("\(settings.resolvedRunName)-\(year).restart")
                if let problem = checkpoint.write(to: path) { throw CommandFailure("\(path): error: \(problem)") }
                if !quiet { print("restart file written: \(path)") }
            }
            let path = outputPath(settings)
            try NetCDF.write(RunDataset.make(record: record, plan: plan), to: path)
            if !quiet { print(RunSummary(record: record).text(name: settings.resolvedRunName, path: path)) }
        }
    }

    func outputPath(_ settings: RunSettings, extension ext: String = "nc") -> String {
        output ?? settings.outputDirectory.appendingFileName(settings.resolvedRunName + "." + ext)
    }
}

extension Run {
    /// A teaching experiment: a small table, printed and written as CSV (temp name, then renamed).
    func runLab(_ configuration: RunConfiguration, namelist namelistFile: Namelist) throws {
        let settings = configuration.run
        let path = output ?? settings.outputDirectory.appendingFileName(configuration.outputName + ".csv")
        // A lab's folder (Runs/teaching) is made if missing; then the path is checked like any output.
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try OutputChecks.require(path, namelist: namelistFile, key: "output_directory", option: output.map { _ in "--output" })
        let table = try TeachingLab.table(for: configuration, teaching: configuration.teaching)
        try OutputChecks.write(table.csv, to: path)
        if !quiet { print(table.text + "\nwritten: \(path)") }
    }
}

struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Run abrupt-4xCO2, abrupt-2xCO2, 1pctCO2, esm-1pct-brch-1000PgC and flat10MIP and report ECS, TCR, TCRE and ZEC.")

    @Argument(help: "Namelist whose parameters are diagnosed.")
    var namelist: String = "Namelists/default.nml"

    @Option(help: "Where to write the table (CSV).")
    var output: String = "Runs/diagnostics.csv"

    @OptionGroup var overrides: Overrides

    func run() throws {
        try reportingFailure {
        try OutputChecks.requireTable(output)
        let configuration = try RunConfiguration.load(path: namelist, overrides: overrides.parsed())
        let plan = try RunPlan(configuration)
        let history = try CarbonHistoryRows.rows(configuration: configuration)
        let model = plan.simulation.model
        let reference = Array(plan.simulation.drivers.values[0..<plan.simulation.drivers.columnCount])
        let metrics = DiagnosticExperiments(configuration: model.configuration, grid: model.grid,
                                            halogenPreindustrialPPT: model.gasCycles.halogenPreindustrialPPT, reference: reference).run()
        let table = MetricsTable(metrics, history: history)
        try OutputChecks.write(table.csv, to: output)
        print(table.text)
        print("written: \(output)")
        }
    }
}

struct Uncertainty: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uncertainty",
        abstract: "Partition the uncertainty of each latitude band's warming trend into internal variability, model (parameter) and scenario parts (Hawkins & Sutton 2009).")

    @Argument(help: "Namelist of the base run (its bands; scenario, seed and the set's parameters are varied).")
    var namelist: String = "Namelists/default.nml"
    @Option(help: "Parameter set whose first members are the model ensemble.")
    var parameterFile = "Calibration/earthbox-calibrated-v1.csv"
    @Option(help: "Parameter members.") var members = 6
    @Option(help: "Variability seeds per member.") var seeds = 4
    @Option(help: "Scenarios (comma-separated).") var scenarios = "ssp126,ssp245,ssp370,ssp585"
    @Option(help: "Latitude bands.") var bands = 36
    @Option(help: "First year of the trend.") var from = 2021
    @Option(help: "Last year of the trend.") var to = 2050
    @Option(help: "Where to write the table (CSV).") var output = "Runs/trend-uncertainty.csv"
    @OptionGroup var overrides: Overrides

    func run() throws {
        try reportingFailure {
        try OutputChecks.requireTable(output)
        guard from < to else { throw CommandFailure("--from \(from) must be before --to \(to)") }
        var base = try RunConfiguration.load(path: namelist, overrides: overrides.parsed())
        base.run.bands = bands
        let result = try BandTrendUncertainty(base: base, parameterFile: parameterFile, members: members, seeds: seeds,
                                              scenarios: scenarios.split(separator: ",").map(String.init), years: from...to)
        try OutputChecks.write(result.csv, to: output)
        print("share of the \(from)-\(to) trend variance: internal / model / scenario")
        for (lat, p) in zip(result.latitudes, result.bands) {
            print(String(format: "%7.1f  %.2f / %.2f / %.2f", lat, p.internalShare, p.modelShare, p.scenarioShare))
        }
        print("written: \(output)")
        }
    }
}

struct Parameters: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "parameters", abstract: "List every namelist parameter with its default, unit, range and source (Markdown).")
    func run() throws { print(RunConfiguration.documentation) }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the scenarios, the experiments and the shipped namelists (with their first comment line).")

    @Option(help: "Folder searched for namelists.")
    var namelists = "Namelists"

    func run() throws { print(Catalogue.text(namelistDirectory: namelists)) }
}
