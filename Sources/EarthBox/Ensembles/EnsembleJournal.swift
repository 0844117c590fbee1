/// The restart journal of an ensemble: one file per finished task (`task-<index>.bin`, written atomically), plus
/// `ensemble.id` holding the ensemble's fingerprint. A process killed at any moment (even kill -9) leaves only
/// complete task files, so `--resume` recomputes exactly the tasks that were in flight.
public struct EnsembleJournal: Sendable {
    public let directory: String
    public let fingerprint: UInt64

    public init(directory: String, fingerprint: UInt64) {
        self.directory = directory; self.fingerprint = fingerprint
    }

    var idPath: String { directory + "/ensemble.id" }
    func taskPath(_ task: Int) -> String { directory + "/task-\(task).bin" }

    /// Prepares the journal and returns the finished tasks (ascending). Without `resume`, a journal that already
    /// holds finished tasks is an error (nothing is silently thrown away); with `resume`, it must belong to this ensemble.
    public func open(resume: Bool, taskCount: Int, resultCount: (Int) -> Int) throws(InputError) -> [Int] {
        guard BinaryFile.makeDirectory(directory) else {
            throw InputError(file: directory, message: "cannot create the journal folder (&ensemble journal_directory)")
        }
        let names = BinaryFile.list(directory) ?? []
        var finished: [Int] = []
        for name in names where name.hasPrefix("task-") && name.hasSuffix(".bin") {
            if let t = Int(name.dropFirst(5).dropLast(4)), t >= 0, t < taskCount { finished.append(t) }
        }
        finished.sort()
        if let bytes = BinaryFile.read(idPath) {
            var r = BinaryReader(bytes)
            if r.uint64() != fingerprint {
                throw InputError(file: idPath, message: resume
                    ? "the journal belongs to a different ensemble (namelist changed); delete \(directory) to start again"
                    : "the journal folder holds another ensemble's journal; delete \(directory) or choose another journal_directory")
            }
        }
        if !resume && !finished.isEmpty {
            throw InputError(file: directory, message: "the journal already holds \(finished.count) finished tasks: pass --resume to continue, or delete the folder")
        }
        var w = BinaryWriter()
        w.append(fingerprint)
        if let problem = BinaryFile.writeAtomically(w.bytes, to: idPath) { throw InputError(file: idPath, message: problem) }
        // A task file of the wrong size (impossible with atomic writes, but cheap to check) is recomputed.
        return finished.filter { t in (BinaryFile.read(taskPath(t))?.count ?? -1) == 8 * (resultCount(t) + 1) }
    }

    public func record(task: Int, result: ArraySlice<Double>) -> String? {
        var w = BinaryWriter()
        w.append(fingerprint)
        for x in result { w.append(x) }
        return BinaryFile.writeAtomically(w.bytes, to: taskPath(task))
    }

    public func load(task: Int) -> [Double]? {
        guard let bytes = BinaryFile.read(taskPath(task)) else { return nil }
        var r = BinaryReader(bytes)
        guard r.uint64() == fingerprint else { return nil }
        var xs: [Double] = []
        while let x = r.double() { xs.append(x) }
        return xs
    }
}
