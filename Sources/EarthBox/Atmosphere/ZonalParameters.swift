/// How annual-mean insolation is computed per band.
public enum InsolationMethod: String, Sendable, CaseIterable {
    /// S(x) = 1 + s2·P2(x), the Legendre approximation (North 1975, J. Atmos. Sci. 32, 2033).
    case legendre
    /// The exact annual mean of daily insolation on a circular orbit for the given obliquity (Berger 1978; Ward 1974).
    case exact
}

/// Parameters of the zonal (latitude-band) energy balance: insolation, albedo and the ice line, the
/// climatological outgoing longwave fit, meridional diffusion and the latitude pattern of the feedback.
/// With one band none of them changes a run's anomalies (no ice edge, no transport), only the absolute climatology.
public struct ZonalParameters: Sendable, Equatable {
    /// Total solar irradiance, W m⁻² (Kopp & Lean 2011, GRL 38, L01706).
    public var solarConstant = 1361.0
    public var insolation = InsolationMethod.legendre
    /// Second Legendre coefficient of annual-mean insolation (North 1975; North, Cahalan & Coakley 1981, Rev. Geophys. 19, 91).
    public var insolationP2 = -0.482
    /// Obliquity for exact insolation, degrees (present day 23.44°, Berger 1978, J. Atmos. Sci. 35, 2362).
    public var obliquityDegrees = 23.44
    /// Outgoing longwave radiation A + B·T (T in °C) fitted across latitudes in today's climate; sets only the
    /// preindustrial climatology, the anomaly feedback follows the ECS (Graves, Lee & North 1993, JGR 98, 5025;
    /// climlab defaults, Rose 2018, JOSS 3, 659).
    public var longwaveIntercept = 210.0
    public var longwaveSlope = 2.0
    /// Meridional heat diffusivity D in ∂/∂x (D(1−x²)∂T/∂x), W m⁻² K⁻¹ (North et al. 1981: 0.649; Rose 2018: 0.555 with an ice line).
    public var meridionalDiffusivity = 0.555
    /// Near-surface relative humidity of the moist static energy a run's anomalies diffuse (`MoistTransport`;
    /// Armour et al. 2019, J. Clim 32, 3655, use 80 %); 0, the default, diffuses temperature alone, as the
    /// climatology does (North 1975).
    public var relativeHumidity = 0.0
    /// Ice-free albedo a0 + a2·P2(x) and ice albedo (climlab defaults after North et al. 1981, Rose 2018).
    public var albedoGlobal = 0.3
    public var albedoP2 = 0.078
    public var iceAlbedo = 0.62
    /// Surface temperature below which the surface is snow or ice covered, °C (Budyko 1969; North 1975: −10 °C).
    public var freezingTemperature = -10.0
    /// Seasonal half-range of surface temperature where the sun sets in winter (the annual harmonic of insolation
    /// as large as its mean), K; each band's is this times its relative insolation harmonic (the linear seasonal
    /// response of North & Coakley 1979, J. Atmos. Sci. 36, 1189), damped over open water. It sets how the ice
    /// line of a run moves: cover is the share of the year the surface is frozen, and the albedo sees that share
    /// weighted by sunlight (Eisenman 2012, JGR 117, D01111: summer ice goes first, winter ice persists). Observed
    /// half-ranges run from ~5 K over the open Nordic Seas to ~16 K over the central Arctic (Rigor, Colony & Martin
    /// 2000, J. Clim 13, 896); 9 K is calibrated in that range against CMIP6 (Arctic amplification, the Southern
    /// Ocean warming least, annual-mean ice kept at 2–3 K of warming). 0 gives the annual-mean line at
    /// `freezingTemperature` of Budyko (1969) and North (1975), which the climatology uses.
    public var seasonalAmplitude = 9.0
    /// Seasonal amplitude over open water relative to land and ice-covered ocean: the mixed layer's heat capacity
    /// damps the cycle (North & Coakley 1979); observed half-ranges near 45°N are ~4 K over the oceans and
    /// ~15 K over the continents (Legates & Willmott 1990, Int. J. Climatol. 10, 111).
    public var openOceanAmplitudeRatio = 0.3
    /// Land south of this latitude is the Antarctic ice sheet: always ice albedo (its 2–4 km elevation keeps it
    /// ~30 K colder than a sea-level EBM band; Fretwell et al. 2013, Cryosphere 7, 375). Greenland is left to the ice line.
    public var iceSheetSouthOf = -60.0
    /// Share of a surface-albedo change that reaches the top of the atmosphere (clouds mask the rest): the
    /// ice line of the climatology carries the whole polar planetary albedo, but only this part goes when the
    /// surface melts (∂α_p/∂α_s ≈ 0.3–0.5, Qu & Hall 2005, J. Clim 18, 5239; it brings the emergent surface-albedo
    /// feedback near AR6's 0.35 W m⁻² K⁻¹, Forster et al. 2021 §7.4.2.3).
    public var iceAlbedoTransmission = 0.5
    /// Whether the sea-ice-covered share of each band's ocean is a surface of its own, insulated from the mixed layer
    /// (Pithan & Mauritsen 2014, Nat Geo 7, 181; Eisenman & Wettlaufer 2009, PNAS 106, 28; the sea-ice surface of
    /// climlab, Rose 2018): it has no heat capacity, so its temperature follows the atmosphere, and it passes heat to
    /// the water below only by conduction through the ice (`seaIceConductance`). Off (the default): ice-covered water
    /// is open water. On, it replaces `seaIceFeedbackWeakening`; the ice surface of 87.5°N warms 5.3 K by 2081–2100 in
    /// SSP2-4.5 over water warming 3.5 K, but the Arctic amplification rises only from 1.790 to 1.794 (36 bands, against
    /// open water without the effective feedback, 2.29 with it): with the halocline factor the Arctic
    /// mixed layer is already close to its equilibrium, so insulating it changes little, while the insulated Antarctic
    /// ice lifts the 18-band Southern Ocean off the least-warming plateau (by 0.03 K).
    public var seaIceInsulation = false
    /// Conductance of the sea ice and its snow, W m⁻² K⁻¹: ice and snow in series, 1/(h_i/k_i + h_s/k_s), with
    /// k_i = 2.03 W m⁻¹ K⁻¹ and k_s = 0.31 W m⁻¹ K⁻¹ (Maykut & Untersteiner 1971, JGR 76, 1550; the values of CICE
    /// and the AOMIP models; Pringle et al. 2006, JGR 111, C05020, measured 1.9–2.1 for ice), h_i = 2 m
    /// (`ClimateParameters.seaIceThicknessMetres`) and h_s = 0.2 m (Arctic May maximum 0.35 m, Warren et al. 1999,
    /// J. Clim 12, 1814; Antarctic 0.15–0.20 m, Massom et al. 2001, Rev. Geophys. 39, 413).
    public var seaIceConductance = 1 / (2.0 / 2.03 + 0.2 / 0.31)
    /// The same for the Southern Ocean's thinner ice: h_i = 1 m (Worby et al. 2008, JGR 113, C05S92), h_s = 0.175 m
    /// (Massom et al. 2001).
    public var southernSeaIceConductance = 1 / (1.0 / 2.03 + 0.175 / 0.31)
    /// Whether changes of the ice line change the absorbed sunlight in a run (teaching switch).
    public var iceAlbedoFeedback = true
    /// P2 coefficient of the local feedback: λ(x) = Λ(1 + c·P2(x)); negative makes high latitudes feed back
    /// less (positive lapse-rate feedback there), the CMIP pattern of Armour, Bitz & Roe 2013 (J. Clim 26, 4518)
    /// and Bonan et al. 2018 (GRL 45, 2377). Its global mean is zero, so it changes no global number with one band.
    /// The Arctic's extra weakening over its sea ice is `seaIceFeedbackWeakening`, not a stronger P2 (which would
    /// weaken the feedback over the northern continents and the Southern Ocean as much as over the Arctic ice).
    public var feedbackP2 = -0.5
    /// P2 coefficient of the local feedback over the Antarctic ice sheet (`iceSheetSouthOf`): its lapse-rate feedback
    /// is near zero, unlike the Arctic's (Hahn et al. 2020, GRL 47, e2020GL088965; AR6 WG1 §7.4.4.1), so the polar
    /// weakening of `feedbackP2` does not apply there (0); `feedbackP2` applies it everywhere.
    public var iceSheetFeedbackP2 = 0.0
    /// Weakening of the local ocean feedback over the preindustrial Arctic sea ice, in units of Λ: each northern band's
    /// ocean feedback is Λ(1 + c·P2(x) − w·a) with a its annual sea-ice share. The Arctic's positive lapse-rate feedback
    /// is an atmospheric response to local sea-ice loss under the surface inversion of the ice (Feldl et al. 2020, npj
    /// Clim. Atmos. Sci. 3, 41; Boeke, Taylor & Sejas 2021, GRL 48, e2020GL091109), the largest single term of Arctic
    /// amplification: +3.8 K of the 11.2 K Arctic (60–90°N) warming at 4×CO2 against −2.2 K in the tropics (Pithan &
    /// Mauritsen 2014, Nat. Geosci. 7, 181, Fig. 2), i.e. ≈ +1.1 W m⁻² K⁻¹ per K of Arctic warming over the whole cap and
    /// more over its ice. It is an effective feedback of sea-ice loss: it also carries the winter release of the heat
    /// the newly open water takes up in summer, through which sea-ice loss causes most of the Arctic amplification
    /// (Dai et al. 2019, Nat. Commun. 10, 121) and which an annual-mean band has no other way to represent. Calibrated,
    /// not measured: 1.18 (2.5 W m⁻² K⁻¹ over the ice at ECS 3 K, ≈ 1.0 over 60–90°N, 40 % of which is preindustrial sea
    /// ice), with the P2 pattern back at −0.5, puts the 2081–2100 Arctic amplification (36 bands) at 2.3 in SSP2-4.5 and
    /// 2.1 in SSP5-8.5, inside AR6's 2–4 (WG1 §4.5.1); 0 gives 1.8/1.7. It scales with Λ, as the P2 pattern does, so the
    /// members of an ensemble differ in how much they warm, not in their Arctic amplification: a fixed 2.5 W m⁻² K⁻¹
    /// made the high-ECS members' Arctic run away from the rest (the internal share of the 2021–2050 Arctic trend
    /// variance fell to 0.50; with the scaling 0.68). It leaves the local feedback of the ice-covered polar ocean
    /// amplifying (−0.68 Λ at 87.5°N): those bands are damped by the meridional transport.
    /// `seaIceInsulation` replaces it (the insulated surface resolves what it stands for).
    public var seaIceFeedbackWeakening = 1.18
    /// The same over the Antarctic sea ice: 0, since Antarctic inversions are shallower and weaker and its lapse-rate
    /// feedback much smaller (Hahn et al. 2020, GRL 47, e2020GL088965); the Southern Ocean warms least (Armour et al. 2016, Nat. Geosci. 9, 549).
    public var southernSeaIceFeedbackWeakening = 0.0
    /// Heat capacity used to integrate the absolute climatology to equilibrium (J m⁻² K⁻¹; 60 m of water).
    public var climatologyHeatCapacity = 2.45e8

    public init() {}
}
