#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Namelist {
    /// Reads and parses a namelist file. A missing or unreadable file is an `InputError`.
    public static func load(path: String) throws(InputError) -> Namelist {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let exists = FileManager.default.fileExists(atPath: path)
            let reason = exists ? "file exists but cannot be read" : "no such file"
            throw InputError(file: path, message: "cannot open namelist file: \(reason)")
        }
        return try parse(text: String(decoding: data, as: UTF8.self), file: path)
    }
}
