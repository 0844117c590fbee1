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
