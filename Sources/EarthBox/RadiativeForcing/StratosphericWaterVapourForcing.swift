/// Stratospheric water vapour from CH4 oxidation, W m⁻².
///
/// AR6 (ch. 7 ERF code, notebook 080 cell 43) scales it with CH4 ERF so that 1750–2019 gives 0.05 W m⁻²
/// (AR6 Table 7.8): fraction = 0.05 / ERF_CH4(2019) = 0.05 / 0.5440 (AR6 2019 CH4 1866.3 ppb, N2O 332.1 ppb).
/// IGCC 2024 (Forster et al. 2025) scales it with the CH4 concentration change instead; both are provided.
public struct StratosphericWaterVapourParameters: Sendable, Equatable {
    /// Fraction of CH4 ERF (AR6: 0.05 W m⁻² / 0.5440 W m⁻² CH4 ERF in 2019).
    public var fractionOfMethaneERF = 0.09192
    /// W m⁻² per ppb CH4 above 1750 (IGCC 2024: 0.05 / (1866.3 − 729.2); FaIR 2.x AR6 `h2o_stratospheric_factor` 4.397e-5).
    public var perPpbMethane = 4.397e-5
    /// Reference CH4, ppb: the preindustrial atmosphere of `GasCycleParameters` (see `GreenhouseGasForcingParameters`).
    public var referenceMethane = GasCycleParameters().preindustrialMethanePPB

    public init() {}
}

public enum StratosphericWaterVapourForcing {
    /// ERF from the CH4 ERF, W m⁻² (AR6 ch. 7 method).
    @inlinable
    public static func erf(methaneERF: Double, parameters p: StratosphericWaterVapourParameters = .init()) -> Double {
        p.fractionOfMethaneERF * methaneERF
    }

    /// ERF from the CH4 concentration, ppb, W m⁻² (IGCC 2024 / FaIR 2.x method).
    @inlinable
    public static func erf(methanePpb: Double, parameters p: StratosphericWaterVapourParameters = .init()) -> Double {
        p.perPpbMethane * (methanePpb - p.referenceMethane)
    }
}
