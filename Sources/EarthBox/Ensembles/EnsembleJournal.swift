/// The restart journal of an ensemble: one file per finished task (`task-<index>.bin`, written atomically), plus
/// `ensemble.id` holding the ensemble's fingerprint. A process killed at any moment (even kill -9) leaves only
/// complete task files, so `--resume` recomputes exactly the tasks that were in flight.
///
/// A task file holds a magic number, the ensemble's fingerprint, its own task index and result count, the results
/// and a CRC-32C over all of it: a damaged file (flipped bit, truncation) or one renamed onto another task's name
/// is reported and recomputed, never used.
public struct EnsembleJournal: Sendable {
    static let taskMagic: UInt64 = 0x3230_4B53_4154_4245   // "EBTASK02" little-endian
    static let idMagic: UInt64 = 0x3230_4C4E_5252_4A45      // "EJRRNL02" little-endian

    public let directory: String
    public let fingerprint: UInt64

    public init(directory: String, fingerprint: UInt64) {
        self.directory = directory; self.fingerprint = fingerprint
    }

    var idPath: String { directory + "/ensemble.id" }
    func taskPath(_ task: Int) -> String { directory + "/task-\(task).bin" }

    /// Prepares the journal and returns the finished tasks (ascending). Without `resume`, a journal that already
    /// holds finished tasks is an error (nothing is silently thrown away); with `resume`, it must belong to this
    /// ensemble. A task file that fails its checks is removed, named through `report`, and so recomputed.
    public func open(resume: Bool, taskCount: Int, resultCount: (Int) -> Int,
                     report: (String) -> Void = { _ in }) throws(InputError) -> [Int] {
        guard BinaryFile.makeDirectory(directory) else {
            throw InputError(file: directory, message: "cannot create the journal folder (&ensemble journal_directory)")
        }
        let names = BinaryFile.list(directory) ?? []
        var finished: [Int] = []
        for name in names where name.hasPrefix("task-") && name.hasSuffix(".bin") {
            if let t = Int(name.dropFirst(5).dropLast(4)), t >= 0, t < taskCount { finished.append(t) }
        }
        finished.sort()
        if FilePaths.exists(idPath) {
            let bytes = try BinaryFile.read(idPath, limit: 64, what: "journal identity file")
            var r = BinaryReader(BinaryReader.verifiedPayload(bytes) ?? [])
            guard r.uint64() == Self.idMagic, let stored = r.uint64() else {
                throw InputError(file: idPath, message: "the journal identity file is damaged or from an older EarthBox version; delete \(directory) to start again")
            }
            if stored != fingerprint {
                throw InputError(file: idPath, message: resume
                    ? "the journal belongs to a different ensemble (namelist changed); delete \(directory) to start again"
                    : "the journal folder holds another ensemble's journal; delete \(directory) or choose another journal_directory")
            }
        }
        if !resume && !finished.isEmpty {
            throw InputError(file: directory, message: "the journal already holds \(finished.count) finished tasks: pass --resume to continue, or delete the folder")
        }
        var w = BinaryWriter()
        w.append(Self.idMagic)
        w.append(fingerprint)
        w.appendChecksum()
        if let problem = BinaryFile.writeAtomically(w.bytes, to: idPath) { throw InputError(file: idPath, message: problem) }
        return finished.filter { t in
            switch Result(catching: { () throws(InputError) -> [Double] in try load(task: t, resultCount: resultCount(t)) }) {
            case .success: return true
            case .failure(let error):
                report("\(error.file): \(error.message); the task is recomputed")
                FilePaths.remove(taskPath(t))
                return false
            }
        }
    }

    public func record(task: Int, result: ArraySlice<Double>) -> String? {
        BinaryFile.writeAtomically(Self.encode(task: task, result: result, fingerprint: fingerprint), to: taskPath(task))
    }

    static func encode(task: Int, result: ArraySlice<Double>, fingerprint: UInt64) -> [UInt8] {
        var w = BinaryWriter()
        w.append(taskMagic)
        w.append(fingerprint)
        w.append(task)
        w.append(Array(result))
        w.appendChecksum()
        return w.bytes
    }

    /// Why the bytes of a task file cannot be used, nil if they hold `task`'s `resultCount` results of this ensemble.
    static func decode(_ bytes: [UInt8], task: Int, resultCount: Int, fingerprint: UInt64) -> Result<[Double], DecodeProblem> {
        guard let payload = BinaryReader.verifiedPayload(bytes) else { return .failure(.damaged) }
        var r = BinaryReader(payload)
        guard r.uint64() == taskMagic else { return .failure(.notATaskFile) }
        guard r.uint64() == fingerprint else { return .failure(.otherEnsemble) }
        guard let stored = r.int(), stored == task else { return .failure(.otherTask) }
        guard let values = r.doubles(), r.isAtEnd, values.count == resultCount else { return .failure(.wrongCount) }
        return .success(values)
    }

    enum DecodeProblem: Error {
        case damaged, notATaskFile, otherEnsemble, otherTask, wrongCount
        var message: String {
            switch self {
            case .damaged: "damaged journal task file (CRC-32C checksum mismatch or truncated)"
            case .notATaskFile: "not an EarthBox journal task file (or from an older version)"
            case .otherEnsemble: "journal task file of a different ensemble"
            case .otherTask: "journal task file holds another task's results (renamed or swapped file)"
            case .wrongCount: "journal task file has the wrong number of results"
            }
        }
    }

    /// The results of `task`, checked; problems are `InputError`s naming the file.
    public func load(task: Int, resultCount: Int) throws(InputError) -> [Double] {
        let path = taskPath(task)
        let limit = min(BoundedRead.journalTaskLimit, 8 * resultCount + 64)
        let bytes = try BinaryFile.read(path, limit: limit, what: "journal task file")
        switch Self.decode(bytes, task: task, resultCount: resultCount, fingerprint: fingerprint) {
        case .success(let values): return values
        case .failure(let problem): throw InputError(file: path, message: problem.message)
        }
    }
}
