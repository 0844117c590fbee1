/// Contrails and aviation-induced cirrus, linear in aviation NOx emissions, W m⁻² (FaIR 1.6 `contrails.from_aviNOx`,
/// FaIR 2.x `contrails_radiative_efficiency`), anchored to 0.0574 W m⁻² in 2018 (Lee et al. 2021, Atmos. Environ.
/// 244, 117834; AR6 ch. 7 ERF code notebook 080 cell 28 `contrail_forcing_2018 = 0.0574`; AR6 Table 7.8 0.06 for 2019).
public struct ContrailForcingParameters: Sendable, Equatable {
    /// W m⁻² per (Mt NO2 yr⁻¹) of aviation NOx: 0.0574 / 3.4911, the RCMIP v5.1.0 ssp245
    /// "Emissions|NOx|MAGICC Fossil and Industrial|Aircraft" for 2018 (linear between 2015 and 2020).
    /// FaIR 2.x AR6 uses 0.014664524, anchored to another emissions dataset (3.914 Mt in 2018).
    public var efficiency = 0.016441835327368644

    public init() {}
}

public enum ContrailForcing {
    /// ERF, W m⁻², from aviation NOx emissions, Mt NO2 yr⁻¹ (zero in 1750, so no reference term).
    @inlinable
    public static func erf(aviationNOx: Double, parameters p: ContrailForcingParameters = .init()) -> Double {
        p.efficiency * aviationNOx
    }
}
