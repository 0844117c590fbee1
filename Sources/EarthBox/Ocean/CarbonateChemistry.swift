// Surface-ocean carbonate chemistry for EarthBox.
//
// Scope and simplifications (deliberate, for a box model with an annual step):
//   * Equilibrium constants are the "best practice" set of Dickson, Sabine & Christian (2007),
//     Guide to Best Practices for Ocean CO2 Measurements, PICES Special Publication 3, Chapter 5,
//     all on the TOTAL pH scale, in mol/kg-soln, at surface pressure (no pressure correction).
//   * Alkalinity = carbonate + borate + water alkalinity:
//       TA = [HCO3-] + 2[CO3--] + [B(OH)4-] + [OH-] - [H+]
//     Phosphate, silicate, sulfate and fluoride terms are neglected: the HSO4-/HF/free-H terms are
//     ~0.002 µmol/kg at pH 8; typical surface nutrients (PO4 ~0.5, Si ~5 µmol/kg) would add ≲1 µmol/kg.
//   * Fugacity is treated as partial pressure: pCO2 := [CO2*] / K0. The true partial pressure is
//     larger by 1/(fugacity coefficient) ≈ 1/0.9968, i.e. ~+0.3 % (~+0.9 µatm at 260 µatm, 25 °C).
//   * Formulations are fitted for T = 2–35 °C and S = 19–43 (Lueker et al. 2000 K1/K2 range);
//     outside that range values are extrapolations.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Equilibrium constants on the total pH scale for temperature (°C) and salinity, mol/kg units.
public struct CarbonateConstants: Sendable, Equatable {
    /// CO2 solubility K0 = [CO2*]/fCO2, mol kg-1 atm-1 (Weiss 1974).
    public var k0: Double
    /// First and second dissociation constants of carbonic acid, total scale, mol/kg
    /// (Mehrbach et al. 1973 refit by Lueker et al. 2000, as recommended in Dickson et al. 2007).
    public var k1: Double, k2: Double
    /// Boric acid dissociation constant, total scale, mol/kg (Dickson 1990).
    public var kb: Double
    /// Ion product of water, total scale, (mol/kg)^2 (Millero 1995, as given in Dickson et al. 2007).
    public var kw: Double
    /// Total boron, mol/kg, from salinity after Uppström (1974) — NOT Lee et al. (2010), which is ~4 % higher.
    public var totalBoron: Double

    /// Memberwise initialiser (e.g. for tests or for constants computed elsewhere).
    @inlinable
    public init(k0: Double, k1: Double, k2: Double, kb: Double, kw: Double, totalBoron: Double) {
        self.k0 = k0
        self.k1 = k1
        self.k2 = k2
        self.kb = kb
        self.kw = kw
        self.totalBoron = totalBoron
    }

    /// The terms of the constants that depend on salinity alone, for a caller that recomputes the constants at one
    /// salinity every step: `init(temperatureCelsius:salinity:)` evaluates these same expressions.
    public struct SalinityTerms: Sendable, Equatable {
        public let salinity: Double, sqrtSalinity: Double
        /// The salinity terms of log10 K1 and log10 K2, the four of ln KB (Dickson 1990) and the one of ln KW.
        @usableFromInline let k1: Double, k2: Double
        @usableFromInline let kbOverT: Double, kbConstant: Double, kbLogT: Double, kbT: Double
        @usableFromInline let kw: Double

        @inlinable
        public init(salinity s: Double) {
            let sqrtS = s.squareRoot()
            salinity = s
            sqrtSalinity = sqrtS
            k1 = s * (0.011555 - 0.0001152 * s)
            k2 = s * (0.01781 - 0.0001122 * s)
            kbOverT = -8966.90 + sqrtS * (-2890.53 + sqrtS * (-77.942 + sqrtS * (1.728 - 0.0996 * sqrtS)))
            kbConstant = sqrtS * (137.1942 + 1.62142 * sqrtS)
            kbLogT = -24.4344 - 25.085 * sqrtS - 0.2474 * s
            kbT = 0.053105 * sqrtS
            kw = 0.01615 * s
        }
    }

    /// Computes all constants at temperature `temperatureCelsius` (°C) and practical salinity `salinity`.
    /// Cost: one `log`, five `exp`, one `sqrt`.
    @inlinable
    public init(temperatureCelsius: Double, salinity: Double) {
        self.init(temperatureCelsius: temperatureCelsius, salinity: SalinityTerms(salinity: salinity))
    }

    /// The constants at temperature `temperatureCelsius` (°C) and the salinity of `terms`.
    /// Cost: one `log`, five `exp`.
    @inlinable
    public init(temperatureCelsius: Double, salinity terms: SalinityTerms) {
        let s = terms.salinity
        let tk = temperatureCelsius + 273.15
        let invT = 1.0 / tk
        let lnT = log(tk)
        let sqrtS = terms.sqrtSalinity
        let tk100 = tk * 0.01

        // Weiss (1974), K0 in mol kg-1 atm-1 (as in seacarb K0.R and CO2SYS):
        // ln K0 = -60.2409 + 93.4517 (100/T) + 23.3585 ln(T/100) + S [0.023517 - 0.023656 (T/100) + 0.0047036 (T/100)^2]
        let lnK0 = -60.2409 + 9345.17 * invT + 23.3585 * (lnT - 4.605170185988092)
            + s * (0.023517 + tk100 * (-0.023656 + 0.0047036 * tk100))

        // Lueker et al. (2000) via Dickson et al. (2007, Ch. 5, p. 13): log10 K1 = -3633.86/T + 61.2172 - 9.67770 ln T + 0.011555 S - 0.0001152 S^2
        let log10K1 = -3633.86 * invT + 61.2172 - 9.67770 * lnT + terms.k1   // + s (0.011555 - 0.0001152 s)
        // Lueker et al. (2000) via Dickson et al. (2007, Ch. 5, p. 14): log10 K2 = -471.78/T - 25.9290 + 3.16967 ln T + 0.01781 S - 0.0001122 S^2
        let log10K2 = -471.78 * invT - 25.9290 + 3.16967 * lnT + terms.k2   // + s (0.01781 - 0.0001122 s)

        // Dickson (1990) via Dickson et al. (2007, Ch. 5):
        // ln KB = (-8966.90 - 2890.53 S^½ - 77.942 S + 1.728 S^3/2 - 0.0996 S^2)/T + 148.0248 + 137.1942 S^½ + 1.62142 S
        //         + (-24.4344 - 25.085 S^½ - 0.2474 S) ln T + 0.053105 S^½ T
        let lnKB = terms.kbOverT * invT + 148.0248 + terms.kbConstant + terms.kbLogT * lnT + terms.kbT * tk

        // Millero (1995) as given in Dickson et al. (2007, Ch. 5, p. 16) on the total scale (148.9652 = Millero's 148.9802 − 0.015):
        // ln KW = 148.9652 - 13847.26/T - 23.6521 ln T + (118.67/T - 5.977 + 1.0495 ln T) S^½ - 0.01615 S
        let lnKW = 148.9652 - 13847.26 * invT - 23.6521 * lnT
            + (118.67 * invT - 5.977 + 1.0495 * lnT) * sqrtS - terms.kw

        let ln10 = 2.302585092994046
        self.k0 = exp(lnK0)
        self.k1 = exp(ln10 * log10K1)
        self.k2 = exp(ln10 * log10K2)
        self.kb = exp(lnKB)
        self.kw = exp(lnKW)
        // Uppström (1974), OCMIP-2/mocsy form: B_T = 0.000232 / 10.811 × (S / 1.80655) mol/kg (= 4.1576e-4 at S = 35).
        self.totalBoron = (0.000232 / 10.811 / 1.80655) * s
    }
}

public enum CarbonateChemistry {

    /// Solves for [H+] (total scale, mol/kg) from DIC (mol/kg) and total alkalinity (mol/equiv kg-1),
    /// where TA = carbonate + borate + water alkalinity.
    ///
    /// Method: Follows, Ito & Dutkiewicz (2006, Ocean Modelling 12, 290–301). Each pass estimates the
    /// carbonate alkalinity CA = TA − [B(OH)4-](H) − [OH-](H) + H from the current H, then solves the
    /// carbonate system exactly for H given (CA, DIC) (a quadratic). The plain Follows update is a
    /// fixed-point iteration H ← g(H) that converges linearly (contraction ≈ 0.2–0.3 for surface water);
    /// here the update is relaxed with the exact derivative, H ← H + (g(H) − H)/(1 − g'(H)), i.e. a Newton
    /// step on H − g(H). Since g' < 0 the new H always lies between H and g(H) (never negative, never
    /// overshoots) and convergence is quadratic (error_{n+1} ≈ 0.3·error_n²): from a guess 2 % off (the
    /// previous year's H after a 5 µmol/kg DIC change) 1 pass gives ~2e-4, 2 passes ~1e-8, 3 passes reach
    /// machine precision. A cold start (H = 1e-8) needs 5 passes for 1e-10 and 6 for machine precision over
    /// pH 7.1–9.0. No exp/log: one division and one sqrt per pass (everything is scaled by H(KB+H)).
    ///
    /// - Parameters:
    ///   - dic: dissolved inorganic carbon, mol/kg (NOT µmol/kg).
    ///   - alkalinity: total alkalinity, mol/kg (NOT µmol/kg).
    ///   - hydrogenGuess: first guess for [H+], mol/kg (pass the previous step's value; 1e-8 if cold).
    ///   - iterations: number of passes (default 3).
    /// - Precondition: 0 < CA < 2·DIC, which holds for any realistic seawater (pH 6.5–9.5).
    @inlinable
    public static func hydrogenIon(dic: Double, alkalinity: Double, constants: CarbonateConstants,
                                   hydrogenGuess: Double, iterations: Int = 3) -> Double {
        let k1 = constants.k1
        let k1k2 = k1 * constants.k2
        let k1sq = k1 * k1
        let kw = constants.kw
        let kb = constants.kb
        let btkb = constants.totalBoron * kb
        let twoDic = 2.0 * dic
        var h = hydrogenGuess
        for _ in 0..<iterations {
            // All quantities below are scaled by D = H(KB+H) so that one division per pass suffices.
            let kbh = kb + h
            let d = h * kbh
            // CA = TA - [B(OH)4-] - [OH-] + [H+], [B(OH)4-] = BT KB/(KB+H), [OH-] = KW/H   (Follows et al. 2006; Dickson et al. 2007, Ch. 2)
            let n = (alkalinity + h) * d - btkb * h - kw * kbh          // n = CA·D
            let a = n - dic * d                                          // a = (CA - DIC)·D
            // Carbonate-only solve at fixed CA: H = ½[(γ-1)K1 + sqrt((1-γ)^2 K1^2 - 4K1K2(1-2γ))], γ = DIC/CA   (Follows et al. 2006; MITgcm CALC_PCO2_APPROX)
            let r = _sqrt(a * a * k1sq + 4.0 * k1k2 * n * (twoDic * d - n))   // r = D·CA·sqrt(...)
            let hn = r - a * k1                                          // hn = 2·n·g(H)
            // Newton-relaxed update ΔH = (g - H)/(1 - g'), g' = -(K1 g + 2K1K2)/sqrt(...) · (DIC/CA^2) · dCA/dH,
            // dCA/dH = BT KB/(KB+H)^2 + KW/H^2 + 1; multiplied through by 2n^3 (dcaD2 = dCA/dH · D^2):
            let dcaD2 = btkb * h * h + kw * kbh * kbh + d * d
            let numerator = (hn - 2.0 * n * h) * r * n
            let denominator = 2.0 * r * n * n + (k1 * hn + 4.0 * k1k2 * n) * dic * dcaD2
            h += numerator / denominator
        }
        return h
    }

    /// pCO2 in µatm from DIC and Alk in µmol/kg, via pCO2 = [CO2*]/K0 with
    /// [CO2*] = DIC·H²/(H² + K1·H + K1·K2) (Zeebe & Wolf-Gladrow 2001, Ch. 1; Dickson et al. 2007, Ch. 2).
    ///
    /// Fugacity is treated as partial pressure (fCO2 ≈ pCO2): the returned value is strictly the CO2
    /// fugacity, ~0.3 % (~1 µatm) below the true partial pressure at the surface.
    /// `hydrogenGuess` (mol/kg) is used as the first guess and overwritten with the solved [H+].
    @inlinable
    public static func pCO2(dicMicromolPerKg: Double, alkalinityMicromolPerKg: Double,
                            constants: CarbonateConstants, hydrogenGuess: inout Double,
                            iterations: Int = 3) -> Double {
        let h = hydrogenIon(dic: dicMicromolPerKg * 1e-6, alkalinity: alkalinityMicromolPerKg * 1e-6,
                            constants: constants, hydrogenGuess: hydrogenGuess, iterations: iterations)
        hydrogenGuess = h
        let h2 = h * h
        // µmol/kg → mol/kg (×1e-6) and atm → µatm (×1e6) cancel.
        return dicMicromolPerKg * h2 / ((h2 + constants.k1 * h + constants.k1 * constants.k2) * constants.k0)
    }

    /// DIC (µmol/kg) in equilibrium with `pCO2Microatm` (µatm, fugacity ≈ partial pressure) at the given
    /// alkalinity (µmol/kg). For initialising the preindustrial state: not performance-critical, solved to
    /// machine precision (safeguarded Newton on the full alkalinity equation at fixed [CO2*] = K0·pCO2).
    public static func dicInEquilibrium(pCO2Microatm: Double, alkalinityMicromolPerKg: Double,
                                        constants: CarbonateConstants) -> Double {
        let co2 = constants.k0 * pCO2Microatm * 1e-6          // [CO2*] = K0 fCO2   (Weiss 1974)
        let ta = alkalinityMicromolPerKg * 1e-6
        let h = hydrogenIonAtFixedCO2(co2: co2, alkalinity: ta, constants: constants)
        // DIC = [CO2*](1 + K1/H + K1K2/H^2)   (Zeebe & Wolf-Gladrow 2001, Ch. 1)
        let dic = co2 * (1.0 + constants.k1 / h + constants.k1 * constants.k2 / (h * h))
        return dic * 1e6
    }

    /// Revelle (homogeneous buffer) factor R = (∂pCO2/pCO2)/(∂DIC/DIC) at constant alkalinity
    /// (Revelle & Suess 1957; Zeebe & Wolf-Gladrow 2001, Ch. 1; = seacarb's BetaD). Evaluated analytically by implicit
    /// differentiation of the alkalinity equation at the fully converged [H+].
    ///
    /// - Parameters: `dic`, `alkalinity` in mol/kg (same units as `hydrogenIon`; NOT µmol/kg).
    public static func revelleFactor(dic: Double, alkalinity: Double, constants: CarbonateConstants) -> Double {
        assert(dic < 0.1 && alkalinity < 0.1, "revelleFactor expects mol/kg, not µmol/kg")
        let h = hydrogenIon(dic: dic, alkalinity: alkalinity, constants: constants,
                            hydrogenGuess: 1e-8, iterations: 12)
        let k1 = constants.k1, k1k2 = constants.k1 * constants.k2
        let kb = constants.kb, kw = constants.kw, bt = constants.totalBoron
        // Carbonate alkalinity per unit DIC: A(H) = (K1 H + 2K1K2)/(H^2 + K1 H + K1K2)
        let u = k1 * h + 2.0 * k1k2
        let v = h * h + k1 * h + k1k2
        let a = u / v
        let dadh = (k1 * v - u * (2.0 * h + k1)) / (v * v)
        // Non-carbonate alkalinity N(H) = BT KB/(KB+H) + KW/H - H, dN/dH:
        let dndh = -bt * kb / ((kb + h) * (kb + h)) - kw / (h * h) - 1.0
        // At constant TA: dH/dDIC = -(∂TA/∂DIC)/(∂TA/∂H) = -A/(DIC A' + N')
        let dhddic = -a / (dic * dadh + dndh)
        // ln[CO2*] = ln DIC + 2 ln H - ln v  ⇒  R = 1 + DIC (2/H - (2H + K1)/v) dH/dDIC
        return 1.0 + dic * (2.0 / h - (2.0 * h + k1) / v) * dhddic
    }

    /// [H+] (mol/kg) from fixed [CO2*] (mol/kg) and alkalinity (mol/kg): root of
    /// TA = [CO2*](K1/H + 2K1K2/H^2) + BT KB/(KB+H) + KW/H - H, which is strictly decreasing in H.
    /// Starts from the Follows et al. (2006) "Csat" estimate and polishes with bracketed Newton steps.
    static func hydrogenIonAtFixedCO2(co2: Double, alkalinity: Double, constants: CarbonateConstants) -> Double {
        let k1 = constants.k1, k2 = constants.k2, kb = constants.kb, kw = constants.kw
        let bt = constants.totalBoron
        func residual(_ h: Double) -> (f: Double, dfdh: Double) {
            let hco3 = co2 * k1 / h
            let co3 = hco3 * k2 / h
            let borate = bt * kb / (kb + h)
            let f = hco3 + 2.0 * co3 + borate + kw / h - h - alkalinity
            let dfdh = -(hco3 + 4.0 * co3) / h - borate / (kb + h) - kw / (h * h) - 1.0
            return (f, dfdh)
        }
        var lo = 1e-12, hi = 1e-3            // bracket: f(lo) > 0 > f(hi) for any seawater
        // First guess: H = ½[s + sqrt(s(s + 8K2))], s = K1[CO2*]/CA, CA from borate/water at pH 8
        // (Follows et al. 2006, CALC_CSAT_APPROX in MITgcm pkg/dic).
        let h0 = 1e-8
        let ca = alkalinity - bt * kb / (kb + h0) - kw / h0 + h0
        let s = k1 * co2 / ca
        var h = ca > 0 ? 0.5 * (s + (s * (s + 8.0 * k2)).squareRoot()) : h0
        for _ in 0..<100 {
            let (f, dfdh) = residual(h)
            if f > 0 { lo = max(lo, h) } else { hi = min(hi, h) }
            var next = h - f / dfdh
            if !(next > lo && next < hi) { next = (lo * hi).squareRoot() }   // safeguard: geometric bisection
            if abs(next - h) <= 1e-15 * h { h = next; break }
            h = next
        }
        return h
    }
}
