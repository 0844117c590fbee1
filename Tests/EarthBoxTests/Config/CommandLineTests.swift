import Foundation
import Testing
@testable import EarthBox

/// `--set`, `earthbox list`, lab output names and subcommand suggestions through the built binary.
@Suite("Command line: --set, list, suggestions") struct CommandLineTests {
    static func earthbox(_ arguments: [String]) async throws -> ProcessSupport.Result {
        let executable = try #require(ProcessSupport.builtProduct("earthbox"), "build the package first (swift build --build-tests)")
        return try await ProcessSupport.run(executable, arguments, dropEnvironmentPrefixes: ["OMPI_", "PMIX_"])
    }

    static func namelist(in folder: URL, name: String = "short.nml", extra: String = "") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try """
            ! a short test run
            &run
              end_year = 1800
              forcing_directory = '\(TestSupport.forcingDirectory)'
              output_directory = '\(folder.path)'
              run_name = 'short'
            /
            \(extra)
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func setChangesTheRunAndIsRecordedInTheOutput() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.namelist(in: folder)
        let result = try await Self.earthbox(["run", file, "--quiet", "--set", "climate.equilibrium_climate_sensitivity=4.5",
                                              "--set", "run.scenario=ssp126", "--set", "run.run_name=changed"])
        #expect(result.status == 0, "\(result.stderr)")
        let dataset = try NetCDF.read(path: folder.appendingPathComponent("changed.nc").path)
        guard case .text(let record)? = dataset.globalAttributes.first(where: { $0.0 == "namelist" })?.1 else {
            Issue.record("no namelist attribute"); return
        }
        #expect(record.hasPrefix("! --set climate.equilibrium_climate_sensitivity=4.5\n! --set run.scenario=ssp126\n"))
        let back = try RunConfiguration.from(Namelist.parse(text: record, file: "record"))
        #expect(back.model.climate.equilibriumClimateSensitivity == 4.5 && back.run.scenario == "ssp126" && back.run.endYear == 1800)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("short.nc").path))
    }

    /// Bad --set on each command: exit 1, one line naming the --set argument and the key, nothing written.
    @Test(arguments: ["run", "diagnose", "ensemble"]) func aBadSetStopsBeforeAnyWork(command: String) async throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.namelist(in: folder, extra: command == "ensemble" ? "&ensemble members = 2, constrain = .false. /" : "")
        var arguments = [command, file, "--set", "climate.equilibrium_climate_sensitivity=20"]
        if command == "diagnose" { arguments += ["--output", folder.appendingPathComponent("d.csv").path] }
        let result = try await Self.earthbox(arguments)
        #expect(result.status == 1)
        #expect(result.stderr == "--set climate.equilibrium_climate_sensitivity=20: error: 'equilibrium_climate_sensitivity': "
                + "value 20.0 is outside the allowed range [0.5, 10.0] (unit: K)\n", "\(result.stderr)")
        #expect(ProcessSupport.contents(of: folder) == ["short.nml"], "\(ProcessSupport.contents(of: folder))")
        let malformed = try await Self.earthbox([command, file, "--set", "climate"])
        #expect(malformed.status == 1 && malformed.stderr.hasPrefix("--set climate: error: missing '='"), "\(malformed.stderr)")
    }

    /// A changed copy of a lab namelist writes its own table; the default's is left alone.
    @Test func aLabCopyWritesItsOwnTable() async throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lab = """
            ! teaching lab copy
            &run
              experiment = 'snowball-hysteresis'
              bands = 18
              forcing_directory = '\(TestSupport.forcingDirectory)'
              output_directory = '\(folder.path)'
            /
            &teaching solar_step = 100.0 /
            """
        try lab.write(to: folder.appendingPathComponent("snowball-hysteresis.nml"), atomically: true, encoding: .utf8)
        try lab.replacingOccurrences(of: "solar_step = 100.0", with: "solar_step = 50.0")
            .write(to: folder.appendingPathComponent("my-snowball.nml"), atomically: true, encoding: .utf8)
        for name in ["snowball-hysteresis", "my-snowball"] {
            let result = try await Self.earthbox(["run", folder.appendingPathComponent(name + ".nml").path, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let tables = ProcessSupport.contents(of: folder).filter { $0.hasSuffix(".csv") }.sorted()
        #expect(tables == ["my-snowball.csv", "snowball-hysteresis.csv"], "\(tables)")
        let a = try String(contentsOf: folder.appendingPathComponent("my-snowball.csv"), encoding: .utf8)
        let b = try String(contentsOf: folder.appendingPathComponent("snowball-hysteresis.csv"), encoding: .utf8)
        #expect(a.split(separator: "\n").count > b.split(separator: "\n").count, "the copy's finer sweep has more rows")
        // --set reaches a lab too.
        let coarse = folder.appendingPathComponent("coarse.csv").path
        let set = try await Self.earthbox(["run", folder.appendingPathComponent("snowball-hysteresis.nml").path, "--quiet",
                                           "--set", "teaching.solar_step=200", "--output", coarse])
        #expect(set.status == 0, "\(set.stderr)")
        let c = try String(contentsOfFile: coarse, encoding: .utf8)
        #expect(c.split(separator: "\n").count < b.split(separator: "\n").count, "a coarser sweep has fewer rows")
    }

    @Test func listShowsScenariosExperimentsAndNamelists() async throws {
        let result = try await Self.earthbox(["list", "--namelists", TestSupport.namelistDirectory])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ssp534-over") && result.stdout.contains("esm-flat10-cdr") && result.stdout.contains("feedback-switches"))
        #expect(result.stdout.contains("default.nml") && result.stdout.contains("EarthBox default experiment"))
    }

    @Test func aMistypedSubcommandGetsASuggestion() async throws {
        let result = try await Self.earthbox(["runn", "x.nml"])
        #expect(result.status == 64, "usage error (argument-parser's EX_USAGE)")
        #expect(result.stderr.contains("unknown command 'runn'; did you mean 'run'?"), "\(result.stderr)")
        #expect(!result.stderr.contains("Unexpected argument"))
        let namelist = try await Self.earthbox(["no-such-file.nml"])
        #expect(namelist.status == 1 && namelist.stderr.contains("no-such-file.nml: error: cannot open the namelist file"), "\(namelist.stderr)")
    }
}
