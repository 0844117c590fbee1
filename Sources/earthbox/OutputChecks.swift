import EarthBox
import Foundation

/// Output paths are checked before any work (and before any restart file is written): a run that cannot write its
/// result stops at once with the file, the key that chose the path and the reason.
enum OutputChecks {
    /// Throws unless a file can be created at `path`. `key` is the namelist key that made the path, or the
    /// command-line option that gave it.
    static func require(_ path: String, namelist: Namelist, key: String, option: String?) throws {
        guard let reason = OutputPath.problem(path) else { return }
        if let option { throw CommandFailure("\(option) \(path): error: cannot write the output file: \(reason)") }
        throw namelist.error(group: "run", key: key, "cannot write the output file '\(path)': \(reason)")
    }

    /// Throws unless the table file `--output` names can be created (checked before the work that fills it).
    static func requireTable(_ output: String) throws {
        if let reason = OutputPath.problem(output) { throw CommandFailure("--output \(output): error: cannot write the table: \(reason)") }
    }

    /// Writes `text` to `path` through a temporary file and a rename; a failure names the file.
    static func write(_ text: String, to path: String) throws {
        if let problem = BinaryFile.writeAtomically(Array(text.utf8), to: path) { throw CommandFailure("\(path): error: \(problem)") }
    }

    static func requireFolder(_ folder: String, namelist: Namelist, key: String, option: String?) throws {
        guard let reason = OutputPath.folderProblem(folder.isEmpty ? "." : folder) else { return }
        if let option { throw CommandFailure("\(option) \(folder): error: \(reason)") }
        throw namelist.error(group: "run", key: key, reason)
    }
}

extension String {
    /// `folder/name`, or `name` alone for an empty folder.
    func appendingFileName(_ name: String) -> String { isEmpty ? name : (self as NSString).appendingPathComponent(name) }
}

extension Namelist {
    /// `error` with the line of its key filled in, when it is about this namelist but was raised where only the
    /// key was known (a year range checked against the forcing file, a missing forcing folder).
    func locating(_ error: any Error) -> any Error {
        guard var e = error as? InputError, e.file == file, e.line == nil, let key = e.key else { return error }
        e.line = groups.lazy.compactMap { $0.entry(key)?.line }.first ?? groups.first { $0.name == "run" }?.line
        return e
    }
}

/// One line for any error: InputError, NetCDFError and StateFault describe themselves; a Foundation file error
/// becomes "<file>: error: <reason>" instead of an NSCocoaErrorDomain dump.
func oneLineDescription(_ error: any Error) -> String {
    if error is InputError || error is NetCDFError || error is StateFault { return "\(error)" }
    let ns = error as NSError
    guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return "\(error)" }
    let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path ?? "earthbox"
    var reason = ns.localizedDescription
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        reason = String(cString: strerror(Int32(underlying.code)))
    } else if ns.domain == NSPOSIXErrorDomain {
        reason = String(cString: strerror(Int32(ns.code)))
    }
    return "\(path): error: \(reason)"
}
