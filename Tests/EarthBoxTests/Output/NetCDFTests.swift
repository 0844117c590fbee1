import Foundation
import Testing
@testable import EarthBox

@Suite("NetCDF output")
struct NetCDFTests {
    /// A CF-looking dataset: unlimited time, lat, a 2-D field time×lat with
    /// awkward values, and a large variable that gets compressed.
    static func cfDataset(seed: Double = 0) -> Dataset {
        let nt = 12, nlat = 5, nlon = 300
        let lat = (0..<nlat).map { -80.0 + 40.0 * Double($0) }
        let time = (0..<nt).map { 365.0 * Double($0) + 0.5 + seed }
        var tas = (0..<(nt * nlat)).map { 250.0 + 0.1 * Double($0) + seed + Double.pi * 1e-9 }
        tas[0] = -0.0
        tas[1] = .nan
        tas[2] = .infinity
        tas[3] = .leastNonzeroMagnitude
        tas[4] = .greatestFiniteMagnitude
        tas[5] = 1e20  // the fill value
        let big = (0..<(nt * nlon)).map { sin(Double($0) * 0.37) * 1000 + seed }
        let history = """
            Created by EarthBox test suite.
            Line two: ünïcödé ✓ and "quotes" and a tab\tinside.

            Line four after an empty line; path /tmp/x.nc
            """
        return Dataset(
            dimensions: [
                Dimension(name: "time", length: nt, isUnlimited: true),
                Dimension(name: "lat", length: nlat),
                Dimension(name: "lon", length: nlon),
                Dimension(name: "bnds", length: 2),
            ],
            variables: [
                Variable(name: "time", dimensions: ["time"], data: time, attributes: [
                    ("standard_name", .text("time")),
                    ("units", .text("days since 1750-01-01")),
                    ("calendar", .text("365_day")),
                    ("axis", .text("T")),
                ]),
                Variable(name: "lat", dimensions: ["lat"], data: lat, attributes: [
                    ("standard_name", .text("latitude")),
                    ("units", .text("degrees_north")),
                    ("valid_range", .doubles([-90, 90])),
                ]),
                Variable(name: "tas", dimensions: ["time", "lat"], data: tas, attributes: [
                    ("standard_name", .text("air_temperature")),
                    ("long_name", .text("Near-Surface Air Temperature")),
                    ("units", .text("K")),
                    ("_FillValue", .double(1e20)),
                    ("missing_value", .double(1e20)),
                    ("cell_methods", .text("time: mean")),
                    ("level", .int(2)),
                    ("scale", .double(1.0 / 3.0)),
                ]),
                Variable(name: "big_field", dimensions: ["time", "lon"], data: big, attributes: [
                    ("units", .text("1")),
                ]),
                Variable(name: "global_mean_co2", dimensions: [], data: [280.25 + seed], attributes: [
                    ("units", .text("ppm")),
                    ("comment", .text("")),
                    ("empty", .doubles([])),
                ]),
            ],
            globalAttributes: [
                ("Conventions", .text("CF-1.8")),
                ("title", .text("EarthBox round-trip test")),
                ("history", .text(history)),
                ("realization", .int(-7)),
                ("solar_constant", .double(1361.0)),
                ("weights", .doubles([0.1, 0.2, 0.7])),
            ]
        )
    }

    @Test func roundTripIsBitForBit() throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cf.nc").path
        let original = Self.cfDataset()

        try NetCDF.write(original, to: path)
        let back = try NetCDF.read(path: path)

        #expect(back.dimensions == original.dimensions)
        #expect(back.variables.map(\.name) == original.variables.map(\.name))
        for (a, b) in zip(back.variables, original.variables) {
            #expect(a == b, "variable \(b.name) differs")
        }
        #expect(attributesEqual(back.globalAttributes, original.globalAttributes))
        #expect(back == original)
        #expect(back.variable("tas")!.data[1].isNaN)
        #expect(back.variable("tas")!.data[0].sign == .minus)
        #expect(ProcessSupport.contents(of: folder) == ["cf.nc"])
    }

    @Test func overwritingReplacesTheFile() throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.nc").path
        try NetCDF.write(Self.cfDataset(seed: 1), to: path)
        try NetCDF.write(Self.cfDataset(seed: 2), to: path)
        #expect(try NetCDF.read(path: path) == Self.cfDataset(seed: 2))
        #expect(ProcessSupport.contents(of: folder) == ["out.nc"])
    }

    /// The temporary file goes next to the target: check the path splitting.
    @Test func pathSplitting() {
        #expect(FilePaths.split("a/b/c.nc") == ("a/b/", "c.nc"))
        #expect(FilePaths.split("c.nc") == ("", "c.nc"))
        #expect(FilePaths.split("/c.nc") == ("/", "c.nc"))
        #expect(FilePaths.split("dir/") == ("dir/", ""))
    }

    @Test func pathThatIsAFolderIsRejected() throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: NetCDFError.self) { try NetCDF.write(Self.cfDataset(), to: folder.path + "/") }
        #expect(ProcessSupport.contents(of: folder).isEmpty)
    }

    @Test(.enabled(if: ProcessSupport.isExecutable("/usr/bin/ncdump"), "ncdump is not installed"))
    func ncdumpReadsHeader() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cf.nc").path
        try NetCDF.write(Self.cfDataset(), to: path)

        let result = try await ProcessSupport.run("/usr/bin/ncdump", ["-h", "-s", path], timeout: .seconds(60))
        #expect(result.status == 0, "ncdump failed: \(result.stderr)")
        #expect(result.stdout.contains("time = UNLIMITED ; // (12 currently)"))
        #expect(result.stdout.contains("double tas(time, lat) ;"))
        #expect(result.stdout.contains("tas:units = \"K\" ;"))
        #expect(result.stdout.contains("time:units = \"days since 1750-01-01\" ;"))
        #expect(result.stdout.contains("time:calendar = \"365_day\" ;"))
        #expect(result.stdout.contains("tas:_FillValue = 1.e+20 ;"))
        #expect(result.stdout.contains(":_Format = \"netCDF-4\" ;"))
        #expect(result.stdout.contains("big_field:_DeflateLevel = 1 ;"))
        #expect(result.stdout.contains("big_field:_Shuffle = \"true\" ;"))
        #expect(result.stderr.isEmpty, "unexpected stderr: \(result.stderr)")
    }

    // MARK: Failures leave nothing behind

    static func broken(_ label: String) -> Dataset {
        var d = cfDataset()
        switch label {
        case "unknown dimension": d.variables[2].dimensions = ["time", "latitude"]
        case "wrong data count": d.variables[2].data.removeLast()
        case "bad variable name": d.variables[2].name = "tas/bad"
        case "bad dimension name": d.dimensions[1].name = " lat"
        case "duplicate attribute": d.variables[0].attributes.append(("units", .text("x")))
        case "text _FillValue": d.variables[2].attributes[3].1 = .text("none")
        case "empty fixed dimension": d.dimensions[3].length = 0
        case "duplicate variable": d.variables.append(d.variables[0])
        default: fatalError(label)
        }
        return d
    }

    @Test(arguments: ["unknown dimension", "wrong data count", "bad variable name", "bad dimension name",
                      "duplicate attribute", "text _FillValue", "empty fixed dimension", "duplicate variable"])
    func invalidDatasetIsRejectedBeforeWriting(_ label: String) throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.nc").path
        let dataset = Self.broken(label)
        let error = #expect(throws: NetCDFError.self, "\(label)") { try NetCDF.write(dataset, to: path) }
        #expect(error?.operation == "validate")
        #expect(error?.path == path)
        #expect(ProcessSupport.contents(of: folder).isEmpty, "\(label) left files behind")
    }

    @Test func missingFolderIsAnErrorNamingIt() throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("no-such-folder").path
        let path = missing + "/out.nc"
        let error = #expect(throws: NetCDFError.self) { try NetCDF.write(Self.cfDataset(), to: path) }
        #expect(error?.description.contains("no-such-folder") == true)
        #expect(ProcessSupport.contents(of: folder).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    /// A failure inside netCDF-C (after the temporary file exists) removes the
    /// temporary file and keeps the previous file at `path` intact.
    @Test func libraryFailureCleansUpAndKeepsOldFile() throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("keep.nc").path
        let good = Self.cfDataset(seed: 3)
        try NetCDF.write(good, to: path)

        var bad = Self.cfDataset()
        bad.globalAttributes.append(("_NCProperties", .text("reserved by netCDF-4")))
        let error = #expect(throws: NetCDFError.self) { try NetCDF.write(bad, to: path) }
        #expect(error?.status != nil, "expected a netCDF-C error, got \(String(describing: error))")
        #expect(error?.operation.contains("_NCProperties") == true)
        #expect(ProcessSupport.contents(of: folder) == ["keep.nc"])
        #expect(try NetCDF.read(path: path) == good)
    }

    @Test func readingMissingFileFails() throws {
        let error = #expect(throws: NetCDFError.self) {
            try NetCDF.read(path: "/nonexistent-earthbox/x.nc")
        }
        #expect(error?.operation == "nc_open")
        #expect(error?.status != nil)
        #expect(error?.message.isEmpty == false)
    }

    // MARK: Concurrency

    @Test func concurrentWritesAndReadsAllSucceed() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.path
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let path = "\(base)/run\(i).nc"
                    let dataset = Self.cfDataset(seed: Double(i))
                    try NetCDF.write(dataset, to: path)
                    return try NetCDF.read(path: path) == dataset
                }
            }
            var all: [Bool] = []
            for try await ok in group { all.append(ok) }
            return all
        }
        #expect(results == Array(repeating: true, count: 8))
        #expect(ProcessSupport.contents(of: folder) == (0..<8).map { "run\($0).nc" }.sorted())
    }

    @Test func concurrentWritesToTheSamePathLeaveOneCompleteFile() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("same.nc").path
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask { try NetCDF.write(Self.cfDataset(seed: Double(i)), to: path) }
            }
            try await group.waitForAll()
        }
        let back = try NetCDF.read(path: path)
        #expect((0..<8).contains { back == Self.cfDataset(seed: Double($0)) })
        #expect(ProcessSupport.contents(of: folder) == ["same.nc"])
    }

    /// Regression: with HDF5 file locking on, a child forked by another thread
    /// while a file is open shares HDF5's flock, and reading the just-written
    /// file fails with "NetCDF: HDF error". NetCDF turns locking off.
    @Test func readsAfterWritesSucceedWhileOtherThreadsSpawnProcesses() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.path
        let small = Dataset(
            dimensions: [Dimension(name: "x", length: 3)],
            variables: [Variable(name: "v", dimensions: ["x"], data: [1, 2, 3])])
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<3 {
                group.addTask {
                    for _ in 0..<40 { _ = try await ProcessSupport.run("/bin/sleep", ["0.05"], timeout: .seconds(10)) }
                    return []
                }
            }
            for t in 0..<2 {
                group.addTask {
                    var errors: [String] = []
                    for i in 0..<150 {
                        let path = "\(base)/f\(t)-\(i).nc"
                        do {
                            try NetCDF.write(small, to: path)
                            _ = try NetCDF.read(path: path)
                        } catch {
                            errors.append("\(error)")
                        }
                        try await Task.sleep(for: .milliseconds(1))
                    }
                    return errors
                }
            }
            var all: [String] = []
            for try await e in group { all += e }
            return all
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.first ?? "")")
    }

    // MARK: Names and chunking

    @Test func nameRules() {
        for good in ["tas", "_x", "1a", "a b", "a-b.c", "température", String(repeating: "a", count: 256)] {
            #expect(NetCDFValidation.isValidName(good), "\(good)")
        }
        for bad in ["", " a", "a ", "a/b", "a\nb", "-a", ".a", String(repeating: "a", count: 257)] {
            #expect(!NetCDFValidation.isValidName(bad), "\(bad)")
        }
    }

    @Test func chunkSizesStayBounded() {
        #expect(NetCDF.chunkSizes([12, 300]) == [12, 300])
        #expect(NetCDF.chunkSizes([0, 5]) == [1, 5])
        let c = NetCDF.chunkSizes([1000, 180, 360])
        #expect(c.reduce(1, *) <= NetCDF.targetChunkValues)
        #expect(c[1...] == [180, 360])
    }

    @Test func libraryVersionIsReported() {
        #expect(NetCDF.libraryVersion.hasPrefix("4."))
    }
}
