/// Parameters of the non-CO2 gas cycles and the preindustrial atmosphere. Defaults are the values in
/// the stored-property initialisers; each has its source beside it.
public struct GasCycleParameters: Sendable, Equatable {
    /// Preindustrial (1750) CO2, ppm (RCMIP v5.1.0 1750 value; Meinshausen et al. 2017, GMD 10, 2057).
    public var preindustrialCO2PPM = 277.147
    /// Preindustrial (1750) CH4, ppb (RCMIP v5.1.0 1750 value; Meinshausen et al. 2017).
    public var preindustrialMethanePPB = 731.406
    /// Preindustrial (1750) N2O, ppb (RCMIP v5.1.0 1750 value; Meinshausen et al. 2017).
    public var preindustrialNitrousOxidePPB = 273.865
    /// CH4 lifetime against tropospheric OH at preindustrial burden, yr (Prather, Holmes & Hsu 2012, GRL 39, L09803).
    public var methaneOHLifetimeYears = 11.2
    /// CH4 lifetime against stratospheric loss, yr (Prather et al. 2012).
    public var methaneStratosphericLifetimeYears = 120.0
    /// CH4 lifetime against soil uptake, yr (Prather et al. 2012).
    public var methaneSoilLifetimeYears = 150.0
    /// d ln τ_OH / d ln [CH4]: the OH feedback that lengthens the lifetime as CH4 rises (Prather et al. 2012: 0.28 ± 0.03
    /// about present-day). Off by default: without the compensating NOx/CO/VOC terms on OH it overshoots 2014 CH4 by
    /// ~400 ppb; a constant lifetime reproduces the record, as in FaIR v1.6 (Smith et al. 2018, GMD 11, 2273).
    public var methaneLifetimeFeedback = 0.0
    /// d ln τ_OH / dT, K⁻¹: warmer air oxidises CH4 faster (Thornhill et al. 2021, ACP 21, 853, as in FaIR v2.1).
    public var methaneLifetimeTemperatureSensitivity = -0.0408
    /// N2O atmospheric lifetime, yr (AR6 WG1 Table 7.SM.7, Smith et al. 2021).
    public var nitrousOxideLifetimeYears = 109.0

    public init() {}
}
