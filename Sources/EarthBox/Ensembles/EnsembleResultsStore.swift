#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A rank's finished task results streamed to its own file as they are computed (raw little-endian doubles, the
/// tasks of the rank's share in order), so that no rank holds more than one task's results and nothing travels
/// through MPI: every rank reads every rank's file afterwards, for its share of the output and rank 0 for the file
/// (they sit beside the output file, on the file system every rank writes the output to).
public final class EnsembleTaskStream {
    public let path: String
    private var fd: Int32
    private var buffer: [Double] = []
    /// Doubles per write (1 MiB).
    static let bufferValues = 131_072

    public init(path: String) throws(EnsembleFailure) {
        self.path = path
        fd = Glibc.open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o644)
        guard fd >= 0 else { throw EnsembleFailure("\(path): error: cannot create the rank's result file: \(String(cString: strerror(errno)))", local: true) }
        buffer.reserveCapacity(Self.bufferValues)
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    public func append(_ values: ArraySlice<Double>) throws(EnsembleFailure) {
        buffer.append(contentsOf: values)
        if buffer.count >= Self.bufferValues { try flush() }
    }

    private func flush() throws(EnsembleFailure) {
        var problem: String?
        buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; problem = String(cString: strerror(errno)); return }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if let problem { throw EnsembleFailure("\(path): error: cannot write the rank's results: \(problem)", local: true) }
    }

    /// Writes what is buffered and closes the file (its data are then visible to rank 0 after a barrier).
    public func close() throws(EnsembleFailure) {
        try flush()
        let status = Glibc.close(fd)
        fd = -1
        if status != 0 { throw EnsembleFailure("\(path): error: cannot write the rank's results: \(String(cString: strerror(errno)))", local: true) }
    }
}

/// Every task's results where a rank finds them: in a rank's result file (at the offset its share gives) or in the
/// journal. Reads are `pread`s of exactly the values asked for, so memory stays at what the caller asks.
public final class EnsembleResultsStore: @unchecked Sendable {
    public let paths: [String]
    private let files: [Int32]
    /// Per task: (rank, offset in doubles) in a result file, or rank -1 for a journal task.
    private let location: [(rank: Int, offset: Int)]
    private let journal: EnsembleJournal?
    private let resultCount: (Int) -> Int

    public init(driver: EnsembleDriver, pending: [Int], ranks: Int, paths: [String]) throws(EnsembleFailure) {
        self.paths = paths
        var location = [(rank: Int, offset: Int)](repeating: (-1, 0), count: driver.taskList.count)
        for rank in 0..<ranks {
            var offset = 0
            for t in driver.share(of: pending, rank: rank, size: ranks) {
                location[t] = (rank, offset)
                offset += driver.resultCount(t)
            }
        }
        self.location = location
        journal = driver.journal
        resultCount = driver.resultCount
        files = try Self.openForReading(paths, what: "results")
    }

    /// Every rank's file of `what` opened for reading, or none (those opened are closed again) and the failure naming the file.
    static func openForReading(_ paths: [String], what: String) throws(EnsembleFailure) -> [Int32] {
        var files: [Int32] = []
        for path in paths {
            let fd = Glibc.open(path, O_RDONLY)
            guard fd >= 0 else {
                files.forEach { _ = Glibc.close($0) }
                throw EnsembleFailure("\(path): error: cannot read a rank's \(what): \(String(cString: strerror(errno)))")
            }
            files.append(fd)
        }
        return files
    }

    deinit { files.forEach { _ = Glibc.close($0) } }

    /// Removes the rank files.
    public func remove() { paths.forEach { FilePaths.remove($0) } }

    /// `count` values of task `task` from value `from` on, into `out`.
    public func read(task: Int, from: Int, count: Int, into out: UnsafeMutablePointer<Double>) throws(EnsembleFailure) {
        let (rank, offset) = location[task]
        guard rank >= 0 else {
            guard let journal else { throw EnsembleFailure("journal: error: task \(task) is finished but there is no journal") }
            let all: [Double]
            do { all = try journal.load(task: task, resultCount: resultCount(task)) } catch { throw EnsembleFailure("\(error)") }
            all.withUnsafeBufferPointer { out.update(from: $0.baseAddress! + from, count: count) }
            return
        }
        let bytes = count * 8
        var done = 0
        while done < bytes {
            let n = pread(files[rank], UnsafeMutableRawPointer(out) + done, bytes - done, off_t((offset + from) * 8 + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw EnsembleFailure("\(paths[rank]): error: cannot read task \(task)'s results (\(n < 0 ? String(cString: strerror(errno)) : "file too short"))")
            }
            done += n
        }
    }
}
