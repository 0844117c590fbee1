import CNetCDF

/// NetCDF-4 file output through the netCDF-C library.
///
/// All calls into netCDF-C are serialised by one process-wide lock, so
/// `write` and `read` may be called from any number of tasks concurrently.
public enum NetCDF {
    /// Version string of the linked netCDF-C library, e.g. "4.9.0 of Aug  7 2022 …".
    public static var libraryVersion: String {
        withNetCDFLock { (_: inout UInt64) in String(cString: nc_inq_libvers()) }
    }
}
