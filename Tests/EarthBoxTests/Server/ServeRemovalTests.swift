import Foundation
import Testing
@testable import EarthBox
@testable import EarthBoxServer

/// The policy page's CO2 removal by type: the pathway's removals split between geological storage, afforestation
/// and ocean alkalinity enhancement reach the model's drivers, the routes give different climates for the same
/// removal on paper, the carbon ledger closes, and the page equals `earthbox run` with its removals file.
@Suite(.serialized) struct ServeRemovalTests {
    /// A world pathway with residual emissions and a net-negative phase (100 PgC removed 2023–2100), with every removal
    /// done by one route from the first pathway year.
    static let world: [(String, String)] = [
        ("scenario", "ssp126"), ("pathway", "on"), ("region", "World"), ("peak_year", "2030"), ("peak_emissions", "40"),
        ("net_zero_year", "2060"), ("residual_emissions", "3"), ("removal_rate", "5"), ("removal_years", "40"),
    ]
    static func request(_ route: RemovalByType.Route, mode: String) throws -> PolicyRequest {
        var p = world + [("mode", mode)]
        switch route {
        case .geological: break
        case .land: p += [("land_removal_capacity", "20"), ("land_removal_start_year", "2023"), ("land_removal_ramp_years", "0")]
        case .ocean: p += [("ocean_alkalinity_capacity", "20"), ("ocean_alkalinity_start_year", "2023"), ("ocean_alkalinity_ramp_years", "0")]
        }
        return try ServeSupport.parse(p)
    }

    @Test func requestKeysAreCheckedAndRoundTrip() throws {
        let r = try ServeSupport.parse(ServeSupport.chinaWithRemoval + [("land_removal_capacity", "1.5"), ("ocean_alkalinity_start_year", "2040")])
        #expect(r.removal.landCapacity == 1.5 && r.removal.oceanStartYear == 2040)
        #expect(try ServeSupport.parse(r.parameters) == r)
        #expect(throws: PolicyRequest.Problem(field: "land_removal_capacity",
                                              message: "value 25.0 is outside the allowed range [0.0, 20.0] (unit: Gt CO2 yr-1)")) {
            try ServeSupport.parse([("pathway", "on"), ("land_removal_capacity", "25")])
        }
        #expect(throws: PolicyRequest.Problem.self) { try ServeSupport.parse([("pathway", "on"), ("ocean_alkalinity_start_year", "2020")]) }
    }

    @Test func splitFillsLandThenOceanAndKeepsTheTotal() {
        var s = RemovalByType()
        s.landCapacity = 1; s.landStartYear = 2030; s.landRampYears = 10
        s.oceanCapacity = 0.5; s.oceanStartYear = 2035; s.oceanRampYears = 0
        #expect(s.split(2000, year: 2029) == (2000, 0, 0))
        #expect(s.split(2000, year: 2030) == (1900, 100, 0))      // first ramp year: 1/10 of 1 Gt
        #expect(s.split(2000, year: 2050) == (500, 1000, 500))
        #expect(s.split(700, year: 2050) == (0, 700, 0))
        let parts = s.split(1234.5, year: 2037)
        #expect(parts.geological + parts.land + parts.ocean == 1234.5)
    }

    /// The same pathway, the same removal on paper, three routes: different CO2 and warming in 2100; every route's
    /// carbon booked in the model and the carbon ledger closed in every member and year.
    @Test func routesGiveDifferentClimatesForTheSameRemovalAndTheLedgerCloses() throws {
        let simulator = try ServeSupport.simulator.get()
        var runs: [RemovalByType.Route: PolicyRun] = [:]
        for route in RemovalByType.Route.allCases { runs[route] = try #require(try simulator.run(try Self.request(route, mode: "ensemble"))) }
        let g = runs[.geological]!, l = runs[.land]!, o = runs[.ocean]!
        // The same removals on paper: 2023–2100 sums of the three routes' series are equal.
        let totals = [g, l, o].map { run in run.removalsByRoute.map { $0.reduce(0, +) }.reduce(0, +) }
        #expect(totals[0] > 300 && abs(totals[1] - totals[0]) < 1e-9 * totals[0] && abs(totals[2] - totals[0]) < 1e-9 * totals[0])
        for (run, route) in [(g, RemovalByType.Route.geological), (l, .land), (o, .ocean)] {
            #expect(run.removalEffects.map(\.route) == [route])
            let ledger = run.removalLedger()
            let nominal = run.removalEffects[0].nominalPgC
            #expect(abs(ledger.booked[route]! - nominal) < 1e-9 * nominal, "\(route): booked \(ledger.booked[route]!) of \(nominal) PgC")
            for other in RemovalByType.Route.allCases where other != route { #expect(ledger.booked[other]! == 0) }
            // The reservoirs hold ~ 4e4 PgC: the ledger closes to ~ 1e-10 of that.
            #expect(ledger.largestResidualPgC < 1e-6, "\(route): ledger residual \(ledger.largestResidualPgC) PgC")
        }
        let i = 2100 - g.firstYear
        let effects = [g, l, o].map { $0.removalEffects[0] }
        for k in 0..<g.memberCount {
            // Every pair of routes: a different 2100 climate (by > 1 ppm of CO2 or > 0.01 K of warming).
            let co2 = [g, l, o].map { $0.value(.co2, member: k, index: i) }, tas = [g, l, o].map { $0.value(.tas, member: k, index: i) }
            for (a, b) in [(0, 1), (0, 2), (1, 2)] {
                #expect(max(abs(co2[a] - co2[b]), abs(tas[a] - tas[b]) / 0.01) > 1, "member \(k), routes \(a) \(b): CO2 \(co2), tas \(tas)")
            }
            // A removal lowers CO2 and warming, but as CO2 falls the ocean and land give carbon back, so less than the
            // removed carbon stays out of the atmosphere: removal does not simply rewind (CDRMIP, Keller et al. 2018).
            for e in effects {
                #expect(e.co2Change2100[k] < 0 && e.warmingChange2100[k] < 0, "\(e.route) member \(k)")
                #expect(e.atmosphericCarbonAvoided2100[k] > 0.4 * e.nominalPgC && e.atmosphericCarbonAvoided2100[k] < 0.95 * e.nominalPgC,
                        "\(e.route) member \(k): \(e.atmosphericCarbonAvoided2100[k]) of \(e.nominalPgC) PgC kept out")
            }
            // New forest darkens the surface (land-use albedo) and loses carbon again to turnover and warming: for the
            // same removal it cools less than a geological store, in every member (by how much depends on the member's
            // land parameters: the ensemble mean is held to 0.02 K below).
            #expect(tas[1] > tas[0] && effects[1].warmingChange2100[k] > effects[0].warmingChange2100[k], "member \(k)")
            // The alkalinity's nominal 0.8 mol CO2 per mol is not all taken up by 2100: less stays out than with a store.
            #expect(effects[2].atmosphericCarbonAvoided2100[k] < effects[0].atmosphericCarbonAvoided2100[k] - 1, "member \(k)")
        }
        let landLess = (0..<g.memberCount).map { effects[1].warmingChange2100[$0] - effects[0].warmingChange2100[$0] }
        #expect(landLess.reduce(0, +) / Double(g.memberCount) > 0.02, "land cools less than a store by \(landLess) K")
        let json = l.json(elapsedMilliseconds: 0)
        #expect(json.contains(#""route":"land""#) && json.contains("\"warming_change_2100\""))
    }

    /// The page with removal by type equals `earthbox pathway` + `earthbox run` on the downloaded namelist and the
    /// removals file it names (bit for bit).
    @Test func singleMemberWithRemovalByTypeEqualsTheRunCommand() throws {
        let simulator = try ServeSupport.simulator.get()
        let request = try ServeSupport.parse(ServeSupport.chinaWithRemoval + [
            ("land_removal_capacity", "0.8"), ("land_removal_start_year", "2030"), ("land_removal_ramp_years", "20"),
            ("ocean_alkalinity_capacity", "0.5"), ("ocean_alkalinity_start_year", "2045"), ("ocean_alkalinity_ramp_years", "10")])
        let run = try #require(try simulator.run(request))
        #expect(run.removalEffects.map(\.route) == [.geological, .land, .ocean])
        let folder = try ProcessSupport.makeTempFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = request.namelistText(folder: folder.path, historyFile: simulator.options.historyFile, endYear: simulator.endYear)
            .replacingOccurrences(of: "forcing_directory = 'Forcing'", with: "forcing_directory = '\(TestSupport.forcingDirectory)'")
        #expect(text.contains("co2_emissions_file = '\(folder.path)/\(request.runName)-removals.csv'"))
        let path = folder.appendingPathComponent("web.nml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try Data(try simulator.removalsFile(request).utf8).write(to: folder.appendingPathComponent(request.runName + "-removals.csv"))
        let built = try PathwayBuilder.build(namelist: try Namelist.load(path: path))
        try Data(built.table.csvText.utf8).write(to: URL(fileURLWithPath: built.table.path))
        let record = try RunPlan(try RunConfiguration.load(path: path)).run()
        #expect(Array(run.memberSeries(.tas, member: 0)) == record.series(.surfaceTemperature))
        #expect(Array(run.memberSeries(.co2, member: 0)) == record.series(.co2Concentration))
        #expect(record.value(.landRemoval, year: 2029) == 0 && record.value(.landRemoval, year: 2060) > 0)
        #expect(record.value(.oceanAlkalinityAddition, year: 2044) == 0 && record.value(.oceanAlkalinityAddition, year: 2060) > 0)
        let total = TestSupport.carbonInReservoirs(record, index: 2100 - record.firstYear)
        for y in 2023...2100 { #expect(abs(record.value(.carbonLedgerResidual, year: y)) <= 1e-9 * total, "year \(y)") }
    }
}

@Suite struct ServeRemovalSubsetTests {
    /// Effects measured on a spread of members are exactly the full ensemble's effects of those members.
    @Test func effectsOnASubsetAreTheFullEffectsOfThoseMembers() throws {
        let full = try ServeSupport.simulator.get()
        var options = full.options
        options.effectMembers = 3
        let sparse = try PolicySimulator(options: options)
        let request = try ServeRemovalTests.request(.land, mode: "ensemble")
        let a = try #require(try full.run(request)), b = try #require(try sparse.run(request))
        #expect(PolicySimulator.spread(3, of: 8) == [0, 2, 5] && PolicySimulator.spread(20, of: 8) == Array(0..<8))
        let e = a.removalEffects[0], s = b.removalEffects[0]
        #expect(s.members == [0, 2, 5] && e.members == Array(0..<8))
        #expect(s.co2Change2100 == s.members.map { e.co2Change2100[$0] })
        #expect(s.peakWarmingChange == s.members.map { e.peakWarmingChange[$0] })
        #expect(a.summary(.peakWarming) == b.summary(.peakWarming))
    }

    /// The plumes' historical years come from the cache of the stored ensemble: the same bits as computing them.
    @Test func cachedHistoricalPlumesAreTheComputedOnes() throws {
        let simulator = try ServeSupport.simulator.get()
        let request = try ServeRemovalTests.request(.ocean, mode: "ensemble")
        _ = try #require(try simulator.run(request)).json(elapsedMilliseconds: 0)      // fills the cache
        var run = try #require(try simulator.run(request))
        #expect(run.historyPlumes != nil)
        let cached = run.json(elapsedMilliseconds: 0)
        run.historyPlumes = nil
        #expect(cached == run.json(elapsedMilliseconds: 0))
    }
}
