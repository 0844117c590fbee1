import Foundation
import Testing
@testable import EarthBox

/// Issue 15 end to end, through the `earthbox` executable: a full disk, damaged restart and journal files, a 1e30
/// forcing cell, `../` in run_name, an unwritable output folder with --checkpoint-years, termination signals,
/// compare on a short run. Each failure is one line on stderr, exit 1, and nothing is written.
@Suite("Faults through the CLI", .serialized) struct FaultToleranceCLITests {
    static let repository = EnsembleRunTests.repository
    static var earthbox: String { EnsembleRunTests.earthbox }
    static var forcing: String { repository.appendingPathComponent("Forcing").path }

    static func earthbox(_ arguments: [String], environment: [String: String] = [:]) async throws -> ProcessSupport.Result {
        try #require(ProcessSupport.isExecutable(earthbox), "build the package first (swift build --build-tests)")
        return try await ProcessSupport.run(earthbox, arguments, dropEnvironmentPrefixes: EnsembleRunTests.mpiEnvironmentPrefixes,
                                            setEnvironment: environment, timeout: .seconds(300))
    }

    static func namelist(in folder: URL, _ body: String, name: String = "run.nml") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try body.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func runGroup(output: String, end: Int = 1900, extra: String = "", forcing: String = forcing) -> String {
        "&run\n  start_year = 1750\n  end_year = \(end)\n  forcing_directory = '\(forcing)'\n  output_directory = '\(output)'\n\(extra)/\n"
    }

    /// One line on stderr naming a file, exit status 1.
    static func expectOneLineError(_ r: ProcessSupport.Result, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 1, "exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(text), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(": error: "), "\(r.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: 1. Full disk

    /// A tmpfs of 2 MB, filled to within 150 kB: the NetCDF write (~300 kB) and a restart file fail with
    /// "disk full", exit 1 (before: SIGSEGV in HDF5's exit handler, exit 139), and nothing is left behind.
    @Test func fullDiskIsAClearErrorNotACrash() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try await ProcessSupport.run("/bin/mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.path])
        guard mount.status == 0 else {
            print("[full disk] skipped: cannot mount a tmpfs here (\(mount.stderr.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = Task { _ = try? await ProcessSupport.run("/bin/umount", [disk.path]) } }
        let filler = disk.appendingPathComponent("filler").path
        #expect(FileManager.default.createFile(atPath: filler, contents: Data(count: 1_900 * 1024)))
        let nml = try Self.namelist(in: folder, Self.runGroup(output: disk.path, end: 2100))
        for _ in 0..<3 {
            let r = try await Self.earthbox(["run", nml, "--quiet"])
            Self.expectOneLineError(r, containing: "disk full")
            #expect(ProcessSupport.contents(of: disk) == ["filler"])
        }
        // A restart file on the full disk: exit 1, no partial restart file.
        let big = try Self.namelist(in: folder, Self.runGroup(output: folder.path, end: 2100, extra: "  bands = 90\n"), name: "big.nml")
        let r = try await Self.earthbox(["run", big, "--quiet", "--checkpoint-years", "2000", "--checkpoint-directory", disk.path])
        #expect(r.status == 1 && r.stderr.contains("disk full"), "\(r.status) \(r.stderr)")
        #expect(ProcessSupport.contents(of: disk) == ["filler"])
        _ = try await ProcessSupport.run("/bin/umount", [disk.path])
    }

    // MARK: 2 and 4. Damaged checkpoints

    @Test func damagedCheckpointsAreRefused() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        let nml = try Self.namelist(in: folder, Self.runGroup(output: folder.path, end: 1950))
        let first = try await Self.earthbox(["run", nml, "--quiet", "--checkpoint-years", "1900"])
        #expect(first.status == 0, "\(first.stderr)")
        let restart = folder.appendingPathComponent("esm-ssp245-1900.restart")
        let good = [UInt8](try Data(contentsOf: restart))
        // A flipped bit in the first length field (bit 61: 8 n wraps around) and one in the state.
        for (byte, bit) in [(31, 5), (200, 2), (good.count - 1, 0)] {
            var bad = good
            bad[byte] ^= UInt8(1 << bit)
            let path = folder.appendingPathComponent("bad.restart")
            try Data(bad).write(to: path)
            let r = try await Self.earthbox(["run", nml, "--quiet", "--restart", path.path, "--output", folder.appendingPathComponent("r.nc").path])
            Self.expectOneLineError(r, containing: "damaged")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.nc").path))
        }
        for stream in ["/dev/zero", folder.path] {
            let r = try await Self.earthbox(["run", nml, "--quiet", "--restart", stream, "--output", folder.appendingPathComponent("r.nc").path])
            Self.expectOneLineError(r, containing: stream)
        }
        // The good file still restarts exactly (ERS): same bytes as the uninterrupted run's output.
        let whole = try await Self.earthbox(["run", nml, "--quiet", "--output", folder.appendingPathComponent("whole.nc").path])
        let resumed = try await Self.earthbox(["run", nml, "--quiet", "--restart", restart.path, "--output", folder.appendingPathComponent("resumed.nc").path])
        #expect(whole.status == 0 && resumed.status == 0)
        let a = try NetCDF.read(path: folder.appendingPathComponent("whole.nc").path)
        let b = try NetCDF.read(path: folder.appendingPathComponent("resumed.nc").path)
        #expect(a.variables.map(\.data) == b.variables.map(\.data))
    }

    // MARK: 4. Damaged and swapped journal task files

    @Test func damagedAndSwappedJournalTasksAreRecomputed() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        let journal = folder.appendingPathComponent("journal").path
        let nml = try EnsembleRunTests.write(EnsembleRunTests.smallEnsemble(output: folder, journal: journal), to: folder)
        let reference = folder.appendingPathComponent("reference.nc").path
        let first = try await Self.earthbox(["ensemble", nml, "--quiet", "--output", reference])
        #expect(first.status == 0, "\(first.stderr)")
        let fm = FileManager.default
        let task = { (t: Int) in "\(journal)/task-\(t).bin" }
        try fm.moveItem(atPath: task(0), toPath: journal + "/swap")
        try fm.moveItem(atPath: task(1), toPath: task(0))
        try fm.moveItem(atPath: journal + "/swap", toPath: task(1))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: task(3))))
        bytes[bytes.count / 2] ^= 0x08
        try Data(bytes).write(to: URL(fileURLWithPath: task(3)))
        let resumedPath = folder.appendingPathComponent("resumed.nc").path
        let resumed = try await Self.earthbox(["ensemble", nml, "--quiet", "--resume", "--output", resumedPath])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let warnings = resumed.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == 3, "\(resumed.stderr)")
        #expect(EnsembleRunTests.bytes(resumedPath) == EnsembleRunTests.bytes(reference), "the recomputed tasks give the same file")
    }

    // MARK: 3. Non-finite input

    @Test func oneImplausibleForcingCellStopsTheRunBeforeAnythingIsWritten() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        let forcing = try HostileInputTests.forcing(column: "erf_volcanic", value: "1e30")
        let nml = try Self.namelist(in: folder, Self.runGroup(output: folder.path, end: 2000, forcing: forcing))
        let r = try await Self.earthbox(["run", nml, "--quiet", "--checkpoint-years", "1950"])
        Self.expectOneLineError(r, containing: "'erf_volcanic': year 1900")
        #expect(r.stderr.hasPrefix(forcing + "/ssp245.csv:"), "names the file and line: \(r.stderr)")
        #expect(ProcessSupport.contents(of: folder) == ["run.nml"])
    }

    // MARK: 5 and 6. Names and output paths

    @Test func runNameCannotLeaveTheOutputFolder() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        let inner = folder.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        let nml = try Self.namelist(in: folder, Self.runGroup(output: inner.path, extra: "  run_name = '../../escaped'\n"))
        let r = try await Self.earthbox(["run", nml, "--quiet"])
        Self.expectOneLineError(r, containing: "'run_name'")
        #expect(r.stderr.hasPrefix(nml + ":6:"), "\(r.stderr)")
        #expect(ProcessSupport.contents(of: folder) == ["a", "run.nml"])
        let long = try Self.namelist(in: folder, Self.runGroup(output: folder.path, extra: "  run_name = '\(String(repeating: "x", count: 300))'\n"), name: "long.nml")
        Self.expectOneLineError(try await Self.earthbox(["run", long, "--quiet"]), containing: "255 bytes")
    }

    /// The output folder is a path through a regular file: refused before any work, and no restart file is
    /// written (before: the 1900 restart file was written and the NetCDF write failed after the whole run).
    @Test func unwritableOutputFolderIsFoundBeforeAnyRestartFile() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        let file = folder.appendingPathComponent("file.txt")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8)))
        let restarts = folder.appendingPathComponent("restarts")
        try FileManager.default.createDirectory(at: restarts, withIntermediateDirectories: true)
        for output in [file.path + "/out", folder.appendingPathComponent("missing").path] {
            let nml = try Self.namelist(in: folder, Self.runGroup(output: output, end: 2000))
            let r = try await Self.earthbox(["run", nml, "--checkpoint-years", "1900", "--checkpoint-directory", restarts.path])
            Self.expectOneLineError(r, containing: "'output_directory'")
            #expect(r.stdout.isEmpty, "nothing was computed: \(r.stdout)")
            #expect(ProcessSupport.contents(of: restarts).isEmpty, "no restart file")
        }
        let diagnose = try await Self.earthbox(["diagnose", "--output", folder.appendingPathComponent("nodir/x.csv").path])
        Self.expectOneLineError(diagnose, containing: "does not exist")
        #expect(diagnose.stdout.isEmpty)
        let ensembleNml = try EnsembleRunTests.write(EnsembleRunTests.smallEnsemble(output: file.appendingPathComponent("out"),
                                                                                     journal: folder.appendingPathComponent("journal").path), to: folder)
        let ensemble = try await Self.earthbox(["ensemble", ensembleNml, "--quiet"])
        Self.expectOneLineError(ensemble, containing: "not a folder")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("journal").path), "no journal before the output is known to be writable")
    }

    // MARK: 8. Signals

    /// SIGTERM, SIGINT and SIGHUP while the output's temporary file is on disk: the temporary file is removed and
    /// the process ends with 128 + signal (143, 130, 129). After kill -9 the next run in the folder removes it.
    @Test func signalsRemoveTheTemporaryFile() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        let nml = try Self.namelist(in: folder, Self.runGroup(output: folder.path, end: 1800))
        for (signal, status) in [(SIGTERM, 143), (SIGINT, 130), (SIGHUP, 129), (SIGKILL, 137)] {
            async let run = Self.earthbox(["run", nml, "--quiet"], environment: ["EARTHBOX_TEST_HOLD_TEMPORARY": "30"])
            var pid: Int32?
            for _ in 0..<600 where pid == nil {
                try await Task.sleep(for: .milliseconds(50))
                pid = ProcessSupport.contents(of: folder).compactMap(TemporaryFiles.ownerProcess(ofTemporaryName:)).first
            }
            let owner = try #require(pid, "the temporary file appeared")
            kill(owner, signal)
            let r = try await run
            #expect(Int(r.status) == status, "signal \(signal): exit \(r.status)")
            if signal == SIGKILL {
                #expect(ProcessSupport.contents(of: folder).contains { $0.contains(".tmp-") }, "kill -9 cannot clean up")
                let next = try await Self.earthbox(["run", nml, "--quiet"])
                #expect(next.status == 0)
                #expect(ProcessSupport.contents(of: folder) == ["esm-ssp245.nc", "run.nml"], "the next run removed the stale file")
            } else {
                #expect(ProcessSupport.contents(of: folder) == ["run.nml"], "signal \(signal)")
            }
        }
    }

    // MARK: 7. compare

    @Test func compareHandlesARunEndingBeforeThePlottedYears() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        let nml = try Self.namelist(in: folder, Self.runGroup(output: folder.path, end: 1900))
        #expect(try await Self.earthbox(["run", nml, "--quiet"]).status == 0)
        let out = folder.appendingPathComponent("compare").path
        let r = try await Self.earthbox(["compare", folder.appendingPathComponent("esm-ssp245.nc").path, "--output-dir", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("\"") || !r.stdout.contains(".gp\" line"), "no raw gnuplot output")
        #expect(FileManager.default.fileExists(atPath: out + "/report.html"))
        let bad = try await Self.earthbox(["compare", nml, "--output-dir", folder.appendingPathComponent("c2").path])
        #expect(bad.status == 1 && bad.stderr.split(separator: "\n").count == 1, "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c2").path))
    }
}
