import Foundation
import Testing
@testable import EarthBox

/// The IAMC scenario reader: layouts, names, units, regions, and an error with file, line and column for every
/// case that used to be silent.
@Suite struct ScenarioFileTests {
    let header = "Model,Scenario,Region,Variable,Unit,2015,2020,2030\n"
    func row(_ variable: String, _ unit: String, _ values: String = "1,2,4", region: String = "World", model: String = "M", scenario: String = "S") -> String {
        "\(model),\(scenario),\(region),\(variable),\(unit),\(values)\n"
    }
    func parse(_ text: String) throws(InputError) -> [ScenarioInput] { try ScenarioFile.parse(text, path: "s.csv") }
    func error(_ text: String) -> InputError? { TestSupport.inputError { () throws(InputError) in try parse(text) } }
    let fossil = EmissionSpecies.index("co2_fossil")!, afolu = EmissionSpecies.index("co2_afolu")!
    let n2o = EmissionSpecies.index("n2o")!, sulfur = EmissionSpecies.index("sulfur")!, hfc = EmissionSpecies.index("hfc4310mee")!

    @Test func unitsConvertToModelUnits() throws {
        let text = header + row("Emissions|CO2|Energy and Industrial Processes", "Gt CO2/yr", "36.64,0,-3.664")
            + row("Emissions|CO2|AFOLU", "Mt C/yr", "1000,500,0") + row("Emissions|N2O", "kt N2O/yr", "7000,7000,7000")
            + row("Emissions|Sulfur", "Mt S/yr", "32.06,1,1") + row("Emissions|HFC|HFC43-10", "kt HFC43-10/yr", "1,1,1")
        let s = try parse(text)[0]
        let carbonPerCO2 = 12.011 / 44.009
        #expect(abs(s.given[fossil]!.values[0] - 36.64 * carbonPerCO2) < 1e-12)   // Gt CO2 → PgC
        #expect(s.given[afolu]!.values[0] == 1)                                     // Mt C → PgC
        #expect(abs(s.given[n2o]!.values[0] - 7) < 1e-12)                           // kt → Mt N2O
        #expect(abs(s.given[sulfur]!.values[0] - 64.058) < 1e-9)                    // Mt S → Mt SO2
        #expect(s.given[hfc]!.values[0] == 1)
        #expect(s.given[fossil]!.years == [2015, 2020, 2030])
    }

    @Test func longLayoutReadsLikeWide() throws {
        let wide = try parse(header + row("Emissions|CH4", "Mt CH4/yr", "300,310,320") + row("Emissions|CO2|MAGICC Fossil and Industrial", "Mt CO2/yr", "1,2,3"))[0]
        var long = "Model,Scenario,Region,Variable,Unit,Year,Value\n"
        for (y, v) in [(2030, "320"), (2015, "300"), (2020, "310")] { long += "M,S,World,Emissions|CH4,Mt CH4/yr,\(y),\(v)\n" }
        for (y, v) in [(2015, "1"), (2020, "2"), (2030, "3")] { long += "M,S,World,Emissions|CO2|MAGICC Fossil and Industrial,Mt CO2/yr,\(y),\(v)\n" }
        let l = try parse(long)[0]
        let ch4 = EmissionSpecies.index("ch4")!
        #expect(l.given[ch4]!.years == wide.given[ch4]!.years && l.given[ch4]!.values == wide.given[ch4]!.values)
        let dup = error(long + "M,S,World,Emissions|CH4,Mt CH4/yr,2020,5\n")
        #expect(dup?.line == 8 && dup?.column == 6 && dup?.message.contains("line 4") == true)
    }

    @Test func severalPairsAndRegionSums() throws {
        var text = header + row("Emissions|CH4", "Mt CH4/yr", model: "A") + row("Emissions|CH4", "Mt CH4/yr", model: "B", scenario: "T")
        for r in ["R5ASIA", "R5LAM", "R5MAF", "R5OECD90+EU", "R5REF"] { text += row("Emissions|N2O", "Mt N2O/yr", "1,1,1", region: r, model: "B", scenario: "T") }
        let all = try parse(text)
        #expect(all.map(\.label) == ["A|S", "B|T"])
        #expect(all[1].given[n2o]!.values == [5, 5, 5] && all[1].given[n2o]!.regions.count == 5)
        #expect(all[1].notes.contains { $0.contains("sum of the R5 regions") })
        // Native regions: the set is every `<Model>|<Region>` the scenario names; each variable must give all of them.
        let native = ["M|China", "M|India", "M|Rest"]
        var nativeText = header
        for r in native { nativeText += row("Emissions|N2O", "Mt N2O/yr", "1,2,3", region: r) + row("Emissions|CH4", "Mt CH4/yr", "1,1,1", region: r) }
        let n = try parse(nativeText)[0]
        #expect(n.given[n2o]!.values == [3, 6, 9])
        let missing = error(nativeText + row("Emissions|BC", "Mt BC/yr", region: "M|China"))
        #expect(missing?.column == 3 && missing?.message.contains("M|India") == true)
        #expect(error(header + row("Emissions|N2O", "Mt N2O/yr", region: "Other|China"))?.column == 3)
        let incomplete = error(header + row("Emissions|N2O", "Mt N2O/yr", region: "R5ASIA") + row("Emissions|N2O", "Mt N2O/yr", region: "R5LAM"))
        #expect(incomplete?.line == 2 && incomplete?.column == 3 && incomplete?.message.contains("R5MAF") == true)
    }

    /// Every case the issue found silent is an error at file:line:column, or a printed note.
    @Test func formerlySilentCasesAreErrors() {
        let cases: [(String, Int, Int, String)] = [
            (header + row("Emissions|Sulphur", "Mt SO2/yr"), 2, 4, "did you mean 'Emissions|Sulfur'"),
            (header + row("Emissions|BC", "Mt/yr"), 2, 5, "substance"),
            (header + row("Emissions|BC", "Mt BC"), 2, 5, "not a rate"),
            (header + row("Emissions|BC", "Mt BC/yr", region: "Worldd"), 2, 3, "did you mean 'World'"),
            (header + row("Emissions|BC", "Mt BC/yr") + row("Emissions|BC", "Mt BC/yr"), 3, 4, "line 2"),
            (header + row("Emissions|BC", "Mt BC/yr", ",,"), 2, 6, "would be ignored"),
            (header + row("Emissions|BC", "Mt BC/yr", "1,inf,2"), 2, 7, "finite"),
            (header + row("Emissions|CO2", "Mt CO2/yr"), 2, 4, "cannot be split"),
            (header + row("Emissions|CH4|AFOLU", "Mt CH4/yr"), 2, 4, "sector without its total"),
            (header + row("Primary Energy", "EJ/yr"), 2, 4, "not an Emissions"),
            ("# provenance\n" + header + row("Emissions|BC", "Mt BC/yr"), 1, 1, "comment lines"),
            (header + row("Emissions|CO2|AFOLU", "Mt CO2-equiv/yr"), 2, 5, "CO2-equivalent"),
            ("Model,Scenario,Region,Variable,Unit,1700\n", 1, 6, "outside"),
        ]
        for (text, line, column, message) in cases {
            let e = error(text)
            #expect(e?.file == "s.csv" && e?.line == line && e?.column == column && e?.message.contains(message) == true, "\(message): \(String(describing: e))")
        }
        #expect(error(header)?.message.contains("no data rows") == true)
        #expect(error("")?.message.contains("no header") == true)
    }

    @Test func totalsAndPartsAreCheckedOrCompleted() throws {
        let completed = try parse(header + row("Emissions|CO2", "Mt CO2/yr", "10,10,10") + row("Emissions|CO2|Energy and Industrial Processes", "Mt CO2/yr", "8,8,8"))[0]
        #expect(abs(completed.given[afolu]!.values[0] - 2 * 12.011 / 44.009 / 1000) < 1e-15)
        #expect(completed.notes.contains { $0.contains("AFOLU = Emissions|CO2") })
        let mismatch = error(header + row("Emissions|CO2", "Mt CO2/yr", "10,10,10") + row("Emissions|CO2|Energy and Industrial Processes", "Mt CO2/yr", "8,8,8")
                             + row("Emissions|CO2|AFOLU", "Mt CO2/yr", "1,2,2"))
        #expect(mismatch?.line == 2 && mismatch?.message.contains("differs") == true)
        let sectors = try parse(header + row("Emissions|CO2|Energy", "Mt CO2/yr", "6,6,6") + row("Emissions|CO2|Industrial Processes", "Mt CO2/yr", "2,2,2"))[0]
        #expect(abs(sectors.given[fossil]!.values[0] - 8 * 12.011 / 44.009 / 1000) < 1e-15)
        let basket = try parse(header + row("Emissions|CH4", "Mt CH4/yr") + row("Emissions|F-Gases", "Mt CO2-equiv/yr"))[0]
        #expect(basket.notes.contains { $0.contains("basket") })
    }

    @Test func extraColumnsAreNamedInANote() throws {
        let s = try parse("Model,Scenario,Region,Variable,Unit,Mip_Era,2015,2020\nM,S,World,Emissions|CH4,Mt CH4/yr,CMIP6,1,2\n")[0]
        #expect(s.notes.contains("columns Mip_Era are metadata EarthBox does not use"))
    }

    @Test func oversizedFileIsRefusedBeforeReading() throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.csv").path
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(ScenarioFile.maximumBytes + 1))
        try handle.close()
        let e = TestSupport.inputError { () throws(InputError) in try ScenarioFile.load(path: path) }
        #expect(e?.message.contains("more than") == true)
    }

    /// Every species the model carries has an IAMC name the reader maps back to it, and a unit it accepts.
    @Test func everySpeciesRoundTrips() throws {
        #expect(EmissionSpecies.all.count == DriverColumns.halogenEmissions + HalogenatedGasTable.all.count)
        for (i, s) in EmissionSpecies.all.enumerated() {
            #expect(EmissionSpecies.byVariable[s.iamcVariable] == i)
            let unit = AssessmentOutput.iamcUnit(s).0
            guard case .success(let f) = s.factor(unit: unit) else { Issue.record("\(s.name): \(unit) refused"); continue }
            #expect(abs(f * AssessmentOutput.iamcUnit(s).1 - 1) < 1e-12, "\(s.name)")
        }
    }
}

/// The `pathway_file` cases the issue found silent: now errors, or printed notes.
@Suite struct PathwayFileSilentCasesTests {
    @Test func headerOnlyAndWorldWithoutBaselineAreErrors() throws {
        let base = try ScenarioDrivers.load(directory: TestSupport.forcingDirectory, scenario: "ssp126").drivers
        let header = "Model,Scenario,Region,Variable,Unit,2023,2024\n"
        for (text, message) in [(header, "no rows"),
                                (header + "M,S,World,Emissions|CO2|Fossil and Industrial,Mt CO2/yr,8200,8100\n", "would be ignored")] {
            let table = try IAMCTable.parse(text, path: "p.csv")
            let e = TestSupport.inputError { () throws(InputError) in try RegionalComposition.compose(base: base, pathway: table, baseScenario: "ssp126") }
            #expect(e?.file == "p.csv" && e?.message.contains(message) == true, "\(String(describing: e))")
            if message == "would be ignored" { #expect(e?.line == 2) }
        }
    }
}
