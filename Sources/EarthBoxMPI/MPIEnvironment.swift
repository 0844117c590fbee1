import CMPI
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide MPI environment over MPI_COMM_WORLD.
///
/// `shared` decides once, lazily, how to run:
/// * launched by an MPI launcher (`mpirun`/`mpiexec`, `srun` with PMI/PMIx —
///   detected from OMPI_COMM_WORLD_SIZE, PMIX_RANK, PMI_RANK, PMI_SIZE), or
///   MPI already initialised, or `EARTHBOX_MPI=1`: calls `MPI_Init_thread`
///   (requesting MPI_THREAD_SERIALIZED) unless already initialised;
/// * otherwise (a plain run, or `EARTHBOX_MPI=0`): serial mode, rank 0 of 1,
///   MPI is never initialised and every collective is a local no-op.
///
/// Serial mode exists because an Open MPI *singleton* `MPI_Init` forks an
/// `orted` helper and installs its own SIGCHLD handling, after which
/// Foundation's `Process` may never notice its children exit (observed:
/// `waitUntilExit()` hanging in the test runner), and it adds OMPI_*/PMIX_*
/// variables to the environment that child processes inherit.
///
/// Every MPI call made through
/// this type is serialised by one lock, so it may be used from any thread;
/// collectives must still be called in the same order on every rank.
/// Nothing finalises MPI automatically: call `finalize()` once at program exit
/// (tests never do).
public final class MPIEnvironment: Sendable {
    public static let shared = MPIEnvironment()

    /// Rank of this process in MPI_COMM_WORLD.
    public let rank: Int
    /// Number of processes in MPI_COMM_WORLD.
    public let size: Int

    /// True when MPI is initialised (launched under MPI or forced with
    /// EARTHBOX_MPI=1); false in serial mode.
    public let usesMPI: Bool

    private struct State { var finalized = false }
    private let state = Mutex(State())

    /// Environment variables set by MPI launchers for the processes they start.
    static let launcherVariables = ["OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"]

    static func shouldInitialize(alreadyInitialized: Bool, environment: (String) -> String?) -> Bool {
        if alreadyInitialized { return true }
        switch environment("EARTHBOX_MPI")?.lowercased() {
        case "1", "on", "yes", "true": return true
        case "0", "off", "no", "false": return false
        default: return launcherVariables.contains { environment($0) != nil }
        }
    }

    private init() {
        var initialized: Int32 = 0
        MPIEnvironment.check(MPI_Initialized(&initialized), "MPI_Initialized")
        let use = MPIEnvironment.shouldInitialize(alreadyInitialized: initialized != 0) { name in
            getenv(name).map { String(cString: $0) }
        }
        usesMPI = use
        guard use else {
            rank = 0
            size = 1
            return
        }
        if initialized == 0 {
            var provided: Int32 = 0
            MPIEnvironment.check(MPI_Init_thread(nil, nil, eb_mpi_thread_serialized(), &provided),
                                 "MPI_Init_thread")
        }
        var r: Int32 = 0
        var s: Int32 = 0
        MPIEnvironment.check(MPI_Comm_rank(eb_mpi_comm_world(), &r), "MPI_Comm_rank")
        MPIEnvironment.check(MPI_Comm_size(eb_mpi_comm_world(), &s), "MPI_Comm_size")
        rank = Int(r)
        size = Int(s)
    }

    /// True on rank 0.
    public var isRoot: Bool { rank == 0 }

    /// Blocks until every rank has called `barrier()`.
    public func barrier() {
        guard usesMPI else { return checkUsable() }
        withMPI { comm in
            Self.check(MPI_Barrier(comm), "MPI_Barrier")
        }
    }

    /// Broadcasts `bytes` from `root`; on the other ranks `bytes` is replaced
    /// (its previous length does not matter).
    public func broadcast(_ bytes: inout [UInt8], root: Int) {
        checkRoot(root)
        guard usesMPI else { return checkUsable() }
        withMPI { comm in
            var count = Int64(bytes.count)
            Self.check(MPI_Bcast(&count, 1, eb_mpi_int64(), Int32(root), comm), "MPI_Bcast(count)")
            if rank != root { bytes = [UInt8](repeating: 0, count: Int(count)) }
            let chunk = 1 << 30
            bytes.withUnsafeMutableBytes { buf in
                var offset = 0
                while offset < buf.count {
                    let n = min(chunk, buf.count - offset)
                    Self.check(MPI_Bcast(buf.baseAddress! + offset, Int32(n), eb_mpi_byte(), Int32(root), comm),
                               "MPI_Bcast(bytes)")
                    offset += n
                }
            }
        }
    }

    /// Doubles per message of `gather`: MPI counts are 32-bit, so larger arrays travel in pieces (2²⁷ = 1 GiB).
    static let gatherPiece = 1 << 27

    /// Gathers a variable number of doubles from every rank: one array per rank, in rank order, on `root`; nil
    /// elsewhere. Each rank's values travel point to point in pieces of `gatherPiece` straight into the array root
    /// returns (root's own is returned as it is), so there is no limit on the total and root holds one copy.
    public func gather(_ values: [Double], root: Int) -> [[Double]]? {
        checkRoot(root)
        guard usesMPI else {
            checkUsable()
            return [values]
        }
        return withMPI { comm -> [[Double]]? in
            let isRoot = rank == root
            var myCount = Int64(values.count)
            var counts = [Int64](repeating: 0, count: isRoot ? size : 1)
            Self.check(MPI_Gather(&myCount, 1, eb_mpi_int64(), &counts, 1, eb_mpi_int64(), Int32(root), comm),
                       "MPI_Gather(counts)")
            let tag: Int32 = 7
            guard isRoot else {
                values.withUnsafeBufferPointer { s in
                    for start in stride(from: 0, to: s.count, by: Self.gatherPiece) {
                        let n = min(Self.gatherPiece, s.count - start)
                        Self.check(MPI_Send(s.baseAddress! + start, Int32(n), eb_mpi_double(), Int32(root), tag, comm), "MPI_Send")
                    }
                }
                return nil
            }
            return (0..<size).map { r -> [Double] in
                if r == root { return values }
                let count = Int(counts[r])
                return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                    for start in stride(from: 0, to: count, by: Self.gatherPiece) {
                        let n = min(Self.gatherPiece, count - start)
                        Self.check(MPI_Recv(buffer.baseAddress! + start, Int32(n), eb_mpi_double(), Int32(r), tag, comm,
                                            eb_mpi_status_ignore()), "MPI_Recv")
                    }
                    initialized = count
                }
            }
        }
    }

    /// Sum of `x` over all ranks, available on every rank.
    public func allReduceSum(_ x: Int) -> Int {
        guard usesMPI else {
            checkUsable()
            return x
        }
        return withMPI { comm in
            var send = Int64(x)
            var result: Int64 = 0
            Self.check(MPI_Allreduce(&send, &result, 1, eb_mpi_int64(), eb_mpi_op_sum(), comm), "MPI_Allreduce")
            return Int(result)
        }
    }

    /// Finalises MPI (once; later calls do nothing). No other method may be
    /// used afterwards. Meant for the CLI at exit, never for tests.
    public func finalize() {
        state.withLock { st in
            guard !st.finalized else { return }
            st.finalized = true
            guard usesMPI else { return }
            var done: Int32 = 0
            MPI_Finalized(&done)
            if done == 0 { Self.check(MPI_Finalize(), "MPI_Finalize") }
        }
    }

    // MARK: - Private

    private func withMPI<R>(_ body: (MPI_Comm?) -> R) -> R {
        state.withLock { st in
            precondition(!st.finalized, "MPIEnvironment used after finalize()")
            return body(eb_mpi_comm_world())
        }
    }

    private func checkUsable() {
        state.withLock { st in precondition(!st.finalized, "MPIEnvironment used after finalize()") }
    }

    private func checkRoot(_ root: Int) {
        precondition(root >= 0 && root < size, "root \(root) out of range 0..<\(size)")
    }

    private static func check(_ rc: Int32, _ what: String) {
        precondition(rc == eb_mpi_success(), "\(what) failed with MPI error \(rc)")
    }
}
