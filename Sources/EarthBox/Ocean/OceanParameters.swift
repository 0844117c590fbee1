/// Parameters of the ocean's heat transport and expansion.
public struct OceanParameters: Sendable, Equatable {
    /// The ocean model: `upwelling_diffusion` (the multi-layer column of Hoffert et al. 1980, as in MAGICC) or
    /// `two_layer` (Held et al. 2010; Geoffroy et al. 2013a).
    public var model = ColumnMixing.modelName
    /// Layer thicknesses, m, mixed layer first. Mixed layer 60 m (MAGICC6, Meinshausen et al. 2011, ACP 11, 1417);
    /// deep layers thicken with depth to a total of 3680 m, the mean ocean depth (Charette & Smith 2010, Oceanography 23, 112).
    public var layerThicknessMetres: [Double] = [60, 60, 80, 100, 120, 150, 180, 220, 260, 300, 340, 380, 420, 460, 550]
    /// Vertical eddy diffusivity, cm² s⁻¹: the abyssal balance of Munk (1966, Deep-Sea Res. 13, 707) gives ≈ 1.3, and
    /// MAGICC6 calibrations to CMIP3 span 0.5–2.5 (Meinshausen et al. 2011, ACP 11, 1417). With the upwelling below, 1.3
    /// puts 444 ZJ into the ocean over 1971–2018 (IGCC 404 ± 37) with 61 ZJ at 700–2000 m, keeps GMST 2011–2020 and TCR
    /// in AR6's ranges, and gives the deep ocean the heat that keeps warming the surface after net zero: flat10MIP
    /// ZEC50 inside FaIR's 5–95 % range (issue 10).
    public var verticalDiffusivity = 1.3
    /// Upwelling velocity of the upwelling–diffusion loop, m yr⁻¹. Times the ocean area (3.6e14 m²) it is the deep
    /// overturning: 1.25 m/yr ≈ 14 Sv, the North Atlantic Deep Water formation of 15 ± 2 Sv (Ganachaud & Wunsch 2000,
    /// Nature 408, 453). Hoffert et al. (1980, JGR 85, 6667)'s 4 m/yr (≈ 46 Sv, twice the observed deep overturning)
    /// kept the heat shallow: with it the flat10MIP ZEC50 was −0.26 K, below FaIR's 5–95 % range (issue 10).
    public var upwellingVelocity = 1.25
    /// Depth at which the sinking branch of the upwelling–diffusion loop enters the column, m: the layer holding it takes
    /// the sinking water, which upwells from there; the layers below only diffuse. At or below the bottom it is the
    /// bottom layer of Hoffert et al. (1980). 2300 m: the North Atlantic Deep Water the overturning sinks into spreads
    /// south at 2000–4000 m with its salinity core near 2000 m, Antarctic Bottom Water beneath it (Lynn & Reid 1968,
    /// JGR 73, 1391). Sent to the bottom, the sinking water gave 54 ZJ at 700–2000 m and 41 ZJ below 2000 m over
    /// 1971–2018 (IGCC 123 ± 13 and 31 ± 9); at 2300 m (the layer 2250–2670 m) it gives 61 and 34, keeps the carbon
    /// metrics of issue 10 and the Southern Ocean on the least-warming plateau (at 2000 m, the layer 1870–2250 m:
    /// 72 and 23, but the 18-band Southern Ocean leaves the plateau by 0.013 K). The 0–700 m excess (349 ZJ against
    /// 250 ± 34) is the diffusive thermocline's and stays.
    public var sinkingDepthMetres = 2300.0
    /// Vertical diffusivity multiplier in the Southern Ocean upwelling belt (band centres 65°S–45°S), where
    /// wind-driven upwelling of old deep water keeps the surface from warming (Marshall & Speer 2012, Nat Geo 5, 171;
    /// Armour et al. 2016, Nat Geo 9, 549). Has no effect with one band. 6 (9 cm² s⁻¹ with the global 1.5) keeps the
    /// Southern Ocean on the least-warming plateau of SSP2-4.5 now that the global upwelling no longer cools it.
    public var southernOceanMixingFactor = 6.0
    /// Vertical diffusivity multiplier in the Arctic Ocean (band centres 70°N–90°N), where the cold halocline
    /// isolates the surface layer from the Atlantic water below (Aagaard, Coachman & Carmack 1981, Deep-Sea Res. 28,
    /// 529; Rudels et al. 1996, JGR 101, 8807), so the surface takes up little heat downward; the others are scaled
    /// as for the Southern Ocean factor. Has no effect with one band.
    public var arcticMixingFactor = 0.5
    /// Two-layer ocean: heat capacities of the upper and deep layers, W yr m⁻² K⁻¹, and their heat exchange
    /// coefficient γ, W m⁻² K⁻¹ (CMIP5 16-model means, Geoffroy et al. 2013a, J. Clim 26, 1841, Table 3).
    public var twoLayerUpperHeatCapacity = 7.3
    public var twoLayerDeepHeatCapacity = 106.0
    public var twoLayerExchange = 0.73

    public init() {}
}

// The namelist group lives with the parameters: an ocean model adds its keys here.
extension OceanParameters: NamelistGroup {
    public static let groupName = "ocean"
    public static let fields: [NamelistField<OceanParameters>] = [
        .string("model", \.model, allowed: OceanTransport.modelNames, "ocean model carrying heat and carbon: multi-layer upwelling-diffusion columns or the two-layer ocean"),
        .realList("layer_thickness", \.layerThicknessMetres, elementRange: 1...2000, count: 3...100, unit: "m",
                  "thickness of each ocean layer from the top, mixed layer first", citation: "Meinshausen et al. 2011; Charette & Smith 2010"),
        .real("vertical_diffusivity", \.verticalDiffusivity, range: 0.01...20, unit: "cm2 s-1",
              "vertical eddy diffusivity of heat (and of carbon if ocean_carbon vertical_diffusivity = 0)", citation: "Meinshausen et al. 2011"),
        .real("upwelling_velocity", \.upwellingVelocity, range: 0...50, unit: "m yr-1",
              "upwelling velocity of the upwelling-diffusion loop", citation: "Hoffert et al. 1980"),
        .real("sinking_depth", \.sinkingDepthMetres, range: 0...11000, unit: "m",
              "depth at which the sinking branch of the upwelling-diffusion loop enters the column (at or below the bottom: the bottom layer)", citation: "Hoffert et al. 1980"),
        .real("southern_ocean_mixing_factor", \.southernOceanMixingFactor, range: 0.1...20, unit: "1",
              "vertical diffusivity multiplier for bands centred 65S-45S", citation: "Marshall & Speer 2012; Armour et al. 2016"),
        .real("arctic_mixing_factor", \.arcticMixingFactor, range: 0.01...20, unit: "1",
              "vertical diffusivity multiplier for bands centred 70N-90N (halocline)", citation: "Aagaard et al. 1981; Rudels et al. 1996"),
        .real("two_layer_upper_heat_capacity", \.twoLayerUpperHeatCapacity, range: 0.5...100, unit: "W yr m-2 K-1",
              "two-layer ocean: heat capacity of the upper layer", citation: "Geoffroy et al. 2013a"),
        .real("two_layer_deep_heat_capacity", \.twoLayerDeepHeatCapacity, range: 1...2000, unit: "W yr m-2 K-1",
              "two-layer ocean: heat capacity of the deep layer", citation: "Geoffroy et al. 2013a"),
        .real("two_layer_exchange", \.twoLayerExchange, range: 0.01...10, unit: "W m-2 K-1",
              "two-layer ocean: heat exchange coefficient between the layers (gamma)", citation: "Geoffroy et al. 2013a"),
    ]
}
