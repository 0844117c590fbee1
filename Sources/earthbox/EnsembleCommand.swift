import ArgumentParser
import EarthBox
import EarthBoxMPI
import Foundation

/// `earthbox ensemble NAMELIST`: members × scenarios spread over MPI ranks (a plain run is one rank).
///
/// Every rank reads and validates the namelist itself (same file, same result), so bad input stops every rank
/// with exit status 1 before any work and nothing is written. Rank 0 opens the journal and broadcasts the finished
/// tasks; each rank computes a cost-balanced share of the rest and streams its results to its own file beside the
/// output; rank 0 reads the summaries back, computes weights, reduces the percentiles slice by slice and writes the
/// file (temporary name, then rename) from the rank files, which are removed.
struct Ensemble: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Run a perturbed-parameter ensemble (members x scenarios, MPI-parallel), constrain it and write one NetCDF file.",
        discussion: "Run in parallel with e.g.: mpirun -n 4 earthbox ensemble Namelists/ensembles/ssp245-constrained.nml")

    @Argument(help: "Ensemble namelist (&run, parameter groups, &ensemble, &priors).")
    var namelist: String

    @Flag(help: "Continue an interrupted ensemble from its journal (&ensemble journal_directory); finished tasks are not recomputed.")
    var resume = false

    @Flag(help: "Print nothing but errors (batch jobs).")
    var quiet = false

    @Option(help: "Write the output here instead of <output_directory>/<run_name or 'ensemble'>.nc.")
    var output: String?

    @OptionGroup var overrides: Overrides

    /// For the restart test: the process kills itself (SIGKILL) after finishing this many tasks.
    @Option(help: .hidden)
    var stopAfterTasks: Int?

    func run() throws {
        let ensemble = EnsembleRun(quiet: quiet, stopAfterTasks: stopAfterTasks)
        try ensemble.reportingFailure {
            // 1. Read and check everything, on every rank.
            let inputs = try readInputs()
            var worker = inputs.worker
            // 2.-4. Journal verdict, this rank's share, each rank's results streamed to its file beside the output (EnsembleDriver).
            let folder = (inputs.path as NSString).deletingLastPathComponent
            let scratch = (folder.isEmpty ? "." : folder) + "/." + (inputs.path as NSString).lastPathComponent
            let resultPath = { (rank: Int) in scratch + ".rank\(rank).results" }
            let chunkPath = { (rank: Int) in scratch + ".rank\(rank).chunks" }
            // Rank 0 removes every rank's files once it has read them (or failed); the others leave theirs to it.
            // unlink, not removeItem: a folder that happens to have such a name is left alone (its rank failed on it).
            defer {
                if ensemble.mpi.isRoot { for r in 0..<ensemble.mpi.size { for path in [resultPath(r), chunkPath(r)] { unlink(path) } } }
            }
            let streamed = try ensemble.runStreamed(inputs.configuration, worker: &worker, resume: resume, resultPath: resultPath)
            let outcome = streamed.outcome
            guard let store = streamed.store else { return }
            // 5. The quantiles and the compression shared by the ranks; rank 0 writes the file.
            let made = try EnsembleOutputShare.run(configuration: inputs.configuration, store: store, worker: inputs.worker, processes: ensemble.mpi,
                                                   analysis: { EnsembleAnalysis(results: outcome.results!, observations: inputs.observations, preindustrialGlobalMeanKelvin: $0) },
                                                   chunkPath: chunkPath, transposePath: { scratch + ".rank\($0).quantiles" })
            guard let (analysis, shares) = made else { return }
            try NetCDF.write(EnsembleDataset.make(analysis, series: store, transposePath: scratch + ".quantiles", shares: shares), to: inputs.path)
            if !quiet {
                print(analysis.summaryText)
                print(ensemble.statistics(outcome))
                print("written: \(inputs.path)")
            }
        }
    }
}

extension Ensemble {
    struct Inputs {
        var configuration: EnsembleConfiguration
        var worker: EnsembleWorker
        var observations: Observations?
        var path: String
    }

    /// The namelist, forcing and observations, and the output path, all checked.
    func readInputs() throws(InputError) -> Inputs {
        let configuration = try EnsembleConfiguration.load(path: namelist, overrides: overrides.parsed())
        let worker = try EnsembleWorker(configuration: configuration)
        let observations = configuration.settings.constrain ? try Observations.load(directory: configuration.settings.observationsDirectory) : nil
        let run = configuration.base.run
        let path = output ?? (run.outputDirectory as NSString).appendingPathComponent((run.runName.isEmpty ? "ensemble" : run.runName) + ".nc")
        // Checked by creating (and removing) the temporary name the writer will use: a folder that exists but
        // cannot take a file stops the ensemble before any task is computed or journalled.
        if let reason = OutputPath.problem(path) {
            throw InputError(file: output == nil ? configuration.source : "--output \(path)", key: output == nil ? "output_directory" : nil,
                             message: "cannot write the output file '\(path)': \(reason)")
        }
        if resume && configuration.settings.journalDirectory.isEmpty {
            throw InputError(file: configuration.source, key: "journal_directory", message: "--resume needs a journal: set &ensemble journal_directory")
        }
        return Inputs(configuration: configuration, worker: worker, observations: observations, path: path)
    }
}

extension MPIEnvironment: EnsembleProcesses {}

/// Progress on rank 0 (stderr, at most every 2 s): tasks done, rate, time left, extrapolated from rank 0's share.
final class Progress {
    let enabled: Bool, ranks: Int, members: Int
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var last: ContinuousClock.Instant

    init(enabled: Bool, ranks: Int, members: Int) {
        self.enabled = enabled; self.ranks = ranks; self.members = members
        start = clock.now; last = start
    }

    func update(_ step: EnsembleDriver.TaskProgress) {
        guard enabled else { return }
        let now = clock.now
        guard (now - last) >= .seconds(2) || step.done == step.tasks else { return }
        last = now
        let elapsed = (now - start).seconds
        let fraction = Double(step.done) / Double(max(step.tasks, 1))
        let overall = step.resumed + Int(fraction * Double(step.total - step.resumed))
        let left = fraction > 0 ? elapsed / fraction - elapsed : 0
        let perMember = Double(step.total) / Double(max(members, 1))
        FileHandle.standardError.write(Data(String(format: "ensemble: ~%d/%d members done (%d/%d tasks, %d ranks), %.0f member-years/s per rank, %.0f s left\n",
                                                   Int(Double(overall) / perMember), members, overall, step.total, ranks,
                                                   Double(step.memberYears) / max(elapsed, 1e-9), left).utf8))
    }
}

func peakMemoryMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024   // Linux reports kilobytes
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
