import Testing
@testable import EarthBox

/// The DAMIP single-forcing experiments (Gillett et al. 2016) and the attribution of observed warming they give.
@Suite("Single-forcing experiments")
struct SingleForcingTests {
    static func run(_ experiment: Experiment, endYear: Int = 2020) -> Result<RunRecord, InputError> {
        TestSupport.run(TestSupport.configuration(experiment: experiment, endYear: endYear))
    }
    static let historical = TestSupport.run(TestSupport.configuration(endYear: 2020) { c in
        c.model.co2Mode = .concentrations   // the DAMIP runs are concentration-driven; compare like with like
        c.model.otherGasMode = .concentrations
    })
    static let greenhouseGases = run(.histGHG)
    static let natural = run(.histNat)
    static let aerosols = run(.histAer)

    static func warming(_ r: RunRecord) -> Double {
        r.mean(.surfaceTemperature, from: 2010, to: 2019) - r.mean(.surfaceTemperature, from: 1850, to: 1900)
    }

    /// AR6 WG1 SPM A.1.3: of the 1.07 [0.8–1.3] °C human-caused warming 2010–2019 vs 1850–1900, well-mixed
    /// greenhouse gases contributed 1.0–2.0 °C, other human drivers −0.8–0.0 °C, natural drivers −0.1–0.1 °C.
    @Test func attributionOf2010To2019WarmingIsInsideAR6() throws {
        let all = Self.warming(try Self.historical.get())
        let ghg = Self.warming(try Self.greenhouseGases.get())
        let nat = Self.warming(try Self.natural.get())
        let aer = Self.warming(try Self.aerosols.get())
        let other = all - ghg - nat
        print("[attribution] 2010-2019 vs 1850-1900: all \(all) K, GHG \(ghg) K, other human \(other) K (aerosols alone \(aer) K), natural \(nat) K")
        #expect((1.0...2.0).contains(ghg), "well-mixed GHG \(ghg) K")
        #expect((-0.8...0.0).contains(other), "other human \(other) K")
        #expect((-0.1...0.1).contains(nat), "natural \(nat) K")
        #expect(aer < 0, "aerosols alone \(aer) K")
    }

    /// Each experiment feels only its agents: the forcing of the others is exactly zero in every year.
    @Test func eachExperimentKeepsOnlyItsAgents() throws {
        let nat = try Self.natural.get()
        let co2 = try Self.run(.histCO2, endYear: 1900).get()
        for y in 1750...1900 {
            #expect(nat.value(.erfCO2, year: y) == 0 && nat.value(.erfAerosolCloud, year: y) == 0 && nat.value(.erfOzone, year: y) == 0)
            #expect(co2.value(.erfMethane, year: y) == 0 && co2.value(.erfVolcanic, year: y) == 0)
            #expect(co2.value(.erfTotal, year: y) == co2.value(.erfCO2, year: y) + co2.value(.erfStochastic, year: y))
        }
        #expect(try Self.natural.get().value(.erfVolcanic, year: 1815) < -1, "Tambora missing from hist-nat")
    }

    @Test func scenarioExtensionsRunTo2100() throws {
        let r = try Self.run(.ssp245GHG, endYear: 2100).get()
        #expect(r.value(.erfAerosolCloud, year: 2100) == 0)
        #expect(r.value(.erfCO2, year: 2100) > 4)
    }
}
