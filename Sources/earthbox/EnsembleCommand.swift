import ArgumentParser
import EarthBox
import EarthBoxMPI
import Foundation

/// `earthbox ensemble NAMELIST`: members × scenarios spread over MPI ranks (a plain run is one rank).
///
/// Every rank reads and validates the namelist itself (same file, same result), so bad input stops every rank
/// with exit status 1 before any work and nothing is written. Rank 0 opens the journal and broadcasts the finished
/// tasks; each rank computes a cost-balanced share of the rest; rank 0 gathers the results, places them by task
/// index, computes weights and percentiles in a fixed order and writes the file (temporary name, then rename).
struct Ensemble: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    /// For the restart test: the process kills itself (SIGKILL) after finishing this many tasks.
    @Option(help: .hidden)
    var stopAfterTasks: Int?

    func run() throws {
        let mpi = MPIEnvironment.shared
        let clock = ContinuousClock(), started = clock.now
        func stop(_ error: Any) -> Never {
            if mpi.isRoot { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            mpi.finalize()
            exitWithoutLibraryCleanup(1)
        }

        // 1. Read and check everything, on every rank.
        let inputs: Inputs
        switch Result(catching: { () throws(InputError) -> Inputs in try readInputs() }) {
        case .success(let value): inputs = value
        case .failure(let error): stop(error)
        }
        let configuration = inputs.configuration, path = inputs.path, observations = inputs.observations
        var worker = inputs.worker
        let taskList = EnsembleTaskList(configuration: configuration)
        let resultCount = { (t: Int) in EnsembleWorker.resultCount(taskList.tasks[t], configuration: configuration) }

        // 2. The journal, on rank 0; its verdict is broadcast so that every rank stops or goes on together.
        let journal = configuration.settings.journalDirectory.isEmpty ? nil
            : EnsembleJournal(directory: configuration.settings.journalDirectory, fingerprint: configuration.fingerprint)
        var message: [UInt8] = []
        if mpi.isRoot {
            do {
                let finished = try journal?.open(resume: resume, taskCount: taskList.count, resultCount: resultCount,
                                                 report: { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }) ?? []
                message = [0] + finished.flatMap { t in (0..<4).map { UInt8(truncatingIfNeeded: t >> (8 * $0)) } }
            } catch {
                message = [1] + Array("\(error)".utf8)
            }
        }
        mpi.broadcast(&message, root: 0)
        if message.first != 0 { stop(String(decoding: message.dropFirst(), as: UTF8.self)) }
        var finished = Set<Int>()
        for i in stride(from: 1, to: message.count, by: 4) {
            finished.insert((0..<4).reduce(0) { $0 | Int(message[i + $1]) << (8 * $1) })
        }
        let pending = (0..<taskList.count).filter { !finished.contains($0) }

        // 3. This rank's share, computed.
        let mine = EnsembleTaskList.share(of: pending, costs: taskList.costs, rank: mpi.rank, size: mpi.size)
        var results: [Double] = []
        results.reserveCapacity(mine.reduce(0) { $0 + resultCount($1) })
        let progress = Progress(enabled: mpi.isRoot && !quiet, tasks: mine.count, ranks: mpi.size,
                                alreadyFinished: finished.count, total: taskList.count, members: configuration.memberCount)
        var yearsDone = 0
        mpi.barrier()   // time the computation alone, from a common start (inputs are read by then)
        let computeStart = clock.now
        for (i, t) in mine.enumerated() {
            let start = results.count
            worker.run(taskList.tasks[t], appendingTo: &results)
            yearsDone += taskList.costs[t]
            if let journal, let problem = journal.record(task: t, result: results[start...]) {
                // Any rank may meet the full disk: say so from this rank (stop() prints on rank 0 only).
                if !mpi.isRoot { FileHandle.standardError.write(Data("\(journal.directory): error: \(problem) (rank \(mpi.rank))\n".utf8)) }
                stop("\(journal.directory): error: \(problem)")
            }
            if let stopAfterTasks, i + 1 >= stopAfterTasks { kill(getpid(), SIGKILL) }
            progress.update(done: i + 1, yearsDone: yearsDone)
        }
        let rankSeconds = (clock.now - computeStart).seconds

        // 4. Gather in rank order; rank 0 places every result by task index.
        var gathered = mpi.gather(results, root: 0)
        results = []   // memory: rank 0 keeps only the gathered copy, and frees it once the results are placed
        let memory = mpi.gather([peakMemoryMegabytes(), rankSeconds], root: 0)
        let totalYears = mpi.allReduceSum(yearsDone)
        if mpi.isRoot {
            var assembled = EnsembleResults(configuration: configuration, taskList: taskList)
            for (rank, values) in gathered!.enumerated() {
                var offset = 0
                for t in EnsembleTaskList.share(of: pending, costs: taskList.costs, rank: rank, size: mpi.size) {
                    assembled.store(task: t, values[offset..<(offset + resultCount(t))])
                    offset += resultCount(t)
                }
            }
            gathered = nil
            for t in finished.sorted() {
                do { assembled.store(task: t, try journal!.load(task: t, resultCount: resultCount(t))[...]) } catch { stop(error) }
            }
            precondition(assembled.isComplete)
            let analysis = EnsembleAnalysis(results: assembled, observations: observations)
            do { try NetCDF.write(EnsembleDataset.make(analysis), to: path) } catch { stop(error) }
            if !quiet {
                print(analysis.summaryText)
                let wall = (clock.now - started).seconds
                // Parallel time = the slowest rank's compute time (input reading and output excluded; wall time below).
                let computeSeconds = (memory ?? []).map { $0[1] }.max() ?? rankSeconds
                let rate = Double(totalYears) / computeSeconds
                print(String(format: "computed %d member-years on %d rank(s) in %.2f s (%.0f member-years/s; %d tasks from the journal)",
                             totalYears, mpi.size, computeSeconds, rate, finished.count))
                print("peak memory per rank: " + (memory ?? []).map { String(format: "%.0f MB", $0[0]) }.joined(separator: ", ")
                      + String(format: "; wall time with output %.2f s", wall))
                print("written: \(path)")
            }
        }
        mpi.finalize()
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
        let configuration = try EnsembleConfiguration.load(path: namelist)
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

/// Progress on rank 0 (stderr, at most every 2 s): tasks done, rate, time left, extrapolated from rank 0's share.
final class Progress {
    let enabled: Bool, tasks: Int, ranks: Int, alreadyFinished: Int, total: Int, members: Int
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var last: ContinuousClock.Instant

    init(enabled: Bool, tasks: Int, ranks: Int, alreadyFinished: Int, total: Int, members: Int) {
        self.enabled = enabled; self.tasks = tasks; self.ranks = ranks; self.alreadyFinished = alreadyFinished; self.total = total
        self.members = members
        start = clock.now; last = start
    }

    func update(done: Int, yearsDone: Int) {
        guard enabled else { return }
        let now = clock.now
        guard (now - last) >= .seconds(2) || done == tasks else { return }
        last = now
        let elapsed = (now - start).seconds
        let fraction = Double(done) / Double(max(tasks, 1))
        let overall = alreadyFinished + Int(fraction * Double(total - alreadyFinished))
        let left = fraction > 0 ? elapsed / fraction - elapsed : 0
        let perMember = Double(total) / Double(max(members, 1))
        FileHandle.standardError.write(Data(String(format: "ensemble: ~%d/%d members done (%d/%d tasks, %d ranks), %.0f member-years/s per rank, %.0f s left\n",
                                                   Int(Double(overall) / perMember), members, overall, total, ranks,
                                                   Double(yearsDone) / max(elapsed, 1e-9), left).utf8))
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
