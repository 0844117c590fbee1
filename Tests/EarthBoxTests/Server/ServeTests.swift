import Foundation
import Testing
@testable import EarthBox
@testable import EarthBoxServer

/// `earthbox serve`: the page's numbers are the CLI's numbers, inputs are checked with the namelist's messages,
/// and the API refuses what it must refuse. (Speed is measured by scripts/serve-bench.sh in release, not here.)
enum ServeSupport {
    static let root = URL(fileURLWithPath: TestSupport.forcingDirectory).deletingLastPathComponent().path
    static func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    static func options(members: Int) -> PolicySimulator.Options {
        var o = PolicySimulator.Options()
        o.forcingDirectory = TestSupport.forcingDirectory
        o.observationsDirectory = path("Observations")
        o.historyFile = path(o.historyFile)
        o.ensembleNamelist = path(o.ensembleNamelist)
        o.members = members
        return o
    }

    /// A small ensemble (8 members) shared by the tests; the ensemble namelist's observations directory is relative,
    /// so it is read with the repository as the current folder.
    static let simulator: Result<PolicySimulator, InputError> = Result { () throws(InputError) -> PolicySimulator in
        try PolicySimulator(options: options(members: 8))
    }

    static func parse(_ p: [(String, String)]) throws(PolicyRequest.Problem) -> PolicyRequest {
        try PolicyRequest.parse(p, regions: ["China", "World"])
    }

    static let chinaWithRemoval: [(String, String)] = [
        ("mode", "single"), ("scenario", "ssp126"), ("pathway", "on"), ("region", "China"), ("peak_year", "2028"),
        ("peak_emissions", "12.2"), ("net_zero_year", "2060"), ("decline_shape", "logistic"), ("decline_steepness", "8"),
        ("residual_emissions", "1.5"), ("removal_rate", "1"), ("removal_years", "40"), ("non_co2_fraction", "0.8"),
        ("equilibrium_climate_sensitivity", "3.4"), ("aerosol_radiation_scale", "1.2"), ("aerosol_cloud_scale", "1.2"),
    ]
}

@Suite struct ServeRequestTests {
    @Test func outOfRangeValuesGetTheNamelistMessage() throws {
        // The same key written in a namelist file gives the same message.
        let text = "&climate\n  equilibrium_climate_sensitivity = 20.0\n/\n"
        var fileMessage = ""
        do { _ = try RunConfiguration.from(try Namelist.parse(text: text, file: "x.nml")) } catch { fileMessage = error.message }
        #expect(!fileMessage.isEmpty)
        #expect(throws: PolicyRequest.Problem(field: "equilibrium_climate_sensitivity", message: fileMessage)) {
            try ServeSupport.parse([("equilibrium_climate_sensitivity", "20.0")])
        }
        #expect(throws: PolicyRequest.Problem(field: "peak_year", message: "expected an integer, got the real number 2030.5")) {
            try ServeSupport.parse([("pathway", "on"), ("peak_year", "2030.5")])
        }
        #expect(throws: PolicyRequest.Problem.self) { try ServeSupport.parse([("history_file", "/etc/passwd")]) }
        #expect(throws: PolicyRequest.Problem.self) { try ServeSupport.parse([("aerosol_cloud_scale", "nan")]) }
        #expect(throws: PolicyRequest.Problem.self) { try ServeSupport.parse([("pathway", "on"), ("region", "Atlantis")]) }
        #expect(throws: PolicyRequest.Problem.self) { try ServeSupport.parse([("scenario", "ssp999")]) }
    }

    @Test func parametersRoundTrip() throws {
        let r = try ServeSupport.parse(ServeSupport.chinaWithRemoval)
        #expect(try ServeSupport.parse(r.parameters) == r)
        #expect(r.pathway?.removalYears == 40 && r.climate.equilibriumClimateSensitivity == 3.4)
    }

    @Test func rateLimiterRefusesBeyondTheBurst() {
        let limiter = RateLimiter(rate: 0.001, burst: 3)
        #expect((0..<5).map { _ in limiter.allow("a") } == [true, true, true, false, false])
        #expect(limiter.allow("b"))
    }

    @Test func jsonWriterEscapesAndWritesNullForNonFinite() {
        let j = JSONWriter()
        j.object { j.field("a\"b", [1.5, .nan, .infinity]); j.field("s", "x\ny") }
        #expect(j.text == #"{"a\"b":[1.5,null,null],"s":"x\ny"}"#)
    }
}

@Suite(.serialized) struct ServeSimulationTests {
    /// The single-member page equals `earthbox pathway` + `earthbox run` on the namelist the page offers for download
    /// (bit for bit: the restart at 2023 continues the stored state exactly).
    @Test func singleMemberEqualsTheRunCommand() throws {
        let simulator = try ServeSupport.simulator.get()
        let request = try ServeSupport.parse(ServeSupport.chinaWithRemoval)
        let run = try #require(try simulator.run(request))
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = request.namelistText(folder: folder.path, historyFile: simulator.options.historyFile, endYear: simulator.endYear)
            .replacingOccurrences(of: "forcing_directory = 'Forcing'", with: "forcing_directory = '\(TestSupport.forcingDirectory)'")
        let path = folder.appendingPathComponent("web.nml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let built = try PathwayBuilder.build(namelist: try Namelist.load(path: path))   // `earthbox pathway`
        try Data(built.table.csvText.utf8).write(to: URL(fileURLWithPath: built.table.path))
        let record = try RunPlan(try RunConfiguration.load(path: path)).run()         // `earthbox run`
        #expect(record.firstYear == run.firstYear && record.yearCount == run.yearCount)
        #expect(Array(run.memberSeries(.tas, member: 0)) == record.series(.surfaceTemperature))
        #expect(Array(run.memberSeries(.co2, member: 0)) == record.series(.co2Concentration))
        #expect(Array(run.memberSeries(.seaLevel, member: 0)) == record.series(.thermostericSeaLevel))
        let baseline = record.mean(.surfaceTemperature, from: 1850, to: 1900)
        #expect(run.warmingPlume(from: 2100)[2][0] == record.value(.surfaceTemperature, year: 2100) - baseline)
        // The pathway really changed the run: the same request without it differs after 2022 only.
        var plain = request
        plain.pathway = nil
        let base = try #require(try simulator.run(plain))
        let i2022 = 2022 - run.firstYear
        #expect(Array(base.memberSeries(.tas, member: 0))[...i2022] == Array(run.memberSeries(.tas, member: 0))[...i2022])
        #expect(base.memberSeries(.tas, member: 0).last != run.memberSeries(.tas, member: 0).last)
    }

    /// The ensemble page equals `earthbox ensemble` on the same namelist and members (no pathway): the same
    /// weights, peak warming, 2081–2100 warming and P(>1.5 °C), P(>2 °C).
    @Test func ensembleEqualsTheEnsembleCommand() throws {
        let simulator = try ServeSupport.simulator.get()
        let run = try #require(try simulator.run(PolicyRequest()))
        let configuration = simulator.ensemble
        var worker = try EnsembleWorker(configuration: configuration)
        let tasks = EnsembleTaskList(configuration: configuration)
        var results = EnsembleResults(configuration: configuration, taskList: tasks)
        for (t, task) in tasks.tasks.enumerated() {
            guard case .scenario = task else { continue }
            var values: [Double] = []
            worker.run(task, appendingTo: &values)
            results.store(task: t, values[...])
        }
        let analysis = EnsembleAnalysis(results: results, observations: try Observations.load(directory: ServeSupport.path("Observations")))
        #expect(run.weights == analysis.weights)
        #expect(run.summary(.peakWarming) == results.summary(.peakWarming, scenario: 0))
        #expect(run.summary(.warming2081to2100) == results.summary(.warming2081to2100, scenario: 0))
        let peak = results.summary(.peakWarming, scenario: 0)
        let json = run.json(elapsedMilliseconds: 0)
        let p15 = WeightedStatistics.exceedanceProbability(peak, weights: analysis.weights, threshold: 1.5)
        #expect(json.contains("\"p_above_1_5\":\(p15 == p15.rounded() ? String(Int(p15)) : p15.description)"))
        #expect(run.memberCount == 8)
    }

    @Test func staleRequestsStopAndReturnNothing() throws {
        let simulator = try ServeSupport.simulator.get()
        #expect(try simulator.run(PolicyRequest(), isStale: { true }) == nil)
    }

    @Test func apiAnswersErrorsAsJSON() async throws {
        let api = try SimulatorAPI(simulator: try ServeSupport.simulator.get(),
                                   labs: LabService(namelistDirectory: ServeSupport.path("Namelists/teaching"), forcingDirectory: TestSupport.forcingDirectory))
        let bad = await api.handle(APIRequest(method: "GET", path: "/api/policy", query: [("equilibrium_climate_sensitivity", "20")]))
        #expect(bad.status == 400)
        let object = try #require(try JSONSerialization.jsonObject(with: bad.body) as? [String: Any])
        #expect(object["field"] as? String == "equilibrium_climate_sensitivity")
        #expect((object["message"] as? String)?.contains("outside the allowed range [0.5, 10.0]") == true)
        let big = await api.handle(APIRequest(method: "POST", path: "/api/policy", body: Data(repeating: 32, count: SimulatorAPI.maximumBodyBytes + 1)))
        #expect(big.status == 413)
        let notJSON = await api.handle(APIRequest(method: "POST", path: "/api/policy", body: Data("{\"mode\": [1]}".utf8)))
        #expect(notJSON.status == 400)
        #expect(await api.handle(APIRequest(method: "GET", path: "/../Package.swift")).status == 404)
        #expect(await api.handle(APIRequest(method: "DELETE", path: "/api/policy")).status == 405)
        let ok = await api.handle(APIRequest(method: "POST", path: "/api/policy", body: Data(#"{"mode": "single", "pathway": "on", "peak_year": 2030, "peak_emissions": 40}"#.utf8)))
        #expect(ok.status == 200)
        let csv = await api.handle(APIRequest(method: "GET", path: "/api/policy.csv", query: [("mode", "single")]))
        #expect(String(decoding: csv.body, as: UTF8.self).contains("AR6 climate diagnostics|Surface Temperature (GSAT)|EarthBox|50.0th Percentile"))
        let nc = await api.handle(APIRequest(method: "GET", path: "/api/policy.nc", query: [("mode", "single")]))
        #expect(nc.status == 200 && nc.body.prefix(4) == Data([0x89, 0x48, 0x44, 0x46]))   // HDF5 signature (netCDF-4)
        let lab = await api.handle(APIRequest(method: "GET", path: "/api/lab/ocean-depth", query: [("diffusivities", "50")]))
        #expect(lab.status == 400 && String(decoding: lab.body, as: UTF8.self).contains("outside the allowed range"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: api.scratch.path).isEmpty)
    }
}

@Suite struct ServeLabTests {
    /// A lab through the service equals `earthbox run` on its shipped namelist with the same key added.
    @Test func labEqualsTheRunCommandWithTheKeyAdded() throws {
        let service = LabService(namelistDirectory: ServeSupport.path("Namelists/teaching"), forcingDirectory: TestSupport.forcingDirectory)
        let table = try service.table("ocean-depth", parameters: [("diffusivities", "1.0"), ("mixed_layer_depths", "100")])
        var c = try RunConfiguration.load(path: ServeSupport.path("Namelists/teaching/ocean-depth.nml"))
        c.run.forcingDirectory = TestSupport.forcingDirectory
        c.teaching.diffusivities += [1.0]
        c.teaching.mixedLayerDepths += [100]
        #expect(table == (try TeachingLab.table(for: c, teaching: c.teaching)))
        #expect(table.rows.count == 16)
        // Documented (docs/teaching.md): TCR from ~2.2 to ~1.5 K as the ocean mixes faster.
        let tcr = table.column("TCR_K")
        #expect(abs(tcr.max()! - 2.2) < 0.1 && abs(tcr.min()! - 1.5) < 0.1)
        #expect(throws: PolicyRequest.Problem.self) { try service.table("ocean-depth", parameters: [("forcing_directory", "/")]) }
        #expect(throws: PolicyRequest.Problem.self) { try service.table("../default", parameters: []) }
    }
}
