#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks made before any work that a file can later be written at a path, so a run does not compute for an hour
/// (or write restart files) and then fail at its final write.
public enum OutputPath {
    /// Why no file can be created at `path`, nil if one can: the folder exists, is a folder, accepts a new file
    /// (checked by creating and removing the temporary name the writer will use, which also covers read-only
    /// mounts and root-owned folders for which permission bits say nothing) and the file name is a plain name.
    public static func problem(_ path: String) -> String? {
        let (prefix, base) = FilePaths.split(path)
        if let reason = PlainFileName.problem(base) { return "the file name \(reason)" }
        let folder = prefix.isEmpty ? "." : prefix
        if let reason = folderExistence(folder) { return reason }
        return folderProblem(folder, probeName: TemporaryFiles.name(for: path, serial: 0))
    }

    /// Why no file can be created in `folder`, nil if one can.
    public static func folderProblem(_ folder: String, probeName: String? = nil) -> String? {
        if let reason = folderExistence(folder) { return reason }
        TemporaryFiles.removeStale(inFolderOf: (folder.hasSuffix("/") ? folder : folder + "/") + "probe")
        let probe = probeName ?? TemporaryFiles.name(for: (folder.hasSuffix("/") ? folder : folder + "/") + "probe", serial: 0)
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { return nil }
            return "cannot write in the folder '\(folder)': \(systemErrorText(errno))"
        }
        close(fd)
        FilePaths.remove(probe)
        return nil
    }

    /// "does not exist" or "is not a folder" (also for a path through a file, `file.txt/out`), nil for a folder.
    static func folderExistence(_ folder: String) -> String? {
        var bare = folder
        while bare.count > 1 && bare.hasSuffix("/") { bare.removeLast() }
        if FilePaths.isDirectory(bare) { return nil }
        if FilePaths.exists(bare) { return "'\(bare)' is not a folder" }
        var parent = FilePaths.split(bare).prefix
        while parent.count > 1 && parent.hasSuffix("/") { parent.removeLast() }
        if !parent.isEmpty && FilePaths.exists(parent) && !FilePaths.isDirectory(parent) { return "'\(parent)' is not a folder" }
        return "the folder '\(bare)' does not exist"
    }
}
