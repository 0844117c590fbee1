import CNetCDF
import Synchronization

/// netCDF-C (and the HDF5 library below it) is not thread-safe: every nc_* call
/// in the process goes through this lock. The guarded value is a counter used
/// to make temporary file names unique.
private let netCDFLock = Mutex<UInt64>(0)

/// Runs `body` holding the process-wide netCDF lock. HDF5's automatic
/// error-stack printing is switched off for the current thread first (HDF5
/// keeps that setting per thread in thread-safe builds such as Debian's).
func withNetCDFLock<R: Sendable, E: Error>(
    _ body: (inout UInt64) throws(E) -> R
) throws(E) -> R {
    try netCDFLock.withLock { (counter: inout UInt64) throws(E) -> R in
        _ = eb_hdf5_silence_errors()
        return try body(&counter)
    }
}

/// Throws a `NetCDFError` carrying `nc_strerror(status)` unless status is NC_NOERR.
@inline(__always)
func ncCheck(_ status: Int32, _ operation: @autoclosure () -> String, path: String) throws(NetCDFError) {
    if status != NC_NOERR {
        throw NetCDFError(path: path, operation: operation(),
                          message: String(cString: nc_strerror(status)), status: status)
    }
}
