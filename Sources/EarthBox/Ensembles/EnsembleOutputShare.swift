#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The work after an ensemble's compute, shared by the ranks (issue 14): each rank reduces the quantiles of its part
/// of the years and filters (shuffle + deflate) its part of the member series' chunks, reading the rank result files
/// (beside the output, on the file system every rank sees). Its chunks go to its own file, its quantiles and chunk
/// sizes (small) to rank 0 through a gather; rank 0 then writes the NetCDF file from them
/// (`EnsembleDataset.make(_:series:transposePath:shares:)`). A slice's quantiles and a chunk's bytes depend only on
/// their values, so the file is the one rank 0 alone writes, byte for byte, for any number of ranks.
public struct EnsembleOutputShare: Sendable {
    public let configuration: EnsembleConfiguration
    let store: EnsembleResultsStore
    let weights: QuantileWeights
    /// Per member, added to `tas_anomaly` for CMIP's absolute `tas` (nil: the file has no `tas`).
    let absoluteOffsets: [Double]?

    /// `preindustrialGlobalMeanKelvin`: per parameter sample (`EnsembleWorker.preindustrialGlobalMeanKelvin`), as the
    /// analysis the file is made from has it (with it, `tas_anomaly` brings the absolute `tas`).
    public init(configuration c: EnsembleConfiguration, store: EnsembleResultsStore, weights: QuantileWeights,
                preindustrialGlobalMeanKelvin base: [Double]?) {
        configuration = c
        self.store = store
        self.weights = weights
        absoluteOffsets = base.flatMap { base in
            c.outputDiagnostics.contains(.surfaceTemperature) ? (0..<c.memberCount).map { base[c.sample(ofMember: $0)] } : nil
        }
    }

    var shape: [Int] { [configuration.scenarios.count, configuration.memberCount, configuration.years.count] }
    var level: Int32 { Int32(configuration.settings.compressionLevel) }
    var chunks: [Int] { NetCDF.chunkSizes(shape) }
    var grid: [Int] { NetCDFChunkWriter.chunkGrid(shape: shape, chunks: chunks) }

    /// The member-series variables in file order (`EnsembleDataset`): the output variable, and whether it is CMIP's
    /// absolute `tas` made from it.
    var seriesVariables: [(variable: Int, absolute: Bool)] {
        configuration.outputDiagnostics.enumerated().flatMap { v, diagnostic in
            diagnostic == .surfaceTemperature && absoluteOffsets != nil ? [(v, false), (v, true)] : [(v, false)]
        }
    }

    /// Chunks to filter, over every series variable in file order: none when the writer stores the series unfiltered.
    var unitCount: Int {
        level > 0 && shape.reduce(1, *) > NetCDF.compressionThreshold ? seriesVariables.count * grid.reduce(1, *) : 0
    }

    /// The years whose quantiles rank `rank` of `size` reduces: a contiguous part of them.
    static func years(_ count: Int, rank: Int, size: Int) -> Range<Int> { (rank * count / size)..<((rank + 1) * count / size) }

    /// The rank that filters chunk `unit`: chunks are dealt round-robin, so every rank has some of every variable.
    static func owner(ofUnit unit: Int, size: Int) -> Int { unit % size }

    /// Rank `rank` of `size`'s share. Its chunks are written one after another to `chunkPath`; it returns what rank 0
    /// needs: per output variable, scenario and year of its part, the prior then the constrained quantiles, then the
    /// byte count of each of its chunks. `transposePath` is its year-major copy (removed afterwards).
    public func compute(rank: Int, size: Int, chunkPath: String, transposePath: String) throws(EnsembleFailure) -> [Double] {
        let (s, m, n) = (shape[0], shape[1], shape[2])
        var report: [Double] = []
        var sample = SortedSample()
        for v in 0..<configuration.outputDiagnostics.count {
            let series = StreamedSeries(store: store, variable: v, scenarios: s, members: m, years: n)
            try series.slices(transposePath: transposePath, years: Self.years(n, rank: rank, size: size)) { _, _, column in
                let (prior, constrained) = weights.both(column, using: &sample)
                report += prior
                report += constrained
            }
        }
        let units = unitCount
        guard units > 0 else { return report }
        precondition(chunks[2] == n, "a chunk holds whole series")
        let fd = Glibc.open(chunkPath, O_CREAT | O_TRUNC | O_WRONLY, 0o644)
        guard fd >= 0 else { throw EnsembleFailure("\(chunkPath): error: cannot create the rank's chunk file: \(String(cString: strerror(errno)))", local: true) }
        var closed = false
        defer { if !closed { Glibc.close(fd) } }
        let perVariable = grid.reduce(1, *), variables = seriesVariables
        var buffer = [Double](repeating: 0, count: chunks.reduce(1, *)), padded: [Double] = []
        var offset = 0
        for unit in 0..<units where Self.owner(ofUnit: unit, size: size) == rank {
            let (variable, absolute) = variables[unit / perVariable]
            let start = NetCDFChunkWriter.chunkStart(unit % perVariable, grid: grid, chunks: chunks)
            let count = (0..<3).map { min(chunks[$0], shape[$0] - start[$0]) }
            let series = StreamedSeries(store: store, variable: variable, scenarios: s, members: m, years: n)
            let bytes: [UInt8]
            do throws(NetCDFError) {
                bytes = try buffer.withUnsafeMutableBufferPointer { (b: inout UnsafeMutableBufferPointer<Double>) throws(NetCDFError) in
                    try series.readBlock(scenarios: start[0]..<(start[0] + count[0]), members: start[1]..<(start[1] + count[1]),
                                         adding: absolute ? absoluteOffsets : nil, into: b.baseAddress!)
                    return try NetCDFChunkWriter.filtered(UnsafeBufferPointer(rebasing: b[0..<count.reduce(1, *)]), count: count,
                                                          chunks: chunks, level: level, padded: &padded)
                }
            } catch {
                throw EnsembleFailure("\(chunkPath): error: cannot filter a chunk: \(error)", local: true)
            }
            let written = bytes.withUnsafeBytes { raw in StreamedSeries.writeAll(fd, raw.baseAddress!, raw.count, at: offset) }
            guard written else { throw EnsembleFailure("\(chunkPath): error: cannot write the rank's chunks: \(String(cString: strerror(errno)))", local: true) }
            offset += bytes.count
            report.append(Double(bytes.count))
        }
        closed = true
        guard Glibc.close(fd) == 0 else { throw EnsembleFailure("\(chunkPath): error: cannot write the rank's chunks: \(String(cString: strerror(errno)))", local: true) }
        return report
    }

    /// Rank 0: every rank's report (rank order) and chunk file, placed for the writer.
    public func assemble(reports: [[Double]], chunkPaths: [String]) throws(EnsembleFailure) -> EnsembleOutputShares {
        let (s, n) = (shape[0], shape[2]), p = WeightedStatistics.reportedPercentiles.count
        let outputs = configuration.outputDiagnostics.count, size = reports.count, units = unitCount
        var prior = [[Double]](repeating: [Double](repeating: .nan, count: s * p * n), count: outputs), constrained = prior
        var location = [(rank: Int, offset: Int, bytes: Int)](repeating: (0, 0, 0), count: units)
        for (rank, report) in reports.enumerated() {
            let years = Self.years(n, rank: rank, size: size)
            let owned = (0..<units).filter { Self.owner(ofUnit: $0, size: size) == rank }
            guard report.count == outputs * s * years.count * 2 * p + owned.count else {
                throw EnsembleFailure("rank \(rank): error: its share of the output has \(report.count) values, not the \(outputs * s * years.count * 2 * p + owned.count) expected")
            }
            var r = 0
            for v in 0..<outputs {
                for scenario in 0..<s {
                    for t in years {
                        for k in 0..<p { prior[v][(scenario * p + k) * n + t] = report[r + k] }
                        for k in 0..<p { constrained[v][(scenario * p + k) * n + t] = report[r + p + k] }
                        r += 2 * p
                    }
                }
            }
            var offset = 0
            for unit in owned {
                let bytes = Int(report[r])
                location[unit] = (rank, offset, bytes)
                offset += bytes
                r += 1
            }
        }
        return try EnsembleOutputShares(prior: prior, constrained: constrained, level: level, seriesVariables: seriesVariables.count,
                                        chunksPerVariable: grid.reduce(1, *), location: location, paths: units > 0 ? chunkPaths : [])
    }
}

/// What the ranks made for rank 0's writer (`EnsembleOutputShare.assemble`): each output variable's quantiles and
/// the filtered chunks of every series variable, read from the rank chunk files as the file is written.
public final class EnsembleOutputShares: @unchecked Sendable {
    /// Per output variable: the quantiles [scenario][quantile][year], prior and constrained.
    public let prior: [[Double]]
    public let constrained: [[Double]]
    let level: Int32
    /// How many member-series variables the chunks are of (the file must have exactly these).
    let seriesVariables: Int
    let chunksPerVariable: Int
    private let location: [(rank: Int, offset: Int, bytes: Int)]
    public let paths: [String]
    private let files: [Int32]

    init(prior: [[Double]], constrained: [[Double]], level: Int32, seriesVariables: Int, chunksPerVariable: Int,
         location: [(rank: Int, offset: Int, bytes: Int)], paths: [String]) throws(EnsembleFailure) {
        self.prior = prior; self.constrained = constrained; self.level = level; self.seriesVariables = seriesVariables
        self.chunksPerVariable = chunksPerVariable; self.location = location; self.paths = paths
        files = try EnsembleResultsStore.openForReading(paths, what: "chunks")
    }

    deinit { files.forEach { _ = Glibc.close($0) } }

    /// Removes the rank chunk files.
    public func remove() { paths.forEach { FilePaths.remove($0) } }

    /// The filtered chunks of series variable `index` (file order), or nil when the writer filters nothing.
    func compressed(seriesVariable index: Int) -> StreamedValues.CompressedChunks? {
        guard !location.isEmpty else { return nil }
        return StreamedValues.CompressedChunks(level: level) { (chunk: Int) throws(NetCDFError) -> [UInt8] in
            let (rank, offset, bytes) = self.location[index * self.chunksPerVariable + chunk]
            var out = [UInt8](repeating: 0, count: bytes)
            let ok = out.withUnsafeMutableBytes { raw in bytes == 0 || StreamedSeries.readAll(self.files[rank], raw.baseAddress!, bytes, at: offset) }
            guard ok else { throw NetCDFError(path: self.paths[rank], operation: "read", message: "cannot read a filtered chunk: \(String(cString: strerror(errno)))") }
            return out
        }
    }
}

extension EnsembleOutputShare {
    /// The whole work after the compute over `processes`, every rank calling it. 1. Each rank computes the preindustrial
    /// bases of the samples i ≡ rank (mod size), gathered on rank 0; 2. rank 0 makes the analysis (`analysis(bases)`:
    /// the weights) and broadcasts the weights and the bases; 3. each rank computes its share, gathered and placed on
    /// rank 0. A rank whose share fails says so itself and every rank stops (no rank waits for another forever).
    /// Returns the analysis and the shares on rank 0 (no shares on one rank: the writer does everything itself), nil elsewhere.
    public static func run(configuration c: EnsembleConfiguration, store: EnsembleResultsStore, worker: EnsembleWorker,
                           processes: some EnsembleProcesses, analysis: ([Double]) -> EnsembleAnalysis,
                           chunkPath: (Int) -> String, transposePath: (Int) -> String) throws(EnsembleFailure)
        -> (analysis: EnsembleAnalysis, shares: EnsembleOutputShares?)? {
        let rank = processes.rank, size = processes.size, samples = c.samples.count
        guard size > 1 else { return (analysis(worker.preindustrialGlobalMeanKelvin()), nil) }
        let mine = worker.preindustrialGlobalMeanKelvin(samples: Array(stride(from: rank, to: samples, by: size)))
        var message: [UInt8] = []
        var made: EnsembleAnalysis?
        if let parts = processes.gather(mine, root: 0) {
            var bases = [Double](repeating: .nan, count: samples)
            for (r, part) in parts.enumerated() { for (i, x) in part.enumerated() { bases[r + i * size] = x } }
            let a = analysis(bases)
            made = a
            message = Self.bytes(a.weights + bases)
        }
        processes.broadcast(&message, root: 0)
        let values = Self.doubles(message), m = c.memberCount
        precondition(values.count == m + samples, "the broadcast carries every member's weight and every sample's base")
        let weights = QuantileWeights(prior: made?.priorWeights ?? [Double](repeating: 1 / Double(m), count: m), constrained: Array(values[0..<m]))
        let share = EnsembleOutputShare(configuration: c, store: store, weights: weights, preindustrialGlobalMeanKelvin: Array(values[m...]))
        var failure: EnsembleFailure?
        var report: [Double]
        do { report = [0] + (try share.compute(rank: rank, size: size, chunkPath: chunkPath(rank), transposePath: transposePath(rank))) } catch {
            failure = error
            report = [1]
        }
        let reports = processes.gather(report, root: 0)
        if let failure { throw failure }
        guard let reports, let made else { return nil }
        if let failed = reports.firstIndex(where: { $0.first != 0 }) {
            throw EnsembleFailure("rank \(failed): error: its share of the output failed (it says why above)")
        }
        return (made, try share.assemble(reports: reports.map { Array($0.dropFirst()) }, chunkPaths: (0..<size).map(chunkPath)))
    }

    static func bytes(_ values: [Double]) -> [UInt8] {
        values.withUnsafeBytes { Array($0) }
    }

    static func doubles(_ bytes: [UInt8]) -> [Double] {
        precondition(bytes.count % 8 == 0)
        return [Double](unsafeUninitializedCapacity: bytes.count / 8) { buffer, initialized in
            bytes.withUnsafeBytes { raw in UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw) }
            initialized = bytes.count / 8
        }
    }
}
