import ArgumentParser
import EarthBox
import EarthBoxMPI
import Foundation

/// What `ensemble` and `assess` share around `EnsembleDriver`: the MPI processes, rank 0's progress line, journal
/// warnings, the restart test's stop, the closing statistics and the way a failure ends every rank.
struct EnsembleRun {
    let mpi = MPIEnvironment.shared
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    let quiet: Bool
    /// For the restart test: the process kills itself (SIGKILL) after finishing this many tasks.
    let stopAfterTasks: Int?

    init(quiet: Bool, stopAfterTasks: Int?) {
        self.quiet = quiet; self.stopAfterTasks = stopAfterTasks
        started = clock.now
    }

    /// Journal verdict, this rank's share, gather and assembly; the results are on rank 0 only.
    func run(_ configuration: EnsembleConfiguration, worker: inout EnsembleWorker, resume: Bool) throws(EnsembleFailure) -> EnsembleDriver.Outcome {
        let driver = EnsembleDriver(configuration: configuration)
        let progress = Progress(enabled: mpi.isRoot && !quiet, ranks: mpi.size, members: configuration.memberCount)
        return try driver.run(resume: resume, worker: &worker, processes: mpi, clock: clock,
                              report: { [peakMemoryMegabytes()] },
                              warn: { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }) { step in
            if let stopAfterTasks, step.done >= stopAfterTasks { kill(getpid(), SIGKILL) }
            progress.update(step)
        }
    }

    /// The same with the results streamed to `resultPath(rank)` (`EnsembleDriver.runStreamed`).
    func runStreamed(_ configuration: EnsembleConfiguration, worker: inout EnsembleWorker, resume: Bool,
                     resultPath: (Int) -> String) throws(EnsembleFailure) -> EnsembleDriver.Streamed {
        let driver = EnsembleDriver(configuration: configuration)
        let progress = Progress(enabled: mpi.isRoot && !quiet, ranks: mpi.size, members: configuration.memberCount)
        return try driver.runStreamed(resume: resume, worker: &worker, processes: mpi, resultPath: resultPath, clock: clock,
                                      report: { [peakMemoryMegabytes()] },
                                      warn: { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }) { step in
            if let stopAfterTasks, step.done >= stopAfterTasks { kill(getpid(), SIGKILL) }
            progress.update(step)
        }
    }

    /// "computed … member-years …" and "peak memory per rank …" lines.
    func statistics(_ outcome: EnsembleDriver.Outcome) -> String {
        let wall = (clock.now - started).seconds
        // Parallel time = the slowest rank's compute time (input reading and output excluded; wall time below).
        let computeSeconds = outcome.rankReports.map { $0[0] }.max() ?? 0
        let rate = Double(outcome.memberYears) / computeSeconds
        return String(format: "computed %d member-years on %d rank(s) in %.2f s (%.0f member-years/s; %d tasks from the journal)\n",
                      outcome.memberYears, mpi.size, computeSeconds, rate, outcome.resumedTasks)
            + "peak memory per rank: " + outcome.rankReports.map { String(format: "%.0f MB", $0[1]) }.joined(separator: ", ")
            + String(format: "; wall time with output %.2f s", wall)
    }

    /// Runs `body` on this rank and finalises MPI. Every rank read the same input or learnt the same verdict, so
    /// every rank stops on the same error and rank 0 says why; a task file that cannot be written (a full disk) is
    /// one rank's alone, and that rank says so too. Then exit status 1, nothing written.
    func reportingFailure(_ body: () throws -> Void) throws {
        defer { mpi.finalize() }
        do { try body() } catch {
            if mpi.isRoot { printError(error) } else if let failure = error as? EnsembleFailure, failure.local {
                printError(CommandFailure("\(failure) (rank \(mpi.rank))"))
            }
            throw ExitCode.failure
        }
    }
}
