import EarthBox
import Foundation

/// Output paths are checked before any work (and before any restart file is written): a run that cannot write its
/// result stops at once with the file, the key that chose the path and the reason.
enum OutputChecks {
    /// Stops (exit 1) unless a file can be created at `path`. `key` is the namelist key that made the path, or the
    /// command-line option that gave it.
    static func require(_ path: String, namelist: Namelist, key: String, option: String?) {
        guard let reason = OutputPath.problem(path) else { return }
        if let option { fail("\(option) \(path): error: cannot write the output file: \(reason)") }
        fail(namelist.error(group: "run", key: key, "cannot write the output file '\(path)': \(reason)"))
    }

    static func requireFolder(_ folder: String, namelist: Namelist, key: String, option: String?) {
        guard let reason = OutputPath.folderProblem(folder.isEmpty ? "." : folder) else { return }
        if let option { fail("\(option) \(folder): error: \(reason)") }
        fail(namelist.error(group: "run", key: key, reason))
    }
}

extension String {
    /// `folder/name`, or `name` alone for an empty folder.
    func appendingFileName(_ name: String) -> String { isEmpty ? name : (self as NSString).appendingPathComponent(name) }
}
