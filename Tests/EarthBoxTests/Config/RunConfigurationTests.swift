import Foundation
import Testing
@testable import EarthBox

/// `RunConfiguration.load` and `RunPlan` input errors: each names the file, the line and the key.
@Suite("Run configuration") struct RunConfigurationTests {
    /// Writes `text` to a fresh temporary file and returns its path.
    static func write(_ text: String, name: String = "run.nml") throws -> String {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Loads `text` as a namelist file and returns the error, with the path it was written to.
    static func loadError(_ text: String) throws -> (path: String, error: InputError?) {
        let path = try write(text)
        let error = TestSupport.inputError { () throws(InputError) in try RunConfiguration.load(path: path) }
        if let error { print("[config] \(error)") }
        return (path, error)
    }

    @Test func unknownKeySuggestsNearestName() throws {
        let (path, error) = try Self.loadError("""
            ! misspelt key
            &climate
              heat_uptake_efficacy = 1.2
              equilibrium_climate_sensitivty = 3.0
            /
            """)
        let e = try #require(error, "misspelt key accepted")
        #expect(e.file == path)
        #expect(e.line == 4)
        #expect(e.key == "equilibrium_climate_sensitivty")
        #expect(e.message.contains("did you mean 'equilibrium_climate_sensitivity'"), "\(e.message)")
    }

    @Test func unknownGroupSuggestsNearestName() throws {
        let (path, error) = try Self.loadError("""
            &run
              end_year = 2000
            /

            &climat
              equilibrium_climate_sensitivity = 3.0
            /
            """)
        let e = try #require(error, "unknown group accepted")
        #expect(e.file == path)
        #expect(e.line == 5)
        #expect(e.message.contains("&climat"), "\(e.message)")
        #expect(e.message.contains("did you mean '&climate'"), "\(e.message)")
    }

    @Test func wrongType() throws {
        let (path, error) = try Self.loadError("""
            &climate
              equilibrium_climate_sensitivity = 'three'
            /
            """)
        let e = try #require(error, "string accepted for a real")
        #expect(e.file == path)
        #expect(e.line == 2)
        #expect(e.key == "equilibrium_climate_sensitivity")
        #expect(e.message.contains("real"), "\(e.message)")
    }

    @Test func outOfRange() throws {
        let (path, error) = try Self.loadError("""
            &run
              scenario = 'ssp585'
            /
            &climate
              equilibrium_climate_sensitivity = 20
            /
            """)
        let e = try #require(error, "ECS = 20 accepted")
        #expect(e.file == path)
        #expect(e.line == 5)
        #expect(e.key == "equilibrium_climate_sensitivity")
        #expect(e.message.contains("range"), "\(e.message)")
        #expect(e.message.contains("10"), "the message should give the allowed range: \(e.message)")
    }

    @Test func endYearBeforeStartYear() throws {
        let (path, error) = try Self.loadError("""
            &run
              start_year = 2000
              end_year = 1900
            /
            """)
        let e = try #require(error, "end_year before start_year accepted")
        #expect(e.file == path)
        #expect(e.line == 3)
        #expect(e.key == "end_year")
        #expect(e.message.contains("1900") && e.message.contains("2000"), "\(e.message)")
    }

    @Test func bandsMustDivide180() throws {
        let (path, error) = try Self.loadError("""
            &run
              bands = 7
            /
            """)
        let e = try #require(error, "bands = 7 accepted")
        #expect(e.file == path)
        #expect(e.line == 2)
        #expect(e.key == "bands")
        #expect(e.message.contains("180"), "\(e.message)")
    }

    @Test func missingFile() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("does-not-exist.nml").path
        let e = try #require(TestSupport.inputError { () throws(InputError) in try RunConfiguration.load(path: path) })
        print("[config] \(e)")
        #expect(e.file == path)
        #expect(e.message.contains("No such file"), "\(e.message)")
    }

    @Test func nppFractionsOverOne() throws {
        let (path, error) = try Self.loadError("""
            &land
              npp_to_vegetation = 0.6
              npp_to_litter = 0.6
            /
            """)
        let e = try #require(error, "npp fractions summing to 1.2 accepted")
        #expect(e.file == path)
        #expect(e.line == 3)
        #expect(e.key == "npp_to_litter")
        #expect(e.message.contains("exceeds 1"), "\(e.message)")
    }

    /// Parses `resolvedNamelist` back and compares every group.
    static func roundTrip(_ c: RunConfiguration) throws {
        let namelist = try Namelist.parse(text: c.resolvedNamelist, file: "resolved.nml")
        let back = try RunConfiguration.from(namelist)
        #expect(back.run == c.run)
        #expect(back.model.climate == c.model.climate)
        #expect(back.model.ocean == c.model.ocean)
        #expect(back.model.oceanCarbon == c.model.oceanCarbon)
        #expect(back.model.land == c.model.land)
        #expect(back.model.gases == c.model.gases)
        #expect(back.model.forcingAgents == c.model.forcingAgents)
        #expect(back.model.variability == c.model.variability)
        #expect(back.model.co2Mode == c.model.co2Mode)
        #expect(back.model.otherGasMode == c.model.otherGasMode)
        #expect(back.model.zonal == c.model.zonal)
        #expect(back.teaching == c.teaching)
    }

    @Test func defaultsRoundTrip() throws {
        try Self.roundTrip(RunConfiguration())
    }

    @Test func changedValuesRoundTrip() throws {
        // A configuration as `from` would build it (model modes and bands follow &run), with awkward reals.
        let text = """
            &run
              experiment = 'esm-flat10-cdr', co2_mode = 'concentrations', bands = 18, end_year = 2300
              forcing_directory = '/tmp/some where/Forcing', run_name = 'test run'
            /
            &climate
              equilibrium_climate_sensitivity = 3.1234567890123456
            /
            &ocean
              layer_thickness = 60, 90, 150, 300, 600, 1000, 1500
            /
            &variability
              enabled = .true., seed = 12345, forcing_standard_deviation = 0.1
            /
            """
        let c = try RunConfiguration.from(try Namelist.parse(text: text, file: "changed.nml"))
        #expect(c.model.climate.equilibriumClimateSensitivity == 3.1234567890123456)
        #expect(c.run.bands == 18)
        try Self.roundTrip(c)
    }

    @Test func shippedNamelistsLoad() throws {
        let directory = TestSupport.namelistDirectory
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".nml") }.sorted()
        print("[config] shipped namelists in \(directory): \(files.isEmpty ? "none" : files.joined(separator: ", "))")
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            let error = TestSupport.inputError { () throws(InputError) in try RunConfiguration.load(path: path) }
            #expect(error == nil, "\(file): \(error.map(String.init(describing:)) ?? "")")
        }
    }

    // MARK: RunPlan inputs

    @Test func missingForcingDirectory() throws {
        let missing = try TestSupport.temporaryDirectory().appendingPathComponent("no-such-forcing").path
        var c = RunConfiguration()
        c.run.forcingDirectory = missing
        let e = try #require(TestSupport.inputError { () throws(InputError) in try RunPlan(c) }, "RunPlan accepted a missing forcing folder")
        print("[config] \(e)")
        // The namelist key that chose the folder, and the folder itself (issue 15: file, line and key).
        #expect(e.key == "forcing_directory" && e.message.contains(missing), "the error should name the key and the path: \(e)")
    }

    @Test func truncatedForcingFile() throws {
        let directory = try TestSupport.temporaryDirectory()
        let source = URL(fileURLWithPath: TestSupport.forcingDirectory)
        try FileManager.default.copyItem(at: source.appendingPathComponent("zonal-land-fraction-1deg.csv"),
                                         to: directory.appendingPathComponent("zonal-land-fraction-1deg.csv"))
        let text = try String(contentsOf: source.appendingPathComponent("ssp245.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Keep the first 300 lines whole, then half of line 301, with no newline after it.
        let cutLine = 301
        let partial = lines[cutLine - 1].prefix(lines[cutLine - 1].count / 2)
        let truncated = lines[0..<(cutLine - 1)].joined(separator: "\n") + "\n" + partial
        let path = directory.appendingPathComponent("ssp245.csv").path
        try truncated.write(toFile: path, atomically: true, encoding: .utf8)

        var c = RunConfiguration()
        c.run.forcingDirectory = directory.path
        c.run.endYear = 1800
        let e = try #require(TestSupport.inputError { () throws(InputError) in try RunPlan(c) }, "RunPlan accepted a truncated forcing file")
        print("[config] \(e)")
        #expect(e.file == path)
        #expect(e.line == cutLine)
        #expect(e.message.contains("truncated"), "\(e.message)")
    }

    @Test func validPlanFromTheRepositoryForcing() throws {
        let plan = try TestSupport.plan(TestSupport.configuration(endYear: 1760))
        #expect(plan.firstYear == 1750 && plan.lastYear == 1760)
        #expect(plan.simulation.drivers.firstYear == 1750 && plan.simulation.drivers.yearCount == 11)
    }
}
