#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One output variable's member series, [scenario][member][year], read from the ranks' result files for the
/// ensemble file: the variable itself chunk row by chunk row as the file is written, and its quantiles slice by
/// slice. Memory: one chunk row (≤ 2 MiB), one block of members and one year's column of every member.
struct StreamedSeries: Sendable {
    let store: EnsembleResultsStore
    let variable: Int
    let scenarios: Int, members: Int, years: Int
    /// Members read at once for the year-major copy (4096 × 551 years: 18 MB).
    static let blockMembers = 4096

    /// Task of (member, scenario): scenario tasks are member-major (`EnsembleTaskList`).
    func task(member: Int, scenario: Int) -> Int { member * scenarios + scenario }

    /// The variable's values for the writer; `offsets` (per member) are added to every value (`tas` from `tas_anomaly`).
    /// `compressed`, when the ranks have filtered the chunks already (`EnsembleOutputShare`), hands them to the writer.
    func values(adding offsets: [Double]?, compressed: StreamedValues.CompressedChunks? = nil) -> StreamedValues {
        StreamedValues(count: scenarios * members * years, compressed: compressed) { (chunks: [Int], put: StreamedValues.Put) throws(NetCDFError) in
            let (s, m, n) = (scenarios, members, years)
            let cs = max(1, chunks[0]), cm = max(1, chunks[1])
            var buffer = [Double](repeating: 0, count: cs * cm * n)
            for s0 in stride(from: 0, to: s, by: cs) {
                for m0 in stride(from: 0, to: m, by: cm) {
                    let ns = min(cs, s - s0), nm = min(cm, m - m0)
                    try buffer.withUnsafeMutableBufferPointer { (b: inout UnsafeMutableBufferPointer<Double>) throws(NetCDFError) in
                        try readBlock(scenarios: s0..<(s0 + ns), members: m0..<(m0 + nm), adding: offsets, into: b.baseAddress!)
                        try put([s0, m0, 0], [ns, nm, n], UnsafeBufferPointer(rebasing: b[0..<(ns * nm * n)]))
                    }
                }
            }
        }
    }

    /// The [scenario][member][year] block of `scenarios` × `members` (every year) into `out`, plus `offsets`.
    func readBlock(scenarios ss: Range<Int>, members ms: Range<Int>, adding offsets: [Double]?, into out: UnsafeMutablePointer<Double>) throws(NetCDFError) {
        let n = years
        for (i, scenario) in ss.enumerated() {
            for (j, member) in ms.enumerated() {
                let row = out + (i * ms.count + j) * n
                do { try store.read(task: task(member: member, scenario: scenario), from: variable * n, count: n, into: row) }
                catch { throw NetCDFError(path: store.paths.first ?? "", operation: "read", message: error.description) }
                if let offsets { for t in 0..<n { row[t] += offsets[member] } }
            }
        }
    }

    /// Calls `reduce(scenario, year, column)` for every scenario and every year of `yearRange` in that order, the
    /// column holding every member's value (member order). The series are copied year-major into `transposePath` one
    /// block of members at a time, and each year's column read back whole.
    func slices(transposePath: String, years yearRange: Range<Int>? = nil, _ reduce: (Int, Int, UnsafeBufferPointer<Double>) -> Void) throws(EnsembleFailure) {
        let (s, m, n) = (scenarios, members, years)
        let range = yearRange ?? 0..<n, width = min(m, Self.blockMembers), count = range.count
        guard count > 0 else { return }
        let fd = Glibc.open(transposePath, O_CREAT | O_TRUNC | O_RDWR, 0o600)
        guard fd >= 0 else { throw EnsembleFailure("\(transposePath): error: cannot create the year-major copy: \(String(cString: strerror(errno)))", local: true) }
        defer { Glibc.close(fd); FilePaths.remove(transposePath) }
        func fail(_ what: String) -> EnsembleFailure {
            EnsembleFailure("\(transposePath): error: cannot \(what) the year-major copy: \(String(cString: strerror(errno)))", local: true)
        }
        var block = [Double](repeating: 0, count: width * count), piece = [Double](repeating: 0, count: width)
        var column = [Double](repeating: 0, count: m)
        for scenario in 0..<s {
            for m0 in stride(from: 0, to: m, by: width) {
                let nb = min(width, m - m0)
                try block.withUnsafeMutableBufferPointer { (b: inout UnsafeMutableBufferPointer<Double>) throws(EnsembleFailure) in
                    for j in 0..<nb {
                        try store.read(task: task(member: m0 + j, scenario: scenario), from: variable * n + range.lowerBound, count: count,
                                       into: b.baseAddress! + j * count)
                    }
                }
                for t in 0..<count {
                    for j in 0..<nb { piece[j] = block[j * count + t] }
                    let ok = piece.withUnsafeBytes { raw in Self.writeAll(fd, raw.baseAddress!, nb * 8, at: (t * m + m0) * 8) }
                    guard ok else { throw fail("write") }
                }
            }
            for t in 0..<count {
                let ok = column.withUnsafeMutableBytes { raw in Self.readAll(fd, raw.baseAddress!, m * 8, at: t * m * 8) }
                guard ok else { throw fail("read") }
                column.withUnsafeBufferPointer { reduce(scenario, range.lowerBound + t, $0) }
            }
        }
    }

    static func writeAll(_ fd: Int32, _ p: UnsafeRawPointer, _ bytes: Int, at offset: Int) -> Bool {
        transferAll(bytes) { done in pwrite(fd, p + done, bytes - done, off_t(offset + done)) }
    }

    static func readAll(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ bytes: Int, at offset: Int) -> Bool {
        transferAll(bytes) { done in pread(fd, p + done, bytes - done, off_t(offset + done)) }
    }

    /// Repeats a positional read or write from where it stopped until `bytes` have moved: both may move fewer bytes
    /// than asked or be interrupted (EINTR); 0 or another error is a failure.
    private static func transferAll(_ bytes: Int, _ transfer: (_ done: Int) -> Int) -> Bool {
        var done = 0
        while done < bytes {
            let k = transfer(done)
            if k < 0 && errno == EINTR { continue }
            guard k > 0 else { return false }
            done += k
        }
        return true
    }
}
