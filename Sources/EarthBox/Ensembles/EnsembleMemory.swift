#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What an ensemble needs in memory on rank 0, estimated before anything runs, so that an ensemble larger than
/// the machine is refused with the estimate instead of aborting when the arrays are allocated.
public enum EnsembleMemory {
    /// Rank 0's memory besides the results: program, forcing, observations, NetCDF and HDF5 buffers
    /// (measured 80 MiB on a 1000 x 4 ensemble, issue 14).
    static let baseBytes = 80 << 20

    /// Peak bytes on rank 0: every stored value twice (the gathered results and the assembled arrays while they
    /// are placed; the assembled arrays and the file's variables while it is written), plus the sampled
    /// parameters, weights and per-member diagnostics of the file.
    public static func rootPeakBytes(_ s: EnsembleSettings, yearCount: Int, priorCount: Int) -> Int {
        let members = s.members.multipliedReportingOverflow(by: s.variabilityRealisations).partialValue
        let perTask = s.outputVariables.count * yearCount + ScenarioSummary.count
        let values = members.multipliedReportingOverflow(by: s.scenarios.count * perTask).partialValue
        let perMember = priorCount + 6   // parameters, member/sample/realisation indices, weight, log-likelihood, metrics
        let total = values.addingReportingOverflow(members.multipliedReportingOverflow(by: perMember).partialValue).partialValue
        return baseBytes + 2 * 8 * total
    }

    /// Peak bytes on rank 0 when the results are streamed (`EnsembleDriver.runStreamed`, what `earthbox ensemble` does):
    /// the summaries and per-member values, the task list and result locations, one block of members (4096 × years);
    /// a year's column of every member with its sorted copy is within the per-member allowance.
    public static func streamedRootPeakBytes(_ s: EnsembleSettings, yearCount: Int, priorCount: Int) -> Int {
        let members = s.members.multipliedReportingOverflow(by: s.variabilityRealisations).partialValue
        let tasks = members.multipliedReportingOverflow(by: s.scenarios.count).partialValue
        // Three copies of the summaries and per-member values (results, file variables, their quantile inputs) and
        // 64 B per task (task list, costs, result location): an upper bound, measured 151 MB at 1e5 x 1 (estimate
        // 165 MB) and 559 MB at 1e6 x 1 (estimate 598 MB) on 2 ranks.
        let perMember = s.scenarios.count * ScenarioSummary.count * 3 + (priorCount + 8) * 3
        let bytes = 8 * members.multipliedReportingOverflow(by: perMember).partialValue
            + 64 * tasks + 8 * StreamedSeries.blockMembers * yearCount
        return baseBytes + bytes
    }

    /// Disk bytes a streamed ensemble needs beside its output: every rank's result file, the year-major copy of one
    /// (variable, scenario), the output file itself (at most its uncompressed size; measured 9.7 GB for 1e6 x 1 with
    /// tas_anomaly and co2: 23 GB at most with the 8.9 GB of rank files and the 4.4 GB copy; estimate 26.6 GB) and, on
    /// more than one rank, the ranks' filtered chunks of the member series (`EnsembleOutputShare`; at most the series
    /// uncompressed: counted whatever the rank count, which the namelist check does not know).
    public static func streamedDiskBytes(_ s: EnsembleSettings, yearCount: Int, priorCount: Int) -> Int {
        let members = s.members.multipliedReportingOverflow(by: s.variabilityRealisations).partialValue
        let perTask = s.outputVariables.count * yearCount + ScenarioSummary.count
        let values = members.multipliedReportingOverflow(by: s.scenarios.count * perTask).partialValue
        let series = members.multipliedReportingOverflow(by: s.scenarios.count * s.outputVariables.count * yearCount).partialValue
        // tas_anomaly brings CMIP's absolute tas into the file as well.
        let absolute = s.outputVariables.contains { $0 == "tas_anomaly" || $0 == "tas" } ? members * s.scenarios.count * yearCount : 0
        return 8 * (2 * values + absolute + members * yearCount + series + absolute)
    }

    /// Why a streamed ensemble does not fit in `available` memory or `availableDisk` bytes of disk, or nil.
    public static func streamedProblem(_ s: EnsembleSettings, yearCount: Int, priorCount: Int, available: Int, availableDisk: Int?) -> String? {
        func gigabytes(_ bytes: Int) -> String { String(Double(bytes / 10_000_000) / 100) }
        let members = s.members * s.variabilityRealisations
        let what = "\(members) members x \(s.scenarios.count) scenarios x \(yearCount) years x \(s.outputVariables.count) output variables"
        let need = streamedRootPeakBytes(s, yearCount: yearCount, priorCount: priorCount)
        if available > 0, need > available {
            return what + " need about \(gigabytes(need)) GB on rank 0, more than this machine's \(gigabytes(available)) GB; reduce members or scenarios"
        }
        let disk = streamedDiskBytes(s, yearCount: yearCount, priorCount: priorCount)
        if let free = availableDisk, disk > free {
            return what + " need about \(gigabytes(disk)) GB of disk beside the output (rank result and chunk files and the file itself), "
                + "more than the \(gigabytes(free)) GB free; reduce members, scenarios, output_variables or the years"
        }
        return nil
    }

    /// Physical memory of this machine, bytes (0 when unknown).
    public static var physicalBytes: Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && size > 0 ? pages * size : 0
    }

    /// Why the ensemble does not fit in `available` bytes, or nil.
    public static func problem(_ s: EnsembleSettings, yearCount: Int, priorCount: Int, available: Int) -> String? {
        let need = rootPeakBytes(s, yearCount: yearCount, priorCount: priorCount)
        guard available > 0, need > available else { return nil }
        func gigabytes(_ bytes: Int) -> String { String(Double(bytes / 10_000_000) / 100) }
        let members = s.members * s.variabilityRealisations
        return "\(members) members x \(s.scenarios.count) scenarios x \(yearCount) years x \(s.outputVariables.count) output variables "
            + "need about \(gigabytes(need)) GB on rank 0, more than this machine's \(gigabytes(available)) GB; "
            + "reduce members, scenarios, output_variables or the years"
    }
}
