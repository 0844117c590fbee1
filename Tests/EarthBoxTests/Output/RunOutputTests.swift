import Foundation
import Testing
@testable import EarthBox

/// The output of a run: CF NetCDF round trip, and the command line's behaviour on good and bad input.
@Suite("Run output and command line")
struct RunOutputTests {
    static let repository = TestSupport.repository

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
        for name in ["tas_anomaly", "time", "time_bnds", "year", "height", "co2", "fgco2", "nbp", "cVeg", "zostoga", "erf", "thetao_change", "emissions_co2_fossil"] {
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
        #expect(back.globalAttributes.contains { $0.0 == "history" })
    }

    @Test("the file's year is the model's year: a flux times its cell width and the ocean area is the global total")
    func calendarMatchesTheModelYear() throws {
        let plan = try TestSupport.plan(TestSupport.configuration(endYear: 1900))
        let dataset = RunDataset.make(record: plan.run(), plan: plan)
        #expect(dataset.variable("time")?.attribute("calendar") == .text("julian"))
        let bounds = try #require(dataset.variable("time_bnds")?.data)
        let flux = try #require(dataset.variable("fgco2")?.data), total = try #require(dataset.variable("fgco2_global")?.data)
        let oceanArea = plan.simulation.model.oceanArea.reduce(0, +)
        for t in [10, 100, 150] {
            let seconds = (bounds[2 * t + 1] - bounds[2 * t]) * 86_400
            let pgC = flux[t] * oceanArea * seconds / 1e12
            #expect(abs(pgC - total[t]) <= 1e-12 * abs(total[t]), "year \(t): \(pgC) vs \(total[t])")
        }
        // Cell bounds stay within a day of 1 January, so every mid-year time decodes to its own year.
        let time = try #require(dataset.variable("time")?.data)
        #expect(time.enumerated().allSatisfy { abs($1 - (Double($0) * 365.25 + 182.625)) < 1e-9 })
        // Global totals are area sums, global means area means; every anomaly says what it is relative to.
        #expect(dataset.variable("fgco2_global")?.attribute("cell_methods") == .text("time: mean area: sum"))
        #expect(dataset.variable("fgco2_global")?.attribute("units") == .text("Pg yr-1"))
        #expect(dataset.variable("tas_anomaly")?.attribute("standard_name") == .text("air_temperature_anomaly"))
        // CMIP's tas is absolute: the model's preindustrial global mean (Earth's is about 287 K) plus the anomaly.
        #expect(dataset.variable("tas")?.attribute("standard_name") == .text("air_temperature"))
        let tas = try #require(dataset.variable("tas")?.data), anomaly = try #require(dataset.variable("tas_anomaly")?.data)
        let base = plan.simulation.model.energyBalance.preindustrialGlobalMeanKelvin
        #expect((280.0...295.0).contains(base), "preindustrial global mean \(base) K")
        #expect(zip(tas, anomaly).allSatisfy { abs($0 - $1 - base) < 1e-9 })
        for v in dataset.variables where v.attribute("standard_name").map({ if case .text(let s) = $0 { s.hasSuffix("_anomaly") } else { false } }) ?? false {
            #expect(v.attribute("reference_period") != nil, "\(v.name) has no reference period")
        }
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
