import Foundation
import Testing
@testable import EarthBox

/// Processes that pretend to be rank `rank` of `size` of an ensemble without a journal: the broadcast brings rank 0's
/// verdict "nothing finished", the gather only this rank's values.
private struct PretendRank: EnsembleProcesses {
    let rank: Int, size: Int
    func barrier() {}
    func broadcast(_ bytes: inout [UInt8], root: Int) { if rank != root { bytes = EnsembleDriver.verdict(finished: []) } }
    func gather(_ values: [Double], root: Int) -> [[Double]]? { rank == root ? [values] : nil }
    func allReduceSum(_ x: Int) -> Int { x }
}

/// The ensemble driver without processes: journal verdicts, shares, gather and assembly, resume.
@Suite("Ensemble driver") struct EnsembleDriverTests {
    /// 3 parameter samples × 2 scenarios, 1750–2030, with the idealised experiments (so tasks differ in cost and size).
    static func configuration(journal: String = "") throws -> EnsembleConfiguration {
        let text = """
            &run start_year = 1750, end_year = 2030, forcing_directory = '\(TestSupport.forcingDirectory)' /
            &ensemble
              members = 3, scenarios = 'ssp126', 'ssp585', seed = 7, constrain = .false.
              output_variables = 'tas', 'co2'
              journal_directory = '\(journal)'
            /
            &priors
              climate.equilibrium_climate_sensitivity = 'uniform', 2.0, 5.0
              ocean.vertical_diffusivity = 'uniform', 0.3, 1.5
            /
            """
        return try EnsembleConfiguration.from(Namelist.parse(text: text, file: "driver.nml"), text: text)
    }

    /// Every task computed one by one and stored by index: what the driver must reproduce.
    static func serialResults(_ c: EnsembleConfiguration) throws -> EnsembleResults {
        var worker = try EnsembleWorker(configuration: c)
        let tasks = EnsembleTaskList(configuration: c)
        var results = EnsembleResults(configuration: c, taskList: tasks)
        for (t, task) in tasks.tasks.enumerated() {
            var buffer: [Double] = []
            worker.run(task, appendingTo: &buffer)
            results.store(task: t, buffer[...])
        }
        return results
    }

    /// Bit for bit (bit patterns, so that a NaN in a slot no task fills compares equal to itself).
    static func same(_ a: EnsembleResults, _ b: EnsembleResults) -> Bool {
        func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }
        return bits(a.series) == bits(b.series) && bits(a.summaries) == bits(b.summaries) && bits(a.metrics) == bits(b.metrics)
            && a.isComplete && b.isComplete
    }

    @Test func verdictCarriesFinishedTasksAndFailures() throws {
        let finished = [0, 5, 255, 256, 70_000, 16_777_217]
        #expect(try EnsembleDriver.finished(fromVerdict: EnsembleDriver.verdict(finished: finished)) == Set(finished))
        #expect(try EnsembleDriver.finished(fromVerdict: EnsembleDriver.verdict(finished: [])).isEmpty)
        #expect(throws: EnsembleFailure("j/ensemble.id: error: the journal belongs to a different ensemble")) {
            try EnsembleDriver.finished(fromVerdict: EnsembleDriver.verdict(failure: "j/ensemble.id: error: the journal belongs to a different ensemble"))
        }
    }

    @Test func oneProcessGivesTheSerialResults() throws {
        let c = try Self.configuration()
        var worker = try EnsembleWorker(configuration: c)
        var steps: [EnsembleDriver.TaskProgress] = []
        let outcome = try EnsembleDriver(configuration: c).run(resume: false, worker: &worker, processes: SingleProcess(), afterTask: { steps.append($0) })
        let results = try #require(outcome.results)
        #expect(Self.same(results, try Self.serialResults(c)))
        #expect(steps.map(\.done) == Array(1...results.taskList.count))
        #expect(outcome.memberYears == results.taskList.costs.reduce(0, +) && outcome.resumedTasks == 0)
        #expect(outcome.rankReports.count == 1)
    }

    /// PEM without mpirun: each of 1–4 pretend ranks computes its share; assembling the shares in rank order gives
    /// the same numbers as one process, bit for bit.
    @Test(arguments: [1, 2, 3, 4]) func sharesAssembleToTheSameResults(ranks: Int) throws {
        let c = try Self.configuration()
        let driver = EnsembleDriver(configuration: c)
        let pending = driver.pending(after: [])
        var gathered: [[Double]] = []
        var covered: [Int] = []
        for rank in 0..<ranks {
            var worker = try EnsembleWorker(configuration: c)
            let mine = driver.share(of: pending, rank: rank, size: ranks)
            covered += mine
            gathered.append(try driver.compute(mine, worker: &worker).results)
        }
        #expect(covered.sorted() == pending, "every task on exactly one rank")
        #expect(Self.same(try driver.assemble(gathered: gathered, pending: pending, finished: []), try Self.serialResults(c)))
        // A rank other than 0 gets no results back, only its share done.
        var worker = try EnsembleWorker(configuration: c)
        #expect(try driver.run(resume: false, worker: &worker, processes: PretendRank(rank: 1, size: 2)).results == nil)
    }

    /// A journal holding some finished tasks: without --resume the verdict is an error naming the folder; with it,
    /// only the rest is computed and the results are those of an uninterrupted run.
    @Test func resumeComputesOnlyWhatTheJournalLacks() throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("journal").path
        let c = try Self.configuration(journal: journal)
        let driver = EnsembleDriver(configuration: c)
        #expect(try driver.finishedTasks(resume: false, processes: SingleProcess()).isEmpty)
        var worker = try EnsembleWorker(configuration: c)
        _ = try driver.compute([0, 2, 3], worker: &worker)

        let error = #expect(throws: EnsembleFailure.self) { try driver.finishedTasks(resume: false, processes: SingleProcess()) }
        #expect(error?.description.contains("--resume") == true && error?.description.contains(journal) == true, "\(error.map(\.description) ?? "")")

        var computed: [Int] = []
        let outcome = try driver.run(resume: true, worker: &worker, processes: SingleProcess(), afterTask: { computed.append($0.done) })
        #expect(outcome.resumedTasks == 3)
        #expect(computed.count == driver.taskList.count - 3)
        #expect(Self.same(try #require(outcome.results), try Self.serialResults(try Self.configuration())))
    }

    /// A journal written for another namelist is refused on resume (the fingerprint differs).
    @Test func resumeRefusesAnotherEnsemblesJournal() throws {
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("journal").path
        _ = try EnsembleDriver(configuration: Self.configuration(journal: journal)).finishedTasks(resume: false, processes: SingleProcess())
        let other = "&run start_year = 1750, end_year = 2031, forcing_directory = '\(TestSupport.forcingDirectory)' /\n"
            + "&ensemble members = 2, constrain = .false., climate_metrics = .false., journal_directory = '\(journal)' /\n"
        let c = try EnsembleConfiguration.from(Namelist.parse(text: other, file: "other.nml"), text: other)
        let error = #expect(throws: EnsembleFailure.self) { try EnsembleDriver(configuration: c).finishedTasks(resume: true, processes: SingleProcess()) }
        #expect(error?.description.contains("different ensemble") == true, "\(error.map(\.description) ?? "")")
    }
}
