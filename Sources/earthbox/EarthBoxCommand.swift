import ArgumentParser
import EarthBox
import Foundation

@main
struct EarthBoxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "earthbox",
        abstract: "EarthBox: a reduced-complexity coupled Earth system model.",
        version: RunDataset.modelVersion,
        subcommands: [Run.self, Ensemble.self, Diagnose.self, Parameters.self, Pathway.self, Compare.self],
        defaultSubcommand: Run.self
    )

    /// Termination signals remove the temporary output files first (then end the process as killed by the signal).
    static func main() {
        TemporaryFiles.installSignalHandlers()
        main(nil)
    }
}

/// Prints an input error the way compilers do and exits non-zero without writing anything.
func fail(_ error: any Error) -> Never {
    // One line, whatever the error: a message must never spill a tool's multi-line output onto the terminal.
    let text = oneLineDescription(error).split(whereSeparator: \.isNewline).joined(separator: " ")
    FileHandle.standardError.write(Data("\(text)\n".utf8))
    exitWithoutLibraryCleanup(1)
}

/// Ends the process without the C library's exit handlers. After a failed NetCDF write (a full disk) HDF5 still
/// holds the file it could not flush, and its exit handler H5_term_library then crashes (SIGSEGV, exit 139) trying
/// again; nothing of EarthBox's own needs an exit handler (outputs are complete or removed), so standard output is
/// flushed and the process ends at once.
func exitWithoutLibraryCleanup(_ status: Int32) -> Never {
    fflush(nil)   // every open stream
    _exit(status)
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run one experiment described by a namelist and write its NetCDF output.")

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

    func run() throws {
        let plan: RunPlan
        var checkpoint: Checkpoint?
        let namelistFile: Namelist
        do {
            namelistFile = try Namelist.load(path: namelist)
            let configuration = try RunConfiguration.from(namelistFile)
            if TeachingLab.isTeaching(configuration.run.experiment) { return try runLab(configuration, namelist: namelistFile) }
            // Every output path is checked before the forcing is even read.
            let settings = configuration.run
            OutputChecks.require(outputPath(settings), namelist: namelistFile, key: "output_directory", option: output.map { _ in "--output" })
            if !checkpointYears.isEmpty {
                let folder = checkpointDirectory ?? settings.outputDirectory
                OutputChecks.requireFolder(folder, namelist: namelistFile, key: "output_directory",
                                           option: checkpointDirectory.map { _ in "--checkpoint-directory" })
            }
            do { plan = try RunPlan(configuration) } catch { throw namelistFile.locating(error) }
            if let restart { checkpoint = try Checkpoint.read(path: restart, plan: plan) }
        } catch { fail(error) }
        let settings = plan.configuration.run
        for year in checkpointYears where year < plan.firstYear || year >= plan.lastYear {
            fail("\(namelist): error: '--checkpoint-years': \(year) is not inside the run's years \(plan.firstYear)-\(plan.lastYear - 1)")
        }
        let folder = checkpointDirectory ?? settings.outputDirectory
        // A restart file that cannot be written stops the run (exit 1) rather than leaving a run that cannot be restarted;
        // a non-finite or impossible state stops it before anything more is written.
        let record: RunRecord
        do {
            record = try plan.checkedRun(from: checkpoint, checkpointYears: checkpointYears) { checkpoint, year in
                let path = folder.appendingFileName("\(settings.resolvedRunName)-\(year).restart")
                if let problem = checkpoint.write(to: path) { fail("\(path): error: \(problem)") }
                if !quiet { print("restart file written: \(path)") }
            }
        } catch { fail(error) }
        let path = outputPath(settings)
        do {
            try NetCDF.write(RunDataset.make(record: record, plan: plan), to: path)
        } catch { fail(error) }
        if !quiet { print(RunSummary(record: record).text(name: settings.resolvedRunName, path: path)) }
    }

    func outputPath(_ settings: RunSettings, extension ext: String = "nc") -> String {
        output ?? settings.outputDirectory.appendingFileName(settings.resolvedRunName + "." + ext)
    }
}

extension Run {
    /// A teaching experiment: a small table, printed and written as CSV (temp name, then renamed).
    func runLab(_ configuration: RunConfiguration, namelist namelistFile: Namelist) throws {
        let settings = configuration.run
        let path = outputPath(settings, extension: "csv")
        // A lab's folder (Runs/teaching) is made if missing; then the path is checked like any output.
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        OutputChecks.require(path, namelist: namelistFile, key: "output_directory", option: output.map { _ in "--output" })
        let table: LabTable
        do { table = try TeachingLab.table(for: configuration, teaching: configuration.teaching) } catch { fail(error) }
        if let problem = BinaryFile.writeAtomically(Array(table.csv.utf8), to: path) { fail("\(path): error: \(problem)") }
        if !quiet { print(table.text + "\nwritten: \(path)") }
    }
}

struct Diagnose: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run abrupt-4xCO2, abrupt-2xCO2, 1pctCO2, esm-1pct-brch-1000PgC and flat10MIP and report ECS, TCR, TCRE and ZEC.")

    @Argument(help: "Namelist whose parameters are diagnosed.")
    var namelist: String = "Namelists/default.nml"

    @Option(help: "Where to write the table (CSV).")
    var output: String = "Runs/diagnostics.csv"

    func run() throws {
        if let reason = OutputPath.problem(output) { fail("--output \(output): error: cannot write the table: \(reason)") }
        let plan: RunPlan
        do { plan = try RunPlan(try RunConfiguration.load(path: namelist)) } catch { fail(error) }
        let model = plan.simulation.model
        let reference = Array(plan.simulation.drivers.values[0..<plan.simulation.drivers.columnCount])
        let metrics = DiagnosticExperiments(configuration: model.configuration, grid: model.grid,
                                            halogenPreindustrialPPT: model.gasCycles.halogenPreindustrialPPT, reference: reference).run()
        let table = MetricsTable(metrics)
        if let problem = BinaryFile.writeAtomically(Array(table.csv.utf8), to: output) { fail("\(output): error: \(problem)") }
        print(table.text)
        print("written: \(output)")
    }
}

struct Parameters: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every namelist parameter with its default, unit, range and source (Markdown).")
    func run() throws { print(RunConfiguration.documentation + "\n" + ParameterPrior.documentation) }
}

extension String: @retroactive Error {}
