#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Little-endian binary encoding of restart data (doubles by bit pattern, so a round trip is exact) and
/// atomic whole-file writes: a file is complete under its final name or absent, even after kill -9.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public mutating func append(_ x: UInt64) { for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: x >> (8 * k))) } }
    public mutating func append(_ x: UInt32) { for k in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: x >> (8 * k))) } }
    public mutating func append(_ x: Int) { append(UInt64(bitPattern: Int64(x))) }
    public mutating func append(_ x: Double) { append(x.bitPattern) }
    public mutating func append(_ xs: [Double]) { append(xs.count); for x in xs { append(x.bitPattern) } }
    public mutating func append(_ s: String) { let u = Array(s.utf8); append(u.count); bytes += u }
    /// Ends the data with its CRC-32C, which `BinaryReader.verifiedPayload` checks.
    public mutating func appendChecksum() { append(CRC32C.checksum(bytes)) }
}

/// Reads what `BinaryWriter` wrote. Every length read from the data is checked against the bytes that are left
/// with overflow-reporting arithmetic (a damaged length field must give nil, never a wrapped bound or a huge
/// allocation — the EarthBox target is compiled with -Ounchecked, which removes the implicit overflow traps).
public struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }

    /// The bytes before a trailing CRC-32C if it matches, nil for a file too short or damaged.
    public static func verifiedPayload(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 4 else { return nil }
        let payload = bytes[..<(bytes.count - 4)]
        var stored: UInt32 = 0
        for k in 0..<4 { stored |= UInt32(bytes[bytes.count - 4 + k]) << (8 * k) }
        return CRC32C.checksum(payload) == stored ? Array(payload) : nil
    }

    public mutating func uint64() -> UInt64? {
        guard remaining >= 8 else { return nil }
        var x: UInt64 = 0
        for k in 0..<8 { x |= UInt64(bytes[offset + k]) << (8 * k) }
        offset += 8
        return x
    }
    public mutating func int() -> Int? { uint64().map { Int(Int64(bitPattern: $0)) } }
    public mutating func double() -> Double? { uint64().map(Double.init(bitPattern:)) }
    /// A count read from the data, nil unless 0 ≤ n and `n × elementSize` bytes are left.
    mutating func count(elementSize: Int) -> Int? {
        guard let n = int(), n >= 0 else { return nil }
        let (size, overflow) = n.multipliedReportingOverflow(by: elementSize)
        guard !overflow, size <= remaining else { return nil }
        return n
    }
    public mutating func doubles() -> [Double]? {
        guard let n = count(elementSize: 8) else { return nil }
        var xs = [Double](); xs.reserveCapacity(n)
        for _ in 0..<n { guard let x = double() else { return nil }; xs.append(x) }
        return xs
    }
    public mutating func string() -> String? {
        guard let n = count(elementSize: 1) else { return nil }
        defer { offset += n }
        return String(validating: bytes[offset..<offset + n], as: UTF8.self)
    }
}

public enum BinaryFile {
    /// Writes `bytes` to a temporary name in the same folder and renames it onto `path`; returns an error text on
    /// failure ("disk full" for ENOSPC), after which neither the temporary file nor a partial `path` exists.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) -> String? {
        let temp = TemporaryFiles.name(for: path)
        return TemporaryFiles.whileWriting(temp) { () -> String? in
            let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return "cannot create \(temp): \(systemErrorText(errno))" }
            TemporaryFiles.holdForTest()
            var failure: Int32 = 0
            bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { failure = n < 0 ? errno : ENOSPC; return }
                    written += n
                }
            }
            // Some file systems (NFS) report a full disk only at close. No fsync: atomicity against a killed
            // process needs none (the page cache survives it), and one per journal task would slow ensembles.
            if close(fd) != 0 && failure == 0 { failure = errno }
            guard failure == 0 else { FilePaths.remove(temp); return "cannot write \(path): \(systemErrorText(failure))" }
            if let reason = FilePaths.rename(temp, to: path) { FilePaths.remove(temp); return "cannot write \(path): rename failed: \(reason)" }
            return nil
        }
    }

    /// The bytes of a regular file of at most `limit` bytes, or an `InputError` naming the file and the reason.
    public static func read(_ path: String, limit: Int, what: String) throws(InputError) -> [UInt8] {
        try BoundedRead.bytes(path: path, limit: limit, what: what, regularOnly: true)
    }

    /// Names in `directory` (nil if it cannot be read).
    public static func list(_ directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public static func makeDirectory(_ path: String) -> Bool {
        if FilePaths.isDirectory(path) { return true }
        return mkdir(path, 0o755) == 0 || FilePaths.isDirectory(path)
    }
}
