/// CH4 forcing, W m⁻², from the Meinshausen et al. (2020) expression (AR6 WG1 Table 7.SM.1):
/// SARF = (a₃√M + b₃√N + d₃)(√M − √M₀).
public enum MethaneForcing {
    /// Stratospheric-temperature-adjusted forcing, W m⁻², for CH4 `ch4` ppb and N2O `n2o` ppb.
    @inlinable
    public static func sarf(ch4: Double, n2o: Double, parameters p: GreenhouseGasForcingParameters = .init()) -> Double {
        let m = _sqrt(ch4)
        return (p.a3 * m + p.b3 * _sqrt(n2o) + p.d3) * (m - _sqrt(p.ch4Reference))
    }

    /// Effective radiative forcing, W m⁻²: SARF × (1 + CH4 tropospheric adjustment).
    @inlinable
    public static func erf(ch4: Double, n2o: Double, parameters p: GreenhouseGasForcingParameters = .init()) -> Double {
        sarf(ch4: ch4, n2o: n2o, parameters: p) * (1 + p.ch4TroposphericAdjustment)
    }
}
