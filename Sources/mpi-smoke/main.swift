// Smoke test for EarthBoxMPI: run plainly (rank 0 of 1) or under mpirun.
// Rank r contributes r+1 copies of the value r+1; rank 0 prints one line:
//   ranks=N sum=S counts=[1, 2, …] allreduce=A broadcast=ok mpi=on|off
// (mpi=off: plain run in serial mode, MPI never initialised; see MPIEnvironment).
import EarthBoxMPI

#if canImport(Glibc)
import Glibc
#endif

let mpi = MPIEnvironment.shared
let mine = [Double](repeating: Double(mpi.rank + 1), count: mpi.rank + 1)
let gathered = mpi.gather(mine, root: 0)

let total = mpi.allReduceSum(mpi.rank + 1)
let expectedTotal = mpi.size * (mpi.size + 1) / 2

var message: [UInt8] = mpi.rank == 0 ? Array("earthbox".utf8) : [1, 2, 3]
mpi.broadcast(&message, root: 0)
let broadcastOK = message == Array("earthbox".utf8)

mpi.barrier()

var failed = total != expectedTotal || !broadcastOK
if let gathered {
    let sum = gathered.joined().reduce(0, +)
    let sumText = sum == sum.rounded() ? String(Int(sum)) : String(sum)
    print("ranks=\(mpi.size) sum=\(sumText) counts=\(gathered.map(\.count)) allreduce=\(total) "
        + "broadcast=\(broadcastOK ? "ok" : "FAILED") mpi=\(mpi.usesMPI ? "on" : "off")")
    failed = failed || gathered.count != mpi.size
} else if mpi.rank == 0 {
    failed = true
}
if failed { print("rank \(mpi.rank): FAILED (allreduce=\(total) broadcast=\(broadcastOK))") }
mpi.finalize()
exit(failed ? 1 : 0)
