#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import EarthBox

/// The two-layer ocean (Held et al. 2010; Geoffroy et al. 2013a) alone and in the coupled model.
@Suite("Component: two-layer ocean") struct TwoLayerOceanTests {
    /// Geoffroy et al. (2013a) eqs. for the two-layer model's fast and slow time scales, yr.
    static func timeScales(C: Double, C0: Double, lambda: Double, gamma: Double) -> (fast: Double, slow: Double) {
        let b = (lambda + gamma) / C + gamma / C0
        let delta = b * b - 4 * lambda * gamma / (C * C0)
        return (C * C0 / (2 * lambda * gamma) * (b - delta.squareRoot()), C * C0 / (2 * lambda * gamma) * (b + delta.squareRoot()))
    }

    /// Reference: the analytic step response T(t) = F/λ (1 − a_f e^(−t/τ_f) − a_s e^(−t/τ_s)) (Geoffroy et al. 2013a,
    /// eqs. 9–12) with C = 7.3, C_D = 106 W yr m⁻² K⁻¹, γ = 0.73, λ = 1.13 W m⁻² K⁻¹, F = 7.3 W m⁻² (their CMIP5 means).
    /// The column with the surface row C dT/dt = F − λT − γ(T − T_D) and Δt = 0.01 yr follows it within 0.2 %.
    @Test func stepResponseFollowsTheAnalyticFastAndSlowModes() {
        let (C, C0, lambda, gamma, F) = (7.3, 106.0, 1.13, 0.73, 7.3)
        let dt = 0.01
        let column = TwoLayerColumn(upperHeatCapacity: C, deepHeatCapacity: C0, exchange: gamma, timeStep: dt)
        let rhoC = PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity
        let s = PhysicalConstants.secondsPerYear / rhoC   // (K m yr⁻¹) per (W m⁻²)
        let (tauF, tauS) = Self.timeScales(C: C, C0: C0, lambda: lambda, gamma: gamma)
        // Mode amplitudes from the eigenvectors (Geoffroy et al. 2013a eq. 11): φ = C/(2γ)(b* ∓ √δ), b* = (λ+γ)/C − γ/C0.
        let b = (lambda + gamma) / C + gamma / C0, bStar = (lambda + gamma) / C - gamma / C0
        let root = (b * b - 4 * lambda * gamma / (C * C0)).squareRoot()
        let phiFast = C / (2 * gamma) * (bStar - root), phiSlow = C / (2 * gamma) * (bStar + root)
        let aFast = phiSlow * tauF * lambda / (C * (phiSlow - phiFast)), aSlow = -phiFast * tauS * lambda / (C * (phiSlow - phiFast))
        func analytic(_ t: Double) -> Double { F / lambda * (1 - aFast * _exp(-t / tauF) - aSlow * _exp(-t / tauS)) }
        var x = [0.0, 0.0], g = [0.0, 0.0]
        var worst = 0.0
        for n in 1...30_000 {
            x.withUnsafeMutableBufferPointer { p in
                g.withUnsafeMutableBufferPointer { q in
                    column.solve(p.baseAddress!, surfaceDiagonal: column.surfaceDiagonal + dt * s * lambda, surfaceUpper: column.surfaceUpper,
                                 surfaceRHS: column.surfaceRightHandSide(mixedOld: p[0]) + dt * s * F, scratch: q.baseAddress!)
                }
            }
            if n % 100 == 0 { worst = max(worst, abs(x[0] / analytic(Double(n) * dt) - 1)) }
        }
        #expect(abs(aFast + aSlow - 1) < 1e-12)
        #expect(worst < 0.002, "largest relative departure \(worst)")
    }

    /// Reference: Geoffroy et al. (2013a) CMIP5 mean time scales τ_f ≈ 4.1 yr and τ_s ≈ 249 yr; the default
    /// parameters (their mean C, C_D, γ with λ = 1.13) give time scales within 10 % and 5 %.
    @Test func defaultTimeScalesAreTheCMIP5Ones() {
        let p = OceanParameters()
        let (fast, slow) = Self.timeScales(C: p.twoLayerUpperHeatCapacity, C0: p.twoLayerDeepHeatCapacity, lambda: 1.13, gamma: p.twoLayerExchange)
        #expect(abs(fast / 4.1 - 1) < 0.10, "τ_f \(fast) yr")
        #expect(abs(slow / 249 - 1) < 0.05, "τ_s \(slow) yr")
    }

    static func configuration(_ experiment: Experiment = .scenario, endYear: Int = 2300) -> RunConfiguration {
        TestSupport.configuration(experiment: experiment, startYear: experiment == .scenario ? 1750 : 1, endYear: endYear) {
            $0.model.ocean.model = TwoLayerColumn.modelName
            $0.model.land.permafrostEnabled = true
        }
    }

    @Test("the coupled model on the two-layer ocean: two layers, ledgers closed, no drift without forcing")
    func coupledModelConservesAndHoldsStill() throws {
        let model = try TestSupport.model(Self.configuration())
        #expect(model.layout.layerCount == 2)
        let r = try TestSupport.run(Self.configuration()).get()
        #expect(r.series(.carbonLedgerResidual).map(abs).max()! < 1e-9)
        #expect(r.series(.energyLedgerResidual).map(abs).max()! < 1e-3)
        #expect(r.value(.oceanCarbonUptake, year: 2000) > 0.5 && r.value(.deepOceanHeatUptake, year: 2000) > 0)
        let control = try TestSupport.run(Self.configuration(.esmPiControl, endYear: 300)).get()
        #expect(control.series(.surfaceTemperature).map(abs).max()! < 1e-12)
        #expect(abs(control.value(.co2Concentration, year: 300) - control.value(.co2Concentration, year: 1)) < 1e-9)
    }

    @Test("`&ocean model` selects it by name, and an unknown model is one clear error")
    func selectedByName() throws {
        let folder = try TestSupport.temporaryDirectory()
        let path = folder.appendingPathComponent("ocean.nml").path
        try "&ocean\n  model = 'two_layer'\n/\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try RunConfiguration.load(path: path).model.ocean.model == "two_layer")
        try "&ocean\n  model = 'slab'\n/\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = TestSupport.inputError { () throws(InputError) in try RunConfiguration.load(path: path) }
        #expect(error.map { "\($0)" }?.contains("model") == true && error.map { "\($0)" }?.contains("two_layer") == true, "\(String(describing: error))")
    }
}
