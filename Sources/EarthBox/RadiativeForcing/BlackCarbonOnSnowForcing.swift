/// Light-absorbing particles (black carbon) on snow and ice, linear in BC emissions above 1750, W m⁻²,
/// scaled to the AR6 1750–2019 assessment of +0.08 W m⁻² (AR6 Table 7.8; ch. 7 ERF code notebook 080 cell 33).
public struct BlackCarbonOnSnowParameters: Sendable, Equatable {
    /// W m⁻² per (Mt BC yr⁻¹): 0.08 / (RCMIP v5.1.0 ssp245 BC 2019 − 1750) (= FaIR 2.x AR6 `lapsi_radiative_efficiency` 0.011585926).
    public var efficiency = 0.011585926068118322
    /// Reference BC emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750).
    public var referenceBlackCarbon = 2.097770755

    public init() {}
}

public enum BlackCarbonOnSnowForcing {
    /// ERF, W m⁻², from annual BC emissions, Mt yr⁻¹.
    @inlinable
    public static func erf(blackCarbon: Double, parameters p: BlackCarbonOnSnowParameters = .init()) -> Double {
        p.efficiency * (blackCarbon - p.referenceBlackCarbon)
    }
}
