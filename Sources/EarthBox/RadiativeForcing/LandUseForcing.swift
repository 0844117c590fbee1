/// Land-use (surface albedo) ERF proportional to cumulative land-use CO2 emissions since 1750, W m⁻²
/// (FaIR 1.6 `landuse.cumulative`, FaIR 2.x `land_use_cumulative_emissions_to_forcing`), scaled to the AR6
/// 1750–2019 assessment of −0.20 W m⁻² (AR6 Table 7.8). AR6 itself used the Ghimire et al. (2014) curve
/// for the time history; the cumulative-emissions scaling is FaIR's emulation of it.
public struct LandUseForcingParameters: Sendable, Equatable {
    /// W m⁻² per PgC of cumulative AFOLU CO2 since 1750: −0.20 / 189.97 PgC, the RCMIP v5.1.0 (ssp245 history)
    /// "Emissions|CO2|MAGICC AFOLU" summed 1750–2019 (696.06 GtCO2; FaIR 2.x AR6: −2.8729e-4 W m⁻² per GtCO2).
    public var forcingPerCumulativePgC = -0.001052804749465235

    public init() {}
}

public enum LandUseForcing {
    /// ERF, W m⁻², from cumulative land-use CO2 emissions since 1750, PgC.
    @inlinable
    public static func erf(cumulativeLandUseEmissionsPgC: Double, parameters p: LandUseForcingParameters = .init()) -> Double {
        p.forcingPerCumulativePgC * cumulativeLandUseEmissionsPgC
    }
}
