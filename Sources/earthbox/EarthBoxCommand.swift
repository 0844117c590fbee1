import ArgumentParser
import EarthBox
import Foundation

@main
struct EarthBoxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "earthbox",
        abstract: "EarthBox: a reduced-complexity coupled Earth system model.",
        version: RunDataset.modelVersion,
        subcommands: [Run.self, Ensemble.self, Diagnose.self, Parameters.self, Pathway.self, Compare.self, Serve.self],
        defaultSubcommand: Run.self
    )
}

/// Prints an input error the way compilers do and exits non-zero without writing anything.
func fail(_ error: any Error) -> Never {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    Foundation.exit(1)
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
        do {
            let configuration = try RunConfiguration.load(path: namelist)
            if TeachingLab.isTeaching(configuration.run.experiment) { return try runLab(configuration) }
            plan = try RunPlan(configuration)
            if let restart { checkpoint = try Checkpoint.read(path: restart, plan: plan) }
        } catch { fail(error) }
        let settings = plan.configuration.run
        for year in checkpointYears where year < plan.firstYear || year >= plan.lastYear {
            fail("\(namelist): error: '--checkpoint-years': \(year) is not inside the run's years \(plan.firstYear)-\(plan.lastYear - 1)")
        }
        let folder = checkpointDirectory ?? settings.outputDirectory
        // A restart file that cannot be written stops the run (exit 1) rather than leaving a run that cannot be restarted.
        let record = plan.run(from: checkpoint, checkpointYears: checkpointYears) { checkpoint, year in
            let path = (folder as NSString).appendingPathComponent("\(settings.resolvedRunName)-\(year).restart")
            if let problem = checkpoint.write(to: path) { fail("\(path): error: \(problem)") }
            if !quiet { print("restart file written: \(path)") }
        }
        let path = output ?? (settings.outputDirectory as NSString).appendingPathComponent(settings.resolvedRunName + ".nc")
        do {
            try NetCDF.write(RunDataset.make(record: record, plan: plan), to: path)
        } catch { fail(error) }
        if !quiet { print(RunSummary(record: record).text(name: settings.resolvedRunName, path: path)) }
    }
}

extension Run {
    /// A teaching experiment: a small table, printed and written as CSV (temp name, then renamed).
    func runLab(_ configuration: RunConfiguration) throws {
        let table: LabTable
        do { table = try TeachingLab.table(for: configuration, teaching: configuration.teaching) } catch { fail(error) }
        let settings = configuration.run
        let path = output ?? (settings.outputDirectory as NSString).appendingPathComponent(settings.resolvedRunName + ".csv")
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(table.csv.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch { fail("cannot write \(path): \(error.localizedDescription)") }
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
        let plan: RunPlan
        do { plan = try RunPlan(try RunConfiguration.load(path: namelist)) } catch { fail(error) }
        let model = plan.simulation.model
        let reference = Array(plan.simulation.drivers.values[0..<plan.simulation.drivers.columnCount])
        let metrics = DiagnosticExperiments(configuration: model.configuration, grid: model.grid,
                                            halogenPreindustrialPPT: model.gasCycles.halogenPreindustrialPPT, reference: reference).run()
        let table = MetricsTable(metrics)
        print(table.text)
        do {
            try Data(table.csv.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch { fail("cannot write \(output): \(error.localizedDescription)") }
        print("written: \(output)")
    }
}

struct Parameters: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every namelist parameter with its default, unit, range and source (Markdown).")
    func run() throws { print(RunConfiguration.documentation + "\n" + ParameterPrior.documentation) }
}

extension String: @retroactive Error {}
