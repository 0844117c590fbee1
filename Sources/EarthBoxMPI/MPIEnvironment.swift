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
            if let pml = MPIEnvironment.singleNodePML(environment: { getenv($0).map { String(cString: $0) } },
                                                       fileContents: MPIEnvironment.contentsOfSmallFile) {
                setenv("OMPI_MCA_pml", pml, 0)
            }
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

    /// The Open MPI point-to-point layer (PML) selection to ask for when every rank runs on this node, or nil to
    /// leave Open MPI's own choice alone. Open MPI 4.1's default selection opens the `cm` PML, which probes the fabric
    /// libraries of multi-node networks (PSM2, OFI, Portals) before it is discarded; that was 0.2 s of every
    /// `mpirun` here (mpi-smoke on 2 ranks: 0.43 s, 0.24 s with `^cm` in the ranks' environment), and a node's own
    /// ranks never use them. An exclusion removes only that layer, so UCX is still chosen where Open MPI would choose
    /// it and ob1 (shared memory) otherwise; an exclusion already set in a parameter file (Debian ships `pml = ^ucx`)
    /// is kept and extended. Left alone: a job on more than one node (`OMPI_COMM_WORLD_LOCAL_SIZE` below the world
    /// size), a PML the user chose (`OMPI_MCA_pml`, also what `mpirun --mca pml` sets), a parameter file that selects
    /// PMLs by name, and parameter files named by `OMPI_MCA_mca_base_param_files`. Every rank of a one-node job sees
    /// the same variables and files, so all ranks decide alike (a PML mismatch would abort the job).
    static func singleNodePML(environment: (String) -> String?, fileContents: (String) -> String?) -> String? {
        guard let size = environment("OMPI_COMM_WORLD_SIZE").flatMap({ Int($0) }),
              let localSize = environment("OMPI_COMM_WORLD_LOCAL_SIZE").flatMap({ Int($0) }),
              size >= 1, localSize == size else { return nil }
        if environment("OMPI_MCA_pml") != nil || environment("OMPI_MCA_mca_base_param_files") != nil { return nil }
        // Open MPI's parameter files, the first that sets a parameter winning (mca_base_param_files: the user's,
        // then the installation's).
        var files: [String] = []
        if let home = environment("HOME") { files.append(home + "/.openmpi/mca-params.conf") }
        if let prefix = environment("OPAL_PREFIX") { files.append(prefix + "/etc/openmpi-mca-params.conf") }
        files += ["/etc/openmpi/openmpi-mca-params.conf", "/etc/openmpi-mca-params.conf"]
        for file in files {
            guard let text = fileContents(file) else { continue }
            var value: Substring?
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingSpaces == "pml" { value = parts[1].trimmingSpaces }
            }
            guard let value else { continue }
            guard value.hasPrefix("^") else { return nil }   // a PML chosen by name
            let excluded = value.dropFirst().split(separator: ",").map { $0.trimmingSpaces }
            return excluded.contains("cm") ? nil : "^" + (excluded + ["cm"]).joined(separator: ",")
        }
        return "^cm"
    }

    /// The text of a file of at most 1 MiB, nil if it cannot be read (most of Open MPI's parameter files do not exist).
    static func contentsOfSmallFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 1 << 20 {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

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


private extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}
