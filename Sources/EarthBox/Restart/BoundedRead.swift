#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole input files with a size limit, so that no input (a damaged file, a FIFO, `/dev/zero`) can make a
/// run read without end or allocate without bound. Every size computation is checked arithmetic, not `&+`: the
/// EarthBox target is compiled with -Ounchecked, which removes Swift's implicit overflow traps.
public enum BoundedRead {
    /// Limits per kind of input, bytes. Each is far above any real file (the RCMIP-derived forcing files are
    /// ~0.5 MB, a 10,000-year 180-band checkpoint ~150 MB) and small enough to fit in memory.
    public static let namelistLimit = 4 << 20
    public static let forcingTableLimit = 64 << 20
    public static let iamcTableLimit = 512 << 20
    public static let observationLimit = 16 << 20
    public static let checkpointLimit = 1 << 30
    public static let journalTaskLimit = 256 << 20

    /// The bytes of `path`, at most `limit`; `regularOnly` refuses devices, FIFOs and sockets (binary restart data
    /// only ever lives in regular files). `what` names the kind of file in messages ("forcing file").
    public static func bytes(path: String, limit: Int, what: String, regularOnly: Bool = false) throws(InputError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(file: path, message: "cannot open the \(what): \(systemErrorText(errno))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputError(file: path, message: "cannot read the \(what): \(systemErrorText(errno))") }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { throw InputError(file: path, message: "cannot read the \(what): it is a folder, not a file") }
        let isRegular = type == S_IFREG
        if regularOnly && !isRegular { throw InputError(file: path, message: "the \(what) is not a regular file (a device, FIFO or socket)") }
        if isRegular && Int(st.st_size) > limit {
            throw InputError(file: path, message: "the \(what) is \(st.st_size) bytes, more than the limit of \(limit) bytes for a \(what)")
        }
        var bytes: [UInt8] = []
        if isRegular { bytes.reserveCapacity(Int(st.st_size)) }
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, chunkSize) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, message: "cannot read the \(what): \(systemErrorText(errno))")
            }
            if n == 0 { return bytes }
            let (total, overflow) = bytes.count.addingReportingOverflow(n)
            guard !overflow, total <= limit else {
                throw InputError(file: path, message: "the \(what) is longer than the limit of \(limit) bytes for a \(what) (an endless stream such as /dev/zero?)")
            }
            bytes += chunk[0..<n]
        }
    }

    /// Valid UTF-8 text of `path` (a namelist, a CSV table), or an error naming the line of the first invalid byte.
    public static func text(path: String, limit: Int, what: String) throws(InputError) -> String {
        let data = try bytes(path: path, limit: limit, what: what)
        if let text = String(validating: data, as: UTF8.self) { return text }
        throw InputError(file: path, line: firstInvalidUTF8Line(data), message: "the \(what) is not valid UTF-8 text")
    }

    /// The 1-based line holding the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8Line(_ data: [UInt8]) -> Int {
        var line = 1, start = 0
        for (i, b) in data.enumerated() where b == UInt8(ascii: "\n") {
            if String(validating: data[start..<i], as: UTF8.self) == nil { return line }
            line += 1; start = i + 1
        }
        return line
    }
}

func systemErrorText(_ code: Int32) -> String {
    if code == ENOSPC { return "disk full (no space left on device)" }
    if code == EDQUOT { return "disk quota exceeded" }
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}
