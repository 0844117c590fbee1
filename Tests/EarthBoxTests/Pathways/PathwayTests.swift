import Foundation
import Testing
@testable import EarthBox

@Suite struct IAMCTableTests {
    let header = "Model,Scenario,Region,Variable,Unit,2023,2024,2025\n"

    @Test func readsAndWritesBack() throws {
        let text = "# note\n" + header + "M,S,China,Emissions|CO2|Fossil and Industrial,Mt CO2/yr,1,2.5,\n"
        let t = try IAMCTable.parse(text, path: "p.csv")
        #expect(t.years == [2023, 2024, 2025])
        #expect(t.rows[0].values[0] == 1 && t.rows[0].values[1] == 2.5 && t.rows[0].values[2].isNaN)
        #expect(t.rows[0].line == 3)
        let again = try IAMCTable.parse(t.csvText, path: "q.csv")
        #expect(again.rows[0].values[1] == 2.5 && again.comments == ["note"])
    }

    @Test func errorsNameFileLineColumnAndRow() {
        let bad = TestSupport.inputError { () throws(InputError) in
            try IAMCTable.parse(header + "M,S,China,Emissions|CO2,Mt CO2/yr,1,x2,3\n", path: "p.csv")
        }
        #expect(bad?.description == "p.csv:2:7: error: 'China|Emissions|CO2': year 2024: 'x2' is not a finite number")
        let short = TestSupport.inputError { () throws(InputError) in try IAMCTable.parse(header + "M,S,China,V,U,1\n", path: "p.csv") }
        #expect(short?.line == 2 && short?.column == 7)
        let head = TestSupport.inputError { () throws(InputError) in try IAMCTable.parse("Model,Scenario,Area,Variable,Unit,2023\n", path: "p.csv") }
        #expect(head?.line == 1 && head?.column == 3 && head?.key == "Region")
        let dup = TestSupport.inputError { () throws(InputError) in
            try IAMCTable.parse(header + "M,S,China,V,U,1,2,3\nM,S,China,V,U,1,2,3\n", path: "p.csv")
        }
        #expect(dup?.line == 3 && dup?.message.contains("line 2") == true)
        let years = TestSupport.inputError { () throws(InputError) in try IAMCTable.parse("Model,Scenario,Region,Variable,Unit,2024,2023\n", path: "p.csv") }
        #expect(years?.column == 7)
    }
}

@Suite struct PathwayGeneratorTests {
    func spec(_ shape: DeclineShape) -> PathwaySpec {
        var s = PathwaySpec()
        s.shape = shape; s.steepness = shape == .logistic ? 8 : 3
        s.peakYear = 2030; s.peakMtCO2 = 12_500; s.netZeroYear = 2060
        s.residualMtCO2 = 1500; s.removalRateMtCO2 = 2000; s.removalYears = 50
        s.lastHistoricalYear = 2022; s.lastHistoricalMtCO2 = 11_397; s.historicalSlope = 250
        return s
    }

    @Test(arguments: DeclineShape.allCases) func hitsItsNumbersExactly(_ shape: DeclineShape) throws {
        let p = try PathwayShape.generate(spec(shape))
        #expect(p.net(year: 2030) == 12_500)
        #expect(p.net.max() == 12_500)
        #expect(p.net(year: 2060) == 0)
        #expect((2023..<2060).allSatisfy { p.net(year: $0) > 0 })
        #expect(p.net(year: 2061) == -2000 && p.net(year: 2110) == -2000 && p.net(year: 2111) == 0)
        #expect(abs(p.cumulativeNetRemovals - 2000 * 50) <= 1e-9 * 1e5)
        #expect(p.removals[2060 - 2023] == 1500 && abs(p.gross[2100 - 2023] - 1500) < 1e-9)
        // Rises from the last observation to the peak, falls after it.
        #expect(zip(p.net[0..<7], p.net[1..<8]).allSatisfy { $0 < $1 })
        #expect(zip(p.net[7..<37], p.net[8..<38]).allSatisfy { $0 > $1 })
    }

    @Test func rejectsImpossibleRequests() {
        var s = spec(.linear); s.netZeroYear = 2025
        #expect(throws: PathwayShape.Rejection(key: "net_zero_year", message: "net_zero_year 2025 is not after peak_year 2030: net zero must come after the peak")) {
            try PathwayShape.generate(s)
        }
        s = spec(.linear); s.peakMtCO2 = -1000
        #expect { try PathwayShape.generate(s) } throws: { ($0 as? PathwayShape.Rejection)?.key == "peak_emissions" }
        s = spec(.linear); s.peakMtCO2 = 9000   // below the 2022 value: not a peak
        #expect { try PathwayShape.generate(s) } throws: { ($0 as? PathwayShape.Rejection)?.key == "peak_emissions" }
        s = spec(.linear); s.removalYears = 0
        #expect { try PathwayShape.generate(s) } throws: { ($0 as? PathwayShape.Rejection)?.key == "removal_years" }
    }

    @Test func namelistErrorsNameFileLineAndKey() throws {
        let text = "&run\n  scenario = 'ssp126'\n  pathway_file = 'x.csv'\n  forcing_directory = '\(TestSupport.forcingDirectory)'\n/\n&pathway\n  region = 'World'\n  peak_year = 2030\n  net_zero_year = 2020\n  history_file = '/nonexistent'\n/\n"
        let namelist = try Namelist.parse(text: text, file: "p.nml")
        let history = URL(fileURLWithPath: try TestSupport.temporaryDirectory().path).appendingPathComponent("gcb.csv")
        try "# test\nYear,China,World\n2016,2800,9900\n2017,2850,10000\n2018,2900,10100\n2019,2950,10100\n2020,2980,9600\n2021,3090,10000\n2022,3110,10140\n"
            .write(to: history, atomically: true, encoding: .utf8)
        let e = TestSupport.inputError { () throws(InputError) in try PathwayBuilder.build(namelist: namelist, historyFile: history.path) }
        #expect(e?.file == "p.nml" && e?.line == 9 && e?.key == "net_zero_year")
        #expect(e?.message.contains("after the peak") == true)
    }
}

@Suite struct RegionalCompositionTests {
    static let base = Result { () throws(InputError) -> DriverSeries in try ScenarioDrivers.load(directory: TestSupport.forcingDirectory, scenario: "ssp126").drivers }

    func table(region: String, pathway: (Int) -> Double, baseline: (Int) -> Double, years: ClosedRange<Int> = 2023...2500) -> IAMCTable {
        let y = Array(years)
        return IAMCTable(path: "t.csv", extraColumns: ["Base_Scenario"], years: y, rows: [
            .init(model: "M", scenario: "S", region: region, variable: RegionalComposition.co2, unit: "Mt CO2/yr", extra: ["ssp126"], values: y.map(pathway), line: 2),
            .init(model: "M", scenario: "S", region: region, variable: RegionalComposition.baseline, unit: "Mt CO2/yr", extra: ["ssp126"], values: y.map(baseline), line: 3),
        ])
    }

    @Test func regionAtItsBaselineReproducesTheBaseBitForBit() throws {
        let base = try Self.base.get()
        let b = { (y: Int) in 0.3068 * base[y, DriverColumns.co2Fossil] * 3664 }
        let out = try RegionalComposition.compose(base: base, pathway: table(region: "China", pathway: b, baseline: b), baseScenario: "ssp126")
        #expect(out == base)
    }

    @Test func globalEqualsBaseMinusBaselinePlusPathway() throws {
        let base = try Self.base.get()
        let b = { (y: Int) in 0.3 * base[y, DriverColumns.co2Fossil] * 3664 }
        let p = { (y: Int) in max(0, 12000 - 300 * Double(y - 2023)) }
        let out = try RegionalComposition.compose(base: base, pathway: table(region: "China", pathway: p, baseline: b), baseScenario: "ssp126")
        for y in base.firstYear...base.lastYear {
            let expected = y < 2023 ? base[y, DriverColumns.co2Fossil] : base[y, DriverColumns.co2Fossil] + (p(y) - b(y)) / 3664
            #expect(abs(out[y, DriverColumns.co2Fossil] - expected) <= 1e-12 * max(1, abs(expected)))
        }
        // Every other column is the base's.
        for c in 1..<base.columnCount { #expect((base.firstYear...base.lastYear).allSatisfy { out[$0, c] == base[$0, c] || (out[$0, c].isNaN && base[$0, c].isNaN) }) }
    }

    @Test func wrongBaseScenarioAndMissingBaselineAreErrors() throws {
        let base = try Self.base.get()
        let t = table(region: "China", pathway: { _ in 1 }, baseline: { _ in 1 })
        let e = TestSupport.inputError { () throws(InputError) in try RegionalComposition.compose(base: base, pathway: t, baseScenario: "ssp245") }
        #expect(e?.line == 2 && e?.column == 6 && e?.message.contains("ssp126") == true)
        var noBaseline = t; noBaseline.rows.removeLast()
        let m = TestSupport.inputError { () throws(InputError) in try RegionalComposition.compose(base: base, pathway: noBaseline, baseScenario: "ssp126") }
        #expect(m?.message.contains("baseline") == true)
    }

    @Test func shippedPathwayFilesComposeConsistently() throws {
        let dir = URL(fileURLWithPath: TestSupport.forcingDirectory).appendingPathComponent("pathways").path
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".csv") }
        #expect(files.count >= 7)
        for f in files {
            let t = try IAMCTable.load(path: "\(dir)/\(f)")
            let scenario = t.extra("Base_Scenario", of: t.rows[0])!
            let base = try ScenarioDrivers.load(directory: TestSupport.forcingDirectory, scenario: scenario).drivers
            let out = try RegionalComposition.compose(base: base, pathway: t, baseScenario: scenario)
            // The file's own World total (regional pathways) is what the run uses.
            if let world = t.row(region: "World", variable: RegionalComposition.co2), t.row(region: "World", variable: RegionalComposition.baseline) == nil {
                for (j, y) in t.years.enumerated() { #expect(abs(world.values[j] / 3664 - out[y, DriverColumns.co2Fossil]) < 1e-9) }
            }
        }
    }
}

@Suite struct PathwayPhysicsTests {
    // Reference: AR6 WG1 SPM Table SPM.1 very likely ranges of 2081–2100 warming vs 1850–1900.
    @Test func sspWarmingInsideAR6VeryLikelyRanges() throws {
        let ranges: [(String, ClosedRange<Double>)] = [("ssp119", 1.0...1.8), ("ssp126", 1.3...2.4), ("ssp245", 2.1...3.5), ("ssp370", 2.8...4.6), ("ssp585", 3.3...5.7)]
        for (scenario, range) in ranges {
            let r = try TestSupport.run(TestSupport.configuration(scenario: scenario)).get()
            let warming = r.mean(.surfaceTemperature, from: 2081, to: 2100) - r.mean(.surfaceTemperature, from: 1850, to: 1900)
            print("\(scenario) 2081-2100 warming \(warming) K")
            #expect(range.contains(warming), "\(scenario): \(warming) K outside AR6 \(range)")
        }
    }

    /// A global pathway on SSP1-2.6 with and without a net-negative phase (−10 Gt CO2/yr for 50 years after net zero in 2060).
    @Test func netNegativePhaseLowersCO2AndLaterTemperatureWithoutNegativePools() throws {
        let plan = try TestSupport.plan(TestSupport.configuration(scenario: "ssp126", endYear: 2250))
        let base = try RegionalCompositionTests.base.get()
        func run(removal: Double) throws -> RunRecord {
            var s = PathwaySpec()
            s.region = "World"; s.peakYear = 2025; s.peakMtCO2 = 38_000; s.netZeroYear = 2060
            s.removalRateMtCO2 = removal; s.removalYears = removal > 0 ? 50 : 0
            s.lastHistoricalYear = 2022; s.lastHistoricalMtCO2 = 37_150; s.historicalSlope = 200
            let p = try PathwayShape.generate(s)
            let t = RegionalCompositionTests().table(region: "World", pathway: { p.net(year: $0) }, baseline: { base[$0, DriverColumns.co2Fossil] * 3664 })
            let drivers = try RegionalComposition.compose(base: base, pathway: t, baseScenario: "ssp126").slice(from: 1750, to: 2250)
            return Simulation(model: plan.simulation.model, drivers: drivers).run()
        }
        let plain = try run(removal: 0), cdr = try run(removal: 10_000)
        #expect(abs(plain.value(.co2Concentration, year: 2060) - cdr.value(.co2Concentration, year: 2060)) < 1e-9)
        #expect(cdr.value(.co2Concentration, year: 2080) < plain.value(.co2Concentration, year: 2080) - 5)
        #expect(cdr.value(.co2Concentration, year: 2110) < plain.value(.co2Concentration, year: 2110) - 20)
        // Temperature follows with a lag: barely different in the first years of removal, clearly lower later.
        let d = { (y: Int) in plain.value(.surfaceTemperature, year: y) - cdr.value(.surfaceTemperature, year: y) }
        #expect(d(2062) < 0.02)
        #expect(d(2110) > 0.1 && d(2110) > d(2070))
        #expect(TestSupport.negativePools(cdr).isEmpty)
        #expect(TestSupport.nonFinite(cdr).isEmpty)
    }
}

@Suite struct CompareTests {
    @Test func compareWritesTableCSVMarkdownAndReport() throws {
        let dir = try TestSupport.temporaryDirectory()
        var files: [String] = []
        for (name, pathway) in [("esm-ssp119", ""), ("world", "pathways/world-p2025-nz2050-ssp119.csv")] {
            let c = TestSupport.configuration(scenario: "ssp119", endYear: 2120) {
                $0.run.runName = name
                if !pathway.isEmpty { $0.run.pathwayFile = TestSupport.forcingDirectory + "/" + pathway }
            }
            let plan = try TestSupport.plan(c)
            let path = dir.appendingPathComponent(name + ".nc").path
            try NetCDF.write(RunDataset.make(record: plan.run(), plan: plan), to: path)
            files.append(path)
        }
        let runs = try files.flatMap { try RunSeries.load(path: $0) }
        #expect(runs[1].isPathway && runs[1].baseScenario == "ssp119")
        let comparison = Comparison(runs: runs)
        let out = dir.appendingPathComponent("compare").path
        let result = try ComparisonReport(comparison).write(to: out)
        let csv = try String(contentsOfFile: out + "/compare.csv", encoding: .utf8)
        #expect(csv.hasPrefix("Model,Scenario,Region,Variable,Unit,Year,Value\n"))
        #expect(csv.contains("EarthBox,world,World,Surface Air Temperature Change,K,2100,"))
        let md = try String(contentsOfFile: out + "/compare.md", encoding: .utf8)
        #expect(md.contains("| Pathway | Base | Region | Runs | Peak warming (K)"))
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<table>") && !html.contains("src=\"http"))
        #expect(!html.contains("<script src") && !html.contains("<link"))
        _ = try IAMCTable.load(path: out + "/series.csv")
        if result.figureNote == nil {
            for f in ComparisonReport.figureNames {
                #expect(FileManager.default.fileExists(atPath: out + "/\(f).png") && FileManager.default.fileExists(atPath: out + "/\(f).svg"))
            }
            #expect(html.contains("<svg"))
        }
        // The pathway's effect is measured against the base run.
        #expect(comparison.baseGroup(of: comparison.groups[1])?.label == "esm-ssp119")
        #expect(comparison.groups[1].region?.name == "World" && comparison.groups[1].region?.netZeroYear == 2050)
        #expect(!FileManager.default.fileExists(atPath: out + "/.compare.tmp-\(ProcessInfo.processInfo.processIdentifier)"))
    }
}
