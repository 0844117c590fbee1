import Dispatch
import EarthBox
import Foundation

/// One HTTP request as the API sees it (the socket layer, `WebServer`, fills it in).
public struct APIRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [(String, String)]
    public var body: Data
    /// Who is asking (remote address): the rate limit and "newest request wins" are per client.
    public var client: String
    public init(method: String, path: String, query: [(String, String)] = [], body: Data = Data(), client: String = "local") {
        self.method = method; self.path = path; self.query = query; self.body = body; self.client = client
    }
}

public struct APIResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: Data
    public var headers: [(String, String)] = []

    public init(status: Int, contentType: String, body: Data, headers: [(String, String)] = []) {
        self.status = status; self.contentType = contentType; self.body = body; self.headers = headers
    }

    static func json(_ status: Int, _ text: String) -> APIResponse {
        APIResponse(status: status, contentType: "application/json; charset=utf-8", body: Data(text.utf8))
    }

    /// `{"error": …, "field": …, "message": …}`: every 4xx of the API has this shape.
    static func error(_ status: Int, field: String?, _ message: String) -> APIResponse {
        let j = JSONWriter()
        j.object {
            j.field("error", field.map { "'\($0)': \(message)" } ?? message)
            if let field { j.field("field", field) }
            j.field("message", message)
            j.field("status", status)
        }
        return json(status, j.text)
    }
}

/// The JSON API and the single-page app (docs/serve.md, `/api/openapi.json`). Routes:
/// `GET /` and the app's assets; `GET /api/schema`; `GET|POST /api/policy` (plume data and indicators),
/// `GET /api/policy.csv` (IAMC), `/api/policy.nc` (NetCDF), `/api/policy.nml` (the namelist for the CLI);
/// `GET /api/lab/<name>`. Inputs are checked by the namelist fields; nothing from a client names a file.
public final class SimulatorAPI: @unchecked Sendable {
    public static let maximumBodyBytes = 8 * 1024
    public static let maximumQueryBytes = 4 * 1024

    public let simulator: PolicySimulator
    public let labs: LabService
    let assets: WebAssets
    /// One computation at a time (each one uses every core); requests wait here in order.
    private let queue = DispatchQueue(label: "earthbox.serve.simulator")
    private let lock = NSLock()
    private var latest: [String: Int] = [:]
    private var counter = 0
    let limiter: RateLimiter
    /// Where NetCDF downloads are written before they are sent (removed at once, and the folder at exit).
    let scratch: URL

    public init(simulator: PolicySimulator, labs: LabService = LabService(), requestsPerSecond: Double = 40, burst: Double = 80) throws {
        self.simulator = simulator
        self.labs = labs
        assets = try WebAssets()
        limiter = RateLimiter(rate: requestsPerSecond, burst: burst)
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("earthbox-serve-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// Builds the stored members of the default base SSP, so the first slider move is as fast as the rest.
    public func warmUp() {
        queue.sync { _ = try? simulator.run(PolicyRequest()) }
    }

    public func handle(_ r: APIRequest) async -> APIResponse {
        guard limiter.allow(r.client) else { return .error(429, field: nil, "too many requests: at most \(Int(limiter.rate)) per second") }
        guard r.body.count <= Self.maximumBodyBytes else { return .error(413, field: nil, "request body larger than \(Self.maximumBodyBytes) bytes") }
        guard r.query.reduce(0, { $0 + $1.0.utf8.count + $1.1.utf8.count + 2 }) <= Self.maximumQueryBytes else {
            return .error(413, field: nil, "query string longer than \(Self.maximumQueryBytes) bytes")
        }
        switch (r.method, r.path) {
        case ("GET", "/api/schema"): return .json(200, schema())
        case ("GET", "/api/openapi.json"): return assets.response(for: "openapi.json") ?? .error(404, field: nil, "no such resource")
        case ("GET", "/api/policy"), ("POST", "/api/policy"), ("GET", "/api/policy.csv"), ("GET", "/api/policy.nc"), ("GET", "/api/policy.nml"),
             ("GET", "/api/policy.removals.csv"):
            let parameters: [(String, String)]
            if r.method == "POST" {
                switch Self.jsonParameters(r.body) {
                case .success(let p): parameters = p
                case .failure(let problem): return .error(400, field: problem.field, problem.message)
                }
            } else { parameters = r.query }
            let request: PolicyRequest
            do { request = try PolicyRequest.parse(parameters, regions: simulator.history.regions) } catch {
                return .error(400, field: error.field, error.message)
            }
            if r.path == "/api/policy.nml" {
                let text = request.namelistText(folder: "Runs/web", historyFile: simulator.options.historyFile, endYear: simulator.endYear)
                return APIResponse(status: 200, contentType: "text/plain; charset=utf-8", body: Data(text.utf8),
                                   headers: [("Content-Disposition", "attachment; filename=\"earthbox-web.nml\"")])
            }
            if r.path == "/api/policy.removals.csv" {
                return await onQueue {
                    do {
                        let text = try self.simulator.removalsFile(request)
                        return APIResponse(status: 200, contentType: "text/csv; charset=utf-8", body: Data(text.utf8),
                                           headers: [("Content-Disposition", "attachment; filename=\"\(request.runName)-removals.csv\"")])
                    } catch let error as InputError { return .error(400, field: error.key, error.message) } catch { return .error(400, field: nil, "\(error)") }
                }
            }
            let client = parameters.last { $0.0 == "client" }?.1 ?? r.client
            return await compute(request, client: String(client.prefix(64)), format: String(r.path.dropFirst("/api/policy".count)))
        case ("GET", _) where r.path.hasPrefix("/api/lab/"):
            let name = String(r.path.dropFirst("/api/lab/".count))
            return await onQueue {
                let start = DispatchTime.now()
                do {
                    let table = try self.labs.table(name, parameters: r.query)
                    return .json(200, Self.labJSON(table, name: name, milliseconds: Self.milliseconds(since: start)))
                } catch let problem as PolicyRequest.Problem { return .error(400, field: problem.field, problem.message) }
                catch { return .error(400, field: nil, "\(error)") }
            }
        case ("GET", _) where r.path.hasPrefix("/api/"):
            return .error(404, field: nil, "no such API route: \(r.path)")
        case ("GET", _):
            let name = r.path == "/" || r.path.hasPrefix("/lab/") || r.path == "/policy" ? "index.html" : String(r.path.dropFirst())
            return assets.response(for: name) ?? .error(404, field: nil, "no such page: \(r.path)")
        default:
            return .error(405, field: nil, "method \(r.method) is not allowed on \(r.path)")
        }
    }

    private func onQueue(_ work: @escaping @Sendable () -> APIResponse) async -> APIResponse {
        await withCheckedContinuation { continuation in queue.async { continuation.resume(returning: work()) } }
    }

    /// Newest request wins: each request of a client gets a ticket; one still waiting or running when a newer
    /// one arrives is dropped (409), so the queue never works through stale slider positions.
    private func compute(_ request: PolicyRequest, client: String, format: String) async -> APIResponse {
        let ticket = lock.withLock {
            counter += 1
            if latest.count > 256 { latest.removeAll() }
            latest[client] = counter
            return counter
        }
        let isStale: @Sendable () -> Bool = { [weak self] in
            guard let self else { return true }
            return self.lock.withLock { self.latest[client] != ticket }
        }
        return await onQueue {
            if isStale() { return .error(409, field: nil, "superseded by a newer request") }
            let start = DispatchTime.now()
            let run: PolicyRun?
            do { run = try self.simulator.run(request, isStale: format.isEmpty ? isStale : { false }) }
            catch let error as InputError { return .error(400, field: error.key, error.message) }
            catch { return .error(400, field: nil, "\(error)") }
            guard let run else { return .error(409, field: nil, "superseded by a newer request") }
            switch format {
            case ".csv":
                return APIResponse(status: 200, contentType: "text/csv; charset=utf-8", body: Data(RunExport.iamc(run).csvText.utf8),
                                   headers: [("Content-Disposition", "attachment; filename=\"earthbox-web.csv\"")])
            case ".nc":
                do {
                    let data = try RunExport.netCDF(run, namelist: request.namelistText(folder: "Runs/web", historyFile: self.simulator.options.historyFile,
                                                                                         endYear: self.simulator.endYear), scratch: self.scratch)
                    return APIResponse(status: 200, contentType: "application/x-netcdf", body: data,
                                       headers: [("Content-Disposition", "attachment; filename=\"earthbox-web.nc\"")])
                } catch { return .error(500, field: nil, "cannot write the NetCDF file: \(error)") }
            default:
                // compute_ms in the body is the members' run; the header adds the plume percentiles and the JSON
                // (the whole server time from the request to the new plume data, what scripts/serve-bench.sh reports).
                let runMilliseconds = Self.milliseconds(since: start)
                var response = APIResponse.json(200, run.json(elapsedMilliseconds: runMilliseconds))
                response.headers = [("Server-Timing", String(format: "run;dur=%.2f, total;dur=%.2f", runMilliseconds, Self.milliseconds(since: start)))]
                return response
            }
        }
    }

    static func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }

    /// A JSON object of scalars as parameters; anything else is a 400.
    static func jsonParameters(_ body: Data) -> Result<[(String, String)], PolicyRequest.Problem> {
        guard let object = try? JSONDecoder().decode([String: JSONScalar].self, from: body) else {
            return .failure(.init(field: nil, message: "the body must be a JSON object whose values are numbers, strings or logicals"))
        }
        return .success(object.sorted { $0.key < $1.key }.map { ($0.key, $0.value.text) })
    }

    static func labJSON(_ t: LabTable, name: String, milliseconds: Double) -> String {
        let j = JSONWriter()
        j.object {
            j.field("lab", name)
            j.field("title", t.title)
            j.field("columns", t.columns)
            j.field("rows") { j.array(t.rows) }
            j.field("notes", t.notes)
            j.field("compute_ms", milliseconds)
        }
        return j.text
    }

    /// What the page needs to draw its controls: each field's range, unit and default from the namelist fields.
    func schema() -> String {
        let j = JSONWriter()
        func fields<G: NamelistGroup>(_ g: G.Type, _ keys: [String]) {
            for f in G.fields where keys.contains(f.key) {
                j.object {
                    j.field("name", f.key); j.field("group", G.groupName); j.field("type", f.typeName)
                    j.field("range", f.rangeText); j.field("unit", f.unit); j.field("default", f.defaultText(of: G()))
                    j.field("documentation", f.documentation)
                }
            }
        }
        let s = simulator
        j.object {
            j.field("scenarios", RunSettings.scenarios)
            j.field("decline_shapes", DeclineShape.allCases.map(\.rawValue))
            j.field("regions", s.history.regions)
            j.field("region_history") {
                j.object {
                    for region in s.history.regions {
                        j.field(region) {
                            j.object {
                                j.field("last_year", s.history.lastYear)
                                j.field("last_emissions_gt", (try? s.history.value(region, year: s.history.lastYear)).map { $0 / 1000 } ?? .nan)
                            }
                        }
                    }
                }
            }
            j.field("restart_year", s.restartYear)
            j.field("end_year", s.endYear)
            j.field("members", s.ensemble.memberCount)
            j.field("ensemble", (s.options.ensembleNamelist as NSString).lastPathComponent)
            j.field("constrained", s.ensemble.settings.constrain)
            j.field("fields") {
                j.arrayOf {
                    fields(PathwaySettings.self, PolicyRequest.pathwayKeys)
                    fields(ClimateParameters.self, PolicyRequest.climateKeys)
                    fields(ForcingAgentParameters.self, PolicyRequest.forcingKeys)
                    fields(RemovalByType.self, PolicyRequest.removalKeys)
                }
            }
            j.field("labs") {
                j.arrayOf {
                    for lab in LabService.labs {
                        j.object {
                            j.field("name", lab.name); j.field("title", lab.title); j.field("look_for", lab.lookFor)
                            j.field("parameters") {
                                j.arrayOf {
                                    for p in lab.parameters {
                                        j.object {
                                            j.field("name", p.name); j.field("label", p.label); j.field("unit", p.unit)
                                            j.field("min", p.minimum); j.field("max", p.maximum); j.field("step", p.step); j.field("initial", p.initial)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return j.text
    }
}

/// A JSON scalar of a POST body.
enum JSONScalar: Decodable {
    case bool(Bool), int(Int), double(Double), string(String)

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    var text: String {
        switch self {
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): d.description
        case .string(let s): s
        }
    }
}

/// Token bucket per client (Turner 1986): `burst` requests at once, `rate` per second sustained.
final class RateLimiter: @unchecked Sendable {
    let rate: Double, burst: Double
    private let lock = NSLock()
    private var buckets: [String: (tokens: Double, time: UInt64)] = [:]

    init(rate: Double, burst: Double) { self.rate = rate; self.burst = burst }

    func allow(_ client: String) -> Bool {
        let now = DispatchTime.now().uptimeNanoseconds
        return lock.withLock {
            if buckets.count > 1024 { buckets.removeAll() }
            var b = buckets[client] ?? (burst, now)
            b.tokens = min(burst, b.tokens + Double(now - b.time) / 1e9 * rate)
            b.time = now
            let ok = b.tokens >= 1
            if ok { b.tokens -= 1 }
            buckets[client] = b
            return ok
        }
    }
}
