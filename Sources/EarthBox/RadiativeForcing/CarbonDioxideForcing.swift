#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CO2 forcing, W m⁻², from the Meinshausen et al. (2020) expression (AR6 WG1 eq. 7.SM.1.1 / Table 7.SM.1):
/// SARF = (α′ + c₁√N) ln(C/C₀), with α′ = d₁ for C ≤ C₀, d₁ + a₁(C−C₀)² + b₁(C−C₀) up to C_α,max = C₀ − b₁/(2a₁),
/// and d₁ − b₁²/(4a₁) above it.
public enum CarbonDioxideForcing {
    /// Stratospheric-temperature-adjusted forcing, W m⁻², for CO2 `co2` ppm and N2O `n2o` ppb.
    @inlinable
    public static func sarf(co2: Double, n2o: Double, parameters p: GreenhouseGasForcingParameters = .init()) -> Double {
        let c0 = p.co2Reference
        let cAlphaMax = c0 - p.b1 / (2 * p.a1)  // Meinshausen et al. 2020 Table 3, C_α,max
        let alphaPrime: Double
        if co2 <= c0 {
            alphaPrime = p.d1
        } else if co2 <= cAlphaMax {
            let dc = co2 - c0
            alphaPrime = p.d1 + p.a1 * dc * dc + p.b1 * dc
        } else {
            alphaPrime = p.d1 - p.b1 * p.b1 / (4 * p.a1)
        }
        return (alphaPrime + p.c1 * _sqrt(n2o)) * log(co2 / c0)
    }

    /// Effective radiative forcing, W m⁻²: SARF × (1 + CO2 tropospheric adjustment).
    @inlinable
    public static func erf(co2: Double, n2o: Double, parameters p: GreenhouseGasForcingParameters = .init()) -> Double {
        sarf(co2: co2, n2o: n2o, parameters: p) * (1 + p.co2TroposphericAdjustment)
    }

    /// ERF of doubling CO2 from the reference with N2O at its reference, W m⁻² (AR6: 3.93 ± 0.47, §7.3.2.1).
    @inlinable
    public static func doublingERF(parameters p: GreenhouseGasForcingParameters = .init()) -> Double {
        erf(co2: 2 * p.co2Reference, n2o: p.n2oReference, parameters: p)
    }
}
