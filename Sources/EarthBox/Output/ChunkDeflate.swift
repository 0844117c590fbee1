import CNetCDF
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// HDF5's shuffle + deflate filter pipeline (the one `nc_def_var_deflate(shuffle: 1)` asks for) applied to one
/// chunk of doubles here, so that the writer can store it with `H5Dwrite_chunk` and any netCDF-4 reader inflates it
/// as if HDF5 had compressed it.
///
/// Shuffling puts byte k of every value into plane k (Fletcher's "shuffle", HDF5 User Guide, filters). For model
/// output the sign/exponent planes compress well, while the low significand planes are noise: deflate gains nothing
/// on them and spends most of its time there. Planes whose byte entropy is near 8 bits are therefore stored (deflate
/// level 0 blocks) inside the same zlib stream, the others deflated at `level`: the same file size as deflating
/// every plane, in under half the time. The bytes depend only on the values, the level and the zlib version.
enum ChunkDeflate {
    /// A plane above this order-0 entropy (bits per byte) is stored: deflate at level 1 saves < 1 % on it.
    static let storedEntropyBits = 7.9

    /// `values` is the whole chunk (edge chunks padded by the caller); the result is the filtered chunk's bytes.
    static func compress(_ values: UnsafeBufferPointer<Double>, level: Int32) throws(NetCDFError) -> [UInt8] {
        let n = values.count
        var shuffled = [UInt8](repeating: 0, count: 8 * n)
        shuffled.withUnsafeMutableBufferPointer { planes in
            let raw = UnsafeRawBufferPointer(values)
            for i in 0..<n {
                for k in 0..<8 { planes[k * n + i] = raw[8 * i + k] }
            }
        }
        var stream = z_stream()
        guard eb_deflate_init(&stream, level) == Z_OK else { throw failure("deflateInit") }
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, uLong(8 * n))) + 64 * 8
        var output = [UInt8](repeating: 0, count: capacity)
        var written = 0
        var current = level
        try shuffled.withUnsafeMutableBufferPointer { (planes: inout UnsafeMutableBufferPointer<UInt8>) throws(NetCDFError) in
            try output.withUnsafeMutableBufferPointer { (out: inout UnsafeMutableBufferPointer<UInt8>) throws(NetCDFError) in
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(capacity)
                for k in 0..<8 {
                    let plane = UnsafeMutableBufferPointer(rebasing: planes[(k * n)..<((k + 1) * n)])
                    let wanted: Int32 = entropyBits(UnsafeBufferPointer(plane)) > storedEntropyBits ? 0 : level
                    if wanted != current {
                        guard deflateParams(&stream, wanted, Z_DEFAULT_STRATEGY) == Z_OK else { throw failure("deflateParams") }
                        current = wanted
                    }
                    stream.next_in = plane.baseAddress
                    stream.avail_in = uInt(n)
                    let flush = k == 7 ? Z_FINISH : Z_NO_FLUSH
                    let status = deflate(&stream, flush)
                    guard status == (k == 7 ? Z_STREAM_END : Z_OK), stream.avail_in == 0 else { throw failure("deflate") }
                }
                written = capacity - Int(stream.avail_out)
            }
        }
        output.removeLast(capacity - written)
        return output
    }

    /// Order-0 entropy of the bytes (Shannon 1948), bits per byte.
    static func entropyBits(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        guard !bytes.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for b in bytes { counts[Int(b)] += 1 }
        let total = Double(bytes.count)
        var bits = 0.0
        for c in counts where c > 0 {
            let p = Double(c) / total
            bits -= p * log2(p)
        }
        return bits
    }

    private static func failure(_ step: String) -> NetCDFError {
        NetCDFError(path: "", operation: step, message: "zlib could not compress a chunk")
    }
}
