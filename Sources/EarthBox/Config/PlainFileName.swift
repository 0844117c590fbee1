/// Names that become file names (`run_name`, output and restart file names) must stay inside their folder and be
/// representable on every POSIX file system: no `/`, no NUL or other control character, not `.` or `..`, at most
/// 255 bytes of UTF-8 (NAME_MAX) including the longest suffix EarthBox appends. (Swift strings are valid
/// Unicode, and namelist files are refused unless they are valid UTF-8, so the name is exactly what was written.)
public enum PlainFileName {
    /// The longest NAME_MAX of the common file systems (ext4, XFS, APFS, NTFS in UTF-16 units is more lenient).
    public static let maximumBytes = 255
    /// `-<year>.restart` with a four-digit year: the longest suffix added to a run name.
    public static let runNameSuffixBytes = "-0000.restart".utf8.count

    /// Why `name` is not a plain file name (with `suffixBytes` appended), nil if it is one.
    public static func problem(_ name: String, suffixBytes: Int = 0) -> String? {
        if name.isEmpty { return "is empty" }
        if name == "." || name == ".." { return "'\(name)' names a folder, not a file" }
        if name.contains("/") { return "'\(printable(name))' contains '/': a name must not lead out of its folder" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "'\(printable(name))' contains a NUL or other control character"
        }
        let bytes = name.utf8.count + suffixBytes
        if bytes > maximumBytes {
            return "is \(name.utf8.count) bytes long; with its suffix it must fit in \(maximumBytes) bytes (at most \(maximumBytes - suffixBytes))"
        }
        return nil
    }

    /// The name with control characters shown as `\u{…}`, so that a message stays on one line.
    static func printable(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())
    }
}
