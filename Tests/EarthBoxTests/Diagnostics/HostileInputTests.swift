import Foundation
import Testing
@testable import EarthBox

/// Issue 15, in process: checksums, overflow-safe and size-limited readers, the finite-state guard, plausibility
/// ranges, plain file names, output-path checks, the base-climate check and stale temporary files.
@Suite struct HostileInputTests {
    // MARK: Checksums and binary readers

    @Test func crc32cHasTheStandardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)   // RFC 3720 check value
        #expect(CRC32C.checksum([UInt8]()) == 0)
    }

    /// A length field whose 8·n wraps around (the release build once grew past 5 GB on it) is refused.
    @Test func overflowingLengthFieldIsRefused() {
        var w = BinaryWriter()
        w.append(UInt64(0x2000_0000_0000_0058))   // 8 × n overflows Int
        w.append(1.0)
        var r = BinaryReader(w.bytes)
        #expect(r.doubles() == nil)
        var s = BinaryReader(w.bytes)
        #expect(s.string() == nil)
        var negative = BinaryWriter(); negative.append(-1)
        var t = BinaryReader(negative.bytes)
        #expect(t.doubles() == nil)
    }

    static let seeds = FuzzHarness.binarySeeds()

    @Test func everyFlippedBitOfACheckpointIsRefused() {
        let good = Self.seeds["checkpoint"]!
        let layout = FuzzHarness.checkpointLayout
        #expect((try? Checkpoint.decodeChecked(good, layout: layout)) != nil)
        var refused = 0
        for byte in stride(from: 0, to: good.count, by: 7) {
            var bad = good
            bad[byte] ^= UInt8(1 << (byte % 8))
            do { _ = try Checkpoint.decodeChecked(bad, layout: layout) } catch { refused += 1 }
        }
        #expect(refused == (good.count + 6) / 7, "every flipped bit must be refused")
        #expect(throws: Checkpoint.DecodeProblem.damaged) { try Checkpoint.decodeChecked(Array(good.dropLast(9)), layout: layout) }
        var older = good; older[7] = 0x32   // "EBCKPT02"
        #expect(throws: Checkpoint.DecodeProblem.olderFormat) { try Checkpoint.decodeChecked(older, layout: layout) }
        #expect(throws: Checkpoint.DecodeProblem.otherLayout) {
            try Checkpoint.decodeChecked(good, layout: StateLayout(shape: ModelShape(bandCount: 3, layerCount: 3, halogenCount: layout.halogenCount),
                                                                   components: EarthSystemModel.components))
        }
    }

    @Test func journalTaskFilesCarryTheirIdentity() throws {
        let f = FuzzHarness.journalFingerprint, n = FuzzHarness.journalResults, t = FuzzHarness.journalTask
        let good = Self.seeds["journal"]!
        #expect((try? EnsembleJournal.decode(good, task: t, resultCount: n, fingerprint: f).get()) != nil)
        var flipped = good; flipped[40] ^= 0x10
        #expect(throws: EnsembleJournal.DecodeProblem.damaged) { try EnsembleJournal.decode(flipped, task: t, resultCount: n, fingerprint: f).get() }
        #expect(throws: EnsembleJournal.DecodeProblem.otherTask) { try EnsembleJournal.decode(good, task: t + 1, resultCount: n, fingerprint: f).get() }
        #expect(throws: EnsembleJournal.DecodeProblem.otherEnsemble) { try EnsembleJournal.decode(good, task: t, resultCount: n, fingerprint: f + 1).get() }
        #expect(throws: EnsembleJournal.DecodeProblem.wrongCount) { try EnsembleJournal.decode(good, task: t, resultCount: n + 1, fingerprint: f).get() }
    }

    /// A damaged and a swapped pair of task files are reported and left out of the finished tasks (recomputed).
    @Test func journalOpenRecomputesDamagedAndSwappedTasks() throws {
        let folder = try TestSupport.temporaryDirectory().path
        let journal = EnsembleJournal(directory: folder + "/journal", fingerprint: 99)
        #expect(try journal.open(resume: false, taskCount: 6, resultCount: { _ in 5 }).isEmpty)
        for task in 0..<6 { #expect(journal.record(task: task, result: (0..<5).map { Double(task * 10 + $0) }[...]) == nil) }
        let fm = FileManager.default
        try fm.moveItem(atPath: journal.taskPath(0), toPath: folder + "/swap")
        try fm.moveItem(atPath: journal.taskPath(1), toPath: journal.taskPath(0))
        try fm.moveItem(atPath: folder + "/swap", toPath: journal.taskPath(1))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: journal.taskPath(4))))
        bytes[30] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: journal.taskPath(4)))
        var reports: [String] = []
        let finished = try journal.open(resume: true, taskCount: 6, resultCount: { _ in 5 }, report: { reports.append($0) })
        #expect(finished == [2, 3, 5])
        #expect(reports.count == 3)
        #expect(reports.contains { $0.contains("task-4.bin") && $0.contains("damaged") })
        #expect(reports.filter { $0.contains("another task") }.count == 2)
        #expect(try journal.load(task: 3, resultCount: 5) == [30, 31, 32, 33, 34])
    }

    @Test func endlessAndSpecialFilesAreRefused() throws {
        let zero = TestSupport.inputError { () throws(InputError) in try BoundedRead.bytes(path: "/dev/zero", limit: 1 << 20, what: "forcing file") }
        #expect(zero?.message.contains("longer than the limit") == true, "\(String(describing: zero))")
        let device = TestSupport.inputError { () throws(InputError) in try BinaryFile.read("/dev/zero", limit: 1 << 20, what: "checkpoint file") }
        #expect(device?.message.contains("not a regular file") == true)
        let folder = TestSupport.inputError { () throws(InputError) in try BoundedRead.bytes(path: "/tmp", limit: 10, what: "namelist file") }
        #expect(folder?.message.contains("folder") == true)
        let dir = try TestSupport.temporaryDirectory()
        let big = dir.appendingPathComponent("big.csv")
        try Data(count: 2048).write(to: big)
        let tooBig = TestSupport.inputError { () throws(InputError) in try BoundedRead.bytes(path: big.path, limit: 1024, what: "forcing file") }
        #expect(tooBig?.message.contains("2048 bytes, more than the limit of 1024") == true)
    }

    @Test func namelistMustBeValidUTF8() throws {
        let dir = try TestSupport.temporaryDirectory()
        let url = dir.appendingPathComponent("bad.nml")
        try Data("&run\n  run_name = 'a".utf8 + [0xFF, 0xFE] + Array("'\n/\n".utf8)).write(to: url)
        let e = TestSupport.inputError { () throws(InputError) in try Namelist.load(path: url.path) }
        #expect(e?.line == 2)
        #expect(e?.message.contains("not valid UTF-8") == true)
    }

    // MARK: Plausibility, names, output paths

    /// A forcing folder whose ssp245.csv has `value` in `column` for 1900.
    static func forcing(column: String, value: String) throws -> String {
        let dir = try TestSupport.temporaryDirectory()
        let text = try String(contentsOfFile: TestSupport.forcingDirectory + "/ssp245.csv", encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let header = lines.first { $0.hasPrefix("year,") }!.components(separatedBy: ",")
        let c = header.firstIndex(of: column)!
        let row = lines.firstIndex { $0.hasPrefix("1900,") }!
        var fields = lines[row].components(separatedBy: ",")
        fields[c] = value
        lines[row] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: dir.path + "/ssp245.csv", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: TestSupport.forcingDirectory + "/zonal-land-fraction-1deg.csv", toPath: dir.path + "/zonal-land-fraction-1deg.csv")
        return dir.path
    }

    @Test(arguments: [("erf_volcanic", "1e30"), ("erf_volcanic", "-1e6"), ("co2_concentration", "-5"), ("co2_fossil", "1e300")])
    func implausibleForcingIsRefusedWithLineAndColumn(column: String, value: String) throws {
        let dir = try Self.forcing(column: column, value: value)
        let e = try #require(TestSupport.inputError { () throws(InputError) in try ScenarioDrivers.load(directory: dir, scenario: "ssp245") })
        #expect(e.key == column)
        #expect(e.line != nil)
        #expect(e.message.contains("year 1900") && e.message.contains("plausible range"), "\(e)")
    }

    /// 1e300 in a pathway file (once: NaN output, exit 0) is refused with the line and the year's column.
    @Test func implausiblePathwayValueIsRefused() throws {
        let text = "Model,Scenario,Region,Variable,Unit,2020,2021\nEarthBox,t,World,Emissions|CO2|Fossil and Industrial|Baseline,Mt CO2/yr,36000,36000\n"
            + "EarthBox,t,World,Emissions|CO2|Fossil and Industrial,Mt CO2/yr,36000,1e300\n"
        let table = try IAMCTable.parse(text, path: "p.csv")
        let e = TestSupport.inputError { () throws(InputError) in
            try RegionalComposition.compose(base: FuzzHarness.base, pathway: table, baseScenario: "ssp245")
        }
        print("[pathway] \(String(describing: e))")
        #expect(e?.line == 3 && e?.column == 7 && e?.message.contains("plausible range") == true, "\(String(describing: e))")
    }

    @Test func shippedForcingFilesAreInsideThePlausibilityRanges() throws {
        for scenario in RunSettings.scenarios {
            #expect(TestSupport.inputError { () throws(InputError) in try ScenarioDrivers.load(directory: TestSupport.forcingDirectory, scenario: scenario) } == nil)
        }
    }

    @Test func namesArePlainFileNames() {
        #expect(PlainFileName.problem("esm-ssp245", suffixBytes: PlainFileName.runNameSuffixBytes) == nil)
        #expect(PlainFileName.problem("Ŝčénario-ü") == nil)
        #expect(PlainFileName.problem("../../x")?.contains("'/'") == true)
        #expect(PlainFileName.problem("a\u{0}b")?.contains("NUL") == true)
        #expect(PlainFileName.problem("..") != nil)
        #expect(PlainFileName.problem(String(repeating: "x", count: 243), suffixBytes: PlainFileName.runNameSuffixBytes) != nil)
        #expect(PlainFileName.problem(String(repeating: "x", count: 242), suffixBytes: PlainFileName.runNameSuffixBytes) == nil)
        let c = TestSupport.inputError { () throws(InputError) in
            try RunConfiguration.from(try Namelist.parse(text: "&run\n run_name = '../../x'\n/\n", file: "t.nml"))
        }
        #expect(c?.key == "run_name" && c?.line == 2)
    }

    @Test func outputPathsAreCheckedBeforeWork() throws {
        let dir = try TestSupport.temporaryDirectory().path
        #expect(OutputPath.problem(dir + "/x.nc") == nil)
        #expect(OutputPath.problem(dir + "/missing/x.nc")?.contains("does not exist") == true)
        _ = FileManager.default.createFile(atPath: dir + "/file", contents: Data())
        #expect(OutputPath.problem(dir + "/file/x.nc")?.contains("not a folder") == true)
        #expect(OutputPath.problem(dir + "/" + String(repeating: "n", count: 256))?.contains("bytes") == true)
        #expect(OutputPath.problem(dir + "/" + String(repeating: "n", count: 255)) == nil, "a 255-byte name has a valid temporary name")
        #expect(ProcessSupport.contents(of: URL(fileURLWithPath: dir)) == ["file"], "the probe leaves nothing behind")
    }

    @Test func staleTemporaryFilesOfDeadProcessesAreRemoved() throws {
        #expect(TemporaryFiles.ownerProcess(ofTemporaryName: ".run.nc.tmp-1234-5") == 1234)
        #expect(TemporaryFiles.ownerProcess(ofTemporaryName: ".run.nc.tmp-1234") == 1234)
        #expect(TemporaryFiles.ownerProcess(ofTemporaryName: "run.nc") == nil)
        #expect(TemporaryFiles.ownerProcess(ofTemporaryName: ".run.nc.tmp-x1") == nil)
        // A process that has certainly ended: a child, reaped.
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { free(argv[0]) }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, argv, nil) == 0)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        let dir = try TestSupport.temporaryDirectory().path
        let stale = dir + "/.run.nc.tmp-\(pid)-1", live = dir + "/.other.nc.tmp-\(getppid())-1"
        for path in [stale, live] { FileManager.default.createFile(atPath: path, contents: Data("partial".utf8)) }
        TemporaryFiles.removeStale(inFolderOf: dir + "/run.nc")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: live), "a running process's temporary file is kept")
    }

    // MARK: State guard and base climate

    /// A 1e30 volcanic cell put into the drivers behind the readers' back: the guard names 1900 and a quantity.
    @Test func stateGuardStopsAtTheFirstNonFiniteYear() throws {
        let plan = try TestSupport.plan(TestSupport.configuration(endYear: 1950))
        #expect(StateGuard.firstFault(in: plan.run()) == nil)
        var drivers = plan.simulation.drivers
        drivers[1900, DriverColumns.volcanicForcing(halogens: HalogenatedGasTable.all.count)] = -1e30
        let record = Simulation(model: plan.simulation.model, drivers: drivers).run(through: 1950)
        let fault = try #require(StateGuard.firstFault(in: record))
        #expect(fault.year == 1900)
        let text = StateFault(year: fault.year, quantity: fault.quantity, value: fault.value,
                              likelyInput: StateGuard.likelyInput(fault.quantity, year: fault.year, run: plan.configuration.run), namelist: "x.nml").description
        #expect(text.contains("1900") && text.contains(fault.quantity.name) && text.contains("ssp245.csv"), "\(text)")
        // Negative pools are impossible values too.
        var negative = RunRecord(firstYear: 2000, layerCount: 1, bandCount: 1, capacity: 1)
        var row = [Double](repeating: 1, count: Diagnostic.count)
        row[Diagnostic.soilCarbon.rawValue] = -3
        negative.append(diagnostics: row, layers: [0], zonal: [Double](repeating: 0, count: ZonalDiagnostic.count))
        #expect(StateGuard.firstFault(in: negative)?.quantity == .soilCarbon)
    }

    @Test func implausibleBaseClimatesAreRefusedUnlessALabAllowsThem() throws {
        for (key, value) in [("solar_constant", "900.0"), ("longwave_slope", "0.5")] {
            let text = "&run\n bands = 18\n forcing_directory = '\(TestSupport.forcingDirectory)'\n/\n&zonal\n \(key) = \(value)\n/\n"
            let c = try RunConfiguration.from(try Namelist.parse(text: text, file: "t.nml"))
            let e = TestSupport.inputError { () throws(InputError) in try RunPlan(c) }
            #expect(e?.message.contains("preindustrial global mean") == true, "\(String(describing: e))")
            let lab = try RunConfiguration.from(try Namelist.parse(text: text + "&teaching allow_implausible_climate = .true. /\n", file: "t.nml"))
            #expect(TestSupport.inputError { () throws(InputError) in try RunPlan(lab) } == nil)
        }
        let model = try TestSupport.model(TestSupport.configuration { $0.run.bands = 18 })
        #expect(BaseClimateCheck.plausibleGlobalMeanCelsius.contains(BaseClimateCheck.globalMeanCelsius(model)))
    }

    @Test func albedoMustBeAReflectanceEverywhere() {
        let e = TestSupport.inputError { () throws(InputError) in
            try RunConfiguration.from(try Namelist.parse(text: "&zonal\n albedo_global = 0.9\n albedo_p2 = 0.3\n/\n", file: "t.nml"))
        }
        #expect(e?.key == "albedo_p2" && e?.message.contains("[0, 1]") == true)
    }
}
