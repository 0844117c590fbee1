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

/// Parameters of the ocean's heat transport and expansion.
public struct OceanParameters: Sendable, Equatable {
    /// Layer thicknesses, m, mixed layer first. Mixed layer 60 m (MAGICC6, Meinshausen et al. 2011, ACP 11, 1417);
    /// deep layers thicken with depth to a total of 3680 m, the mean ocean depth (Charette & Smith 2010, Oceanography 23, 112).
    public var layerThicknessMetres: [Double] = [60, 60, 80, 100, 120, 150, 180, 220, 260, 300, 340, 380, 420, 460, 550]
    /// Vertical eddy diffusivity, cm² s⁻¹ (MAGICC6 calibrations span 0.5–2.5, Meinshausen et al. 2011; 0.6 fits
    /// AR6 ocean heat gain 1971–2018 and the GCB 2023 ocean sink here).
    public var verticalDiffusivity = 0.6
    /// Upwelling velocity of the upwelling–diffusion loop, m yr⁻¹ (Hoffert et al. 1980, JGR 85, 6667: 4 m/yr).
    public var upwellingVelocity = 4.0
    /// Vertical diffusivity multiplier in the Southern Ocean upwelling belt (band centres 65°S–45°S), where
    /// wind-driven upwelling of old deep water keeps the surface from warming (Marshall & Speer 2012, Nat Geo 5, 171;
    /// Armour et al. 2016, Nat Geo 9, 549). Has no effect with one band.
    public var southernOceanMixingFactor = 4.0

    public init() {}
}
