import Foundation
import Testing
@testable import EarthBoxMPI

@Suite("MPI binding")
struct MPITests {
    /// Variables a launcher or a singleton MPI_Init leave in the environment;
    /// a child inheriting them would try to join this process's MPI job.
    static let mpiEnvironmentPrefixes = ["OMPI_", "PMIX_"]

    /// The test process is not launched by mpirun: serial mode, MPI is not
    /// initialised here (see MPIEnvironment for why).
    @Test func plainProcessIsRankZeroOfOne() {
        let mpi = MPIEnvironment.shared
        #expect(!mpi.usesMPI)
        #expect(mpi.rank == 0)
        #expect(mpi.size == 1)
        #expect(mpi.allReduceSum(42) == 42)
        #expect(mpi.gather([1, 2, 3], root: 0) == [[1, 2, 3]])
        #expect(mpi.gather([], root: 0) == [[]])
        var bytes: [UInt8] = [9, 8, 7]
        mpi.broadcast(&bytes, root: 0)
        #expect(bytes == [9, 8, 7])
        mpi.barrier()
    }

    @Test func smokeRunsWithoutMpirun() async throws {
        let smoke = try #require(ProcessSupport.builtProduct("mpi-smoke"), "mpi-smoke was not built")
        let result = try await ProcessSupport.run(smoke, [], dropEnvironmentPrefixes: Self.mpiEnvironmentPrefixes,
                                               timeout: .seconds(60))
        #expect(!result.timedOut)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "ranks=1 sum=1 counts=[1] allreduce=1 broadcast=ok mpi=off\n")
    }

    /// EARTHBOX_MPI=1 forces MPI_Init without a launcher: an Open MPI singleton.
    @Test func smokeRunsAsForcedSingleton() async throws {
        let smoke = try #require(ProcessSupport.builtProduct("mpi-smoke"), "mpi-smoke was not built")
        let result = try await ProcessSupport.run(smoke, [], dropEnvironmentPrefixes: Self.mpiEnvironmentPrefixes,
                                               setEnvironment: ["EARTHBOX_MPI": "1"], timeout: .seconds(60))
        #expect(!result.timedOut)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "ranks=1 sum=1 counts=[1] allreduce=1 broadcast=ok mpi=on\n")
    }

    @Test func launcherDetection() {
        func decide(_ env: [String: String], initialized: Bool = false) -> Bool {
            MPIEnvironment.shouldInitialize(alreadyInitialized: initialized) { env[$0] }
        }
        #expect(!decide([:]))
        #expect(decide(["OMPI_COMM_WORLD_SIZE": "2"]))
        #expect(decide(["PMIX_RANK": "0"]))
        #expect(decide(["PMI_RANK": "0"]))
        #expect(decide(["EARTHBOX_MPI": "1"]))
        #expect(!decide(["EARTHBOX_MPI": "off", "PMIX_RANK": "0"]))
        #expect(decide(["EARTHBOX_MPI": "0"], initialized: true))
    }

    /// One-node jobs skip Open MPI's `cm` PML probing unless the user or a parameter file chose a PML.
    @Test func singleNodePMLChoice() {
        func choose(_ env: [String: String], files: [String: String] = [:]) -> String? {
            MPIEnvironment.singleNodePML(environment: { env[$0] }, fileContents: { files[$0] })
        }
        let oneNode = ["OMPI_COMM_WORLD_SIZE": "4", "OMPI_COMM_WORLD_LOCAL_SIZE": "4", "HOME": "/home/u"]
        #expect(choose(oneNode) == "^cm")
        #expect(choose([:]) == nil)   // no Open MPI launcher (serial mode, a singleton, or another MPI)
        #expect(choose(["OMPI_COMM_WORLD_SIZE": "8", "OMPI_COMM_WORLD_LOCAL_SIZE": "4"]) == nil)   // two nodes
        #expect(choose(["OMPI_COMM_WORLD_SIZE": "4"]) == nil)
        #expect(choose(oneNode.merging(["OMPI_MCA_pml": "cm"]) { $1 }) == nil)   // mpirun --mca pml cm
        #expect(choose(oneNode.merging(["OMPI_MCA_mca_base_param_files": "/site.conf"]) { $1 }) == nil)
        let system = "/etc/openmpi/openmpi-mca-params.conf", user = "/home/u/.openmpi/mca-params.conf"
        #expect(choose(oneNode, files: [user: "# site\n  pml = ucx\n"]) == nil)   // chosen by name
        #expect(choose(oneNode, files: [system: "pml=ob1"]) == nil)
        #expect(choose(oneNode, files: [system: "mtl = ^ofi\npml = ^ucx\n"]) == "^ucx,cm")   // Debian's file
        #expect(choose(oneNode, files: [system: "pml = ^ucx,cm"]) == nil)   // nothing to add
        #expect(choose(oneNode, files: [user: "pml = ob1", system: "pml = ^ucx"]) == nil)   // the user's file wins
        #expect(choose(oneNode, files: [system: "btl = ^openib\npml_ucx_tls = any\n# pml = ucx\n"]) == "^cm")
    }

    @Test(.enabled(if: ProcessSupport.findTool("mpirun") != nil, "mpirun is not installed"))
    func smokeRunsOnTwoRanks() async throws {
        let smoke = try #require(ProcessSupport.builtProduct("mpi-smoke"), "mpi-smoke was not built")
        let mpirun = try #require(ProcessSupport.findTool("mpirun"))
        let result = try await ProcessSupport.run(
            mpirun, ["-n", "2", "--allow-run-as-root", "--oversubscribe", smoke],
            dropEnvironmentPrefixes: Self.mpiEnvironmentPrefixes, timeout: .seconds(120))
        #expect(!result.timedOut)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == "ranks=2 sum=5 counts=[1, 2] allreduce=3 broadcast=ok mpi=on\n",
                "stdout: \(result.stdout) stderr: \(result.stderr)")
    }
}
