import Foundation
import Testing
@testable import EarthBox

/// Issue 10: carbon dioxide removal as processes (Keller et al. 2018, GMD 11, 1133) and user emission series.
@Suite("Carbon dioxide removal") struct CarbonRemovalTests {
    /// esm-flat10 for 100 years, then 100 years of 2 PgC/yr removed by one route (200 PgC), then 100 years of nothing.
    static func removal(_ route: String) -> Result<RunRecord, InputError> {
        Result { () throws(InputError) -> RunRecord in
            let plan = try RunPlan(TestSupport.configuration(experiment: .esmFlat10Zec, startYear: 1, endYear: 300))
            var d = plan.simulation.drivers
            let h = d.halogenCount
            for year in 101...200 {
                switch route {
                case "geological": d[year, DriverColumns.geologicalRemoval(halogens: h)] = 2
                case "land": d[year, DriverColumns.landRemoval(halogens: h)] = 2
                case "negative fossil": d[year, DriverColumns.co2Fossil] = -2
                // 2 PgC/yr ≈ 0.167 Pmol C; with ≈ 0.8 mol CO2 taken up per mol of alkalinity at today's chemistry
                // (Renforth & Henderson 2017, Rev. Geophys. 55, 636) about 0.21 Pmol/yr of alkalinity would do the same.
                case "ocean alkalinity": d[year, DriverColumns.oceanAlkalinity(halogens: h)] = 0.21
                default: break
                }
            }
            return Simulation(model: plan.simulation.model, drivers: d).run()
        }
    }
    static let none = removal("none"), geological = removal("geological"), land = removal("land")
    static let negativeFossil = removal("negative fossil"), alkalinity = removal("ocean alkalinity")

    @Test("each removal route keeps the carbon ledger closed to 1e-9 and books its carbon")
    func ledger() throws {
        for (name, run) in [("geological", Self.geological), ("land", Self.land), ("ocean alkalinity", Self.alkalinity)] {
            let r = try run.get()
            for i in 0..<r.yearCount {
                let total = TestSupport.carbonInReservoirs(r, index: i)
                #expect(abs(r.value(.carbonLedgerResidual, year: r.firstYear + i)) <= 1e-9 * total, "\(name) year \(i + 1)")
            }
        }
        #expect(abs(try Self.geological.get().value(.geologicalStorage, year: 300) - 200) < 1e-9)
        #expect(abs(try Self.land.get().value(.cumulativeLandRemoval, year: 300) - 200) < 1e-9)
        #expect(abs(try Self.alkalinity.get().value(.oceanAlkalinityAddition, year: 150) - 0.21) < 1e-12)
    }

    @Test("geological removal is the same as negative fossil emissions for the atmosphere")
    func geologicalEqualsNegativeFossil() throws {
        let a = try Self.geological.get(), b = try Self.negativeFossil.get()
        for y in [150, 200, 300] { #expect(abs(a.value(.co2Concentration, year: y) - b.value(.co2Concentration, year: y)) < 1e-6) }
    }

    @Test("the same removal by different routes gives different CO2 and temperature paths")
    func routesDiffer() throws {
        let n = try Self.none.get(), g = try Self.geological.get(), l = try Self.land.get(), o = try Self.alkalinity.get()
        for r in [g, l, o] {
            #expect(r.value(.co2Concentration, year: 200) < n.value(.co2Concentration, year: 200) - 20)
            #expect(r.value(.surfaceTemperature, year: 250) < n.value(.surfaceTemperature, year: 250))
        }
        // Afforestation raises the land's productive capacity, so the new forest keeps taking up carbon while the
        // removal lasts, then loses part of it to turnover and warming; and the darker forest warms (land-use albedo).
        #expect(g.value(.co2Concentration, year: 200) - l.value(.co2Concentration, year: 200) > 3)
        #expect(l.value(.surfaceTemperature, year: 200) - g.value(.surfaceTemperature, year: 200) > 0.03)
        #expect(l.value(.vegetationCarbon, year: 300) < l.value(.vegetationCarbon, year: 200) - 30)
        // The alkalinity route acts through the carbonate chemistry: the carbon ends in the ocean, not in a store.
        #expect(abs(o.value(.co2Concentration, year: 150) - g.value(.co2Concentration, year: 150)) > 1)
        #expect(l.value(.vegetationCarbon, year: 200) > g.value(.vegetationCarbon, year: 200) + 50)
        #expect(o.value(.oceanCarbonAnomaly, year: 200) > g.value(.oceanCarbonAnomaly, year: 200) + 50)
        #expect(o.value(.surfaceOceanPH, year: 200) > g.value(.surfaceOceanPH, year: 200))
    }

    @Test("esm-ssp585-ocn-alk: 0.14 Pmol/yr of alkalinity from 2020 takes up more carbon and raises surface pH")
    func cdrmipAlkalinity() throws {
        let oae = try TestSupport.run(TestSupport.configuration(experiment: .esmSsp585OcnAlk, endYear: 2100)).get()
        let reference = try TestSupport.run(TestSupport.configuration(scenario: "ssp585", endYear: 2100)).get()
        #expect(oae.value(.oceanAlkalinityAddition, year: 2019) == 0 && oae.value(.oceanAlkalinityAddition, year: 2020) == 0.14)
        let extra = oae.value(.oceanCarbonAnomaly, year: 2100) - reference.value(.oceanCarbonAnomaly, year: 2100)
        // 0.14 Pmol/yr × 81 yr = 11.3 Pmol of alkalinity can at most bind ≈ 11.3 Pmol (136 PgC) of carbon.
        #expect(extra > 30 && extra < 136, "extra ocean uptake \(extra) PgC")
        #expect(oae.value(.surfaceOceanPH, year: 2100) > reference.value(.surfaceOceanPH, year: 2100))
        #expect(oae.value(.co2Concentration, year: 2100) < reference.value(.co2Concentration, year: 2100) - 10)
    }

    @Test("co2_emissions_file drives an idealised run and replaces the named columns")
    func emissionsFile() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("pulse.csv").path
        var text = "# a 100 PgC pulse, then removal of 50 PgC to a geological store\nyear,co2_fossil,geological_removal\n"
        for y in 1...60 { text += "\(y),\(y == 1 ? 100 : 0),\(y == 30 ? 50 : 0)\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(TestSupport.configuration(experiment: .esmPiControl, startYear: 1, endYear: 60) { $0.run.co2EmissionsFile = path }).get()
        #expect(r.value(.fossilEmissions, year: 1) == 100 && r.value(.geologicalStorage, year: 60) == 50)
        #expect(r.value(.co2Concentration, year: 1) > 300)
        let pulse = try TestSupport.run(TestSupport.configuration(experiment: .esmPiCO2Pulse, startYear: 1, endYear: 20)).get()
        #expect(abs(pulse.value(.co2Concentration, year: 20) - r.value(.co2Concentration, year: 20)) < 1e-9, "file pulse = esm-pi-CO2pulse")
    }

    @Test("bad co2_emissions_file: one error naming file, line and column")
    func badEmissionsFile() throws {
        let folder = try TestSupport.temporaryDirectory()
        let cases: [(String, String)] = [
            ("year,co2_fossil\n1,10\n3,10\n", ":3:1: error: 'year': year 3 where 2 was expected"),
            ("year,co2_fossil\n1,nan\n", ":2:2: error: 'co2_fossil': 'nan' is not a finite number"),
            ("year,co2_fossil,land_removal\n1,10,-1\n", ":2:3: error: 'land_removal': a removal cannot be negative"),
            ("year,co2_fosil\n1,10\n", ":1:2: error: 'co2_fosil': unknown column"),
            ("year,co2_fossil\n1,10,3\n", ":2: error: 3 fields, the header has 2"),
            ("year,co2_fossil\n1,10\n", ": error: 'co2_emissions_file': covers 1-1, the run needs 1-5"),
        ]
        for (i, (text, expected)) in cases.enumerated() {
            let path = folder.appendingPathComponent("bad\(i).csv").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let error = TestSupport.inputError { () throws(InputError) in
                try RunPlan(TestSupport.configuration(experiment: .esmPiControl, startYear: 1, endYear: 5) { $0.run.co2EmissionsFile = path })
            }
            #expect(error.map { String(describing: $0).contains(path + expected) } == true, "case \(i): \(error.map(String.init(describing:)) ?? "no error")")
        }
    }
}
