import ArgumentParser
import EarthBox
import EarthBoxMPI
import Foundation

/// `earthbox calibrate NAMELIST`: runs the prior ensemble (MPI-parallel, in batches), history-matches it to
/// observed GMST, rakes it to the constraint targets and draws the posterior parameter set (docs/calibration.md).
/// Every rank reads and checks the namelist first, so bad input stops every rank before any member runs; a prior
/// the constraints cannot be met by ends with that report and nothing written.
struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Calibrate and constrain the model's parameters: prior ensemble, history matching, raking to targets, posterior parameter set.",
        discussion: "Regenerates the shipped set: mpirun -n 2 earthbox calibrate Namelists/calibration/calibrated-v1.nml (see docs/calibration.md)")

    @Argument(help: "Calibration namelist (&run, &ensemble, &priors, &calibration).")
    var namelist: String

    @Option(help: "Write the posterior CSV here instead of &calibration posterior_file (the diagnostics go next to it as <name>-diagnostics.nc).")
    var output: String?

    @Option(help: "Code revision recorded in the provenance (default: git describe of the working directory).")
    var codeRevision: String?

    @Flag(help: "Write every prior member's quantities, weight and parameters into the diagnostics file too (large).")
    var allPriorMembers = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var overrides: Overrides

    func run() throws {
        let ensemble = EnsembleRun(quiet: quiet, stopAfterTasks: nil)
        try ensemble.reportingFailure {
            let c = try CalibrationConfiguration.load(path: namelist, overrides: overrides.parsed())
            let csv = output ?? c.settings.posteriorFile
            let nc = output.map { ($0.hasSuffix(".csv") ? String($0.dropLast(4)) : $0) + "-diagnostics.nc" } ?? c.settings.diagnosticsFile
            for path in [csv, nc] {
                if let reason = OutputPath.problem(path) {
                    throw InputError(file: output == nil ? c.source : "--output \(path)", key: output == nil ? "posterior_file" : nil,
                                     message: "cannot write '\(path)': \(reason)")
                }
            }
            let worker = try EnsembleWorker(configuration: c.prior)
            let revision = codeRevision ?? Self.gitRevision()
            let calibration = Calibration(configuration: c)
            let mpi = ensemble.mpi
            let prior = try calibration.runPrior(processes: mpi, worker: worker) { done, total in
                if mpi.isRoot && !quiet { FileHandle.standardError.write(Data("calibrate: \(done)/\(total) prior members run\n".utf8)) }
            }
            guard let prior else { return }
            let result: CalibrationResult
            do { result = try calibration.constrain(values: prior.values, tcre: prior.tcre) } catch {
                if let partial = (error as? CalibrationFailure)?.result { FileHandle.standardError.write(Data((partial.summaryText + "\n").utf8)) }
                throw CommandFailure("\(c.source): error: \(error)")
            }
            let file = result.parameterSetFile(namelistPath: namelist, codeRevision: revision)
            try NetCDF.write(result.diagnosticsDataset(provenance: file.provenance, allPriorMembers: allPriorMembers), to: nc)
            try OutputChecks.write(file.text, to: csv)
            if !quiet {
                print(result.summaryText)
                print(String(format: "computed %d member-years on %d rank(s); wall time %.1f s; peak memory on rank 0 %.0f MB",
                             prior.memberYears, mpi.size, (ensemble.clock.now - ensemble.started).seconds, peakMemoryMegabytes()))
                print("written: \(csv), \(nc)")
            }
        }
    }

    /// `git describe --always --dirty` of the current directory, or "unknown" outside a git work tree.
    static func gitRevision() -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "describe", "--always", "--dirty", "--abbrev=12"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "unknown" }
        process.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !text.isEmpty ? text : "unknown"
    }
}
