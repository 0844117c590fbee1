import Testing
@testable import EarthBox

@Suite struct AtmosphericMassTests {
    // Reference: GCB 2.124 PgC ppm⁻¹ (Friedlingstein et al. 2023); uniform mixing of 5.1352e18 kg must give
    // 2.129 ± 0.001 and be within 0.5 % of the GCB factor.
    @Test func carbonPerPpm() {
        #expect(abs(AtmosphericMass.pgCPerPpmCO2 - 2.129) < 0.001)
        #expect(abs(AtmosphericMass.pgCPerPpmCO2 / AtmosphericMass.globalCarbonBudgetPgCPerPpm - 1) < 0.005)
    }

    // Reference: Prather et al. 2012: 2.75 Tg CH4 ppb⁻¹ and 4.79 TgN ppb⁻¹ are burden-based; uniform mixing gives
    // 2.844 ± 0.001 Tg CH4 and 7.802 ± 0.001 Tg N2O per ppb, each within 5 % of Prather.
    @Test func methaneAndNitrousOxide() {
        #expect(abs(AtmosphericMass.tgCH4PerPpb - 2.844) < 0.001)
        #expect(abs(AtmosphericMass.tgCH4PerPpb / AtmosphericMass.prather2012TgCH4PerPpb - 1) < 0.05)
        #expect(abs(AtmosphericMass.tgN2OPerPpb - 7.802) < 0.001)
        #expect(abs(AtmosphericMass.tgNPerPpbN2O / 4.79 - 1) < 0.05)
    }

    // Reference: FaIR 2.x concentration_per_emission = 1 / (5.1352e18/1e18 × M / 28.97) ppt per kt; HFC-134a
    // (102.03 g mol⁻¹): 18.086 kt ppt⁻¹, tolerance ±0.001; round trip exact to 1e-12.
    @Test func haloPerPpt() {
        #expect(abs(AtmosphericMass.ktPerPpt(molarMass: 102.03) - 18.086) < 0.001)
        #expect(abs(AtmosphericMass.pptChange(kilotonnes: 18.086, molarMass: 102.03) - 1) < 1e-4)
        #expect(abs(AtmosphericMass.ppmCO2Change(petagramsCarbon: AtmosphericMass.pgCPerPpmCO2) - 1) < 1e-12)
    }
}
