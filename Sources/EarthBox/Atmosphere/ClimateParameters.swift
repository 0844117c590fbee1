/// Energy-balance parameters of the atmosphere, the land surface and their coupling to the ocean.
public struct ClimateParameters: Sendable, Equatable {
    /// Equilibrium climate sensitivity, K per CO2 doubling; the feedback parameter is calibrated so the
    /// model's equilibrium warming for F2x equals it (AR6 best estimate 3 K, likely 2.5–4 K; Forster et al. 2021, AR6 WG1 §7.5).
    public var equilibriumClimateSensitivity = 3.0
    /// Efficacy of deep-ocean heat uptake (Held et al. 2010, J. Clim 23, 2418; CMIP5 mean 1.28, Geoffroy et al. 2013b, J. Clim 26, 1859).
    public var heatUptakeEfficacy = 1.28
    /// Heat capacity of the atmospheric column, J m⁻² K⁻¹: c_p·p_s/g ≈ 1.0e7 (Hartmann 2016, Global Physical Climatology §2).
    public var atmosphereHeatCapacity = 1.0e7
    /// Heat capacity of the thermally active land surface per m² of land, J m⁻² K⁻¹: ~2 m of soil at
    /// 2.0e6 J m⁻³ K⁻¹, the depth the annual cycle reaches (Hartmann 2016 §4.7).
    public var landSurfaceHeatCapacity = 4.0e6
    /// Local feedback over land relative to over ocean: weaker land feedbacks (drier boundary layer, larger
    /// lapse-rate change) make land warm more than ocean even in equilibrium (Joshi et al. 2008, Clim Dyn 30, 455;
    /// Dommenget 2009, J. Clim 22, 4322; equilibrium land/ocean warming ratio ≈ 1.3–1.5, Sutton et al. 2007, GRL 34, L02701).
    public var landFeedbackRatio = 0.6
    /// Heat exchange between a band's land and ocean surfaces, W m⁻² K⁻¹ per unit of the other surface's
    /// area fraction (the land–ocean coupling of Lambert & Chiang 2007, GRL 34, L13704; value tuned here to a
    /// transient land/ocean warming ratio of ~1.5, Sutton et al. 2007).
    public var landOceanExchange = 3.0

    public init() {}
}
