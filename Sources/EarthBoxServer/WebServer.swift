import FlyingFox
import FlyingSocks
import Foundation

/// The socket side of `earthbox serve`: FlyingFox's HTTP/1.1 server on 127.0.0.1 (loopback only unless asked),
/// handing every request to `SimulatorAPI`. Bodies larger than the API's limit are refused before they are read.
public struct WebServer: Sendable {
    public let api: SimulatorAPI
    public let host: String
    public let port: UInt16

    public init(api: SimulatorAPI, host: String = "127.0.0.1", port: UInt16 = 8080) {
        self.api = api; self.host = host; self.port = port
    }

    /// Runs until the process ends; `ready` is called once the socket listens.
    public func run(ready: @escaping @Sendable () -> Void) async throws {
        let server = HTTPServer(address: try .inet(ip4: host, port: port), timeout: 30, logger: .disabled)
        let api = self.api
        await server.appendRoute("*") { request in
            if let length = request.headers[.contentLength].flatMap(Int.init), length > SimulatorAPI.maximumBodyBytes {
                return Self.httpResponse(.error(413, field: nil, "request body larger than \(SimulatorAPI.maximumBodyBytes) bytes"))
            }
            let body = request.method == .POST ? try await request.bodyData : Data()
            let client: String
            if case .ip4(let address, _)? = request.remoteAddress { client = address }
            else if case .ip6(let address, _)? = request.remoteAddress { client = address }
            else { client = "local" }
            let r = APIRequest(method: request.method.rawValue, path: request.path, query: request.query.map { ($0.name, $0.value) },
                               body: body, client: client)
            return Self.httpResponse(await api.handle(r))
        }
        Task {
            try await server.waitUntilListening()
            ready()
        }
        try await server.run()
    }

    static func httpResponse(_ r: APIResponse) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: r.contentType]
        for (k, v) in r.headers { headers[HTTPHeader(k)] = v }
        return HTTPResponse(statusCode: HTTPStatusCode(r.status, phrase: Self.phrase(r.status)), headers: headers, body: r.body)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        default: "Internal Server Error"
        }
    }
}
