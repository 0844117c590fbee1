/// What an ensemble needs from the processes it runs on. `MPIEnvironment` (the `earthbox` command) provides it over
/// MPI ranks; `SingleProcess` runs everything in this process, which is how the tests drive an ensemble.
public protocol EnsembleProcesses {
    var rank: Int { get }
    var size: Int { get }
    func barrier()
    /// Replaces `bytes` on every rank but `root` with root's.
    func broadcast(_ bytes: inout [UInt8], root: Int)
    /// Every rank's values in rank order on `root`; nil elsewhere.
    func gather(_ values: [Double], root: Int) -> [[Double]]?
    func allReduceSum(_ x: Int) -> Int
}

/// One process, no MPI.
public struct SingleProcess: EnsembleProcesses {
    public init() {}
    public var rank: Int { 0 }
    public var size: Int { 1 }
    public func barrier() {}
    public func broadcast(_ bytes: inout [UInt8], root: Int) {}
    public func gather(_ values: [Double], root: Int) -> [[Double]]? { [values] }
    public func allReduceSum(_ x: Int) -> Int { x }
}

/// A failure of the ensemble, naming the file. Most are learnt by every rank together (a journal that cannot be
/// used, a task file that cannot be read back) and printed once, by rank 0; a task file that cannot be written
/// (a full disk) is met by one rank alone, which says so itself (`local`).
public struct EnsembleFailure: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public let local: Bool
    public init(_ description: String, local: Bool = false) { self.description = description; self.local = local }
}

/// Carries out an ensemble: the journal's verdict (rank 0 decides, every rank learns it), this rank's cost-balanced
/// share of the unfinished tasks, the gather in rank order and the assembly of every result by task index.
/// Every rank reads the same namelist and computes the same task list, so only the verdict and the results travel.
public struct EnsembleDriver {
    public let configuration: EnsembleConfiguration
    public let taskList: EnsembleTaskList
    public let journal: EnsembleJournal?

    /// What a finished ensemble reports (on rank 0; `results` is nil on the other ranks).
    public struct Outcome {
        public var results: EnsembleResults?
        /// Tasks taken from the journal instead of computed.
        public var resumedTasks: Int
        /// Member-years computed, summed over the ranks.
        public var memberYears: Int
        /// Per rank (rank 0 only): the seconds its share took and the extra numbers the caller attached.
        public var rankReports: [[Double]]
    }

    /// Where this rank is after a task: `done` of its `tasks`, `memberYears` computed so far, `resumed` of `total` from the journal.
    public struct TaskProgress: Sendable {
        public let done: Int, tasks: Int, memberYears: Int, resumed: Int, total: Int
    }

    public init(configuration: EnsembleConfiguration) {
        self.configuration = configuration
        taskList = EnsembleTaskList(configuration: configuration)
        let folder = configuration.settings.journalDirectory
        journal = folder.isEmpty ? nil : EnsembleJournal(directory: folder, fingerprint: configuration.fingerprint)
    }

    public func resultCount(_ task: Int) -> Int { EnsembleWorker.resultCount(taskList.tasks[task], configuration: configuration) }

    /// The tasks already in the journal, decided on rank 0 and broadcast so that every rank stops or goes on together.
    /// A task file that fails its checks is removed and recomputed; `warn` names it.
    public func finishedTasks(resume: Bool, processes: some EnsembleProcesses,
                              warn: (String) -> Void = { _ in }) throws(EnsembleFailure) -> Set<Int> {
        var message: [UInt8] = []
        if processes.rank == 0 {
            do {
                let finished = try journal?.open(resume: resume, taskCount: taskList.count, resultCount: resultCount, report: warn) ?? []
                message = Self.verdict(finished: finished)
            } catch {
                message = Self.verdict(failure: "\(error)")
            }
        }
        processes.broadcast(&message, root: 0)
        return try Self.finished(fromVerdict: message)
    }

    /// The journal verdict as bytes: 0 and the finished task indices (4 bytes each, little-endian), or 1 and the error.
    static func verdict(finished: [Int]) -> [UInt8] {
        [0] + finished.flatMap { t in (0..<4).map { UInt8(truncatingIfNeeded: t >> (8 * $0)) } }
    }

    static func verdict(failure: String) -> [UInt8] { [1] + Array(failure.utf8) }

    static func finished(fromVerdict message: [UInt8]) throws(EnsembleFailure) -> Set<Int> {
        guard message.first == 0 else { throw EnsembleFailure(String(decoding: message.dropFirst(), as: UTF8.self)) }
        var finished = Set<Int>()
        for i in stride(from: 1, to: message.count, by: 4) {
            finished.insert((0..<4).reduce(0) { $0 | Int(message[i + $1]) << (8 * $1) })
        }
        return finished
    }

    /// The unfinished tasks, ascending: every rank computes the same list.
    public func pending(after finished: Set<Int>) -> [Int] { (0..<taskList.count).filter { !finished.contains($0) } }

    /// The tasks `rank` of `size` computes.
    public func share(of pending: [Int], rank: Int, size: Int) -> [Int] {
        EnsembleTaskList.share(of: pending, costs: taskList.costs, rank: rank, size: size)
    }

    /// Computes `tasks` in order, recording each in the journal as it finishes; `afterTask` is called after each
    /// (progress, the restart test's stop). Returns the results concatenated in task order.
    public func compute(_ tasks: [Int], worker: inout EnsembleWorker, resumed: Int = 0,
                        afterTask: (TaskProgress) -> Void = { _ in }) throws(EnsembleFailure) -> (results: [Double], memberYears: Int) {
        var results: [Double] = []
        results.reserveCapacity(tasks.reduce(0) { $0 + resultCount($1) })
        var years = 0
        for (i, t) in tasks.enumerated() {
            let start = results.count
            worker.run(taskList.tasks[t], appendingTo: &results)
            years += taskList.costs[t]
            if let journal, let problem = journal.record(task: t, result: results[start...]) {
                throw EnsembleFailure("\(journal.directory): error: \(problem)", local: true)
            }
            afterTask(TaskProgress(done: i + 1, tasks: tasks.count, memberYears: years, resumed: resumed, total: taskList.count))
        }
        return (results, years)
    }

    /// Places every rank's results (in rank order, each rank's share as `share(of:rank:size:)` computes it) and the
    /// journal's finished tasks by task index.
    public func assemble(gathered: [[Double]], pending: [Int], finished: Set<Int>) throws(EnsembleFailure) -> EnsembleResults {
        var assembled = EnsembleResults(configuration: configuration, taskList: taskList)
        for (rank, values) in gathered.enumerated() {
            var offset = 0
            for t in share(of: pending, rank: rank, size: gathered.count) {
                assembled.store(task: t, values[offset..<(offset + resultCount(t))])
                offset += resultCount(t)
            }
        }
        for t in finished.sorted() {
            guard let journal else { throw EnsembleFailure("journal: error: task \(t) is finished but there is no journal") }
            do { assembled.store(task: t, try journal.load(task: t, resultCount: resultCount(t))[...]) } catch {
                throw EnsembleFailure("\(error)")
            }
        }
        precondition(assembled.isComplete, "every task is either computed or in the journal")
        return assembled
    }

    /// What a streamed ensemble leaves: on rank 0 the results without the series (summaries, metrics), nil on the
    /// other ranks; on every rank the store every task's series are read from.
    public struct Streamed {
        public var outcome: Outcome
        public var store: EnsembleResultsStore?
    }

    /// The whole ensemble with the results streamed: each rank writes its tasks' results to `resultPath(rank)` as it
    /// computes them (memory: one task), then rank 0 reads the summaries and metrics of every task back; every rank
    /// keeps the files open for its share of the output (`EnsembleOutputShare`) and rank 0 for the writer, which reads
    /// the series slice by slice (`EnsembleDataset.make(_:series:)`).
    /// Nothing but the rank reports goes through MPI, so there is no limit on the number of values.
    public func runStreamed(resume: Bool, worker: inout EnsembleWorker, processes: some EnsembleProcesses, resultPath: (Int) -> String,
                            clock: ContinuousClock = ContinuousClock(), report: () -> [Double] = { [] }, warn: (String) -> Void = { _ in },
                            afterTask: (TaskProgress) -> Void = { _ in }) throws(EnsembleFailure) -> Streamed {
        let finished = try finishedTasks(resume: resume, processes: processes, warn: warn)
        let pending = pending(after: finished)
        let mine = share(of: pending, rank: processes.rank, size: processes.size)
        processes.barrier()
        let computeStart = clock.now
        let stream = try EnsembleTaskStream(path: resultPath(processes.rank))
        var years = 0
        var values: [Double] = []
        for (i, t) in mine.enumerated() {
            values.removeAll(keepingCapacity: true)
            worker.run(taskList.tasks[t], appendingTo: &values)
            years += taskList.costs[t]
            if let journal, let problem = journal.record(task: t, result: values[...]) {
                throw EnsembleFailure("\(journal.directory): error: \(problem)", local: true)
            }
            try stream.append(values[...])
            afterTask(TaskProgress(done: i + 1, tasks: mine.count, memberYears: years, resumed: finished.count, total: taskList.count))
        }
        try stream.close()
        let elapsed = clock.now - computeStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let reports = processes.gather([seconds] + report(), root: 0)
        let memberYears = processes.allReduceSum(years)   // also: every rank's file is closed before any rank reads
        // Every rank reads the files afterwards: its share of the output (`EnsembleOutputShare`).
        let store = try EnsembleResultsStore(driver: self, pending: pending, ranks: processes.size,
                                             paths: (0..<processes.size).map(resultPath))
        guard processes.rank == 0 else {
            return Streamed(outcome: Outcome(results: nil, resumedTasks: finished.count, memberYears: memberYears, rankReports: []), store: store)
        }
        var results = EnsembleResults(configuration: configuration, taskList: taskList, keepsSeries: false)
        let seriesCount = configuration.settings.outputVariables.count * configuration.years.count
        var tail: [Double] = []
        for t in 0..<taskList.count {
            let n = resultCount(t)
            let from = taskList.tasks[t].isScenario ? seriesCount : 0
            tail = [Double](repeating: .nan, count: n)
            try tail.withUnsafeMutableBufferPointer { (b: inout UnsafeMutableBufferPointer<Double>) throws(EnsembleFailure) in
                try store.read(task: t, from: from, count: n - from, into: b.baseAddress! + from)
            }
            results.store(task: t, tail[...])
        }
        precondition(results.isComplete, "every task is either computed or in the journal")
        return Streamed(outcome: Outcome(results: results, resumedTasks: finished.count, memberYears: memberYears, rankReports: reports ?? []),
                        store: store)
    }

    /// The whole ensemble on `processes`: verdict, share, compute, gather, assemble. `report()` is gathered from every
    /// rank after its share (e.g. peak memory); `afterTask` as in `compute`.
    public func run(resume: Bool, worker: inout EnsembleWorker, processes: some EnsembleProcesses,
                    clock: ContinuousClock = ContinuousClock(), report: () -> [Double] = { [] }, warn: (String) -> Void = { _ in },
                    afterTask: (TaskProgress) -> Void = { _ in }) throws(EnsembleFailure) -> Outcome {
        // Every result gathered on rank 0: refused before any work when that does not fit (runStreamed does not gather).
        if let problem = EnsembleMemory.problem(configuration.settings, yearCount: configuration.years.count, priorCount: configuration.priors.count,
                                                available: EnsembleMemory.physicalBytes) {
            throw EnsembleFailure("\(configuration.source): error: &ensemble 'members': \(problem)")
        }
        let finished = try finishedTasks(resume: resume, processes: processes, warn: warn)
        let pending = pending(after: finished)
        let mine = share(of: pending, rank: processes.rank, size: processes.size)
        processes.barrier()   // time the computation alone, from a common start (inputs are read by then)
        let computeStart = clock.now
        var computed = try compute(mine, worker: &worker, resumed: finished.count, afterTask: afterTask)
        let elapsed = clock.now - computeStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        var gathered = processes.gather(computed.results, root: 0)
        computed.results = []   // memory: rank 0 keeps only the gathered copy, and frees it once the results are placed
        let reports = processes.gather([seconds] + report(), root: 0)
        let memberYears = processes.allReduceSum(computed.memberYears)
        var results: EnsembleResults?
        if let all = gathered {
            gathered = nil
            results = try assemble(gathered: all, pending: pending, finished: finished)
        }
        return Outcome(results: results, resumedTasks: finished.count, memberYears: memberYears, rankReports: reports ?? [])
    }
}

extension EnsembleTask {
    var isScenario: Bool { if case .scenario = self { return true } else { return false } }
}
