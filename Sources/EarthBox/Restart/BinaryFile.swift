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
    public mutating func append(_ x: Int) { append(UInt64(bitPattern: Int64(x))) }
    public mutating func append(_ x: Double) { append(x.bitPattern) }
    public mutating func append(_ xs: [Double]) { append(xs.count); for x in xs { append(x.bitPattern) } }
    public mutating func append(_ s: String) { let u = Array(s.utf8); append(u.count); bytes += u }
}

public struct BinaryReader {
    let bytes: [UInt8]
    var offset = 0
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func uint64() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        var x: UInt64 = 0
        for k in 0..<8 { x |= UInt64(bytes[offset + k]) << (8 * k) }
        offset += 8
        return x
    }
    public mutating func int() -> Int? { uint64().map { Int(Int64(bitPattern: $0)) } }
    public mutating func double() -> Double? { uint64().map(Double.init(bitPattern:)) }
    public mutating func doubles() -> [Double]? {
        guard let n = int(), n >= 0, offset + 8 * n <= bytes.count else { return nil }
        var xs = [Double](); xs.reserveCapacity(n)
        for _ in 0..<n { xs.append(Double(bitPattern: uint64()!)) }
        return xs
    }
    public mutating func string() -> String? {
        guard let n = int(), n >= 0, offset + n <= bytes.count else { return nil }
        defer { offset += n }
        return String(decoding: bytes[offset..<offset + n], as: UTF8.self)
    }
}

public enum BinaryFile {
    /// Writes `bytes` to a temporary name in the same folder and renames it onto `path`; returns an error text on failure.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) -> String? {
        let (prefix, base) = FilePaths.split(path)
        let temp = "\(prefix).\(base).tmp-\(FilePaths.processID)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return "cannot create \(temp): \(String(cString: strerror(errno)))" }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n <= 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return true
        }
        close(fd)
        guard ok else { FilePaths.remove(temp); return "cannot write \(temp)" }
        if let reason = FilePaths.rename(temp, to: path) { FilePaths.remove(temp); return "cannot rename to \(path): \(reason)" }
        return nil
    }

    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return bytes }
            bytes += chunk[0..<n]
        }
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
