import CNetCDF
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Set EARTHBOX_HDF5_ERRORS=1 to keep HDF5's error-stack printing (debugging).
private let keepHDF5Errors: Bool = getenv("EARTHBOX_HDF5_ERRORS") != nil

/// netCDF-C (and the HDF5 library below it) is not thread-safe: every nc_* call
/// in the process goes through this lock. The guarded value is a counter used
/// to make temporary file names unique.
private let netCDFLock: Mutex<UInt64> = {
    configureHDF5Environment()
    return Mutex<UInt64>(0)
}()

/// Switches HDF5's flock()-based file locking off (HDF5_USE_FILE_LOCKING=FALSE)
/// unless the user already set the variable. HDF5 reads it at every file open.
///
/// Why: HDF5 opens files without O_CLOEXEC and holds an exclusive flock while
/// writing. A child process forked by any other thread at that moment shares
/// the lock, so right after nc_close + rename, nc_open of the new file (in this
/// process, in ncdump or in xarray) fails with "NetCDF: HDF error" (EAGAIN in
/// H5FD__sec2_lock) until the child closes it or execs — observed as flaky
/// concurrent tests. Writes go to a private temporary name and are renamed
/// into place only when complete, so locking protects nothing here; it also
/// fails on some cluster file systems. Runs once, before the first HDF5 call.
private func configureHDF5Environment() {
    _ = setenv("HDF5_USE_FILE_LOCKING", "FALSE", 0)
}

/// Runs `body` holding the process-wide netCDF lock. HDF5's automatic
/// error-stack printing is switched off for the current thread first (HDF5
/// keeps that setting per thread in thread-safe builds such as Debian's).
func withNetCDFLock<R: Sendable, E: Error>(
    _ body: (inout UInt64) throws(E) -> R
) throws(E) -> R {
    try netCDFLock.withLock { (counter: inout UInt64) throws(E) -> R in
        if !keepHDF5Errors { _ = eb_hdf5_silence_errors() }
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
