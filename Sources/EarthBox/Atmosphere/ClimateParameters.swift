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
    /// Thicknesses of the ground layers below the active land surface, m (to 252 m: a century of surface warming
    /// reaches ~60 m, √(κt); borehole profiles show it to 100–200 m, Beltrami et al. 2002, GRL 29, 1167).
    public var groundLayerThicknessMetres: [Double] = [4, 8, 16, 32, 64, 128]
    /// Effective thermal diffusivity of the continental heat store, m² s⁻¹. Borehole reconstructions conduct with
    /// 1e-6 (Beltrami et al. 2002; Cuesta-Valero et al. 2021, Clim. Past 17, 451), which gives this column 12 ZJ
    /// over 1971–2018; the updated continental inventory (Cuesta-Valero et al. 2023, ESD 14, 609: 23.8 ± 2.0 ZJ
    /// over 1960–2020, 90 % ground, 9 % permafrost thaw, 1 % inland water) that IGCC 2025 carries has 20.3 ZJ
    /// over 1971–2018. 2.5e-6 is calibrated to it (18.6 ZJ here: the ground share), the one column standing for all
    /// three stores; it moves the ocean's share of the inventory from 93.4 % to 92.0 % (AR6: ~91 %).
    public var groundThermalDiffusivity = 2.5e-6
    /// Volumetric heat capacity of the ground, J m⁻³ K⁻¹ (the 2.0e6 behind `landSurfaceHeatCapacity`, Hartmann 2016 §4.7).
    public var groundHeatCapacity = 2.0e6
    /// Heat the melting of glaciers, ice sheets and ice shelves takes up when the warming T is held, ZJ K⁻¹,
    /// reached with `cryosphereTimescale` (the one-timescale semi-empirical form of Grinsted et al. 2010, Clim Dyn
    /// 34, 461, which for short times is Rahmstorf 2007's rate ∝ T). 280 ZJ K⁻¹ ≈ 2.3 m sea-level equivalent per K (121 ZJ m⁻¹),
    /// near the multimillennial commitment of Levermann et al. 2013 (PNAS 110, 13745, 2.3 m K⁻¹ with expansion);
    /// calibrated so the box model's cryosphere gains the IGCC 12.3 ZJ over 1971–2018 (von Schuckmann et al. 2023,
    /// ESSD 15, 1675) with the sea-ice part below.
    public var landIceMeltCommitment = 280.0
    /// Response time of the land-ice melt, yr (Grinsted et al. 2010: ~1000 yr for the instrumental period).
    public var cryosphereTimescale = 1000.0
    /// Latent heat of the sea ice lost per K of global warming in the box model, ZJ K⁻¹: the 8.5 Tt of Arctic and
    /// Southern Ocean sea ice lost over 1994–2017 (Slater et al. 2021, Cryosphere 15, 233) times L_f = 3.34e5 J kg⁻¹,
    /// over that period's 0.474 K GMST trend (IGCC 2025). With latitude bands the ice line gives it instead.
    public var seaIceMeltPerKelvin = 6.0
    /// Mean thickness of the sea ice the ice line removes, m, for its latent heat in the zonal model (Arctic
    /// 1958–1976 ~3 m thinning to ~1.5 m by 2018, Kwok 2018, ERL 13, 105005; Antarctic ~1 m, Worby et al. 2008, JGR 113, C05S92).
    public var seaIceThicknessMetres = 2.0

    public init() {}
}
