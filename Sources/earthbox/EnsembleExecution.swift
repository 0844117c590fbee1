import EarthBox
import EarthBoxMPI
import Foundation

/// The MPI part shared by `ensemble` and `assess`: the journal (rank 0, verdict broadcast), each rank's
/// cost-balanced share of the pending tasks, the gather in rank order and the placing of every result by task index.
struct EnsembleExecution {
    let configuration: EnsembleConfiguration
    let quiet: Bool
    let stopAfterTasks: Int?
    let stop: (Any) -> Never

    struct Outcome {
        let results: EnsembleResults
        let totalYears: Int, ranks: Int, fromJournal: Int
        /// Per rank: peak memory (MB) and compute seconds.
        let memory: [[Double]]

        /// "computed … member-years …" and "peak memory per rank …" lines.
        func statistics(wallSeconds: Double) -> String {
            // Parallel time = the slowest rank's compute time (input reading and output excluded; wall time below).
            let computeSeconds = memory.map { $0[1] }.max() ?? 0
            let rate = Double(totalYears) / computeSeconds
            return String(format: "computed %d member-years on %d rank(s) in %.2f s (%.0f member-years/s; %d tasks from the journal)\n",
                          totalYears, ranks, computeSeconds, rate, fromJournal)
                + "peak memory per rank: " + memory.map { String(format: "%.0f MB", $0[0]) }.joined(separator: ", ")
                + String(format: "; wall time with output %.2f s", wallSeconds)
        }
    }

    /// Runs every task; the assembled results on rank 0, nil on the other ranks.
    func run(worker: inout EnsembleWorker, resume: Bool) -> Outcome? {
        let mpi = MPIEnvironment.shared
        let clock = ContinuousClock()
        let taskList = EnsembleTaskList(configuration: configuration)
        let resultCount = { (t: Int) in EnsembleWorker.resultCount(taskList.tasks[t], configuration: configuration) }

        // The journal, on rank 0; its verdict is broadcast so that every rank stops or goes on together.
        let journal = configuration.settings.journalDirectory.isEmpty ? nil
            : EnsembleJournal(directory: configuration.settings.journalDirectory, fingerprint: configuration.fingerprint)
        var message: [UInt8] = []
        if mpi.isRoot {
            do {
                let finished = try journal?.open(resume: resume, taskCount: taskList.count, resultCount: resultCount) ?? []
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

        // This rank's share, computed.
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
            if let journal, let problem = journal.record(task: t, result: results[start...]) { stop("\(journal.directory): error: \(problem)") }
            if let stopAfterTasks, i + 1 >= stopAfterTasks { kill(getpid(), SIGKILL) }
            progress.update(done: i + 1, yearsDone: yearsDone)
        }
        let rankSeconds = (clock.now - computeStart).seconds

        // Gather in rank order; rank 0 places every result by task index.
        var gathered = mpi.gather(results, root: 0)
        results = []   // memory: rank 0 keeps only the gathered copy, and frees it once the results are placed
        let memory = mpi.gather([peakMemoryMegabytes(), rankSeconds], root: 0)
        let totalYears = mpi.allReduceSum(yearsDone)
        guard mpi.isRoot else { return nil }
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
            guard let values = journal?.load(task: t), values.count == resultCount(t) else { stop("\(journal!.directory): error: task \(t) cannot be read back") }
            assembled.store(task: t, values[...])
        }
        precondition(assembled.isComplete)
        return Outcome(results: assembled, totalYears: totalYears, ranks: mpi.size, fromJournal: finished.count, memory: memory ?? [[peakMemoryMegabytes(), rankSeconds]])
    }
}
