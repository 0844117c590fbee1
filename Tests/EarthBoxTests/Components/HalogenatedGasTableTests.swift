import Testing
@testable import EarthBox

@Suite struct HalogenatedGasTableTests {
    let table = HalogenatedGasTable.all

    // Reference: the 41 halogenated variables of the RCMIP v5.1.0 emissions file; names must match the
    // lower-cased RCMIP suffixes one-to-one. Exact.
    @Test func coversEveryRCMIPSpecies() throws {
        #expect(table.count == 41)
        #expect(Set(table.map(\.name)).count == 41)
        let rcmip = try TestData.rcmipHalogenatedSpecies()
        #expect(rcmip.count == 41)
        #expect(Set(rcmip.map { $0.lowercased() }) == Set(table.map(\.name)))
        let montreal = table.filter(\.isMontrealGas).count
        #expect(montreal == 18)
    }

    // Physical sanity: positive lifetimes, REs and molar masses; release factors in [0, 1]; only ODSs carry
    // chlorine/bromine or release; only CFC-11/12 have an adjustment (AR6 ch. 7). Exact.
    @Test func physicalRanges() {
        for g in table {
            #expect(g.lifetimeYears > 0, "\(g.name)")
            #expect(g.radiativeEfficiency > 0, "\(g.name)")
            #expect(g.molarMass > 0, "\(g.name)")
            #expect((0...1).contains(g.fractionalRelease), "\(g.name)")
            if !g.isMontrealGas { #expect(g.chlorineAtoms == 0 && g.bromineAtoms == 0 && g.fractionalRelease == 0) }
            if g.isMontrealGas { #expect(g.chlorineAtoms + g.bromineAtoms > 0, "\(g.name)") }
        }
        #expect(table.filter { $0.troposphericAdjustment != 0 }.map(\.name).sorted() == ["cfc11", "cfc12"])
    }

    // Reference: AR6 WG1 Table 7.SM.7 (chrisroadmap/ar6 data_output/7sm/metrics_supplement_cleaned.csv),
    // lifetimes and REs rounded to 3 figures. Tolerance: half a unit in the last tabulated digit (RE ±0.0005
    // W m⁻² ppb⁻¹, lifetime ±0.5 % ). CFC-12's tabulated 0.358 includes the tropospheric adjustment.
    @Test func spotChecksAgainstAR6Table7SM7() throws {
        let checks: [(String, Double, Double)] = [
            ("hfc134a", 14.0, 0.167), ("sf6", 3200, 0.567), ("cf4", 50000, 0.099),
            ("hcfc22", 11.9, 0.214), ("halon1301", 72.0, 0.299), ("nf3", 569, 0.204),
        ]
        for (name, tau, re) in checks {
            let g = try #require(HalogenatedGasTable.gas(named: name))
            #expect(abs(g.lifetimeYears / tau - 1) < 0.005, "\(name) lifetime \(g.lifetimeYears)")
            #expect(abs(g.radiativeEfficiency - re) < 0.0005, "\(name) RE \(g.radiativeEfficiency)")
        }
        let cfc12 = try #require(HalogenatedGasTable.gas(named: "cfc12"))
        #expect(abs(cfc12.radiativeEfficiency * (1 + cfc12.troposphericAdjustment) - 0.358) < 0.0005)
        #expect(cfc12.lifetimeYears == 102)
    }

    // Reference: AR6 WG1 Table 7.8, halogenated-gas ERF 1750–2019 = 0.41 W m⁻², tolerance ±10 % (brief), with the
    // IGCC 2025 2019 concentrations (Halon-1202 absent → 1750 value). Second reference: the sum of all halogen
    // columns of IGCC 2024 `ERF_best_1750-2024.csv` for 2019 (includes 9 minor gases we do not carry, 0.002 W m⁻²),
    // tolerance ±3 %.
    @Test func halogenatedERF2019() throws {
        let names = table.map(\.name)
        var conc = try TestData.halogenConcentrations(year: 2019, names: names)
        for i in conc.indices where conc[i] == 0 { conc[i] = table[i].preindustrialConcentration }
        let total = HalogenatedGasForcing.totalERF(concentrationsPpt: conc)
        print("2019 halogenated ERF (41-gas table, IGCC 2025 conc): \(total)")
        #expect(abs(total / 0.41 - 1) < 0.10)

        let row = try #require(try TestData.erfBest()[2019])
        let nonHalogen: Set<String> = ["time", "timebound_lower", "timebound_upper", "solar", "volcanic",
            "aerosol-radiation_interactions", "aerosol-cloud_interactions", "contrails", "land_use", "BC_on_snow",
            "CO2", "CH4", "N2O", "O3", "H2O_stratospheric"]
        let igccTotal = row.filter { !nonHalogen.contains($0.key) }.values.reduce(0, +)
        print("IGCC 2024 2019 halogenated ERF: \(igccTotal)")
        #expect(abs(total / igccTotal - 1) < 0.03)
    }

    // Reference: AR6 ch. 7 ERF code `trop_adjustment_scale` CFC-11 1.13. Exact (relative 1e-12).
    @Test func cfc11Adjustment() throws {
        let g = try #require(HalogenatedGasTable.gas(named: "cfc11"))
        let s = HalogenatedGasForcing.sarf(of: g, concentrationPpt: 226), e = HalogenatedGasForcing.erf(of: g, concentrationPpt: 226)
        #expect(abs(e / s - 1.13) < 1e-12)
    }
}
