import Testing
@testable import EarthBox

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Reference helpers (deliberately independent of the fast solver)

/// Full alkalinity equation TA(H) = DIC·(K1 H + 2K1K2)/(H² + K1 H + K1K2) + BT·KB/(KB+H) + KW/H − H  (mol/kg).
private func alkalinityOf(h: Double, dic: Double, _ c: CarbonateConstants) -> Double {
    let carbonate = dic * (c.k1 * h + 2 * c.k1 * c.k2) / (h * h + c.k1 * h + c.k1 * c.k2)
    return carbonate + c.totalBoron * c.kb / (c.kb + h) + c.kw / h - h
}

/// Brute-force bisection of the full alkalinity equation in ln H over pH 3–12 (TA(H) is monotone decreasing).
private func bisectionHydrogen(dic: Double, alkalinity: Double, _ c: CarbonateConstants) -> Double {
    var lo = log(1e-12), hi = log(1e-3)
    for _ in 0..<200 {
        let mid = 0.5 * (lo + hi)
        if alkalinityOf(h: exp(mid), dic: dic, c) > alkalinity { lo = mid } else { hi = mid }
    }
    return exp(0.5 * (lo + hi))
}

private func pH(_ h: Double) -> Double { -log10(h) }

private func fCO2Reference(dicMicro: Double, alkMicro: Double, _ c: CarbonateConstants) -> Double {
    let h = bisectionHydrogen(dic: dicMicro * 1e-6, alkalinity: alkMicro * 1e-6, c)
    return dicMicro * h * h / ((h * h + c.k1 * h + c.k1 * c.k2) * c.k0)
}

@Suite("Carbonate chemistry")
struct CarbonateChemistryTests {

    // MARK: Constants

    /// Reference: check values printed in Dickson, Sabine & Christian (2007), PICES Spec. Publ. 3, Ch. 5,
    /// at S = 35, t = 25 °C (the same numbers are used as "Dickson, Sabine & Christian (2007) Chapter 5"
    /// reference values in the MyAMI_V2 check code and in other packages' test suites):
    /// ln K0 = −3.5617 (Weiss 1974), pK1 = 5.8472 and pK2 = 8.9660 (Lueker et al. 2000, total scale),
    /// ln KB = −19.7964 (Dickson 1990), ln KW = −30.434 (Millero 1995).
    /// Tolerance: half a unit in the last printed digit (i.e. our value rounds to the printed value).
    @Test func constantsReproduceGuideCheckValues() {
        let c = CarbonateConstants(temperatureCelsius: 25, salinity: 35)
        let tol4 = 0.5e-4 + 1e-9, tol3 = 0.5e-3 + 1e-9
        #expect(abs(log(c.k0) - (-3.5617)) <= tol4)
        #expect(abs(-log10(c.k1) - 5.8472) <= tol4)
        #expect(abs(-log10(c.k2) - 8.9660) <= tol4)
        #expect(abs(log(c.kb) - (-19.7964)) <= tol4)
        #expect(abs(log(c.kw) - (-30.434)) <= tol3)
        // Uppström (1974): B_T = 0.000232/10.811 × S/1.80655 = 415.76 µmol/kg at S = 35
        // (Dickson et al. 2007 quote 416 µmol/kg × S/35). Tolerance 0.5 µmol/kg.
        #expect(abs(c.totalBoron * 1e6 - 416.0) < 0.5)
    }

    // MARK: Full solve against published values

    /// Reference: the self-consistent carbonate system printed in the seacarb documentation
    /// (Gattuso et al., R package seacarb, man/buffer.Rd "Test for all flags"), S = 35, T = 25 °C, P = 0,
    /// Lueker K1/K2, total scale: pH_T = 8.2, ALK = 2391.252 µmol/kg, DIC = 1981.340 µmol/kg,
    /// [CO2*] = 7.477544 µmol/kg, pCO2 = 264.2008 µatm.
    /// Tolerances: pH ±0.001; [CO2*] ±0.01 µmol/kg; pCO2 ±1.5 µatm (we return fCO2 ≈ pCO2: the fugacity
    /// correction alone is −0.9 µatm here; seacarb's fCO2 = [CO2*]/K0 = 263.37 µatm is matched to ±0.2 µatm).
    @Test func fullSolveMatchesSeacarbExample() {
        let c = CarbonateConstants(temperatureCelsius: 25, salinity: 35)
        var h = 1e-8
        let p = CarbonateChemistry.pCO2(dicMicromolPerKg: 1981.340, alkalinityMicromolPerKg: 2391.252,
                                        constants: c, hydrogenGuess: &h, iterations: 6)
        let co2Micro = p * c.k0
        print("seacarb example: pH \(pH(h)) (ref 8.2), [CO2*] \(co2Micro) (ref 7.477544), pCO2 \(p) (ref 264.2008, fCO2 263.37)")
        #expect(abs(pH(h) - 8.2) < 0.001)
        #expect(abs(co2Micro - 7.477544) < 0.01)
        #expect(abs(p - 264.2008) < 1.5)
        #expect(abs(p - 7.477544 / c.k0) < 0.2)
    }

    /// Reference: DIC = 2000, ALK = 2300 µmol/kg, T = 25 °C, S = 35, no nutrients, computed with PyCO2SYS 1.8.3
    /// (Humphreys et al. 2022, GMD 15, 15; CO2SYS lineage; opt_k_carbonic = 10 Lueker, opt_total_borate = 1
    /// Uppström; includes sulfate/fluoride alkalinity): pH_T = 8.04589, fCO2 = 395.692 µatm, pCO2 = 396.958 µatm.
    /// Tolerances: pH ±0.001, fCO2 ±0.5 µatm, pCO2 ±2 µatm.
    @Test func fullSolveMatchesCO2SYS() {
        let c = CarbonateConstants(temperatureCelsius: 25, salinity: 35)
        var h = 1e-8
        let p = CarbonateChemistry.pCO2(dicMicromolPerKg: 2000, alkalinityMicromolPerKg: 2300,
                                        constants: c, hydrogenGuess: &h, iterations: 6)
        print("2000/2300 @25C: pH \(pH(h)) (CO2SYS 8.04589), pCO2 \(p) (CO2SYS fCO2 395.692, pCO2 396.958)")
        #expect(abs(pH(h) - 8.04589) < 0.001)
        #expect(abs(p - 395.692) < 0.5)
        #expect(abs(p - 396.958) < 2)
    }

    // MARK: Fast solver vs brute force

    /// Reference: brute-force bisection (200 halvings in ln H) of the full alkalinity equation above.
    /// Tolerance: 1e-6 relative in [H+] and pCO2, over a grid spanning surface-ocean conditions,
    /// (a) from a warm guess (previous year's state, DIC 5 µmol/kg lower) with the default 3 iterations and
    /// (b) from a cold guess (pH 8) with 6 iterations (3 are not enough from cold: ~1e-2 at the pH extremes).
    @Test func fastSolverAgreesWithBisection() {
        var worstWarm = 0.0, worstCold = 0.0, worstP = 0.0
        for t in stride(from: -1.0, through: 32.0, by: 3.0) {
            for s in [30.0, 33.0, 35.0, 37.0] {
                let c = CarbonateConstants(temperatureCelsius: t, salinity: s)
                for dicMicro in stride(from: 1850.0, through: 2250.0, by: 50.0) {
                    for alkMicro in stride(from: 2200.0, through: 2500.0, by: 50.0) {
                        let dic = dicMicro * 1e-6, alk = alkMicro * 1e-6
                        let ref = bisectionHydrogen(dic: dic, alkalinity: alk, c)
                        let lastYear = bisectionHydrogen(dic: dic - 5e-6, alkalinity: alk, c)
                        let warm = CarbonateChemistry.hydrogenIon(dic: dic, alkalinity: alk, constants: c,
                                                                  hydrogenGuess: lastYear)
                        let cold = CarbonateChemistry.hydrogenIon(dic: dic, alkalinity: alk, constants: c,
                                                                  hydrogenGuess: 1e-8, iterations: 6)
                        worstWarm = max(worstWarm, abs(warm / ref - 1))
                        worstCold = max(worstCold, abs(cold / ref - 1))
                        var g = lastYear
                        let p = CarbonateChemistry.pCO2(dicMicromolPerKg: dicMicro, alkalinityMicromolPerKg: alkMicro,
                                                        constants: c, hydrogenGuess: &g)
                        worstP = max(worstP, abs(p / fCO2Reference(dicMicro: dicMicro, alkMicro: alkMicro, c) - 1))
                    }
                }
            }
        }
        print("max rel. deviation vs bisection: warm H \(worstWarm), cold H \(worstCold), warm pCO2 \(worstP)")
        #expect(worstWarm < 1e-6)
        #expect(worstCold < 1e-6)
        #expect(worstP < 1e-6)
    }

    /// Convergence from the previous year's [H+] (DIC +5 µmol/kg ⇒ H off by 2.2 %), relative to the bisection
    /// reference. Measured: 1 pass 1.5e-4, 2 passes 7e-9, 3 passes 3e-15 (quadratic convergence).
    /// Tolerances: 1 pass < 1e-3, 2 passes < 1e-7, 3 passes < 1e-12.
    @Test func convergesInOneToThreeIterations() {
        let c = CarbonateConstants(temperatureCelsius: 18, salinity: 35)
        let dic = 2050e-6, alk = 2300e-6
        let ref = bisectionHydrogen(dic: dic, alkalinity: alk, c)
        let lastYear = bisectionHydrogen(dic: dic - 5e-6, alkalinity: alk, c)
        var errors: [Double] = []
        for n in 0...3 {
            let h = CarbonateChemistry.hydrogenIon(dic: dic, alkalinity: alk, constants: c,
                                                   hydrogenGuess: lastYear, iterations: n)
            errors.append(abs(h / ref - 1))
        }
        print("relative error after 0,1,2,3 passes (warm): \(errors)")
        #expect(errors[1] < 1e-3)
        #expect(errors[2] < 1e-7)
        #expect(errors[3] < 1e-12)
    }

    // MARK: Revelle factor

    /// Reference: surface-ocean Revelle factors are ~9 (warm) to ~15 (cold) and rise as DIC rises
    /// (Sabine et al. 2004, Science 305, 367; Egleston et al. 2010, GBC 24, GB1002). PyCO2SYS 1.8.3
    /// (Lueker, Uppström) gives 9.47 / 10.88 / 12.55 at pCO2 = 280 / 400 / 560 µatm, Alk 2300, 18 °C, S 35.
    /// Tolerances: 280 µatm → [9, 10]; 400 µatm → [10, 11.5]; 560 µatm → [11.5, 13]; strictly increasing;
    /// analytic derivative agrees with a central finite difference to 1e-5 relative.
    @Test func revelleFactorTypicalAndIncreasing() {
        let c = CarbonateConstants(temperatureCelsius: 18, salinity: 35)
        let alkMicro = 2300.0
        var factors: [Double] = []
        for p in [280.0, 400.0, 560.0] {
            let dicMicro = CarbonateChemistry.dicInEquilibrium(pCO2Microatm: p, alkalinityMicromolPerKg: alkMicro, constants: c)
            let r = CarbonateChemistry.revelleFactor(dic: dicMicro * 1e-6, alkalinity: alkMicro * 1e-6, constants: c)
            // Central finite difference of ln pCO2 w.r.t. ln DIC (±0.01 %).
            let eps = 1e-4
            let up = fCO2Reference(dicMicro: dicMicro * (1 + eps), alkMicro: alkMicro, c)
            let dn = fCO2Reference(dicMicro: dicMicro * (1 - eps), alkMicro: alkMicro, c)
            let fd = (log(up) - log(dn)) / (log(1 + eps) - log(1 - eps))
            print("pCO2 \(p) µatm: DIC \(dicMicro) µmol/kg, Revelle \(r) (finite difference \(fd))")
            #expect(abs(r / fd - 1) < 1e-5)
            factors.append(r)
        }
        #expect(factors[0] >= 9 && factors[0] <= 10)
        #expect(factors[1] >= 10 && factors[1] <= 11.5)
        #expect(factors[2] >= 11.5 && factors[2] <= 13)
        #expect(factors[0] < factors[1] && factors[1] < factors[2])
    }

    // MARK: Temperature sensitivity

    /// Reference: Takahashi et al. (1993, GBC 7, 843): (∂ ln pCO2/∂T) at constant DIC and Alk = 0.0423 K⁻¹
    /// (pCO2(T) = pCO2(T0)·exp(0.0423 (T − T0)), the "Takahashi1993" correction in seacarb's pCO2insi and others).
    /// Here: least-squares slope of ln pCO2 vs T over 2–28 °C at DIC 2000 / Alk 2300 µmol/kg, S = 35.
    /// Tolerance: ±0.005 K⁻¹ (±0.5 %/K). Also warming must raise pCO2 monotonically.
    @Test func warmingRaisesPCO2ByAboutFourPercentPerKelvin() {
        var ts: [Double] = [], lnp: [Double] = []
        var h = 1e-8
        var previous = 0.0
        for t in stride(from: 2.0, through: 28.0, by: 1.0) {
            let c = CarbonateConstants(temperatureCelsius: t, salinity: 35)
            let p = CarbonateChemistry.pCO2(dicMicromolPerKg: 2000, alkalinityMicromolPerKg: 2300,
                                            constants: c, hydrogenGuess: &h)
            #expect(p > previous)
            previous = p
            ts.append(t); lnp.append(log(p))
        }
        let n = Double(ts.count)
        let mt = ts.reduce(0, +) / n, ml = lnp.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for i in ts.indices { sxy += (ts[i] - mt) * (lnp[i] - ml); sxx += (ts[i] - mt) * (ts[i] - mt) }
        let slope = sxy / sxx
        print("d ln pCO2 / dT = \(slope) K^-1 (Takahashi et al. 1993: 0.0423)")
        #expect(abs(slope - 0.0423) < 0.005)
    }

    // MARK: Inverse

    /// Reference: definition — pCO2(dicInEquilibrium(p, Alk), Alk) must return p.
    /// Tolerance: 1e-9 relative, over pCO2 150–1200 µatm, T −1…30 °C, Alk 2200–2450, both with a warm start
    /// (the [H+] of the state 2 µmol/kg lower in DIC, default 3 passes) and a cold start (pH 8, 6 passes).
    @Test func dicInEquilibriumInvertsPCO2() {
        var worst = 0.0
        for t in [-1.0, 2.0, 10.0, 18.0, 25.0, 30.0] {
            let c = CarbonateConstants(temperatureCelsius: t, salinity: 35)
            for alk in [2200.0, 2300.0, 2450.0] {
                for p in [150.0, 200.0, 280.0, 350.0, 400.0, 560.0, 800.0, 1200.0] {
                    let dic = CarbonateChemistry.dicInEquilibrium(pCO2Microatm: p, alkalinityMicromolPerKg: alk, constants: c)
                    var cold = 1e-8
                    let pCold = CarbonateChemistry.pCO2(dicMicromolPerKg: dic, alkalinityMicromolPerKg: alk,
                                                        constants: c, hydrogenGuess: &cold, iterations: 6)
                    var warm = bisectionHydrogen(dic: (dic - 2) * 1e-6, alkalinity: alk * 1e-6, c)
                    let pWarm = CarbonateChemistry.pCO2(dicMicromolPerKg: dic, alkalinityMicromolPerKg: alk,
                                                        constants: c, hydrogenGuess: &warm)
                    worst = max(worst, abs(pCold / p - 1), abs(pWarm / p - 1))
                }
            }
        }
        print("dicInEquilibrium round trip: max rel. error \(worst)")
        #expect(worst < 1e-9)
    }
}
