import Foundation

/// The single-page app's files (hand-written HTML, JS, CSS, SVG in `Sources/EarthBoxServer/Web`), read once from
/// the package's resource bundle. Only these names are served: a request cannot reach any other file.
struct WebAssets: Sendable {
    let files: [String: (type: String, data: Data)]

    init() throws {
        guard let folder = Bundle.module.url(forResource: "Web", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "the web assets are missing from the build"])
        }
        var files: [String: (String, Data)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix(".") {
            let type: String
            switch (name as NSString).pathExtension {
            case "html": type = "text/html; charset=utf-8"
            case "js": type = "text/javascript; charset=utf-8"
            case "css": type = "text/css; charset=utf-8"
            case "svg": type = "image/svg+xml"
            case "json": type = "application/json; charset=utf-8"
            default: continue
            }
            files[name] = (type, try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        self.files = files
    }

    func response(for name: String) -> APIResponse? {
        guard let f = files[name] else { return nil }
        return APIResponse(status: 200, contentType: f.type, body: f.data, headers: [("Cache-Control", "no-cache")])
    }
}
