#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Small POSIX helpers for the atomic write (no Foundation needed).
enum FilePaths {
    /// Splits "a/b/c.nc" into ("a/b/", "c.nc"); "c.nc" into ("", "c.nc").
    static func split(_ path: String) -> (prefix: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func remove(_ path: String) {
        _ = unlink(path)
    }

    /// Atomic rename; returns the errno text on failure.
    static func rename(_ from: String, to: String) -> String? {
        #if canImport(Glibc)
        let rc = Glibc.rename(from, to)
        #elseif canImport(Musl)
        let rc = Musl.rename(from, to)
        #else
        let rc = Darwin.rename(from, to)
        #endif
        return rc == 0 ? nil : String(cString: strerror(errno))
    }

    static var processID: Int32 { getpid() }

    /// Bytes available to an unprivileged user in the file system holding `path`, nil if unknown.
    static func freeBytes(_ path: String) -> UInt64? {
        var fs = statvfs()
        guard statvfs(path, &fs) == 0 else { return nil }
        return UInt64(fs.f_bavail) &* UInt64(fs.f_frsize)
    }
}
