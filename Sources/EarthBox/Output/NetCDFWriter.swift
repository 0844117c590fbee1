import CNetCDF

extension NetCDF {
    /// Variables with more values than this are stored with deflate (`Dataset.deflateLevel`, 1 unless set) + shuffle.
    static let compressionThreshold = 1000
    /// Target chunk size (values) for chunked variables: 256 Ki doubles = 2 MiB.
    static let targetChunkValues = 262_144

    /// Writes `dataset` as a NetCDF-4 file.
    ///
    /// The file is written to `.<name>.tmp-<pid>-<n>` in the same folder and
    /// renamed onto `path` only after `nc_close` succeeded. On any failure the
    /// temporary file is removed and `path` is untouched. The folder must exist.
    public static func write(_ dataset: Dataset, to path: String) throws(NetCDFError) {
        try NetCDFValidation.validate(dataset, path: path)

        let (prefix, base) = FilePaths.split(path)
        guard !base.isEmpty else {
            throw NetCDFError(path: path, operation: "write", message: "path names a folder, not a file")
        }
        let folder = prefix.isEmpty ? "." : prefix
        guard FilePaths.isDirectory(folder) else {
            throw NetCDFError(path: path, operation: "write",
                              message: "folder '\(folder)' does not exist or is not a folder")
        }

        try withNetCDFLock { (counter: inout UInt64) throws(NetCDFError) in
            counter &+= 1
            let tempPath = TemporaryFiles.name(for: path, serial: counter)
            try TemporaryFiles.whileWriting(tempPath) { () throws(NetCDFError) in
                do throws(NetCDFError) {
                    try writeFile(dataset, tempPath: tempPath, reportedPath: path)
                    if let reason = FilePaths.rename(tempPath, to: path) {
                        throw NetCDFError(path: path, operation: "rename(\(tempPath))", message: "cannot write the file: \(reason)")
                    }
                } catch {
                    FilePaths.remove(tempPath)
                    throw writeFailure(error, folder: folder)
                }
            }
        }
    }

    /// A failed write says what the user can act on: a full disk or quota is named as such (HDF5 reports only
    /// "HDF error"; the folder's free space tells), any other failure as "cannot write the file".
    static func writeFailure(_ error: NetCDFError, folder: String) -> NetCDFError {
        guard error.status != nil else { return error }
        var failure = error
        if let free = FilePaths.freeBytes(folder), free < 1 << 20 {
            failure.message = "cannot write the file: disk full (no space left on device; \(error.message))"
        } else {
            failure.message = "cannot write the file: \(error.message)"
        }
        return failure
    }

    /// Creates, fills and closes the file. Must be called holding the lock.
    private static func writeFile(_ ds: Dataset, tempPath: String, reportedPath path: String) throws(NetCDFError) {
        var ncid: Int32 = -1
        try ncCheck(nc_create(tempPath, NC_NETCDF4 | NC_CLOBBER | NC_NODIMSCALE_ATTACH, &ncid), "nc_create(\(tempPath))", path: path)
        var open = true
        defer { if open { _ = nc_abort(ncid) } }
        TemporaryFiles.holdForTest()

        var oldFill: Int32 = 0
        try ncCheck(nc_set_fill(ncid, NC_NOFILL, &oldFill), "nc_set_fill", path: path)

        try putAttributes(ds.globalAttributes, ncid: ncid, varid: NC_GLOBAL, owner: "global", path: path)

        var dimIDs: [String: Int32] = [:]
        var dimLengths: [String: Int] = [:]
        var unlimited = Set<String>()
        for dim in ds.dimensions {
            var id: Int32 = -1
            let len = dim.isUnlimited ? Int(NC_UNLIMITED) : dim.length
            try ncCheck(nc_def_dim(ncid, dim.name, len, &id), "nc_def_dim(\(dim.name))", path: path)
            dimIDs[dim.name] = id
            dimLengths[dim.name] = dim.length
            if dim.isUnlimited { unlimited.insert(dim.name) }
        }

        var varIDs: [Int32] = []
        for v in ds.variables {
            let ids = v.dimensions.map { dimIDs[$0]! }
            var varid: Int32 = -1
            let ncType = switch v.type { case .double: NC_DOUBLE; case .int: NC_INT; case .string: NC_CHAR }
            try ncCheck(nc_def_var(ncid, v.name, ncType, Int32(ids.count), ids, &varid),
                        "nc_def_var(\(v.name))", path: path)
            let lengths = v.dimensions.map { dimLengths[$0]! }
            let compress = v.valueCount > compressionThreshold && !ids.isEmpty
            if compress || v.dimensions.contains(where: unlimited.contains) {
                let chunks = chunkSizes(lengths)
                try ncCheck(nc_def_var_chunking(ncid, varid, NC_CHUNKED, chunks),
                            "nc_def_var_chunking(\(v.name))", path: path)
            }
            if compress && ds.deflateLevel > 0 {
                try ncCheck(nc_def_var_deflate(ncid, varid, 1, 1, ds.deflateLevel), "nc_def_var_deflate(\(v.name))", path: path)
            }
            let encoding: [(String, AttributeValue)] = v.type == .string ? [("_Encoding", .text("utf-8"))] : []
            try putAttributes(v.attributes + encoding, ncid: ncid, varid: varid, owner: v.name, path: path)
            varIDs.append(varid)
        }

        try ncCheck(nc_enddef(ncid), "nc_enddef", path: path)

        var deflatedHere: [(Variable, [Int], StreamedValues)] = []
        for (v, varid) in zip(ds.variables, varIDs) where v.valueCount > 0 {
            let lengths = v.dimensions.map { dimLengths[$0]! }
            if v.type == .double, ds.deflateLevel > 0, v.valueCount > compressionThreshold, !v.dimensions.isEmpty,
               !v.dimensions.contains(where: unlimited.contains) {
                // Stored chunk by chunk after nc_close (below), compressed by ChunkDeflate rather than by HDF5; a
                // variable held in memory goes the same way, so a streamed file is the in-memory file byte for byte.
                deflatedHere.append((v, chunkSizes(lengths), v.stream ?? .chunked(v.data, shape: lengths)))
                continue
            }
            if let stream = v.stream {
                try stream.fill(chunkSizes(lengths)) { (start: [Int], count: [Int], values: UnsafeBufferPointer<Double>) throws(NetCDFError) in
                    precondition(values.count == count.reduce(1, *), "a streamed piece must hold exactly its hyperslab")
                    try ncCheck(nc_put_vara_double(ncid, varid, start, count, values.baseAddress), "nc_put_vara_double(\(v.name))", path: path)
                }
                continue
            }
            let start = [Int](repeating: 0, count: max(1, v.dimensions.count))
            var count = v.dimensions.map { dimLengths[$0]! }
            if count.isEmpty { count = [1] }
            let status = v.type == .string ? putStrings(v.strings, ncid: ncid, varid: varid, start: start, count: count)
                : v.data.withUnsafeBufferPointer { buf in nc_put_vara_double(ncid, varid, start, count, buf.baseAddress) }
            try ncCheck(status, "nc_put_vara_double(\(v.name))", path: path)
        }

        open = false
        let status = nc_close(ncid)
        // A failed nc_close (a full disk while HDF5 flushes) leaves the file open inside HDF5; without nc_abort,
        // HDF5's exit handler flushes it again and crashes the process (seen as SIGSEGV after the error line).
        if status != NC_NOERR { _ = nc_abort(ncid) }
        try ncCheck(status, "nc_close", path: path)
        if !deflatedHere.isEmpty {
            try NetCDFChunkWriter.write(deflatedHere, lengths: dimLengths, level: ds.deflateLevel, tempPath: tempPath, reportedPath: path)
        }
    }

    /// Text values as the NUL-padded rows of an NC_CHAR array (`count.last` bytes each).
    private static func putStrings(_ strings: [String], ncid: Int32, varid: Int32, start: [Int], count: [Int]) -> Int32 {
        let width = count.last ?? 1
        var bytes = [CChar](repeating: 0, count: strings.count * width)
        for (i, s) in strings.enumerated() {
            for (j, b) in s.utf8.prefix(width).enumerated() { bytes[i * width + j] = CChar(bitPattern: b) }
        }
        return nc_put_vara_text(ncid, varid, start, count, bytes)
    }

    /// Chunk shape: the full variable, halving the slowest-varying dimensions
    /// until a chunk holds at most `targetChunkValues` values.
    static func chunkSizes(_ lengths: [Int]) -> [Int] {
        var chunks = lengths.map { max(1, $0) }
        var total = chunks.reduce(1, *)
        var i = 0
        while total > targetChunkValues && i < chunks.count {
            if chunks[i] > 1 {
                chunks[i] = (chunks[i] + 1) / 2
                total = chunks.reduce(1, *)
            } else {
                i += 1
            }
        }
        return chunks
    }

    private static func putAttributes(_ attributes: [(String, AttributeValue)], ncid: Int32, varid: Int32,
                                      owner: String, path: String) throws(NetCDFError) {
        for (name, value) in attributes {
            let status: Int32
            switch value {
            case .text(let s):
                var bytes = Array(s.utf8).map { CChar(bitPattern: $0) }
                let len = bytes.count
                if bytes.isEmpty { bytes = [0] }  // valid pointer for a zero-length attribute
                status = nc_put_att_text(ncid, varid, name, len, bytes)
            case .double(let d):
                var x = d
                status = nc_put_att_double(ncid, varid, name, NC_DOUBLE, 1, &x)
            case .doubles(let ds):
                let values = ds.isEmpty ? [0.0] : ds
                status = nc_put_att_double(ncid, varid, name, NC_DOUBLE, ds.count, values)
            case .int(let i):
                var x = i
                status = nc_put_att_int(ncid, varid, name, NC_INT, 1, &x)
            }
            try ncCheck(status, "nc_put_att(\(owner):\(name))", path: path)
        }
    }
}
