#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a whole file, or an `InputError` saying why it cannot be read.
///
/// Uses the C library rather than Foundation so that the reason is the
/// system's own (`No such file or directory`, `Permission denied`,
/// `Is a directory`) and no bridging cost is paid for large files.
func readWholeFile(path: String) throws(InputError) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
        throw InputError(file: path, message: "cannot open the file: \(systemErrorText(errno))")
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    let chunkSize = 1 << 16
    var chunk = [UInt8](repeating: 0, count: chunkSize)
    while true {
        let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, chunkSize, file) }
        if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
        if count < chunkSize { break }
    }
    // fread returns short both at the end of the file and on an error (for a
    // folder, EISDIR on Linux); only ferror tells them apart.
    if ferror(file) != 0 {
        throw InputError(file: path, message: "cannot read the file: \(systemErrorText(errno))")
    }
    return bytes
}

private func systemErrorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}
