import Foundation
import Testing
@testable import EarthBox

/// CESM's ERS test for a single run: restarting from a checkpoint reproduces the uninterrupted run bit for bit.
@Suite("Restart") struct RestartTests {
    @Test("restarting reproduces the uninterrupted run bit for bit", arguments: OceanTransport.modelNames)
    func exactRestartOfASingleRun(ocean: String) throws {
        let configuration = TestSupport.configuration(endYear: 2050) { c in
            c.model.variability.enabled = true            // the random stream must be restored too
            c.model.land.permafrostEnabled = true
            c.model.ocean.model = ocean
        }
        let plan = try TestSupport.plan(configuration)
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let uninterrupted = plan.run()
        var written: [Int] = []
        let first = plan.run(checkpointYears: [1900, 2000]) { checkpoint, year in
            written.append(year)
            let problem = checkpoint.write(to: folder.appendingPathComponent("r-\(year).restart").path)
            #expect(problem == nil)
        }
        #expect(written == [1900, 2000])
        #expect(first.values == uninterrupted.values)
        for year in written {
            let checkpoint = try Checkpoint.read(path: folder.appendingPathComponent("r-\(year).restart").path, plan: plan)
            #expect(checkpoint.state.year == year + 1)
            let restarted = plan.run(from: checkpoint)
            // Bit for bit (== on [Double] compares values; NaN would fail, and the datasets compare bit patterns).
            #expect(restarted.values == uninterrupted.values && restarted.layerTemperature == uninterrupted.layerTemperature)
            #expect(RunDataset.make(record: restarted, plan: plan) == RunDataset.make(record: uninterrupted, plan: plan))
        }
        // A checkpoint of another configuration is refused.
        var other = configuration
        other.model.climate.equilibriumClimateSensitivity = 4
        let error = TestSupport.inputError { () throws(InputError) in
            try Checkpoint.read(path: folder.appendingPathComponent("r-1900.restart").path, plan: try TestSupport.plan(other))
        }
        #expect(error?.message.contains("different configuration") == true)
    }
}

/// ERS through the command line: `earthbox run --checkpoint-years`, then `--restart`, gives the same file.
@Suite("Restart (command line)") struct RestartCommandTests {
    @Test func restartedRunWritesTheSameFile() async throws {
        let repository = URL(fileURLWithPath: TestSupport.forcingDirectory).deletingLastPathComponent()
        let earthbox = repository.appendingPathComponent(".build/debug/earthbox").path
        try #require(ProcessSupport.isExecutable(earthbox), "build the package first (swift build --build-tests)")
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let namelist = folder.appendingPathComponent("ers.nml").path
        try """
        &run
          end_year = 2060
          forcing_directory = '\(TestSupport.forcingDirectory)'
          output_directory = '\(folder.path)'
          run_name = 'ers'
        /
        &variability enabled = .true. /
        """.write(toFile: namelist, atomically: true, encoding: .utf8)
        let first = try await ProcessSupport.run(earthbox, ["run", namelist, "--quiet", "--checkpoint-years", "1900", "2000",
                                                            "--output", folder.appendingPathComponent("full.nc").path])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("ers-2000.restart").path))
        let restarted = try await ProcessSupport.run(earthbox, ["run", namelist, "--quiet", "--restart", folder.appendingPathComponent("ers-1900.restart").path,
                                                                "--output", folder.appendingPathComponent("restarted.nc").path])
        #expect(restarted.status == 0, "stderr: \(restarted.stderr)")
        let a = FileManager.default.contents(atPath: folder.appendingPathComponent("full.nc").path)
        let b = FileManager.default.contents(atPath: folder.appendingPathComponent("restarted.nc").path)
        #expect(a != nil && a == b, "restarted run's file differs from the uninterrupted run's")
        let bad = try await ProcessSupport.run(earthbox, ["run", namelist, "--restart", namelist])
        #expect(bad.status == 1 && bad.stderr.contains("not an EarthBox checkpoint"), "stderr: \(bad.stderr)")
    }
}

