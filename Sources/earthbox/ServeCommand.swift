import ArgumentParser
import EarthBox
import EarthBoxServer
import Foundation
import Synchronization

/// `earthbox serve`: the interactive simulator in the browser (docs/serve.md).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the interactive simulator (policy pathways with a live ensemble plume, the teaching labs) on http://127.0.0.1:PORT/.",
        discussion: "Run from the repository folder (it reads Forcing/, Observations/ and Namelists/). JSON API: /api/openapi.json.")

    @Option(help: "TCP port.")
    var port: Int = 8080

    @Option(help: "Address to listen on (default loopback only; another address exposes the simulator to the network).")
    var host: String = "127.0.0.1"

    @Option(help: "Ensemble namelist whose priors and constraints give the members (a calibrated ensemble drops in here).")
    var ensemble: String = PolicySimulator.Options().ensembleNamelist

    @Option(help: "Parameter samples drawn from the ensemble's priors.")
    var members: Int = PolicySimulator.Options().members

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("'--port': \(port) is not a TCP port (1-65535)") }
        guard (1...5000).contains(members) else { throw ValidationError("'--members': \(members) is outside the allowed range [1, 5000]") }
    }

    func run() throws {
        try reportingFailure { try serve() }
    }

    func serve() throws {
        var options = PolicySimulator.Options()
        options.ensembleNamelist = ensemble
        options.members = members
        let api = try SimulatorAPI(simulator: try PolicySimulator(options: options))
        signal(SIGPIPE, SIG_IGN)   // a browser that closes a connection early must not end the server
        let clock = ContinuousClock(), start = clock.now
        api.warmUp()
        FileHandle.standardOutput.write(Data("earthbox serve: \(api.simulator.ensemble.memberCount) members of \(ensemble) stored at \(api.simulator.restartYear) in \(clock.now - start)\n".utf8))
        let url = "http://\(host):\(port)/"
        let server = WebServer(api: api, host: host, port: UInt16(port)), host = self.host, port = self.port
        // The root command is synchronous: the server runs on Swift concurrency's pool while this thread waits.
        let stopped = DispatchSemaphore(value: 0)
        let failure = Mutex<CommandFailure?>(nil)
        Task {
            do {
                try await server.run {
                    FileHandle.standardOutput.write(Data("earthbox serve: listening on \(url)  (Ctrl-C stops)\n".utf8))
                }
            } catch { failure.withLock { $0 = CommandFailure("cannot listen on \(host):\(port): \(error)") } }
            stopped.signal()
        }
        stopped.wait()
        if let problem = failure.withLock({ $0 }) { throw problem }
    }
}
