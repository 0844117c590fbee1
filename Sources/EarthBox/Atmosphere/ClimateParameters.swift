/// Energy-balance parameters of the atmosphere and surface.
public struct ClimateParameters: Sendable, Equatable {
    /// Equilibrium climate sensitivity, K per CO2 doubling; the feedback parameter is F2x / ECS
    /// (AR6 best estimate 3 K, likely 2.5–4 K; Forster et al. 2021, IPCC AR6 WG1 §7.5).
    public var equilibriumClimateSensitivity = 3.0
    /// Efficacy of deep-ocean heat uptake (Held et al. 2010, J. Clim 23, 2418; CMIP5 mean 1.28, Geoffroy et al. 2013b, J. Clim 26, 1859).
    public var heatUptakeEfficacy = 1.28
    /// Heat capacity of the atmosphere and the thermally active land surface, J m⁻² K⁻¹ of Earth surface:
    /// the atmospheric column c_p·p_s/g ≈ 1.0e7 (Hartmann 2016, Global Physical Climatology §2) plus ~2 m of soil on 29 % land.
    public var atmosphereLandHeatCapacity = 1.2e7
    /// Land warming per unit of ocean mixed-layer warming where a band's land and ocean share one column
    /// (land warms faster: ≈1.5 in CMIP3, Sutton et al. 2007, GRL 34, L02701; MAGICC6 uses 1.32, Meinshausen et al. 2011).
    public var landOceanWarmingRatio = 1.5

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

    public init() {}
}
