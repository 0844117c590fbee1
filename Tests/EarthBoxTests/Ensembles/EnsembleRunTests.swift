import Foundation
import Testing
@testable import EarthBox

/// `earthbox ensemble` end to end: PEM (any rank count gives the same file), kill -9 + --resume, bad input,
/// and the constrained SSP2-4.5 ensemble against the assessed ranges.
@Suite("Ensemble runs", .serialized) struct EnsembleRunTests {
    static let repository = TestSupport.repository
    static let mpiEnvironmentPrefixes = ["OMPI_", "PMIX_"]

    static var earthbox: String { repository.appendingPathComponent(".build/debug/earthbox").path }

    /// 3 parameter samples × 2 variability realisations × 2 scenarios, 1750–2030, constrained, with the idealised experiments.
    static func smallEnsemble(output folder: URL, journal: String = "") -> String {
        """
        &run
          start_year = 1750
          end_year = 2030
          forcing_directory = '\(repository.appendingPathComponent("Forcing").path)'
          output_directory = '\(folder.path)'
        /
        &variability enabled = .true. /
        &ensemble
          members = 3
          variability_realisations = 2
          scenarios = 'ssp126', 'ssp585'
          seed = 5
          output_variables = 'tas', 'fgco2_global'
          observations_directory = '\(repository.appendingPathComponent("Observations").path)'
          journal_directory = '\(journal)'
        /
        &priors
          climate.equilibrium_climate_sensitivity = 'lognormal', 3.0, 0.28, 1.5, 8.0
          forcing.aerosol_cloud_scale = 'normal', 1.0, 0.45, 0.1, 2.5
          land.respiration_q10 = 'triangular', 1.4, 2.0, 3.0
        /
        """
    }

    static func write(_ text: String, to folder: URL, name: String = "ensemble.nml") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func ensemble(_ arguments: [String], ranks: Int? = nil) async throws -> ProcessSupport.Result {
        try #require(ProcessSupport.isExecutable(earthbox), "build the package first (swift build --build-tests)")
        if let ranks {
            let mpirun = try #require(ProcessSupport.findTool("mpirun"))
            return try await ProcessSupport.run(mpirun, ["-n", String(ranks), "--allow-run-as-root", "--oversubscribe", earthbox, "ensemble"] + arguments,
                                                dropEnvironmentPrefixes: mpiEnvironmentPrefixes, timeout: .seconds(300))
        }
        return try await ProcessSupport.run(earthbox, ["ensemble"] + arguments, dropEnvironmentPrefixes: mpiEnvironmentPrefixes, timeout: .seconds(300))
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// CESM PEM: the file is byte-identical without mpirun and with 1, 2, 3 and 4 ranks.
    @Test(.enabled(if: ProcessSupport.findTool("mpirun") != nil, "mpirun is not installed"))
    func sameFileForAnyNumberOfRanks() async throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let namelist = try Self.write(Self.smallEnsemble(output: folder), to: folder)
        let serial = folder.appendingPathComponent("serial.nc").path
        let plain = try await Self.ensemble([namelist, "--quiet", "--output", serial])
        #expect(plain.status == 0, "stderr: \(plain.stderr)")
        #expect(plain.stdout.isEmpty, "--quiet printed: \(plain.stdout)")
        let reference = try #require(Self.bytes(serial))
        for ranks in 1...4 {
            let path = folder.appendingPathComponent("ranks-\(ranks).nc").path
            let result = try await Self.ensemble([namelist, "--quiet", "--output", path], ranks: ranks)
            #expect(result.status == 0 && !result.timedOut, "\(ranks) ranks: \(result.stderr)")
            #expect(Self.bytes(path) == reference, "\(ranks) ranks: file differs from the run without mpirun")
        }
        let dataset = try NetCDF.read(path: serial)
        #expect(dataset.dimension("member")?.length == 6 && dataset.dimension("scenario")?.length == 2)
        #expect(dataset.variable("tas_anomaly")?.dimensions == ["scenario", "member", "time"])
        #expect(dataset.variable("tas_anomaly_quantiles_constrained")?.dimensions == ["scenario", "quantile", "time"])
        #expect(dataset.variable("quantile")?.data == [0.05, 0.17, 0.33, 0.5, 0.67, 0.83, 0.95], "the one percentile set (WarmingStatistics)")
        // Usable coordinates: scenario labels as strings, integer members and years.
        #expect(dataset.variable("scenario")?.strings == ["ssp126", "ssp585"])
        #expect(dataset.variable("member")?.type == .int && dataset.variable("member")?.data == [0, 1, 2, 3, 4, 5])
        #expect(dataset.variable("year")?.type == .int && dataset.variable("year")?.data.first == 1750)
        #expect(dataset.variable("tas_anomaly")?.attribute("reference_period") == .text("1750"))
        #expect(dataset.variable("warming_2081_2100")?.attribute("reference_period") == .text("1850-1900"))
        #expect(dataset.variable("probability_peak_warming_above")?.dimensions == ["scenario", "threshold"])
        let weights = try #require(dataset.variable("weight")?.data)
        #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
        // Realisations of one sample share parameters but not their noise.
        let tas = try #require(dataset.variable("tas_anomaly")?.data)
        let n = 281
        #expect(tas[0..<n] != tas[n..<2 * n])
    }

    /// kill -9 part-way, then --resume: the same file as an uninterrupted run, and finished tasks are not recomputed.
    @Test func killedEnsembleResumes() async throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The reference: the same namelist (same text, same journal folder) run without interruption.
        let journal = folder.appendingPathComponent("journal").path
        let namelist = try Self.write(Self.smallEnsemble(output: folder, journal: journal), to: folder)
        let reference = folder.appendingPathComponent("reference.nc").path
        #expect(try await Self.ensemble([namelist, "--quiet", "--output", reference]).status == 0)
        try FileManager.default.removeItem(atPath: journal)

        let output = folder.appendingPathComponent("resumed.nc").path
        let killed = try await Self.ensemble([namelist, "--quiet", "--output", output, "--stop-after-tasks", "5"])
        #expect(killed.status == 128 + 9, "expected death by SIGKILL, got \(killed.status): \(killed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output), "a killed ensemble must not leave an output file")
        let journalFiles = ProcessSupport.contents(of: URL(fileURLWithPath: journal)).filter { $0.hasPrefix("task-") }
        #expect(journalFiles.count == 5, "journal: \(journalFiles)")

        // Without --resume the journal is not silently discarded.
        let refused = try await Self.ensemble([namelist, "--quiet", "--output", output])
        #expect(refused.status == 1 && refused.stderr.contains("pass --resume"), "stderr: \(refused.stderr)")

        let resumed = try await Self.ensemble([namelist, "--output", output, "--resume"])
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(resumed.stdout.contains("5 tasks from the journal"), "stdout: \(resumed.stdout)")
        #expect(Self.bytes(output) == Self.bytes(reference), "resumed file differs from the uninterrupted run")
    }

    /// The same under mpirun: rank 0 dies by SIGKILL, mpirun stops the job; resuming on another rank count still
    /// gives the uninterrupted file, and the journal keeps what every rank had finished.
    @Test(.enabled(if: ProcessSupport.findTool("mpirun") != nil, "mpirun is not installed"))
    func killedParallelEnsembleResumesOnOtherRankCount() async throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("journal").path
        let namelist = try Self.write(Self.smallEnsemble(output: folder, journal: journal), to: folder)
        let reference = folder.appendingPathComponent("reference.nc").path
        let uninterrupted = try await Self.ensemble([namelist, "--quiet", "--output", reference])
        #expect(uninterrupted.status == 0 && uninterrupted.stderr.isEmpty, "--quiet: \(uninterrupted.stderr)")
        try FileManager.default.removeItem(atPath: journal)
        let output = folder.appendingPathComponent("resumed.nc").path
        let killed = try await Self.ensemble([namelist, "--quiet", "--output", output, "--stop-after-tasks", "3"], ranks: 2)
        #expect(killed.status != 0 && !killed.timedOut)
        #expect(!FileManager.default.fileExists(atPath: output))
        let resumed = try await Self.ensemble([namelist, "--output", output, "--resume"], ranks: 3)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(Self.bytes(output) == Self.bytes(reference), "resumed file differs from the uninterrupted run")
    }

    @Test func badEnsembleNamelistStopsEveryRankBeforeWork() async throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = Self.smallEnsemble(output: folder).replacingOccurrences(of: "'lognormal', 3.0, 0.28, 1.5, 8.0", with: "'uniform', 4.0, 2.0")
        let namelist = try Self.write(bad, to: folder)
        var runs = [try await Self.ensemble([namelist])]
        if ProcessSupport.findTool("mpirun") != nil { runs.append(try await Self.ensemble([namelist], ranks: 2)) }
        for result in runs {
            #expect(result.status != 0 && !result.timedOut)
            #expect(result.stderr.contains("ensemble.nml:18: error: 'climate.equilibrium_climate_sensitivity': bounds reversed"), "stderr: \(result.stderr)")
            #expect(result.stderr.components(separatedBy: "bounds reversed").count == 2, "error printed once (rank 0): \(result.stderr)")
        }
        // --resume without a journal is refused before any work as well.
        let good = try Self.write(Self.smallEnsemble(output: folder), to: folder, name: "good.nml")
        let noJournal = try await Self.ensemble([good, "--resume"])
        #expect(noJournal.status == 1 && noJournal.stderr.contains("'journal_directory': --resume needs a journal"), "stderr: \(noJournal.stderr)")
        #expect(ProcessSupport.contents(of: folder) == ["ensemble.nml", "good.nml"], "something was written")
    }

    @Test func shippedEnsembleNamelistsLoad() throws {
        let directory = Self.repository.appendingPathComponent("Namelists/ensembles").path
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".nml") }.sorted()
        #expect(files.count >= 3, "\(files)")
        for file in files {
            let error = TestSupport.inputError { () throws(InputError) in try EnsembleConfiguration.load(path: directory + "/" + file) }
            #expect(error == nil, "\(file): \(error.map(String.init(describing:)) ?? "")")
        }
    }

    /// The shipped 200-member constrained historical + SSP2-4.5 ensemble (run in-process, serially) against AR6.
    @Test func constrainedEnsembleMatchesAssessedRanges() throws {
        var text = try String(contentsOfFile: Self.repository.appendingPathComponent("Namelists/ensembles/ssp245-constrained.nml").path, encoding: .utf8)
        text = text.replacingOccurrences(of: "'Forcing'", with: "'\(TestSupport.forcingDirectory)'")
        let observations = Self.repository.appendingPathComponent("Observations").path
        let c = try EnsembleConfiguration.from(Namelist.parse(text: text, file: "ensemble-ssp245-constrained.nml"), text: text)
        #expect(c.settings.members == 200)
        var worker = try EnsembleWorker(configuration: c)
        let results = try #require(try EnsembleDriver(configuration: c).run(resume: false, worker: &worker, processes: SingleProcess()).results)
        let analysis = EnsembleAnalysis(results: results, observations: try Observations.load(directory: observations))
        print("[ensemble] 200-member constrained historical + SSP2-4.5:\n" + analysis.summaryText)
        let ecs = analysis.percentiles(results.metric(.ecs), constrained: true)
        let tcr = analysis.percentiles(results.metric(.tcr), constrained: true)
        let gmst = analysis.percentiles(results.summary(.warming2011to2020, scenario: 0), constrained: true)
        let late = analysis.percentiles(results.summary(.warming2081to2100, scenario: 0), constrained: true)
        let p5 = WarmingStatistics.percentiles.firstIndex(of: 5)!, p50 = WarmingStatistics.percentiles.firstIndex(of: 50)!
        let p95 = WarmingStatistics.percentiles.firstIndex(of: 95)!
        // Acceptance bands of issue 4 (AR6 WG1: ECS likely 2.5–4 K, TCR 1.4–2.2 K, GMST 2011–2020 1.09 [0.95–1.20] K).
        #expect((2.5...4).contains(ecs[p50]), "constrained ECS median \(ecs[p50])")
        #expect((1.4...2.2).contains(tcr[p50]), "constrained TCR median \(tcr[p50])")
        #expect((0.95...1.20).contains(gmst[p50]), "constrained GMST 2011-2020 median \(gmst[p50])")
        // AR6 SPM B.1.1: SSP2-4.5 2081–2100 very likely 2.1–3.5 K; the 5–95 % ranges must overlap.
        #expect(late[p5] < 3.5 && late[p95] > 2.1, "SSP2-4.5 2081-2100 5-95 %: \(late[p5])-\(late[p95])")
        // Constraint informative but not degenerate.
        #expect(analysis.effectiveSampleSize > 10 && analysis.effectiveSampleSize < 190, "ESS \(analysis.effectiveSampleSize)")
    }
}
