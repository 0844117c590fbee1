/// N2O forcing, W m⁻², from the Meinshausen et al. (2020) expression (AR6 WG1 Table 7.SM.1):
/// SARF = (a₂√C + b₂√N + c₂√M + d₂)(√N − √N₀), C in ppm, M and N in ppb.
public enum NitrousOxideForcing {
    /// Stratospheric-temperature-adjusted forcing, W m⁻², for CO2 `co2` ppm, CH4 `ch4` ppb and N2O `n2o` ppb.
    @inlinable
    public static func sarf(
        co2: Double, ch4: Double, n2o: Double, parameters p: GreenhouseGasForcingParameters = .init()
    ) -> Double {
        let n = _sqrt(n2o)
        return (p.a2 * _sqrt(co2) + p.b2 * n + p.c2 * _sqrt(ch4) + p.d2) * (n - _sqrt(p.n2oReference))
    }

    /// Effective radiative forcing, W m⁻²: SARF × (1 + N2O tropospheric adjustment).
    @inlinable
    public static func erf(
        co2: Double, ch4: Double, n2o: Double, parameters p: GreenhouseGasForcingParameters = .init()
    ) -> Double {
        sarf(co2: co2, ch4: ch4, n2o: n2o, parameters: p) * (1 + p.n2oTroposphericAdjustment)
    }
}
