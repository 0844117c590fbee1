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
/// λ(x)·(1, r_land) with λ(x) = Λ(1 + c·P2(x)), and Λ is calibrated so the equilibrium global warming for
/// doubled CO2 (ice line included) equals the configured ECS. With one band M = 0 and there is no ice line,
/// so this is the box model.
public struct EnergyBalance: EarthSystemComponent {
    public let climate: ClimateParameters
    public let zonal: ZonalParameters
    public let grid: LatitudeGrid
    public let albedo: SurfaceAlbedo
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
    /// Ice edges of the preindustrial climatology, degrees north (south, north).
    public let preindustrialIceEdges: (south: Double, north: Double)
    public var parameters: ClimateParameters { climate }

    /// - Parameter feedbackScale: Λ to use instead of calibrating it to the ECS (to switch processes off in a
    ///   teaching experiment while keeping the feedbacks of the full model).
    public init(climate: ClimateParameters, zonal: ZonalParameters, grid: LatitudeGrid, doublingForcing: Double,
                feedbackScale fixedScale: Double? = nil) {
        let climatology = ZonalClimate(grid: grid, parameters: zonal)
        let albedo = SurfaceAlbedo(grid: grid, insolation: climatology.insolation, parameters: zonal)
        let preindustrial = climatology.preindustrial()
        let pattern = climatology.insolation.legendreP2.map { 1 + zonal.feedbackP2 * $0 }
        let ratio = climate.landFeedbackRatio
        func model(_ scale: Double) -> Self {
            Self(copying: climate, zonal, grid, albedo, climatology.diffusion, doublingForcing, scale,
                 pattern.map { scale * $0 }, pattern.map { scale * ratio * $0 }, preindustrial)
        }
        // Calibrate Λ by the secant method on 1/Λ, in which the equilibrium warming is nearly linear.
        let target = climate.equilibriumClimateSensitivity
        var scale = doublingForcing / target
        if let fixedScale {
            self = model(fixedScale)
            return
        }
        var probe = model(scale)
        var previous: (inverse: Double, warming: Double)? = nil
        for _ in 0..<40 {
            let warming = probe.equilibriumWarming(forcing: doublingForcing)
            if abs(warming / target - 1) < 1e-12 { break }
            let inverse = 1 / scale
            var next = inverse * target / warming
            if let p = previous, warming != p.warming {
                let secant = inverse + (target - warming) * (inverse - p.inverse) / (warming - p.warming)
                if secant > 0 { next = secant }
            }
            previous = (inverse, warming)
            scale = 1 / next
            probe = model(scale)
        }
        self = probe
    }

    private init(copying climate: ClimateParameters, _ zonal: ZonalParameters, _ grid: LatitudeGrid,
                 _ albedo: SurfaceAlbedo, _ diffusion: MeridionalDiffusion,
                 _ doublingForcing: Double, _ scale: Double, _ oceanFeedback: [Double], _ landFeedback: [Double],
                 _ preindustrial: ZonalClimate.Equilibrium) {
        self.climate = climate; self.zonal = zonal; self.grid = grid
        self.albedo = albedo; self.diffusion = diffusion; self.doublingForcing = doublingForcing
        feedbackScale = scale; self.oceanFeedback = oceanFeedback; self.landFeedback = landFeedback
        preindustrialTemperature = preindustrial.temperature; preindustrialIceFraction = preindustrial.iceFraction
        preindustrialIceEdges = preindustrial.iceFraction.withUnsafeBufferPointer { SurfaceAlbedo.iceEdges(grid: grid, iceFraction: $0.baseAddress!) }
    }

    /// Land and atmosphere heat capacity per m² of land, J m⁻² K⁻¹.
    var landCapacity: Double { climate.atmosphereHeatCapacity + climate.landSurfaceHeatCapacity }

    /// Change of absorbed sunlight in each band from the preindustrial ice line, W m⁻², for band-mean
    /// temperature anomalies `anomaly`; `absolute` and `ice` are scratch (one value per band).
    @inline(__always)
    func absorbedSunlightChange(anomaly: UnsafePointer<Double>, into change: UnsafeMutablePointer<Double>,
                                absolute: UnsafeMutablePointer<Double>, ice: UnsafeMutablePointer<Double>, force: Bool = false) {
        let n = grid.count
        guard zonal.iceAlbedoFeedback || force else {
            for b in 0..<n { change[b] = 0 }
            return
        }
        for b in 0..<n { absolute[b] = preindustrialTemperature[b] + anomaly[b] }
        albedo.iceFraction(temperature: absolute, into: ice)
        let transmission = zonal.iceAlbedoTransmission
        for b in 0..<n {
            change[b] = transmission * (albedo.absorbed(band: b, iceFraction: ice[b]) - albedo.absorbed(band: b, iceFraction: preindustrialIceFraction[b]))
        }
    }

    /// Solves the coupled land–ocean–meridional system given each band's reduced surface rows
    /// `D_o T_o = R_o + K_o T_l + S_o M` and `D_l T_l = R_l + K_l T_o + S_l M` (w[0..<8n] hold D_o, R_o, K_o, S_o,
    /// D_l, R_l, K_l, S_l). Writes T_o, T_l and M to `ocean`, `land`, `convergence`; uses w[0..<14n].
    @inline(__always)
    func solveSurfaces(_ w: UnsafeMutablePointer<Double>, ocean: UnsafeMutablePointer<Double>, land: UnsafeMutablePointer<Double>,
                       convergence: UnsafeMutablePointer<Double>) {
        let n = grid.count
        let dO = w, rO = w + n, kO = w + 2 * n, sO = w + 3 * n, dL = w + 4 * n, rL = w + 5 * n, kL = w + 6 * n, sL = w + 7 * n
        let po = w + 8 * n, qo = w + 9 * n, pl = w + 10 * n, ql = w + 11 * n, diag = w + 12 * n, mean = w + 13 * n
        let scratch = dO   // the row coefficients are dead once reduced to affine form
        if n == 1 {
            // No neighbours, so M = 0 and T = p exactly: the same numbers without the meridional solve.
            let det = dO[0] * dL[0] - kO[0] * kL[0]
            ocean[0] = (dL[0] * rO[0] + kO[0] * rL[0]) / det
            land[0] = (kL[0] * rO[0] + dO[0] * rL[0]) / det
            convergence[0] = 0
            return
        }
        for b in 0..<n {
            // Each band's two surfaces as affine functions of its meridional convergence M: T = p + q·M.
            let det = dO[b] * dL[b] - kO[b] * kL[b]
            po[b] = (dL[b] * rO[b] + kO[b] * rL[b]) / det
            qo[b] = (dL[b] * sO[b] + kO[b] * sL[b]) / det
            pl[b] = (kL[b] * rO[b] + dO[b] * rL[b]) / det
            ql[b] = (kL[b] * sO[b] + dO[b] * sL[b]) / det
            let fl = grid.landFraction[b], fo = 1 - fl
            let q = fo * qo[b] + fl * ql[b]
            diag[b] = 1 / q
            mean[b] = (fo * po[b] + fl * pl[b]) / q
        }
        // M_b = (T̄_b − P_b)/Q_b = transport(T̄): one tridiagonal system in the band-mean temperature.
        diffusion.solveImplicit(diagonal: diag, rhs: mean, count: n, scratch: scratch)
        for b in 0..<n {
            let m = diffusion.convergence(band: b, mean, count: n)
            convergence[b] = m
            ocean[b] = po[b] + qo[b] * m
            land[b] = pl[b] + ql[b] * m
        }
    }

    /// This year's heating and the ocean's mixed layers, one per band (from `Ocean.surfaceLayers`).
    public struct Inputs {
        /// Global effective radiative forcing, W m⁻².
        public let forcing: Double
        public let dt: Double
        public let surfaces: UnsafePointer<OceanSurfaceLayer>
        /// Where to write each band's meridional heat convergence, W m⁻², if wanted.
        public let convergence: UnsafeMutablePointer<Double>?
    }

    /// The surface system of all bands (17 values per band in the order `solveSurfaces` reads them) and the
    /// per-band heating and heat fluxes.
    public struct Scratch {
        let w: UnsafeMutablePointer<Double>
        /// Per band: heating held between `step` and `topOfAtmosphere`, then the TOA imbalance; the deep-ocean heat flux.
        let imbalance: UnsafeMutablePointer<Double>
        let deep: UnsafeMutablePointer<Double>
        let memory: ScratchMemory<Double>
    }

    public func makeScratch() -> Scratch {
        let n = grid.count
        let memory = ScratchMemory<Double>(count: 19 * n)
        return Scratch(w: memory.take(17 * n), imbalance: memory.take(n), deep: memory.take(n), memory: memory)
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

    /// Land surface temperature change of each band.
    public typealias State = BandBlocks<Double>

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("land_temperature_change", "K", scope: .perBand, preindustrial: "0 (anomaly)")]
    }

    public static var diagnostics: [Diagnostic] {
        [.surfaceTemperature, .imbalance, .landSurfaceTemperature, .seaSurfaceTemperature, .iceEdgeNorth, .iceEdgeSouth]
    }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let land = block.bands(v)
        for b in 0..<grid.count { land[b][0] = 0 }
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
        let cLand = landCapacity
        // Start-of-year band means and the ice line they imply (the albedo is explicit in time).
        let anomaly = w + 8 * n, sunlight = w + 9 * n
        for b in 0..<n {
            let fl = grid.landFraction[b]
            anomaly[b] = (1 - fl) * surfaces[b].temperature + fl * land[b][0]
        }
        absorbedSunlightChange(anomaly: anomaly, into: sunlight, absolute: w + 10 * n, ice: w + 11 * n)
        for b in 0..<n {
            let fl = grid.landFraction[b], fo = 1 - fl
            let surface = surfaces[b]
            let mixedOld = surface.temperature, heating = inputs.forcing + sunlight[b]
            let e0 = surface.exchange, up = surface.upwelling
            let surfaceMetres = surface.thicknessMetres + atmosphereMetres
            // The deep ocean takes heat with efficacy ε (Held et al. 2010).
            let reduced = surface.reduced(diagonal: surfaceMetres + eps * e0 + dt * s * (oceanFeedback[b] + k * fl),
                                          upper: -eps * (e0 + up),
                                          rhs: surfaceMetres * mixedOld - eps * up * mixedOld + dt * s * heating)
            dO[b] = reduced.diagonal; rO[b] = reduced.rhs; kO[b] = dt * s * k * fl; sO[b] = dt * s
            let landOld = land[b][0]
            dL[b] = cLand + dt * year * (landFeedback[b] + k * fo)
            rL[b] = cLand * landOld + dt * year * heating
            kL[b] = dt * year * k * fo; sL[b] = dt * year
            scratch.imbalance[b] = heating     // held until the new temperatures are known
        }
        solveSurfaces(w, ocean: newOcean, land: newLand, convergence: w + 16 * n)
        for b in 0..<n {
            land[b][0] = newLand[b]
            inputs.convergence?[b] = w[16 * n + b]
        }
        return UnsafePointer(newOcean)
    }

    /// Each band's TOA imbalance and deep-ocean heat flux of the step just taken, given the heat the ocean carried
    /// below each mixed layer (K·m per unit ocean area, from `Ocean.step`). The top of the atmosphere sees
    /// N = F + ΔR − f_o λ_o T_o − f_l λ_l T_l − (ε − 1) f_o H.
    @inline(__always)
    public func topOfAtmosphere(downward: UnsafePointer<Double>, dt: Double, scratch: Scratch) -> HeatFluxes {
        let w = scratch.w, n = grid.count
        let newOcean = w + 14 * n, newLand = w + 15 * n
        let rhoC = PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity
        let s = PhysicalConstants.secondsPerYear / rhoC
        let eps = climate.heatUptakeEfficacy
        for b in 0..<n {
            let fl = grid.landFraction[b], fo = 1 - fl
            let heating = scratch.imbalance[b]
            let h = downward[b] / (dt * s)   // W per m² of ocean
            scratch.deep[b] = fo * h
            scratch.imbalance[b] = heating - fo * oceanFeedback[b] * newOcean[b] - fl * landFeedback[b] * newLand[b] - (eps - 1) * fo * h
        }
        return HeatFluxes(imbalance: scratch.imbalance, deep: scratch.deep)
    }

    /// Equilibrium global warming under a uniform forcing, K, with the deep ocean in equilibrium (no heat uptake)
    /// and the ice line free to move even where the run switches its feedback off (the ECS is defined with it).
    /// Found by pseudo-time stepping with a small heat capacity; the albedo is lagged one step, which converges
    /// wherever the equilibrium is stable.
    public func equilibriumWarming(forcing: Double, iceAlbedo: Bool = true) -> Double {
        let n = grid.count
        var work = [Double](repeating: 0, count: 17 * n)
        var ocean = [Double](repeating: 0, count: n), land = [Double](repeating: 0, count: n)
        let pseudoCapacity = 2.0      // W yr m⁻² K⁻¹
        let k = climate.landOceanExchange
        var mean = 0.0
        work.withUnsafeMutableBufferPointer { wb in
            let w = wb.baseAddress!
            let newOcean = w + 14 * n, newLand = w + 15 * n
            for _ in 0..<10_000 {
                let anomaly = w + 8 * n, sunlight = w + 9 * n
                for b in 0..<n { anomaly[b] = (1 - grid.landFraction[b]) * ocean[b] + grid.landFraction[b] * land[b] }
                if iceAlbedo {
                    absorbedSunlightChange(anomaly: anomaly, into: sunlight, absolute: w + 10 * n, ice: w + 11 * n, force: true)
                } else {
                    for b in 0..<n { sunlight[b] = 0 }
                }
                for b in 0..<n {
                    let fl = grid.landFraction[b], fo = 1 - fl, heating = forcing + sunlight[b]
                    w[b] = pseudoCapacity + oceanFeedback[b] + k * fl; w[n + b] = pseudoCapacity * ocean[b] + heating
                    w[2 * n + b] = k * fl; w[3 * n + b] = 1
                    w[4 * n + b] = pseudoCapacity + landFeedback[b] + k * fo; w[5 * n + b] = pseudoCapacity * land[b] + heating
                    w[6 * n + b] = k * fo; w[7 * n + b] = 1
                }
                solveSurfaces(w, ocean: newOcean, land: newLand, convergence: w + 16 * n)
                var change = 0.0
                for b in 0..<n {
                    change = max(change, abs(newOcean[b] - ocean[b]), abs(newLand[b] - land[b]))
                    ocean[b] = newOcean[b]; land[b] = newLand[b]
                }
                if change < 1e-13 { break }
            }
            mean = 0
            for b in 0..<n { mean += grid.areaWeights[b] * ((1 - grid.landFraction[b]) * ocean[b] + grid.landFraction[b] * land[b]) }
        }
        return mean
    }

    /// Heat content of band b relative to preindustrial, J per m² of band: the ocean column (`oceanLayerIntegral`
    /// = Σ dz_k ΔT_k, K·m) and the air above it, the land surface and the air above it.
    @inline(__always)
    public func heatContent(band b: Int, oceanLayerIntegral sum: Double, mixedLayer x0: Double, landTemperature: Double) -> Double {
        let fl = grid.landFraction[b], fo = 1 - fl
        let rhoC = PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity
        return fo * (rhoC * sum + climate.atmosphereHeatCapacity * x0) + fl * landCapacity * landTemperature
    }

    /// Heat held by the air and land surface of band b, J per m² of band (not ocean heat content).
    @inline(__always)
    public func surfaceHeat(band b: Int, oceanSurface: Double, landTemperature: Double) -> Double {
        let fl = grid.landFraction[b]
        return (1 - fl) * climate.atmosphereHeatCapacity * oceanSurface + fl * landCapacity * landTemperature
    }
}
