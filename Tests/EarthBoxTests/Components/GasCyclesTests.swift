#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import EarthBox

/// GasCycles alone: CH4, N2O and the halogenated gases from emissions.
@Suite("Component: GasCycles") struct GasCyclesTests {
    static let halogens = HalogenatedGasTable.all
    static let reference = (methane: 30.0, nitrousOxide: 3.0)

    static func cycles(_ p: GasCycleParameters = GasCycleParameters()) -> GasCycles {
        GasCycles(parameters: p, halogens: halogens, halogenPreindustrialPPT: halogens.map(\.preindustrialConcentration),
                  referenceMethaneEmissions: reference.methane, referenceNitrousOxideEmissions: reference.nitrousOxide,
                  referenceHalogenEmissions: [Double](repeating: 0, count: halogens.count))
    }

    /// A driver row with these emissions and nothing prescribed.
    static func row(methane: Double, nitrousOxide: Double, halogen: Double = 0) -> [Double] {
        var row = [Double](repeating: .nan, count: DriverColumns.count(halogens: halogens.count))
        row[DriverColumns.methane] = methane
        row[DriverColumns.nitrousOxide] = nitrousOxide
        for i in 0..<halogens.count { row[DriverColumns.halogenEmissions + i] = halogen }
        return row
    }

    static func run(_ gases: GasCycles, years: Int, row: [Double], warming: Double = 0) -> [Double] {
        var state = [Double](repeating: 0, count: 2 + halogens.count)
        let block = StateBlock(global: 0, band: 0, globalCount: state.count, bandStride: 0)
        state.withUnsafeMutableBufferPointer { v in
            gases.setPreindustrial(v.baseAddress!, block: block)
            row.withUnsafeBufferPointer { r in
                for _ in 0..<years {
                    gases.step(gases.view(v.baseAddress!, block: block),
                               .init(drivers: DriverRow(r.baseAddress!, halogenCount: halogens.count), temperatureAnomaly: warming))
                }
            }
        }
        return state
    }

    @Test("the reference year's emissions hold every gas at its preindustrial concentration for 500 years")
    func steadyState() {
        let gases = Self.cycles()
        let end = Self.run(gases, years: 500, row: Self.row(methane: Self.reference.methane, nitrousOxide: Self.reference.nitrousOxide))
        #expect(abs(end[0] / gases.parameters.preindustrialMethanePPB - 1) < 1e-12)
        #expect(abs(end[1] / gases.parameters.preindustrialNitrousOxidePPB - 1) < 1e-12)
        for i in 0..<Self.halogens.count { #expect(abs(end[2 + i] - gases.halogenPreindustrialPPT[i]) <= 1e-9 * max(1, end[2 + i])) }
    }

    /// Mass balance: a year's burden change is what was emitted minus what was lost, where the loss is the exact
    /// integral of B/τ over the year (checked against 10 000 fourth-order Runge–Kutta steps of dB/dt = S − B/τ).
    @Test func burdenChangeIsEmissionsMinusLoss() {
        let gases = Self.cycles()
        let extra = 10.0   // Tg N2O yr⁻¹ above the reference
        let end = Self.run(gases, years: 1, row: Self.row(methane: Self.reference.methane, nitrousOxide: Self.reference.nitrousOxide + extra))
        let tau = gases.parameters.nitrousOxideLifetimeYears, k = AtmosphericMass.tgN2OPerPpb
        let source = Self.reference.nitrousOxide + extra + gases.nitrousOxideNaturalEmissions
        var b = gases.parameters.preindustrialNitrousOxidePPB * k
        let h = 1e-4
        func f(_ b: Double) -> Double { source - b / tau }
        for _ in 0..<10_000 {
            let k1 = f(b), k2 = f(b + h / 2 * k1), k3 = f(b + h / 2 * k2), k4 = f(b + h * k3)
            b += h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        }
        #expect(abs(end[1] * k - b) < 1e-9 * b)
    }

    /// Reference: Prather, Holmes & Hsu 2012 (GRL 39, L09803): CH4 total atmospheric lifetime 9.1 ± 0.9 yr. The
    /// default sinks (OH 11.2, stratosphere 120, soil 150 yr) give the e-folding of a small pulse.
    @Test func methanePulseDecaysWithTheAssessedLifetime() {
        let gases = Self.cycles()
        let steady = Self.row(methane: Self.reference.methane, nitrousOxide: Self.reference.nitrousOxide)
        var pulse = steady
        pulse[DriverColumns.methane] += 50
        let afterPulse = Self.run(gases, years: 1, row: pulse)[0] - gases.parameters.preindustrialMethanePPB
        var state = [Double](repeating: 0, count: 2 + Self.halogens.count)
        let block = StateBlock(global: 0, band: 0, globalCount: state.count, bandStride: 0)
        var decayed = 0.0
        state.withUnsafeMutableBufferPointer { v in
            gases.setPreindustrial(v.baseAddress!, block: block)
            let view = gases.view(v.baseAddress!, block: block)
            view.methane += afterPulse
            steady.withUnsafeBufferPointer { r in
                for _ in 0..<10 { gases.step(view, .init(drivers: DriverRow(r.baseAddress!, halogenCount: Self.halogens.count), temperatureAnomaly: 0)) }
            }
            decayed = view.methane - gases.parameters.preindustrialMethanePPB
        }
        let lifetime = -10 / _log(decayed / afterPulse)
        #expect(abs(lifetime - 9.1) <= 0.9, "CH4 lifetime \(lifetime) yr")
    }
}
