#if canImport(Glibc)
import Glibc
#endif

/// The zonal energy balance of the coupled model: per band a land surface and an ocean mixed layer over its
/// ocean column, exchanging heat with each other, diffusing heat meridionally, radiating with a local feedback
/// and absorbing sunlight that changes with the ice line. Solved implicitly each year for all bands at once.
///
/// Per m² of ocean: C_o dT_o/dt = F + ΔR − λ_o T_o + k f_l (T_l − T_o) + M − ε H,
/// per m² of land:  C_l dT_l/dt = F + ΔR − λ_l T_l + k f_o (T_o − T_l) + M,
/// with M the meridional convergence of the band-mean temperature f_o T_o + f_l T_l (North 1975), ΔR the change
/// of absorbed sunlight with the ice line (Budyko 1969), and H the heat passed to the deep ocean with efficacy ε:
/// the two-layer efficacy model of Held et al. (2010) and Geoffroy et al. (2013b) on a multi-layer upwelling–
/// diffusion column (Hoffert et al. 1980; MAGICC, Meinshausen et al. 2011). The top of the atmosphere sees
/// N = F + ΔR − f_o λ_o T_o − f_l λ_l T_l − (ε − 1) f_o H, so heat content changes by exactly N·Δt.
///
/// Everything is an anomaly from the preindustrial climatology of `ZonalClimate`; the local feedbacks are
/// Λ(1 + c·P2(x) − w·a(x)) over the ocean (a the preindustrial sea-ice share, `seaIceFeedbackWeakening`) and
/// Λ·r_land(1 + c·P2(x)) over land, and Λ is calibrated so the equilibrium global warming for
/// doubled CO2 (ice line included) equals the configured ECS. With one band M = 0 and there is no ice line,
/// so this is the box model.
public struct EnergyBalance: EarthSystemComponent {
    public let climate: ClimateParameters
    public let zonal: ZonalParameters
    public let grid: LatitudeGrid
    public let albedo: SurfaceAlbedo
    /// Meridional transport of the anomalies: moist static energy diffusion (`MoistTransport`), or with a relative
    /// humidity of 0 the dry diffusion of North (1975) that the climatology uses.
    public let diffusion: MeridionalDiffusion
    /// Effective radiative forcing of doubled CO2, W m⁻², from the same formula the run uses.
    public let doublingForcing: Double
    /// Calibrated global feedback scale Λ, W m⁻² K⁻¹.
    public let feedbackScale: Double
    /// Local feedback parameter over ocean and over land in each band, W m⁻² K⁻¹.
    public let oceanFeedback: [Double]
    public let landFeedback: [Double]
    /// Preindustrial surface temperature (°C) and ice fraction of each band.
    public let preindustrialTemperature: [Double]
    public let preindustrialIceFraction: [Double]
    /// Preindustrial snow and ice cover of each band through the seasons (`SurfaceAlbedo.seasonalCover`): the annual
    /// mean (ice line, sea-ice melt, blended GMST) and the sunlit share (albedo). A run's ice moves from these.
    public let preindustrialAnnualCover: [Double]
    public let preindustrialSunlitCover: [Double]
    /// Annual-mean ice edges of the preindustrial climate, degrees north (south, north).
    public let preindustrialIceEdges: (south: Double, north: Double)
    /// Conductance of each band's sea ice and snow, W m⁻² K⁻¹ (`ZonalParameters.seaIceConductance`, the southern one south of the equator).
    public let seaIceConductance: [Double]
    public var parameters: ClimateParameters { climate }
    /// Global feedback of the forcing agents that respond to temperature, W m⁻² K⁻¹: the ozone feedback
    /// (Thornhill et al. 2021, ACP 21, 853; AR6 WG1 §6.4.2) and, with methane following its emissions, the
    /// shorter methane lifetime in a warmer climate. They lower the forcing a run sees by about 0.17 W m⁻² at
    /// 3 K, which is why the equilibrium of abrupt-2xCO2 was 4 % below the ECS before they entered the calibration.
    public let chemistryFeedback: Double
    /// How the calibration of Λ went: secant steps, linear equilibrium solves, and whether every solve converged.
    public let calibration: (steps: Int, solves: Int, converged: Bool)
    /// The land column: the active surface layer (index 0, the `landSurfaceHeatCapacity` as metres of ground)
    /// over the ground layers, and its heat conduction (the ocean's column operator with no upwelling).
    public let groundLayers: OceanLayerGrid
    public let groundConduction: ColumnMixing

    /// - Parameters:
    ///   - chemistryFeedback: the non-CO2 temperature feedback the run will see (`chemistryFeedback` above).
    ///   - feedbackScale: Λ to use instead of calibrating it to the ECS (to switch processes off in a
    ///     teaching experiment while keeping the feedbacks of the full model).
    public init(climate: ClimateParameters, zonal: ZonalParameters, grid: LatitudeGrid, doublingForcing: Double,
                chemistryFeedback: Double = 0, feedbackScale fixedScale: Double? = nil) {
        self.init(climate: climate, climatology: Climatology(zonal: zonal, grid: grid), doublingForcing: doublingForcing,
                  chemistryFeedback: chemistryFeedback, feedbackScale: fixedScale)
    }

    /// What the energy balance takes from the zonal parameters and the grid alone: the climatology's preindustrial
    /// climate and its snow and ice cover, the albedo with its seasons, the feedback patterns before Λ scales them and
    /// the meridional transport. Members that differ only in other parameters share it, so an ensemble worker computes
    /// it once (`EnsembleWorker`): it was most of building a member's model.
    public struct Climatology: Sendable {
        public let zonal: ZonalParameters
        public let grid: LatitudeGrid
        let albedo: SurfaceAlbedo
        let preindustrial: ZonalClimate.Equilibrium
        let cover: (annual: [Double], sunlit: [Double])
        /// 1 + P2 pattern of the ocean feedback less its sea-ice weakening, and of the land feedback (before Λ).
        let oceanPattern: [Double], landPattern: [Double]
        let transport: MeridionalDiffusion

        public init(zonal: ZonalParameters, grid: LatitudeGrid) {
            self.zonal = zonal; self.grid = grid
            let climatology = ZonalClimate(grid: grid, parameters: zonal)
            var albedo = SurfaceAlbedo(grid: grid, insolation: climatology.insolation, parameters: zonal)
            let preindustrial = climatology.preindustrial()
            if !albedo.seasonalAmplitude.isEmpty {
                // Open water damps the seasons with its mixed layer; land and ice-covered ocean (insulated by the ice) do
                // not (North & Coakley 1979; Eisenman & Wettlaufer 2009), so the Arctic Ocean has a continental cycle and
                // the Southern Ocean north of its winter ice a maritime one.
                let m = zonal.openOceanAmplitudeRatio
                albedo = albedo.withSeasonalAmplitude((0..<grid.count).map { b in
                    let fl = grid.landFraction[b], ice = max(0, min(1, albedo.seaIceCover(band: b, iceFraction: preindustrial.iceFraction[b])))
                    return albedo.seasonalAmplitude[b] * (fl + (1 - fl) * (ice + (1 - ice) * m))
                })
            }
            let pattern = climatology.insolation.legendreP2.map { 1 + zonal.feedbackP2 * $0 }
            // Over the Antarctic ice sheet the polar weakening of the feedback takes `iceSheetFeedbackP2` instead: the
            // elevated plateau has almost no surface inversion, so its lapse-rate feedback is near zero where the
            // Arctic's is strongly positive (Hahn et al. 2020, GRL 47, e2020GL088965).
            let landPattern = (0..<grid.count).map { b -> Double in
                let fl = grid.landFraction[b], sheet = fl > 0 ? min(1, albedo.iceSheetFraction[b] / fl) : 0
                return (1 - sheet) * pattern[b] + sheet * (1 + zonal.iceSheetFeedbackP2 * climatology.insolation.legendreP2[b])
            }
            // The positive lapse-rate feedback of the polar oceans lives where sea ice keeps a surface inversion and comes
            // with its loss (Feldl et al. 2020, npj Clim. Atmos. Sci. 3, 41; Boeke et al. 2021, GRL 48, e2020GL091109):
            // each band's ocean pattern is weakened over its preindustrial annual sea-ice share, on top of P2, and scales with
            // Λ like the rest of the pattern, so a member's ECS changes its warming, not the shape of it.
            // The preindustrial snow and ice cover through the seasons, once: the model keeps it (`preindustrialAnnualCover`).
            var annualCover = preindustrial.temperature, sunlitCover = annualCover
            preindustrial.temperature.withUnsafeBufferPointer { albedo.seasonalCover(temperature: $0.baseAddress!, annual: &annualCover, sunlit: &sunlitCover) }
            let seaIceWeakening = (0..<grid.count).map { b -> Double in
                // The insulated sea-ice surface resolves the decoupling of the ice surface from the water that this term
                // stands for (and, with no heat capacity, would have no damping left under it), so it replaces the term.
                guard grid.count > 1, !zonal.seaIceInsulation else { return 0 }
                let share = max(0, min(1, albedo.seaIceCover(band: b, iceFraction: annualCover[b])))
                return share * (grid.centresDegrees[b] < 0 ? zonal.southernSeaIceFeedbackWeakening : zonal.seaIceFeedbackWeakening)
            }
            let rh = zonal.relativeHumidity
            let transport = rh > 0 && grid.count > 1
                ? MoistTransport.diffusion(grid: grid, dry: zonal.meridionalDiffusivity, temperature: preindustrial.temperature,
                                           relativeHumidity: rh)
                : climatology.diffusion
            self.albedo = albedo; self.preindustrial = preindustrial; cover = (annualCover, sunlitCover)
            oceanPattern = zip(pattern, seaIceWeakening).map { $0 - $1 }
            self.landPattern = landPattern; self.transport = transport
        }

        /// Area-weighted global mean of the preindustrial surface temperature, K (`EnergyBalance.preindustrialGlobalMeanKelvin`).
        public var preindustrialGlobalMeanKelvin: Double { EnergyBalance.globalMeanKelvin(preindustrial.temperature, grid: grid) }
    }

    /// The energy balance of `climate` over a climatology already computed (`Climatology`).
    public init(climate: ClimateParameters, climatology c: Climatology, doublingForcing: Double,
                chemistryFeedback: Double = 0, feedbackScale fixedScale: Double? = nil) {
        let zonal = c.zonal, grid = c.grid, ratio = climate.landFeedbackRatio
        func model(_ scale: Double, _ calibration: (Int, Int, Bool)) -> Self {
            Self(copying: climate, zonal, grid, c.albedo, c.transport, doublingForcing, scale,
                 c.oceanPattern.map { scale * $0 }, c.landPattern.map { scale * ratio * $0 }, c.preindustrial, c.cover, chemistryFeedback, calibration)
        }
        if let fixedScale {
            self = model(fixedScale, (0, 0, true))
            return
        }
        // Calibrate Λ by the secant method on 1/Λ, in which the equilibrium warming is nearly linear; each
        // equilibrium starts from the previous one, so later solves take a few ice-line updates.
        let target = climate.equilibriumClimateSensitivity
        var scale = doublingForcing / target - chemistryFeedback
        var probe = model(scale, (0, 0, true))
        var previous: (inverse: Double, warming: Double)? = nil
        var last: Equilibrium? = nil
        var steps = 0, solves = 0, converged = true
        for _ in 0..<40 {
            steps += 1
            let e = probe.equilibrium(forcing: doublingForcing, start: last)
            solves += e.iterations
            converged = converged && e.converged
            last = e
            let warming = e.warming
            if abs(warming / target - 1) < 1e-11 { break }
            let inverse = 1 / scale
            var next = inverse * target / warming
            if let p = previous, warming != p.warming {
                let secant = inverse + (target - warming) * (inverse - p.inverse) / (warming - p.warming)
                if secant > 0 { next = secant }
            }
            previous = (inverse, warming)
            scale = 1 / next
            probe = model(scale, (0, 0, true))
        }
        self = model(scale, (steps, solves, converged))
    }

    private init(copying climate: ClimateParameters, _ zonal: ZonalParameters, _ grid: LatitudeGrid,
                 _ albedo: SurfaceAlbedo, _ diffusion: MeridionalDiffusion,
                 _ doublingForcing: Double, _ scale: Double, _ oceanFeedback: [Double], _ landFeedback: [Double],
                 _ preindustrial: ZonalClimate.Equilibrium, _ cover: (annual: [Double], sunlit: [Double]),
                 _ chemistryFeedback: Double, _ calibration: (Int, Int, Bool)) {
        self.climate = climate; self.zonal = zonal; self.grid = grid
        self.albedo = albedo; self.diffusion = diffusion; self.doublingForcing = doublingForcing
        feedbackScale = scale; self.oceanFeedback = oceanFeedback; self.landFeedback = landFeedback
        preindustrialTemperature = preindustrial.temperature; preindustrialIceFraction = preindustrial.iceFraction
        preindustrialAnnualCover = cover.annual; preindustrialSunlitCover = cover.sunlit
        preindustrialIceEdges = cover.annual.withUnsafeBufferPointer { SurfaceAlbedo.iceEdges(grid: grid, iceFraction: $0.baseAddress!) }
        seaIceConductance = grid.centresDegrees.map { $0 < 0 ? zonal.southernSeaIceConductance : zonal.seaIceConductance }
        self.chemistryFeedback = chemistryFeedback
        self.calibration = (steps: calibration.0, solves: calibration.1, converged: calibration.2)
        groundLayers = Self.groundLayers(climate)
        // κ in cm² s⁻¹ for the column operator (1e-6 m² s⁻¹ = 0.01 cm² s⁻¹).
        groundConduction = ColumnMixing(layers: groundLayers, diffusivitySquareCentimetresPerSecond: [climate.groundThermalDiffusivity * 1e4],
                                        upwellingMetresPerYear: 0)
    }

    /// The land column's layers: the active surface as metres of ground, then the ground layers.
    public static func groundLayers(_ climate: ClimateParameters) -> OceanLayerGrid {
        OceanLayerGrid(thicknessMetres: [climate.landSurfaceHeatCapacity / climate.groundHeatCapacity] + climate.groundLayerThicknessMetres)
    }

    /// Land and atmosphere heat capacity per m² of land, J m⁻² K⁻¹.
    var landCapacity: Double { climate.atmosphereHeatCapacity + climate.landSurfaceHeatCapacity }

    /// Change of absorbed sunlight in each band from the preindustrial ice line, W m⁻², for band-mean
    /// temperature anomalies `anomaly`, from the sunlit share of the snow and ice cover; `absolute`, `ice` and
    /// `annual` are scratch (one value per band).
    @inline(__always)
    func absorbedSunlightChange(anomaly: UnsafePointer<Double>, into change: UnsafeMutablePointer<Double>,
                                absolute: UnsafeMutablePointer<Double>, ice: UnsafeMutablePointer<Double>,
                                annual: UnsafeMutablePointer<Double>, force: Bool = false) {
        let n = grid.count
        guard zonal.iceAlbedoFeedback || force else {
            for b in 0..<n { change[b] = 0 }
            return
        }
        for b in 0..<n { absolute[b] = preindustrialTemperature[b] + anomaly[b] }
        albedo.seasonalCover(temperature: absolute, annual: annual, sunlit: ice)
        let transmission = zonal.iceAlbedoTransmission
        for b in 0..<n {
            change[b] = transmission * (albedo.absorbed(band: b, iceFraction: ice[b]) - albedo.absorbed(band: b, iceFraction: preindustrialSunlitCover[b]))
        }
    }

    /// Solves the coupled land–ocean–meridional system given each band's reduced surface rows
    /// `D_o T_o = R_o + K_o T_l + S_o M` and `D_l T_l = R_l + K_l T_o + S_l M` (w[0..<8n] hold D_o, R_o, K_o, S_o,
    /// D_l, R_l, K_l, S_l), the sea-ice surface already eliminated from them, and the sea-ice row
    /// `T_i = (H_i + c_i T_l + M + γ T_o)/D_i` (w[17n..<21n] hold the ice share a of the ocean, 1/D_i, H_i, c_i). The band
    /// mean the transport sees is f_o(1 − a) T_o + f_o a T_i + f_l T_l. Writes T_o, T_l, M and T_i to `ocean`, `land`,
    /// `convergence`, `ice`; uses w[0..<14n].
    @inline(__always)
    func solveSurfaces(_ w: UnsafeMutablePointer<Double>, ocean: UnsafeMutablePointer<Double>, land: UnsafeMutablePointer<Double>,
                       convergence: UnsafeMutablePointer<Double>, ice: UnsafeMutablePointer<Double>) {
        let n = grid.count
        let dO = w, rO = w + n, kO = w + 2 * n, sO = w + 3 * n, dL = w + 4 * n, rL = w + 5 * n, kL = w + 6 * n, sL = w + 7 * n
        let po = w + 8 * n, qo = w + 9 * n, pl = w + 10 * n, ql = w + 11 * n, diag = w + 12 * n, mean = w + 13 * n
        let share = w + 17 * n, inverseD = w + 18 * n, hIce = w + 19 * n, cIce = w + 20 * n
        let gamma = seaIceConductance
        let scratch = dO   // the row coefficients are dead once reduced to affine form
        if n == 1 {
            // No neighbours, so M = 0 and T = p exactly: the same numbers without the meridional solve.
            let det = dO[0] * dL[0] - kO[0] * kL[0]
            ocean[0] = (dL[0] * rO[0] + kO[0] * rL[0]) / det
            land[0] = (kL[0] * rO[0] + dO[0] * rL[0]) / det
            convergence[0] = 0
            ice[0] = ocean[0]   // one band has no sea ice (a = 0)
            return
        }
        for b in 0..<n {
            // Each band's two surfaces as affine functions of its meridional convergence M: T = p + q·M.
            let det = dO[b] * dL[b] - kO[b] * kL[b]
            po[b] = (dL[b] * rO[b] + kO[b] * rL[b]) / det
            qo[b] = (dL[b] * sO[b] + kO[b] * sL[b]) / det
            pl[b] = (kL[b] * rO[b] + dO[b] * rL[b]) / det
            ql[b] = (kL[b] * sO[b] + dO[b] * sL[b]) / det
            let fl = grid.landFraction[b], fo = 1 - fl, a = share[b]
            if a > 0 {
                // The ice surface as an affine function of M too: T_i = p_i + q_i·M (kept in `ice` until M is known).
                let pi = (hIce[b] + cIce[b] * pl[b] + gamma[b] * po[b]) * inverseD[b]
                let qi = (cIce[b] * ql[b] + 1 + gamma[b] * qo[b]) * inverseD[b]
                let q = fo * (1 - a) * qo[b] + fo * a * qi + fl * ql[b]
                ice[b] = qi
                diag[b] = 1 / q
                mean[b] = (fo * (1 - a) * po[b] + fo * a * pi + fl * pl[b]) / q
            } else {
                let q = fo * qo[b] + fl * ql[b]
                diag[b] = 1 / q
                mean[b] = (fo * po[b] + fl * pl[b]) / q
            }
        }
        // M_b = (T̄_b − P_b)/Q_b = transport(T̄): one tridiagonal system in the band-mean temperature.
        diffusion.solveImplicit(diagonal: diag, rhs: mean, count: n, scratch: scratch)
        for b in 0..<n {
            let m = diffusion.convergence(band: b, mean, count: n)
            convergence[b] = m
            ocean[b] = po[b] + qo[b] * m
            land[b] = pl[b] + ql[b] * m
            ice[b] = share[b] > 0 ? (hIce[b] + cIce[b] * land[b] + m + gamma[b] * ocean[b]) * inverseD[b] : ocean[b]
        }
    }

    /// Sea-ice share of band `b`'s ocean for its annual-mean snow and ice cover `annual` (0 with one band or without
    /// `seaIceInsulation`).
    @inline(__always)
    func seaIceShare(band b: Int, annualCover annual: Double) -> Double {
        zonal.seaIceInsulation && grid.count > 1 ? max(0, min(1, albedo.seaIceCover(band: b, iceFraction: annual))) : 0
    }

    /// Band-mean temperature change, K: f_o(1 − a) T_o + f_o a T_i + f_l T_l for the ice share a of the band's ocean.
    @inline(__always)
    public func bandMean(band b: Int, ocean: Double, land: Double, seaIceShare a: Double, seaIce: Double) -> Double {
        let fl = grid.landFraction[b], fo = 1 - fl
        return a > 0 ? fo * (1 - a) * ocean + fo * a * seaIce + fl * land : fo * ocean + fl * land
    }

    /// Band b's mean temperature change from its state (`State`) and mixed layer, K.
    @inline(__always)
    public func bandMean(band b: Int, mixedLayer x0: Double, land: UnsafePointer<Double>) -> Double {
        let ng = groundLayers.layerCount
        return bandMean(band: b, ocean: x0, land: land[0], seaIceShare: land[ng], seaIce: land[ng + 1])
    }

    /// Values of one band's state: the land column, then the sea-ice share of the ocean and the ice-surface temperature change.
    public var bandStateCount: Int { groundLayers.layerCount + 2 }

    /// This year's heating and the ocean's mixed layers, one per band (from `Ocean.surfaceLayers`).
    public struct Inputs {
        /// Global effective radiative forcing, W m⁻².
        public let forcing: Double
        /// Each band's stochastic forcing, W m⁻² (`InternalVariability`), added to `forcing`; nil when it is off.
        public let noise: BandBlocks<Double>?
        /// Heat the cryosphere takes from every surface this year, W m⁻² (`Cryosphere`): it leaves the surfaces
        /// but not the top of the atmosphere.
        public let melt: Double
        public let dt: Double
        public let surfaces: UnsafePointer<OceanSurfaceLayer>
        /// Where to write each band's meridional heat convergence, W m⁻², if wanted.
        public let convergence: UnsafeMutablePointer<Double>?
    }

    /// The surface system of all bands (22 values per band in the order `solveSurfaces` reads them), the
    /// eliminated ground rows of every land column, and the per-band heating and heat fluxes.
    public struct Scratch {
        let w: UnsafeMutablePointer<Double>
        let ground: UnsafeMutablePointer<Double>
        /// Per band: heating held between `step` and `topOfAtmosphere`, then the TOA imbalance; the deep-ocean heat flux.
        let imbalance: UnsafeMutablePointer<Double>
        let deep: UnsafeMutablePointer<Double>
    }

    public func makeScratch(in arena: ScratchArena) -> Scratch {
        let n = grid.count
        let ng = groundLayers.layerCount
        return Scratch(w: arena.take(22 * n), ground: arena.take(ng * n), imbalance: arena.take(n), deep: arena.take(n))
    }

    /// The new mixed-layer temperature of each band (what the ocean carries down).
    public typealias Fluxes = UnsafePointer<Double>

    /// Each band's heat fluxes of the year, per m² of band.
    public struct HeatFluxes {
        /// TOA imbalance, W m⁻².
        public let imbalance: UnsafePointer<Double>
        /// Heat passed below the mixed layer, W m⁻².
        public let deep: UnsafePointer<Double>
    }

    /// Land temperature change of each band: the surface ([0]), then the ground layers below it.
    public typealias State = BandBlocks<Double>

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("land_temperature_change", "K", count: shape.groundLayerCount, scope: .perBand,
                   preindustrial: "0 at the surface and in every ground layer (anomaly)"),
         // The share is the one the last step used (explicit, as the albedo): with it the band mean is known from the state.
         StateSlot("sea_ice_share", "1", scope: .perBand, preindustrial: "the preindustrial annual-mean sea-ice share of the band's ocean"),
         StateSlot("sea_ice_surface_temperature_change", "K", scope: .perBand, preindustrial: "0 (anomaly)")]
    }

    public static var diagnostics: [Diagnostic] {
        [.surfaceTemperature, .imbalance, .landSurfaceTemperature, .seaSurfaceTemperature, .iceEdgeNorth, .iceEdgeSouth,
         .blendedSurfaceTemperature, .landHeatContent, .atmosphereHeatContent]
    }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let land = block.bands(v), ng = groundLayers.layerCount
        for b in 0..<grid.count {
            for k in 0..<ng { land[b][k] = 0 }
            land[b][ng] = seaIceShare(band: b, annualCover: preindustrialAnnualCover[b]); land[b][ng + 1] = 0
        }
    }

    /// Advances every band's land temperature and solves for its new mixed-layer temperature over `dt` years under
    /// the global forcing; returns the new mixed-layer temperatures (one per band). The ocean is seen only through
    /// its mixed layers; once it has carried the heat down (`Ocean.step`), `topOfAtmosphere` gives the fluxes.
    @inline(__always)
    public func step(_ land: BandBlocks<Double>, _ inputs: Inputs, scratch: Scratch) -> UnsafePointer<Double> {
        let w = scratch.w, surfaces = inputs.surfaces, dt = inputs.dt
        let n = grid.count
        let dO = w, rO = w + n, kO = w + 2 * n, sO = w + 3 * n, dL = w + 4 * n, rL = w + 5 * n, kL = w + 6 * n, sL = w + 7 * n
        let newOcean = w + 14 * n, newLand = w + 15 * n
        let rhoC = PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity
        let year = PhysicalConstants.secondsPerYear
        let s = year / rhoC                          // (K·m per yr) per (W m⁻²)
        let eps = climate.heatUptakeEfficacy, k = climate.landOceanExchange
        let atmosphereMetres = climate.atmosphereHeatCapacity / rhoC
        let ground = groundConduction, ng = groundLayers.layerCount
        let sGround = year / climate.groundHeatCapacity              // (K·m per yr) per (W m⁻²) in the ground
        let landMetres = landCapacity / climate.groundHeatCapacity   // surface + air as metres of ground
        let e0Ground = ground.exchange[0] * dt
        // Start-of-year band means and the ice line they imply (the albedo and the sea-ice share are explicit in time).
        let anomaly = w + 8 * n, sunlight = w + 9 * n, annual = w + 12 * n
        let share = w + 17 * n, inverseD = w + 18 * n, hIce = w + 19 * n, cIce = w + 20 * n
        let gamma = seaIceConductance
        for b in 0..<n { anomaly[b] = bandMean(band: b, mixedLayer: surfaces[b].temperature, land: land[b]) }
        let insulated = zonal.seaIceInsulation && n > 1
        absorbedSunlightChange(anomaly: anomaly, into: sunlight, absolute: w + 10 * n, ice: w + 11 * n, annual: annual, force: insulated)
        if insulated && !zonal.iceAlbedoFeedback { for b in 0..<n { sunlight[b] = 0 } }
        for b in 0..<n { share[b] = insulated ? seaIceShare(band: b, annualCover: annual[b]) : 0 }
        for b in 0..<n {
            let fl = grid.landFraction[b], fo = 1 - fl
            let surface = surfaces[b]
            let mixedOld = surface.temperature
            let heating = inputs.forcing + (inputs.noise.map { $0[b][0] } ?? 0) + sunlight[b] - inputs.melt
            let e0 = surface.exchange, up = surface.upwelling
            let surfaceMetres = surface.thicknessMetres + atmosphereMetres
            // The deep ocean takes heat with efficacy ε (Held et al. 2010).
            let reduced = surface.reduced(diagonal: surfaceMetres + eps * e0 + dt * s * (oceanFeedback[b] + k * fl),
                                          upper: -eps * (e0 + up),
                                          rhs: surfaceMetres * mixedOld - eps * up * mixedOld + dt * s * heating)
            dO[b] = reduced.diagonal; rO[b] = reduced.rhs; kO[b] = dt * s * k * fl; sO[b] = dt * s
            let a = share[b], di = oceanFeedback[b] + k * fl + gamma[b]
            inverseD[b] = 1 / di; hIce[b] = heating; cIce[b] = k * fl
            // The land row in metres of ground, the ground column folded in as the ocean's deep column is.
            let gl = scratch.ground + b * ng
            ground.eliminateDeep(land[b], into: gl)
            let landRow = ground.reducedSurfaceRow(surfaceDiagonal: landMetres + e0Ground + dt * sGround * (landFeedback[b] + k * fo),
                                                   surfaceUpper: -e0Ground, surfaceRHS: landMetres * land[b][0] + dt * sGround * heating,
                                                   eliminated: gl)
            dL[b] = landRow.diagonal; rL[b] = landRow.rhs
            kL[b] = dt * sGround * k * fo; sL[b] = dt * sGround
            if a > 0 {
                insulate(band: b, share: a, w, open: (dt * s * (oceanFeedback[b] + k * fl), dt * s * heating, kO[b], sO[b]),
                         oceanScale: dt * s, landScale: dt * sGround)
            }
            scratch.imbalance[b] = heating + inputs.melt     // the TOA heating, held until the new temperatures are known
        }
        let newIce = w + 21 * n
        solveSurfaces(w, ocean: newOcean, land: newLand, convergence: w + 16 * n, ice: newIce)
        for b in 0..<n {
            ground.backSubstitute(land[b], mixedLayer: newLand[b], eliminated: scratch.ground + b * ng)
            land[b][ng] = share[b]; land[b][ng + 1] = newIce[b]
            inputs.convergence?[b] = w[16 * n + b]
        }
        return UnsafePointer(newOcean)
    }

    /// Folds band b's sea-ice surface into its ocean and land rows (w as in `solveSurfaces`). Over the ice share a
    /// of the ocean the atmosphere meets the ice surface, not the water; the surface has no heat capacity, so
    /// 0 = H − λ_o T_i + k f_l (T_l − T_i) + M + γ (T_o − T_i), i.e. T_i = (H + c T_l + M + γ T_o)/D with D = λ_o + c + γ,
    /// c = k f_l. The mixed layer gets (1 − a) of the open-water fluxes plus a·γ (T_i − T_o) through the ice, and the
    /// land exchanges with both surfaces, k f_o [(1 − a) T_o + a T_i − T_l] (Pithan & Mauritsen 2014; Eisenman &
    /// Wettlaufer 2009).
    /// `open` holds the ocean row's air–sea parts before insulation (diagonal, right-hand side, land coupling, M
    /// coupling, in the row's units), which now act on the open water only; `oceanScale` and `landScale` turn W m⁻²
    /// into each row's units (dt·s in a step, 1 at equilibrium).
    @inline(__always)
    func insulate(band b: Int, share a: Double, _ w: UnsafeMutablePointer<Double>, open: (diagonal: Double, rhs: Double, land: Double, convergence: Double),
                  oceanScale so: Double, landScale sl: Double) {
        let n = grid.count, fo = 1 - grid.landFraction[b], k = climate.landOceanExchange, gamma = seaIceConductance[b]
        let inverseD = w[18 * n + b], h = w[19 * n + b], c = w[20 * n + b]
        let conducted = a * gamma * inverseD
        // Ocean: a·γ (T_i − T_o) through the ice, T_i substituted, in place of the air–sea fluxes over the ice.
        w[b] += -a * open.diagonal + so * (a * gamma - conducted * gamma)
        w[n + b] += -a * open.rhs + so * conducted * h
        w[2 * n + b] += -a * open.land + so * conducted * c
        w[3 * n + b] += -a * open.convergence + so * conducted
        // Land: k f_o a (T_i − T_o) more, T_i substituted.
        let exchange = k * fo * a * inverseD
        w[4 * n + b] -= sl * exchange * c
        w[5 * n + b] += sl * exchange * h
        w[6 * n + b] += sl * k * fo * a * (gamma * inverseD - 1)
        w[7 * n + b] += sl * exchange
    }

    /// Each band's TOA imbalance and deep-ocean heat flux of the step just taken, given the heat the ocean carried
    /// below each mixed layer (K·m per unit ocean area, from `Ocean.step`). The top of the atmosphere sees
    /// N = F + ΔR − f_o λ_o T_o − f_l λ_l T_l − (ε − 1) f_o H.
    @inline(__always)
    public func topOfAtmosphere(downward: UnsafePointer<Double>, dt: Double, scratch: Scratch) -> HeatFluxes {
        let w = scratch.w, n = grid.count
        let newOcean = w + 14 * n, newLand = w + 15 * n, share = w + 17 * n, newIce = w + 21 * n
        let rhoC = PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity
        let s = PhysicalConstants.secondsPerYear / rhoC
        let eps = climate.heatUptakeEfficacy
        for b in 0..<n {
            let fl = grid.landFraction[b], fo = 1 - fl
            let heating = scratch.imbalance[b]
            let h = downward[b] / (dt * s)   // W per m² of ocean
            scratch.deep[b] = fo * h
            scratch.imbalance[b] = heating - fo * oceanFeedback[b] * newOcean[b] - fl * landFeedback[b] * newLand[b] - (eps - 1) * fo * h
            // The ice share radiates at the ice-surface temperature.
            if share[b] > 0 { scratch.imbalance[b] -= fo * share[b] * oceanFeedback[b] * (newIce[b] - newOcean[b]) }
        }
        return HeatFluxes(imbalance: scratch.imbalance, deep: scratch.deep)
    }

    /// An equilibrium of the surface energy balance and how the solver reached it.
    public struct Equilibrium: Sendable {
        /// Area-mean warming, K.
        public var warming: Double
        public var ocean: [Double]
        public var land: [Double]
        /// Temperature change of each band's sea-ice surface, K, and the share of the band's ocean under sea ice.
        public var seaIce: [Double]
        public var seaIceShare: [Double]
        /// Ice-line updates taken, and whether the last one moved no temperature by more than the tolerance.
        public var iterations: Int
        public var converged: Bool
    }

    /// Largest number of ice-line updates `equilibrium` takes.
    public static let equilibriumIterationLimit = 500

    /// Equilibrium global warming under a uniform forcing, K (`equilibrium(forcing:iceAlbedo:)`).
    public func equilibriumWarming(forcing: Double, iceAlbedo: Bool = true) -> Double {
        equilibrium(forcing: forcing, iceAlbedo: iceAlbedo).warming
    }

    /// Equilibrium under a uniform forcing with the deep ocean in equilibrium (no heat uptake), the non-CO2
    /// temperature feedback included and the ice line free to move even where the run switches its feedback off
    /// (the ECS is defined with it).
    ///
    /// With the absorbed sunlight held, the equilibrium is one linear solve (`solveSurfaces` without a heat
    /// capacity): that is the Newton step of the energy balance, which is linear in T. Only the ice line makes it
    /// non-linear, so it is updated from the new temperatures and the linear equilibrium solved again; the
    /// iteration contracts with the ice-albedo gain (< 1 wherever the equilibrium is stable, North 1984). If an
    /// update reverses the previous one without shrinking (an ice edge oscillating across a band) the step is halved.
    /// The default tolerance, 1e-9 K with bands, sits above the round-off floor of the 90-band solve (~2e-10 K: the sea-ice
    /// lapse-rate feedback leaves the polar rows damped by their transport alone); one band keeps 1e-11 K.
    public func equilibrium(forcing: Double, iceAlbedo: Bool = true, start: Equilibrium? = nil, tolerance: Double? = nil) -> Equilibrium {
        let n = grid.count
        let tolerance = tolerance ?? (n == 1 ? 1e-11 : 1e-9)
        var work = [Double](repeating: 0, count: 24 * n)
        var ocean = start?.ocean ?? [Double](repeating: 0, count: n), land = start?.land ?? [Double](repeating: 0, count: n)
        var seaIce = start?.seaIce ?? [Double](repeating: 0, count: n)
        var share = start?.seaIceShare ?? (0..<n).map { seaIceShare(band: $0, annualCover: preindustrialAnnualCover[$0]) }
        let k = climate.landOceanExchange, c = chemistryFeedback, gamma = seaIceConductance
        let insulated = zonal.seaIceInsulation && n > 1
        var iterations = 0, converged = false
        let northOwn = diffusion.northOwnCoefficient ?? diffusion.northCoefficient, southOwn = diffusion.southOwnCoefficient ?? diffusion.southCoefficient
        let transportDamping = (0..<n).map { b in (b < n - 1 ? northOwn[b] : 0) + (b > 0 ? southOwn[b] : 0) }
        work.withUnsafeMutableBufferPointer { wb in
            let w = wb.baseAddress!
            let slope = w + 22 * n, shifted = w + 23 * n
            let newOcean = w + 14 * n, newLand = w + 15 * n, newIce = w + 21 * n
            let anomaly = w + 8 * n, sunlight = w + 9 * n, annual = w + 12 * n
            var relaxation = 1.0, previousChange = Double.infinity, previousStep = 0.0
            while iterations < Self.equilibriumIterationLimit {
                iterations += 1
                var mean = 0.0
                for b in 0..<n {
                    anomaly[b] = bandMean(band: b, ocean: ocean[b], land: land[b], seaIceShare: share[b], seaIce: seaIce[b])
                    mean += grid.areaWeights[b] * anomaly[b]
                }
                for b in 0..<n { sunlight[b] = 0; slope[b] = 0 }
                if iceAlbedo || insulated {
                    // Newton on the ice line too: the change of each band's sunlight with its own temperature (a
                    // uniform shift, by forward difference) enters the linear solve, capped at half the band's
                    // damping (its feedback and its diffusive exchange with its neighbours: a band whose local feedback
                    // amplifies is damped by the transport) so each row stays dominated by it; the iteration does the rest.
                    let delta = 1e-4
                    for b in 0..<n { shifted[b] = anomaly[b] + delta }
                    absorbedSunlightChange(anomaly: shifted, into: slope, absolute: w + 10 * n, ice: w + 11 * n, annual: annual, force: true)
                    absorbedSunlightChange(anomaly: anomaly, into: sunlight, absolute: w + 10 * n, ice: w + 11 * n, annual: annual, force: true)
                    for b in 0..<n {
                        let damping = min(oceanFeedback[b], landFeedback[b]) + transportDamping[b]
                        slope[b] = iceAlbedo ? max(0, min((slope[b] - sunlight[b]) / delta, 0.5 * damping)) : 0
                        if !iceAlbedo { sunlight[b] = 0 }
                        if insulated { share[b] = seaIceShare(band: b, annualCover: annual[b]) }
                    }
                }
                for b in 0..<n {
                    // heating = F + S(T̄ₖ) + S'·(X − Xₖ) − c·mean, with X = f_o T_o + f_l T_l (any X works: the term
                    // vanishes at the fixed point; this one keeps the rows as without sea ice).
                    let fl = grid.landFraction[b], fo = 1 - fl, g = slope[b]
                    let x = fo * ocean[b] + fl * land[b]
                    let heating = forcing + sunlight[b] - g * x - c * mean
                    w[b] = oceanFeedback[b] + k * fl - g * fo; w[n + b] = heating
                    w[2 * n + b] = k * fl + g * fl; w[3 * n + b] = 1
                    w[4 * n + b] = landFeedback[b] + k * fo - g * fl; w[5 * n + b] = heating
                    w[6 * n + b] = k * fo + g * fo; w[7 * n + b] = 1
                    let a = share[b]
                    w[17 * n + b] = a
                    if a > 0 {
                        w[18 * n + b] = 1 / (oceanFeedback[b] + k * fl + gamma[b]); w[19 * n + b] = forcing + sunlight[b] - c * mean; w[20 * n + b] = k * fl
                        insulate(band: b, share: a, w, open: (w[b], w[n + b], w[2 * n + b], 1), oceanScale: 1, landScale: 1)
                    }
                }
                solveSurfaces(w, ocean: newOcean, land: newLand, convergence: w + 16 * n, ice: newIce)
                var change = 0.0, step = 0.0
                for b in 0..<n {
                    change = max(change, abs(newOcean[b] - ocean[b]), abs(newLand[b] - land[b]), share[b] > 0 ? abs(newIce[b] - seaIce[b]) : 0)
                    step += grid.areaWeights[b] * bandMean(band: b, ocean: newOcean[b], land: newLand[b], seaIceShare: share[b], seaIce: newIce[b])
                }
                step -= mean
                // An update that reverses the last one without shrinking much is an oscillation across a band edge.
                // Updates that keep their direction let a halved step grow back, so one oscillation does not leave the
                // rest of the iteration crawling.
                if step * previousStep < 0 && change > 0.5 * previousChange { relaxation = max(relaxation / 2, 1.0 / 64) }
                else if step * previousStep > 0 { relaxation = min(1, relaxation * 1.25) }
                previousChange = change; previousStep = step
                for b in 0..<n {
                    ocean[b] += relaxation * (newOcean[b] - ocean[b]); land[b] += relaxation * (newLand[b] - land[b])
                    seaIce[b] += relaxation * (newIce[b] - seaIce[b])
                }
                if change <= tolerance { converged = true; break }
            }
        }
        var mean = 0.0
        for b in 0..<n { mean += grid.areaWeights[b] * bandMean(band: b, ocean: ocean[b], land: land[b], seaIceShare: share[b], seaIce: seaIce[b]) }
        return Equilibrium(warming: mean, ocean: ocean, land: land, seaIce: seaIce, seaIceShare: share, iterations: iterations, converged: converged)
    }

    /// Heat of band b's land column and of the air above the band, J per m² of band, relative to preindustrial
    /// (the land and atmosphere parts of the heat inventory; the ocean's part is `Ocean.heatByDepth`).
    @inline(__always)
    public func landAndAtmosphereHeat(band b: Int, mixedLayer x0: Double, land: UnsafePointer<Double>) -> (land: Double, atmosphere: Double) {
        let fl = grid.landFraction[b], fo = 1 - fl
        var ground = 0.0
        for k in 1..<groundLayers.layerCount { ground += groundLayers.thicknessMetres[k] * land[k] }
        return (fl * (climate.landSurfaceHeatCapacity * land[0] + climate.groundHeatCapacity * ground),
                climate.atmosphereHeatCapacity * (fo * x0 + fl * land[0]))
    }
}
