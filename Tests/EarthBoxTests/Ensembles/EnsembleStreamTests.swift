import Foundation
import Testing
@testable import EarthBox

/// Rank `rank` of `size` in one process: rank 0's gather returns `size` copies of its own report (only reports go
/// through it in a streamed ensemble), the verdict is "nothing finished".
private struct StreamingRank: EnsembleProcesses {
    let rank: Int, size: Int
    func barrier() {}
    func broadcast(_ bytes: inout [UInt8], root: Int) { if rank != root { bytes = EnsembleDriver.verdict(finished: []) } }
    func gather(_ values: [Double], root: Int) -> [[Double]]? { rank == root ? Array(repeating: values, count: size) : nil }
    func allReduceSum(_ x: Int) -> Int { x }
}

/// Issue 14, item 3: results streamed to rank files and the file written from them slice by slice are the file
/// the in-memory gather writes, byte for byte, for any number of ranks.
@Suite("Streamed ensemble output") struct EnsembleStreamTests {
    @Test func streamedFileIsTheInMemoryFileForOneAndTwoRanks() throws {
        let c = try EnsembleDriverTests.configuration()
        let folder = try TestSupport.temporaryDirectory()
        let driver = EnsembleDriver(configuration: c)
        // The reference: every result gathered in memory.
        var worker = try EnsembleWorker(configuration: c)
        let gathered = try driver.run(resume: false, worker: &worker, processes: SingleProcess())
        let reference = folder.appendingPathComponent("memory.nc").path
        try NetCDF.write(EnsembleDataset.make(EnsembleAnalysis(results: try #require(gathered.results), observations: nil)), to: reference)
        for ranks in [1, 2, 3] {
            let path = { (rank: Int) in folder.appendingPathComponent("r\(ranks).rank\(rank).results").path }
            // Ranks 1… first (they only write their files), rank 0 last (it reads every file). Every rank opens every
            // file once the results are written; here the ranks run one after another, so empty files stand in for
            // those not written yet (their ranks rewrite them).
            for rank in 0..<ranks { FileManager.default.createFile(atPath: path(rank), contents: Data()) }
            for rank in (1..<ranks).reversed() {
                var w = try EnsembleWorker(configuration: c)
                let other = try driver.runStreamed(resume: false, worker: &w, processes: StreamingRank(rank: rank, size: ranks), resultPath: path)
                #expect(other.store != nil && other.outcome.results == nil, "every rank reads the files for its share of the output")
            }
            var w = try EnsembleWorker(configuration: c)
            let streamed = try driver.runStreamed(resume: false, worker: &w, processes: StreamingRank(rank: 0, size: ranks), resultPath: path)
            let results = try #require(streamed.outcome.results), store = try #require(streamed.store)
            #expect(results.series.isEmpty)
            #expect(results.summaries.map(\.bitPattern) == gathered.results!.summaries.map(\.bitPattern))
            let output = folder.appendingPathComponent("streamed-\(ranks).nc").path
            let transpose = folder.appendingPathComponent("quantiles.tmp").path
            try NetCDF.write(try EnsembleDataset.make(EnsembleAnalysis(results: results, observations: nil), series: store, transposePath: transpose), to: output)
            #expect(FileManager.default.contents(atPath: output) == FileManager.default.contents(atPath: reference), "\(ranks) rank(s)")
            #expect(!FileManager.default.fileExists(atPath: transpose))
            store.remove()
            #expect(!FileManager.default.fileExists(atPath: path(0)))
        }
    }

    /// Issue 14, item 2: the quantiles and the chunk compression shared by 2 and 3 ranks (each its years and every
    /// size-th chunk, the chunks through its own file) give the file rank 0 writes alone, byte for byte — with the
    /// absolute tas (per-sample bases), constrained (unequal) weights and edge chunks; and each rank's report is
    /// checked against what the others expect.
    @Test func outputSharedByTheRanksIsTheFileOfOneRank() throws {
        // 3 scenarios x 490 members x 181 years of each variable: chunks of [2, 490, 181], so an edge chunk per variable.
        let text = """
            &run start_year = 1850, end_year = 2030, forcing_directory = '\(TestSupport.forcingDirectory)' /
            &ensemble
              members = 490, scenarios = 'ssp126', 'ssp245', 'ssp585', seed = 3, constrain = .true.
              output_variables = 'tas', 'co2'
            /
            &priors
              climate.equilibrium_climate_sensitivity = 'uniform', 2.0, 5.0
              ocean.vertical_diffusivity = 'uniform', 0.3, 1.5
            /
            """
        let c = try EnsembleConfiguration.from(Namelist.parse(text: text, file: "share.nml"), text: text)
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { (rank: Int) in folder.appendingPathComponent("one.rank\(rank).results").path }
        var w = try EnsembleWorker(configuration: c)
        let streamed = try EnsembleDriver(configuration: c).runStreamed(resume: false, worker: &w, processes: StreamingRank(rank: 0, size: 1), resultPath: path)
        let results = try #require(streamed.outcome.results), store = try #require(streamed.store)
        let bases = w.preindustrialGlobalMeanKelvin()
        let observations = try Observations.load(directory: TestSupport.repository.appendingPathComponent("Observations").path)
        // Equal weights (selection) and likelihood weights (sorting), from the same members.
        for analysis in [EnsembleAnalysis(results: results, observations: nil, preindustrialGlobalMeanKelvin: bases),
                         EnsembleAnalysis(results: results, observations: observations, preindustrialGlobalMeanKelvin: bases)] {
            let reference = folder.appendingPathComponent("reference.nc").path
            try NetCDF.write(try EnsembleDataset.make(analysis, series: store, transposePath: folder.appendingPathComponent("q").path), to: reference)
            for size in [2, 3] {
                let share = EnsembleOutputShare(configuration: c, store: store, weights: analysis.quantileWeights, preindustrialGlobalMeanKelvin: bases)
                #expect(share.unitCount == 3 * 2, "tas_anomaly, tas and co2 in two chunks each")
                let chunkPath = { (rank: Int) in folder.appendingPathComponent("s\(size).rank\(rank).chunks").path }
                let reports = try (0..<size).map { rank in
                    try share.compute(rank: rank, size: size, chunkPath: chunkPath(rank), transposePath: folder.appendingPathComponent("t\(rank)").path)
                }
                // A report out of place is refused, not misread.
                #expect(throws: EnsembleFailure.self) { try share.assemble(reports: Array(reports.reversed()), chunkPaths: (0..<size).map(chunkPath)) }
                let shares = try share.assemble(reports: reports, chunkPaths: (0..<size).map(chunkPath))
                let output = folder.appendingPathComponent("shared-\(size).nc").path
                try NetCDF.write(try EnsembleDataset.make(analysis, series: store, transposePath: "", shares: shares), to: output)
                #expect(FileManager.default.contents(atPath: output) == FileManager.default.contents(atPath: reference),
                        "\(size) ranks, \(analysis.constraint == nil ? "equal" : "likelihood") weights")
                shares.remove()
                #expect(!FileManager.default.fileExists(atPath: chunkPath(0)))
            }
        }
        #expect(EnsembleAnalysis(results: results, observations: observations).effectiveSampleSize < 400, "the constraint weighs the members unequally")
        store.remove()
    }

    @Test func aMillionMembersTimesEightScenariosStreamedNeedsDiskNotMemory() {
        var s = EnsembleSettings()
        s.members = 1_000_000
        s.scenarios = ["ssp119", "ssp126", "ssp245", "ssp370", "ssp434", "ssp460", "ssp534-over", "ssp585"]
        // Rank 0 holds per-member values only: 1e6 × (8 × K × 3 + 11 × 3) × 8 B + 64 B × 8e6 tasks + 18 MB + 80 MiB, with
        // K = ScenarioSummary.count (≈ 2.2 GB at K = 7): a few GB, not the 353 GB of gathering everything.
        let memory = EnsembleMemory.streamedRootPeakBytes(s, yearCount: 551, priorCount: 3)
        let perMember = 8 * ScenarioSummary.count * 3 + 33
        #expect(memory == (80 << 20) + 8 * 1_000_000 * perMember + 64 * 8_000_000 + 8 * 4096 * 551)
        #expect(memory > 2_000_000_000 && memory < 4_000_000_000, "\(memory)")
        // Disk: the rank files and the file itself, 2 × 8 B × 1e6 × 8 × (5 × 551 + 7), the absolute tas in the file
        // (8 B × 1e6 × 8 × 551), one year-major copy (8 B × 1e6 × 551) and the ranks' filtered chunks of the series and
        // the absolute tas (at most 8 B × 1e6 × 8 × 6 × 551): ≈ 604 GB.
        let disk = EnsembleMemory.streamedDiskBytes(s, yearCount: 551, priorCount: 3)
        #expect(disk == 8 * (2 * 8_000_000 * (5 * 551 + ScenarioSummary.count) + 8_000_000 * 551 + 1_000_000 * 551 + 8_000_000 * 6 * 551), "\(disk)")
        #expect(disk > 590_000_000_000 && disk < 620_000_000_000, "\(disk)")
        #expect(EnsembleMemory.streamedProblem(s, yearCount: 551, priorCount: 3, available: 24 << 30, availableDisk: 1 << 40) == nil)
        let problem = EnsembleMemory.streamedProblem(s, yearCount: 551, priorCount: 3, available: 24 << 30, availableDisk: 57 << 30)
        #expect(problem?.contains("GB of disk beside the output") == true, "\(problem ?? "accepted")")
        #expect(EnsembleMemory.streamedProblem(s, yearCount: 551, priorCount: 3, available: 1 << 30, availableDisk: nil)?.contains("on rank 0") == true)
    }
}
