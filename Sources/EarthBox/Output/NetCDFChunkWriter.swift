import CNetCDF

/// Stores the large fixed-size double variables chunk by chunk with HDF5's direct chunk write, each chunk filtered by
/// `ChunkDeflate` (shuffle + deflate, as the variable's filter pipeline declares), once netCDF has defined the
/// variables and closed the file. HDF5's own filter would deflate every byte plane at the file's level; here the noise
/// planes are stored, which halves the time of the largest ensemble files for the same size. Must be called holding
/// the netCDF lock.
enum NetCDFChunkWriter {
    /// HDF5's "operation failed" for status: `NetCDF.writeFailure` then tells a full disk from other failures.
    static let hdf5Failure: Int32 = NC_EHDFERR

    static func write(_ variables: [(Variable, [Int], StreamedValues)], lengths: [String: Int], level: Int32,
                      tempPath: String, reportedPath path: String) throws(NetCDFError) {
        let file = eb_hdf5_open_for_writing(tempPath)
        guard file >= 0 else { throw failure("H5Fopen", path) }
        var fileOpen = true
        defer { if fileOpen { _ = H5Fclose(file) } }
        for (variable, chunks, stream) in variables {
            let dataset = eb_hdf5_open_dataset(file, variable.name)
            guard dataset >= 0 else { throw failure("H5Dopen(\(variable.name))", path) }
            defer { _ = H5Dclose(dataset) }
            let shape = variable.dimensions.map { lengths[$0]! }
            var padded: [Double] = []
            func store(_ bytes: [UInt8], at start: [Int]) throws(NetCDFError) {
                let offset = start.map { UInt64($0) }
                let status = bytes.withUnsafeBytes { raw in H5Dwrite_chunk(dataset, 0, 0, offset, raw.count, raw.baseAddress) }
                guard status >= 0 else { throw failure("H5Dwrite_chunk(\(variable.name))", path) }
            }
            if let compressed = stream.compressed, compressed.level == level {
                let grid = chunkGrid(shape: shape, chunks: chunks)
                for index in 0..<grid.reduce(1, *) {
                    try store(try compressed.chunk(index), at: chunkStart(index, grid: grid, chunks: chunks))
                }
                continue
            }
            try stream.fill(chunks) { (start: [Int], count: [Int], values: UnsafeBufferPointer<Double>) throws(NetCDFError) in
                precondition(values.count == count.reduce(1, *), "a streamed piece must hold exactly its hyperslab")
                precondition(zip(start, chunks).allSatisfy { $0 % $1 == 0 }
                             && (0..<count.count).allSatisfy { count[$0] == min(chunks[$0], shape[$0] - start[$0]) },
                             "a streamed variable that is deflated here comes chunk by chunk")
                var bytes: [UInt8] = []
                do throws(NetCDFError) {
                    bytes = try filtered(values, count: count, chunks: chunks, level: level, padded: &padded)
                } catch {
                    throw NetCDFError(path: path, operation: error.operation, message: error.message, status: hdf5Failure)
                }
                try store(bytes, at: start)
            }
        }
        fileOpen = false
        guard H5Fclose(file) >= 0 else { throw failure("H5Fclose", path) }
    }

    /// One chunk's values (`count`, cut short at the variable's edge) as the shuffle + deflate pipeline stores them:
    /// HDF5 stores whole chunks, so an edge chunk is padded (in `padded`, reused between chunks) with zeros that are never read.
    static func filtered(_ values: UnsafeBufferPointer<Double>, count: [Int], chunks: [Int], level: Int32,
                         padded: inout [Double]) throws(NetCDFError) -> [UInt8] {
        if count == chunks { return try ChunkDeflate.compress(values, level: level) }
        let size = chunks.reduce(1, *)
        if padded.count != size { padded = [Double](repeating: 0, count: size) }
        padded.withUnsafeMutableBufferPointer { chunk in
            chunk.update(repeating: 0)
            copy(values, count: count, into: chunk, chunks: chunks)
        }
        return try padded.withUnsafeBufferPointer { chunk throws(NetCDFError) in try ChunkDeflate.compress(chunk, level: level) }
    }

    /// Chunks along each dimension of a variable of `shape`.
    static func chunkGrid(shape: [Int], chunks: [Int]) -> [Int] {
        (0..<shape.count).map { (shape[$0] + chunks[$0] - 1) / chunks[$0] }
    }

    /// Where chunk `index` (row-major over `grid`) starts.
    static func chunkStart(_ index: Int, grid: [Int], chunks: [Int]) -> [Int] {
        var rest = index
        var start = [Int](repeating: 0, count: grid.count)
        for d in stride(from: grid.count - 1, through: 0, by: -1) {
            start[d] = (rest % grid[d]) * chunks[d]
            rest /= grid[d]
        }
        return start
    }

    /// Places a row-major `count` block at the origin of a row-major `chunks` block.
    private static func copy(_ values: UnsafeBufferPointer<Double>, count: [Int], into chunk: UnsafeMutableBufferPointer<Double>, chunks: [Int]) {
        let row = count[count.count - 1]
        let origin = [Int](repeating: 0, count: count.count)
        for r in 0..<(values.count / max(row, 1)) {
            let offset = rowOffset(r, of: count, at: origin, in: chunks)
            for i in 0..<row { chunk[offset + i] = values[r * row + i] }
        }
    }

    /// Where row `r` of a row-major `block` (every dimension but the last) starts when the block sits at `start` in a
    /// row-major array of `shape`.
    static func rowOffset(_ r: Int, of block: [Int], at start: [Int], in shape: [Int]) -> Int {
        let rank = shape.count
        var rest = r, offset = start[rank - 1], step = shape[rank - 1]
        for d in stride(from: rank - 2, through: 0, by: -1) {
            offset += (start[d] + rest % block[d]) * step
            rest /= block[d]
            step *= shape[d]
        }
        return offset
    }

    private static func failure(_ operation: String, _ path: String) -> NetCDFError {
        NetCDFError(path: path, operation: operation, message: "HDF5 error", status: hdf5Failure)
    }
}

extension StreamedValues {
    /// Row-major `values` of `shape` handed out chunk by chunk (chunks in row-major order, edge chunks cut short).
    static func chunked(_ values: [Double], shape: [Int]) -> StreamedValues {
        StreamedValues(count: values.count) { (chunks: [Int], put: Put) throws(NetCDFError) in
            let rank = shape.count
            let grid = NetCDFChunkWriter.chunkGrid(shape: shape, chunks: chunks)
            var piece = [Double]()
            piece.reserveCapacity(chunks.reduce(1, *))
            for index in 0..<grid.reduce(1, *) {
                let start = NetCDFChunkWriter.chunkStart(index, grid: grid, chunks: chunks)
                let count = (0..<rank).map { min(chunks[$0], shape[$0] - start[$0]) }
                piece.removeAll(keepingCapacity: true)
                let rows = count.dropLast().reduce(1, *), row = count[rank - 1]
                for r in 0..<rows {
                    let offset = NetCDFChunkWriter.rowOffset(r, of: count, at: start, in: shape)
                    piece.append(contentsOf: values[offset..<(offset + row)])
                }
                try piece.withUnsafeBufferPointer { (b: UnsafeBufferPointer<Double>) throws(NetCDFError) in try put(start, count, b) }
            }
        }
    }
}
