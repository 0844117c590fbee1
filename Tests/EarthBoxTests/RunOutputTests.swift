import Foundation
import Testing
@testable import EarthBox

/// The output of a run: CF NetCDF round trip, and the command line's behaviour on good and bad input.
@Suite("Run output and command line")
struct RunOutputTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("earthbox-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a run's dataset round-trips through NetCDF bit for bit")
    func netCDFRoundTrip() throws {
        var configuration = TestSupport.configuration(endYear: 1900)
        configuration.source = "test.nml"
        let plan = try TestSupport.plan(configuration)
        let record = plan.run()
        let dataset = RunDataset.make(record: record, plan: plan)
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("run.nc").path
        try NetCDF.write(dataset, to: path)
        let back = try NetCDF.read(path: path)
        #expect(back.dimension("time")?.length == 151)
        for name in ["tas", "co2", "fgco2", "nbp", "cVeg", "zostoga", "erf", "thetao_change", "emissions_co2_fossil"] {
            let written = try #require(dataset.variables.first { $0.name == name })
            let read = try #require(back.variables.first { $0.name == name }, "variable \(name) missing after reading back")
            #expect(read == written, "variable \(name) differs after the round trip")
        }
        // Provenance: the resolved namelist parses back to the same configuration.
        guard case .text(let namelistText)? = back.globalAttributes.first(where: { $0.0 == "namelist" })?.1 else {
            Issue.record("no namelist attribute"); return
        }
        let reparsed = try RunConfiguration.from(Namelist.parse(text: namelistText, file: "attribute"))
        #expect(reparsed.model.climate == configuration.model.climate)
        #expect(reparsed.model.land == configuration.model.land)
        #expect(back.globalAttributes.contains { $0.0 == "Conventions" && $0.1 == .text("CF-1.8") })
    }

    /// Writes `namelist` as `<name>.nml` in `folder` and runs the built `earthbox run` on it.
    func runEarthbox(namelist: String, named name: String, in folder: URL) async throws -> ProcessSupport.Result {
        let executable = Self.repository.appendingPathComponent(".build/debug/earthbox").path
        try #require(ProcessSupport.isExecutable(executable), "build the package first (swift build --build-tests)")
        let file = folder.appendingPathComponent(name + ".nml")
        try namelist.write(to: file, atomically: true, encoding: .utf8)
        return try await ProcessSupport.run(executable, ["run", file.path])
    }

    @Test("earthbox run writes one NetCDF file and prints the summary")
    func commandLineRun() async throws {
        let folder = try temporaryFolder()
        let result = try await runEarthbox(namelist: """
        &run
          end_year = 2030
          forcing_directory = '\(Self.repository.appendingPathComponent("Forcing").path)'
          output_directory = '\(folder.path)'
          run_name = 'short'
        /
        """, named: "short", in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("warming 2030"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["short.nc", "short.nml"], "unexpected files: \(files)")
    }

    @Test("a bad namelist: one error naming file, line and key, exit 1, nothing written")
    func commandLineRejectsBadInput() async throws {
        let folder = try temporaryFolder()
        let result = try await runEarthbox(namelist: """
        &run
          output_directory = '\(folder.path)'
        /
        &climate
          equilibrium_climate_sensitivty = 3.0
        /
        """, named: "bad", in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.nml:5"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("did you mean 'equilibrium_climate_sensitivity'"))
        #expect(result.stderr.split(separator: "\n").count == 1, "more than one error line: \(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files == ["bad.nml"], "something was written: \(files)")
    }
}
