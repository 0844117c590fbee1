/// Failure of a netCDF read or write.
public struct NetCDFError: Error, CustomStringConvertible, Equatable, Sendable {
    /// File the operation was about (the final path, not the temporary file).
    public var path: String
    /// What was being done, e.g. `nc_def_var(temperature)` or `validate`.
    public var operation: String
    /// `nc_strerror` text, or a description of a validation/file-system problem.
    public var message: String
    /// netCDF status code (`NC_E…`), nil for errors detected in Swift.
    public var status: Int32?

    public init(path: String, operation: String, message: String, status: Int32? = nil) {
        self.path = path
        self.operation = operation
        self.message = message
        self.status = status
    }

    /// One line: the file, then the reason, then the netCDF call and status for a bug report.
    public var description: String {
        let code = status.map { ", netCDF status \($0)" } ?? ""
        return "\(path): error: \(message) (\(operation)\(code))"
    }
}
