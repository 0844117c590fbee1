import Foundation
import Testing
@testable import EarthBox

/// National net zero after a stated land sink (Cai, Cheng et al. 2021: China 0.12–1.11 PgC/yr).
@Suite struct LandSinkTests {
    func spec(sink: Double) -> PathwaySpec {
        var s = PathwaySpec()
        s.lastHistoricalYear = 2022; s.lastHistoricalMtCO2 = 11_397; s.historicalSlope = 250
        s.shape = .logistic; s.steepness = 8; s.residualMtCO2 = 1500; s.lastYear = 2300
        s.landSinkMtCO2 = sink * RegionalComposition.mtCO2PerPgC
        return s
    }

    @Test func declineEndsAtTheSinkAndIsUnchangedWithoutOne() throws {
        let none = try PathwayShape.generate(spec(sink: 0))
        var old = spec(sink: 0); old.landSinkMtCO2 = 0
        #expect(none == (try PathwayShape.generate(old)))
        #expect(none.net(year: 2060) == 0)
        for sink in [0.12, 0.5, 1.11] {
            let p = try PathwayShape.generate(spec(sink: sink))
            let s = sink * RegionalComposition.mtCO2PerPgC
            #expect(p.net(year: 2060) == s && p.net(year: 2200) == s, "net of CDR equals the counted sink from net zero on")
            #expect((2031..<2060).allSatisfy { p.net(year: $0) > s }, "above the sink before net zero")
            #expect(p.gross[2060 - p.firstYear] == s + 1500, "gross fossil allowed at net zero = sink + removals")
        }
        var bad = spec(sink: 0); bad.landSinkMtCO2 = 20_000
        #expect { try PathwayShape.generate(bad) } throws: { ($0 as? PathwayShape.Rejection)?.key == "land_sink" }
    }

    /// The report across the range: a larger sink reaches net zero earlier on the same pathway, allows more fossil
    /// CO2 at net zero and warms more (the sink is accounting only).
    @Test func reportAcrossTheChinaRange() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("gcb.csv")
        try "Year,China,World\n2016,2800,9900\n2017,2850,10000\n2018,2900,10100\n2019,2950,10100\n2020,2980,9600\n2021,3090,10000\n2022,3110,10140\n"
            .write(to: history, atomically: true, encoding: .utf8)
        let text = """
            &run
              scenario = 'ssp126'
              pathway_file = '\(folder.appendingPathComponent("p.csv").path)'
              start_year = 1750
              end_year = 2150
              forcing_directory = '\(TestSupport.forcingDirectory)'
            /
            &pathway
              region = 'China'
              peak_year = 2030
              peak_emissions = 12.5
              net_zero_year = 2060
              decline_shape = 'logistic'
              decline_steepness = 8.0
              residual_emissions = 1.5
              land_sink = 0.5
              land_sink_range = 0.12, 1.11
            /
            """
        let namelist = try Namelist.parse(text: text, file: "sink.nml")
        let central = try PathwayBuilder.build(namelist: namelist, historyFile: history.path)
        #expect(central.table.rows.contains { $0.variable == RegionalComposition.countedLandSink && $0.values[0] == 0.5 * 3664 })
        let rows = try LandSinkSensitivity.compute(namelist: namelist, historyFile: history.path, central: central)
        #expect(rows.map(\.sinkPgC) == [0.12, 0.5, 1.11])
        #expect(rows[1].netZeroYearOfCentralPathway == 2060)
        #expect(rows[0].netZeroYearOfCentralPathway == nil, "the central pathway stays above a 0.12 PgC/yr sink")
        #expect(rows[2].netZeroYearOfCentralPathway! < 2060)
        #expect(rows[0].allowedNetFossilGtCO2 < rows[1].allowedNetFossilGtCO2 && rows[1].allowedNetFossilGtCO2 < rows[2].allowedNetFossilGtCO2)
        #expect(rows[0].warming2100 < rows[1].warming2100 && rows[1].warming2100 < rows[2].warming2100)
        #expect(rows[0].peakWarming <= rows[2].peakWarming)
        let md = LandSinkSensitivity.markdown(rows, settings: try NamelistDecoder.decode(PathwaySettings.self, from: namelist))
        #expect(md.contains("| 0.12 |") && md.contains("| 0.50 (central) |") && md.contains("| 1.11 |"))
    }
}

/// The shipped pathway files start with the observed years after the RCMIP history, so the composed world fossil
/// CO2 has no step into the pathway (the world pathway on SSP1-1.9 used to jump +3.7 Gt CO2/yr from 2022 to 2023).
@Suite struct ShippedPathwayContinuityTests {
    @Test func composedEmissionsAreContinuous() throws {
        let folder = URL(fileURLWithPath: TestSupport.namelistDirectory).appendingPathComponent("pathways")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".nml") }.sorted()
        #expect(names.count >= 8)
        for name in names {
            var c = try RunConfiguration.load(path: folder.appendingPathComponent(name).path)
            c.run.forcingDirectory = TestSupport.forcingDirectory
            c.run.pathwayFile = URL(fileURLWithPath: TestSupport.forcingDirectory).deletingLastPathComponent().appendingPathComponent(c.run.pathwayFile).path
            c.run.endYear = 2030
            let d = try RunPlan(c).simulation.drivers
            let e = { (y: Int) in d[y, DriverColumns.co2Fossil] * RegionalComposition.mtCO2PerPgC / 1000 }
            // Largest observed year-on-year change 2010-2022 is the 2020 drop, about -2 Gt CO2/yr (GCB 2023).
            for year in 2015...2024 { #expect(abs(e(year) - e(year - 1)) < 2.2, "\(name): \(year - 1)->\(year) step \(e(year) - e(year - 1)) Gt CO2/yr") }
        }
    }
}
