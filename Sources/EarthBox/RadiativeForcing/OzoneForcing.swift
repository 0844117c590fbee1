/// Coefficients of the AR6 total-ozone (tropospheric + stratospheric) ERF emulator: linear in changes of CH4, N2O
/// and EESC concentrations and of CO, NMVOC and NOx emissions, fitted to Skeie et al. (2020, npj Clim. Atmos. Sci.
/// 3) CMIP6 histories with per-precursor bounds from Thornhill et al. (2021, ACP 21, 853); AR6 WG1 Table 7.SM.3
/// (IPCC-WG1/Chapter-7 notebook `070_chapter7_ozone_emissions_to_forcing`; FaIR 2.x `thornhill2021`).
public struct OzoneForcingParameters: Sendable, Equatable {
    /// W m⁻² per ppb CH4 (AR6 Table 7.SM.3).
    public var methaneEfficiency = 1.75e-4
    /// W m⁻² per ppb N2O (AR6 Table 7.SM.3).
    public var nitrousOxideEfficiency = 7.10e-4
    /// W m⁻² per ppt EESC, EESC computed with Br efficiency 45 (AR6 Table 7.SM.3).
    public var eescEfficiency = -1.25e-4
    /// W m⁻² per (Mt CO yr⁻¹) (AR6 Table 7.SM.3).
    public var carbonMonoxideEfficiency = 1.55e-4
    /// W m⁻² per (Mt NMVOC yr⁻¹) (AR6 Table 7.SM.3).
    public var nmvocEfficiency = 3.29e-4
    /// W m⁻² per (Mt NO2 yr⁻¹) — RCMIP "Mt NOx/yr" is NO2 mass (AR6 Table 7.SM.3: 1.797e-3).
    public var noxEfficiency = 1.797e-3
    /// Climate feedback on ozone ERF, W m⁻² K⁻¹ of warming since pre-industrial (Thornhill et al. 2021; AR6 ch. 7 ozone code; FaIR 2.x).
    public var temperatureFeedback = -0.037

    /// Reference CH4 and N2O, ppb: the preindustrial atmosphere of `GasCycleParameters` (see `GreenhouseGasForcingParameters`).
    public var referenceMethane = GasCycleParameters().preindustrialMethanePPB
    public var referenceNitrousOxide = GasCycleParameters().preindustrialNitrousOxidePPB
    /// Reference EESC, ppt (AR6 1750 concentrations, Br efficiency 45; FaIR 2.x AR6 EESC baseline).
    public var referenceEESC = 344.3627591056
    /// Reference CO emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750; FaIR 2.x AR6 `baseline_emissions`).
    public var referenceCarbonMonoxide = 348.5273588
    /// Reference NMVOC emissions, Mt yr⁻¹ (RCMIP v5.1.0 1750; FaIR 2.x AR6 `baseline_emissions`).
    public var referenceNMVOC = 60.02182622
    /// Reference NOx emissions, Mt NO2 yr⁻¹ (RCMIP v5.1.0 1750; FaIR 2.x AR6 `baseline_emissions`).
    public var referenceNOx = 12.73521194

    public init() {}
}

/// Total ozone ERF, W m⁻² (AR6 WG1 §7.3.2.5 and 7.SM.1.3.1; FaIR 1.6.2 `thornhill_skeie`, FaIR 2.x `thornhill2021`).
public enum OzoneForcing {
    /// ERF = Σ coefficient × (driver − reference) + feedback × ΔT.
    /// `eescPpt` should already include any stratospheric transit lag the caller wants (AR6 used none).
    @inlinable
    public static func erf(
        methanePpb: Double, nitrousOxidePpb: Double, eescPpt: Double,
        carbonMonoxideEmissions: Double, nmvocEmissions: Double, noxEmissions: Double,
        temperatureAnomaly: Double = 0,
        parameters p: OzoneForcingParameters = .init()
    ) -> Double {
        p.methaneEfficiency * (methanePpb - p.referenceMethane)
            + p.nitrousOxideEfficiency * (nitrousOxidePpb - p.referenceNitrousOxide)
            + p.eescEfficiency * (eescPpt - p.referenceEESC)
            + p.carbonMonoxideEfficiency * (carbonMonoxideEmissions - p.referenceCarbonMonoxide)
            + p.nmvocEfficiency * (nmvocEmissions - p.referenceNMVOC)
            + p.noxEfficiency * (noxEmissions - p.referenceNOx)
            + p.temperatureFeedback * temperatureAnomaly
    }
}
