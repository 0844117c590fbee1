import Foundation

/// Helpers shared by the NetCDF and MPI tests.
enum ProcessSupport {
    /// A fresh, empty folder under the system temporary directory.
    static func makeTempFolder(_ label: String = #function) throws -> URL {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("earthbox-\(safe)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func contents(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    static func isExecutable(_ path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }

    /// First executable called `name` in PATH or the usual system folders.
    static func findTool(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return dirs.map { "\($0)/\(name)" }.first(where: isExecutable)
    }

    /// A product built next to the test bundle (e.g. `mpi-smoke`).
    static func builtProduct(_ name: String) -> String? {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug"))
        candidates.append(root.appendingPathComponent(".build/release"))
        return candidates.map { $0.appendingPathComponent(name).path }.first(where: isExecutable)
    }

    /// glibc ≥ 2.34 has posix_spawn_file_actions_addclosefrom_np, but Swift's
    /// Glibc module does not expose it (it needs _GNU_SOURCE): look it up.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = {
        guard let sym = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(sym, to: AddCloseFrom.self)
    }()

    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let addCloseFrom {
            _ = addCloseFrom(&actions, 3)
            return
        }
        // Fallback: close what is open now (a descriptor opened meanwhile may leak).
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in fds.compactMap(Int32.init) where fd > 2 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String; var timedOut: Bool }

    /// Runs a program with output captured in files and a time limit.
    ///
    /// Uses posix_spawn + polling waitpid(pid, WNOHANG) instead of Foundation's
    /// Process: after an Open MPI singleton MPI_Init in this process, Open MPI
    /// owns SIGCHLD and Process.waitUntilExit() can hang forever.
    /// `dropEnvironmentPrefixes` removes inherited variables (e.g. OMPI_*,
    /// PMIX_*); `setEnvironment` adds or replaces some.
    static func run(_ executable: String, _ arguments: [String],
                    dropEnvironmentPrefixes: [String] = [],
                    setEnvironment: [String: String] = [:],
                    timeout: Duration = .seconds(120)) async throws -> Result {
        let folder = try makeTempFolder("run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("stdout").path
        let errPath = folder.appendingPathComponent("stderr").path

        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !dropEnvironmentPrefixes.contains { key.hasPrefix($0) }
        }
        environment.merge(setEnvironment) { _, new in new }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Do not leak this process's descriptors into the child. HDF5 opens
        // files without O_CLOEXEC and flock()s them; a child inheriting such a
        // descriptor keeps the lock after nc_close and later nc_open calls on
        // that file fail with "NetCDF: HDF error" (seen in concurrent tests).
        closeInheritedDescriptors(&actions)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard rc == 0 else {
            throw NSError(domain: "posix_spawn", code: Int(rc),
                          userInfo: [NSLocalizedDescriptionKey: "cannot start \(executable): \(String(cString: strerror(rc)))"])
        }

        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var timedOut = false
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR {  // someone else reaped it: should not happen
                status = -1
                break
            }
            if clock.now > deadline && !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        // WIFEXITED / WEXITSTATUS are macros; decode by hand.
        let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: status == -1 ? -1 : exitStatus,
                      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                      timedOut: timedOut)
    }
}
