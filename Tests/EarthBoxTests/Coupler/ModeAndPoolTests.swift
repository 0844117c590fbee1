import Testing
@testable import EarthBox

/// The optional permafrost pool and fully concentration-driven scenarios.
@Suite("Permafrost and concentration-driven scenarios")
struct ModeAndPoolTests {
    @Test("permafrost thaws under SSP5-8.5, emits carbon, and the ledger still closes every year")
    func permafrost() throws {
        let withPermafrost = try TestSupport.run(TestSupport.configuration(scenario: "ssp585", endYear: 2300) { $0.model.land.permafrostEnabled = true }).get()
        let without = try TestSupport.run(TestSupport.configuration(scenario: "ssp585", endYear: 2300)).get()
        let frozen = withPermafrost.series(.permafrostFrozenCarbon)
        let emitted = withPermafrost.series(.permafrostEmissions).reduce(0, +)
        print("[permafrost] frozen 1750 \(frozen.first!) PgC → 2300 \(frozen.last!) PgC; emitted \(emitted) PgC; "
              + "CO2 2300 \(withPermafrost.value(.co2Concentration, year: 2300)) vs \(without.value(.co2Concentration, year: 2300)) ppm")
        // Woodard et al. 2021 (Hector v3): 865 PgC frozen at the start; thaw under strong warming releases tens to hundreds of PgC by 2300.
        #expect(abs(frozen.first! - 865) < 1, "initial frozen carbon \(frozen.first!)")
        #expect(frozen.last! < frozen.first! - 50, "less than 50 PgC thawed by 2300")
        #expect(emitted > 10, "permafrost emitted only \(emitted) PgC by 2300")
        #expect(withPermafrost.value(.co2Concentration, year: 2300) > without.value(.co2Concentration, year: 2300))
        for y in withPermafrost.years {
            #expect(abs(withPermafrost.value(.carbonLedgerResidual, year: y)) < 1e-9 * 5000, "carbon ledger open in \(y)")
        }
        #expect(withPermafrost.series(.permafrostThawedCarbon).allSatisfy { $0 >= 0 })
    }

    @Test("concentration-driven SSP2-4.5 follows the prescribed gases and diagnoses compatible emissions")
    func concentrationDriven() throws {
        let r = try TestSupport.run(TestSupport.configuration(scenario: "ssp245", endYear: 2100) {
            $0.run.co2Mode = .concentrations; $0.run.otherGasMode = .concentrations
            $0.model.co2Mode = .concentrations; $0.model.otherGasMode = .concentrations
        }).get()
        // RCMIP v5.1.0 ssp245 concentrations in 2014: CO2 397.5469793 ppm, CH4 1831.470998 ppb (prescribed exactly).
        #expect(abs(r.value(.co2Concentration, year: 2014) - 397.5469793) < 1e-6)
        #expect(abs(r.value(.methane, year: 2014) - 1831.471) < 1e-3)
        let compatible = r.mean(.fossilEmissions, from: 2010, to: 2019)
        print("[concentration] compatible fossil emissions 2010–2019: \(compatible) PgC/yr")
        // GCB 2023: fossil emissions 2013–2022 ≈ 9.6 PgC/yr; compatible emissions of a calibrated model should be close (±30 %).
        #expect(compatible > 6.7 && compatible < 12.5)
        for y in r.years { #expect(abs(r.value(.carbonLedgerResidual, year: y)) < 1e-9 * 5000) }
    }
}
