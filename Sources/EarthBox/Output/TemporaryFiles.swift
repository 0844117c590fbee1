import CEarthBoxSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary names of outputs being written: `.<name>.tmp-<pid>` or `.<name>.tmp-<pid>-<n>` in the output's folder.
///
/// SIGINT, SIGTERM and SIGHUP remove the ones in use (`installSignalHandlers`); a process killed with SIGKILL
/// cannot, so the first write into a folder removes the temporary files there whose process is gone.
public enum TemporaryFiles {
    /// Call once at program start: termination signals then remove the temporary files before the process ends.
    public static func installSignalHandlers() { eb_install_termination_handlers() }

    private static let counter = Atomic<UInt64>(0)

    /// The temporary name for `path` in the same folder (a rename within one file system is atomic). The name is
    /// shortened to 200 bytes before the suffix so that a 255-byte output name still has a valid temporary name;
    /// the serial keeps two temporary files of one process apart.
    static func name(for path: String, serial: UInt64? = nil) -> String {
        let (prefix, base) = FilePaths.split(path)
        var short = ""
        for c in base {
            if short.utf8.count + c.utf8.count > 200 { break }
            short.append(c)
        }
        let n = serial ?? counter.wrappingAdd(1, ordering: .relaxed).newValue
        return "\(prefix).\(short).tmp-\(FilePaths.processID)-\(n)"
    }

    /// Runs `body` with `temp` registered for removal on a termination signal.
    static func whileWriting<R, E: Error>(_ temp: String, _ body: () throws(E) -> R) throws(E) -> R {
        removeStale(inFolderOf: temp)
        let slot = eb_temp_remember(temp)
        defer { eb_temp_forget(slot) }
        return try body()
    }

    /// Test hook: with EARTHBOX_TEST_HOLD_TEMPORARY=<seconds> a writer waits that long once its temporary file
    /// exists, so the signal tests can hit the moment a partial file is on disk.
    static let testHoldSeconds: Double = getenv("EARTHBOX_TEST_HOLD_TEMPORARY").flatMap { Double(String(cString: $0)) } ?? 0

    static func holdForTest() {
        guard testHoldSeconds > 0 else { return }
        var t = timespec(tv_sec: Int(testHoldSeconds), tv_nsec: Int((testHoldSeconds - testHoldSeconds.rounded(.down)) * 1e9))
        var left = timespec()
        while nanosleep(&t, &left) != 0 && errno == EINTR { t = left }
    }

    private static let cleanedFolders = Mutex<Set<String>>([])

    /// Removes `.*.tmp-<pid>[-<n>]` files of processes that no longer exist, once per folder and process.
    static func removeStale(inFolderOf path: String) {
        let folder = FilePaths.split(path).prefix
        let first = cleanedFolders.withLock { $0.insert(folder).inserted }
        guard first else { return }
        for name in BinaryFile.list(folder.isEmpty ? "." : folder) ?? [] {
            guard let pid = ownerProcess(ofTemporaryName: name), pid != FilePaths.processID, !isAlive(pid) else { continue }
            FilePaths.remove(folder + name)
        }
    }

    /// The process ID in a temporary name written by `name(for:serial:)`, nil for any other name.
    static func ownerProcess(ofTemporaryName name: String) -> Int32? {
        guard name.hasPrefix("."), let marker = name.ranges(of: ".tmp-").last else { return nil }
        let tail = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(tail.count), tail.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let pid = Int32(tail[0]), pid > 0 else { return nil }
        return pid
    }

    static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno != ESRCH }
}
