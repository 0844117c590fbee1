import Foundation
import Testing
@testable import EarthBox

/// `--set group.key=value` in-process: parsing, applying to a namelist, errors told as the --set argument, the record.
@Suite("Command-line overrides") struct NamelistOverrideTests {
    static let file = """
        ! a test namelist
        &run
          end_year = 1900
          forcing_directory = 'Forcing'
        /
        &climate
          equilibrium_climate_sensitivity = 3.5
        /
        """

    static func configuration(_ arguments: [String], text: String = file) throws(InputError) -> RunConfiguration {
        let overrides = try arguments.map { argument throws(InputError) in try NamelistOverride(argument) }
        do {
            var c = try RunConfiguration.from(try Namelist.parse(text: text, file: "base.nml").applying(overrides))
            c.overrides = overrides
            return c
        } catch { throw error.locating(overrides) }
    }

    static func error(_ arguments: [String], text: String = file) -> InputError? {
        TestSupport.inputError { () throws(InputError) in _ = try configuration(arguments, text: text) }
    }

    @Test func valuesAreNamelistSyntaxOrOneString() throws {
        let cases: [(String, String, String, [NamelistValue])] = [
            ("climate.equilibrium_climate_sensitivity=4.5", "climate", "equilibrium_climate_sensitivity", [.real(4.5)]),
            ("CLIMATE.Equilibrium_Climate_Sensitivity = 4", "climate", "equilibrium_climate_sensitivity", [.integer(4)]),
            ("run.scenario=ssp126", "run", "scenario", [.string("ssp126")]),
            ("run.scenario='ssp126'", "run", "scenario", [.string("ssp126")]),
            ("ocean.layer_thickness=60, 90, 150", "ocean", "layer_thickness", [.integer(60), .integer(90), .integer(150)]),
            ("variability.enabled=.true.", "variability", "enabled", [.logical(true)]),
            ("run.output_directory=Runs/test", "run", "output_directory", [.string("Runs/test")]),
            ("priors.climate.equilibrium_climate_sensitivity='uniform', 2, 5", "priors", "climate.equilibrium_climate_sensitivity",
             [.string("uniform"), .integer(2), .integer(5)]),
        ]
        for (argument, group, key, values) in cases {
            let o = try NamelistOverride(argument)
            #expect(o.group == group && o.key == key, "\(argument)")
            #expect(o.values == values, "\(argument): \(o.values)")
            #expect(o.origin == "--set \(argument)")
        }
    }

    @Test func malformedArgumentsSayWhatIsExpected() {
        for argument in ["climate", "equilibrium_climate_sensitivity=3", "climate.=3", ".x=3", "climate.x="] {
            let error = TestSupport.inputError { () throws(InputError) in _ = try NamelistOverride(argument) }
            #expect(error?.file == "--set \(argument)", "\(argument): \(String(describing: error))")
            #expect(error?.message.contains("group.key=value") == true, "\(argument): \(error?.message ?? "")")
        }
    }

    @Test func overridesReplaceAddAndTheLastWins() throws {
        let c = try Self.configuration(["climate.equilibrium_climate_sensitivity=4.5", "climate.heat_uptake_efficacy=1.1",
                                        "zonal.insolation=exact", "run.end_year=1950", "run.end_year=1960"])
        #expect(c.model.climate.equilibriumClimateSensitivity == 4.5)
        #expect(c.model.climate.heatUptakeEfficacy == 1.1)
        #expect(c.model.zonal.insolation == .exact)
        #expect(c.run.endYear == 1960)
        #expect(c.run.forcingDirectory == "Forcing", "a key the overrides do not name keeps the file's value")
        let unchanged = try Self.configuration([])
        #expect(unchanged.model.climate.equilibriumClimateSensitivity == 3.5 && unchanged.overrides.isEmpty)
    }

    /// A bad override: one error naming the --set argument and the key, with the same message as in a file.
    @Test func aBadOverrideNamesTheArgumentAndKey() throws {
        #expect(Self.error(["climate.equilibrium_climate_sensitivity=20"]) == InputError(
            file: "--set climate.equilibrium_climate_sensitivity=20", key: "equilibrium_climate_sensitivity",
            message: "value 20.0 is outside the allowed range [0.5, 10.0] (unit: K)"))
        let unknown = Self.error(["climate.equilibrium_climate_sensitivty=3"])
        #expect(unknown?.file == "--set climate.equilibrium_climate_sensitivty=3" && unknown?.line == nil)
        #expect(unknown?.message.hasSuffix("did you mean 'equilibrium_climate_sensitivity'?") == true, "\(unknown?.message ?? "")")
        let group = Self.error(["climat.equilibrium_climate_sensitivity=3"])
        #expect(group?.file == "--set climat.equilibrium_climate_sensitivity=3" && group?.message.contains("did you mean '&climate'?") == true,
                "\(String(describing: group))")
        let choice = Self.error(["run.grid_spacing=equal_areas"])
        #expect(choice?.message.contains("did you mean 'equal_area'?") == true && choice?.key == "grid_spacing")
        let type = Self.error(["variability.enabled=yes"])
        #expect(type?.message == "expected a logical (.true. or .false.), got the string 'yes'")
        // A check over several keys points at the override that broke it; a file error still names the file and line.
        let order = Self.error(["run.end_year=1700"])
        #expect(order?.file == "--set run.end_year=1700" && order?.key == "end_year", "\(String(describing: order))")
        let inFile = Self.error(["run.end_year=1950"], text: Self.file.replacingOccurrences(of: "= 3.5", with: "= 30"))
        #expect(inFile?.file == "base.nml" && inFile?.line == 7, "\(String(describing: inFile))")
    }

    /// The output's namelist record: the overrides as comments, then the resolved namelist; it reads back the same.
    @Test func theRecordCarriesTheOverridesAndReadsBack() throws {
        let c = try Self.configuration(["climate.equilibrium_climate_sensitivity=4.5", "run.scenario=ssp126"])
        #expect(c.namelistRecord.hasPrefix("! --set climate.equilibrium_climate_sensitivity=4.5\n! --set run.scenario=ssp126\n&run\n"))
        let back = try RunConfiguration.from(Namelist.parse(text: c.namelistRecord, file: "record"))
        #expect(back.model.climate == c.model.climate && back.run == c.run)
        let plain = try Self.configuration([])
        #expect(plain.namelistRecord == plain.resolvedNamelist, "without overrides the record is the resolved namelist, as before")
    }

    /// Ensembles: an override may change &ensemble itself (or a prior); it changes the journal's fingerprint.
    @Test func ensembleOverridesReachEveryGroupAndTheFingerprint() throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("e.nml").path
        try """
            &run start_year = 1750, end_year = 2030, forcing_directory = '\(TestSupport.forcingDirectory)' /
            &ensemble members = 4, constrain = .false. /
            &priors climate.equilibrium_climate_sensitivity = 'uniform', 2.0, 5.0 /
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let plain = try EnsembleConfiguration.load(path: path)
        let changed = try EnsembleConfiguration.load(path: path, overrides: [
            NamelistOverride("ensemble.members=6"), NamelistOverride("priors.climate.equilibrium_climate_sensitivity='uniform', 2.5, 4.0"),
            NamelistOverride("forcing.aerosol_cloud_scale=1.2")])
        #expect(plain.settings.members == 4 && changed.settings.members == 6)
        #expect(changed.samples.count == 6 && changed.samples.allSatisfy { (2.5...4.0).contains($0[0]) })
        #expect(changed.base.model.forcingAgents.aerosolCloudScale == 1.2)
        #expect(changed.fingerprint != plain.fingerprint)
        #expect(changed.namelistText.hasSuffix("! --set forcing.aerosol_cloud_scale=1.2\n"))
        let error = TestSupport.inputError { () throws(InputError) in
            _ = try EnsembleConfiguration.load(path: path, overrides: [try NamelistOverride("ensemble.members=0")])
        }
        #expect(error?.file == "--set ensemble.members=0" && error?.key == "members", "\(String(describing: error))")
    }

    /// A lab's table is named after its namelist file (a changed copy does not overwrite the default's), or run_name.
    @Test func labOutputsAreNamedAfterTheirNamelist() throws {
        var c = RunConfiguration()
        c.run.experiment = .snowballHysteresis
        c.source = "Namelists/teaching/snowball-hysteresis.nml"
        #expect(c.outputName == "snowball-hysteresis")
        c.source = "/home/student/my-snowball.nml"
        #expect(c.outputName == "my-snowball")
        c.run.runName = "colder-sun"
        #expect(c.outputName == "colder-sun")
        c.run.runName = ""
        c.run.experiment = .scenario
        #expect(c.outputName == "esm-ssp245", "a run keeps its CMIP-style name")
        // The shipped labs keep the names they always had.
        for experiment in Experiment.allCases where experiment.isTeachingLab {
            let path = TestSupport.namelistDirectory + "/teaching/\(experiment.rawValue).nml"
            #expect(try RunConfiguration.load(path: path).outputName == experiment.rawValue)
        }
    }
}
