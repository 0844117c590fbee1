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
public struct EnergyBalance: Sendable {
    public let climate: ClimateParameters
    public let ocean: OceanParameters
    public let zonal: ZonalParameters
    public let grid: LatitudeGrid
    public let layers: OceanLayerGrid
    /// Vertical mixing of each band's column (the Southern Ocean mixes more).
    public let mixing: [ColumnMixing]
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
    /// Thermal expansion coefficient of each layer, K⁻¹.
    public let thermalExpansion: [Double]
    /// The land column: the active surface layer (index 0, the `landSurfaceHeatCapacity` as metres of ground)
    /// over the ground layers, and its heat conduction (the ocean's column operator with no upwelling).
    public let groundLayers: OceanLayerGrid
    public let groundConduction: ColumnMixing
    /// Share of each ocean layer above 700 m and above 2000 m (the observed OHC depth ranges).
    let above700: [Double], above2000: [Double]

    /// Band centres (degrees) whose columns get the Southern Ocean mixing factor (Marshall & Speer 2012).
    public static let southernOceanBelt = -65.0 ... -45.0

    /// Global feedback of the forcing agents that respond to temperature, W m⁻² K⁻¹: the ozone feedback
    /// (Thornhill et al. 2021, ACP 21, 853; AR6 WG1 §6.4.2) and, with methane following its emissions, the
    /// shorter methane lifetime in a warmer climate. They lower the forcing a run sees by about 0.17 W m⁻² at
    /// 3 K, which is why the equilibrium of abrupt-2xCO2 was 4 % below the ECS before they entered the calibration.
    public let chemistryFeedback: Double
    /// How the calibration of Λ went: secant steps, linear equilibrium solves, and whether every solve converged.
    public let calibration: (steps: Int, solves: Int, converged: Bool)

    /// - Parameters:
    ///   - chemistryFeedback: the non-CO2 temperature feedback the run will see (`chemistryFeedback` above).
    ///   - feedbackScale: Λ to use instead of calibrating it to the ECS (to switch processes off in a
    ///     teaching experiment while keeping the feedbacks of the full model).
    public init(climate: ClimateParameters, ocean: OceanParameters, zonal: ZonalParameters, grid: LatitudeGrid, doublingForcing: Double,
                chemistryFeedback: Double = 0, feedbackScale fixedScale: Double? = nil) {
        let layers = OceanLayerGrid(thicknessMetres: ocean.layerThicknessMetres)
        let mixing = Self.columnMixing(ocean: ocean, grid: grid)
        let climatology = ZonalClimate(grid: grid, parameters: zonal)
        let albedo = SurfaceAlbedo(grid: grid, insolation: climatology.insolation, parameters: zonal)
        let preindustrial = climatology.preindustrial()
        let expansion = layers.centreDepthsMetres.map(Self.thermalExpansionCoefficient(depthMetres:))
        let pattern = climatology.insolation.legendreP2.map { 1 + zonal.feedbackP2 * $0 }
        let ratio = climate.landFeedbackRatio
        func model(_ scale: Double, _ calibration: (Int, Int, Bool)) -> Self {
            Self(copying: climate, ocean, zonal, grid, layers, mixing, albedo, climatology.diffusion, doublingForcing, scale,
                 pattern.map { scale * $0 }, pattern.map { scale * ratio * $0 }, preindustrial, expansion, chemistryFeedback, calibration)
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

    private init(copying climate: ClimateParameters, _ ocean: OceanParameters, _ zonal: ZonalParameters, _ grid: LatitudeGrid,
                 _ layers: OceanLayerGrid, _ mixing: [ColumnMixing], _ albedo: SurfaceAlbedo, _ diffusion: MeridionalDiffusion,
                 _ doublingForcing: Double, _ scale: Double, _ oceanFeedback: [Double], _ landFeedback: [Double],
                 _ preindustrial: ZonalClimate.Equilibrium, _ thermalExpansion: [Double], _ chemistryFeedback: Double,
                 _ calibration: (Int, Int, Bool)) {
        self.climate = climate; self.ocean = ocean; self.zonal = zonal; self.grid = grid; self.layers = layers
        self.mixing = mixing; self.albedo = albedo; self.diffusion = diffusion; self.doublingForcing = doublingForcing
        feedbackScale = scale; self.oceanFeedback = oceanFeedback; self.landFeedback = landFeedback
        preindustrialTemperature = preindustrial.temperature; preindustrialIceFraction = preindustrial.iceFraction
        preindustrialIceEdges = preindustrial.iceFraction.withUnsafeBufferPointer { SurfaceAlbedo.iceEdges(grid: grid, iceFraction: $0.baseAddress!) }
        self.thermalExpansion = thermalExpansion
        groundLayers = Self.groundLayers(climate)
        (above700, above2000) = Self.depthShares(layers)
        // κ in cm² s⁻¹ for the column operator (1e-6 m² s⁻¹ = 0.01 cm² s⁻¹).
        groundConduction = ColumnMixing(layers: groundLayers, diffusivitySquareCentimetresPerSecond: [climate.groundThermalDiffusivity * 1e4],
                                        upwellingMetresPerYear: 0)
        self.chemistryFeedback = chemistryFeedback
        self.calibration = (steps: calibration.0, solves: calibration.1, converged: calibration.2)
    }

    /// One column operator per band. Bands in the Southern Ocean belt mix `southernOceanMixingFactor` times faster
    /// than the others, and the others are scaled so the ocean-area mean diffusivity stays the configured one
    /// (the factor moves mixing to where it happens; with one band the column is exactly the configured one).
    public static func columnMixing(ocean: OceanParameters, grid: LatitudeGrid) -> [ColumnMixing] {
        let layers = OceanLayerGrid(thicknessMetres: ocean.layerThicknessMetres)
        func column(_ kappa: Double, upwelling: Double = ocean.upwellingVelocity) -> ColumnMixing {
            ColumnMixing(layers: layers, diffusivitySquareCentimetresPerSecond: [kappa], upwellingMetresPerYear: upwelling)
        }
        var southernShare = 0.0, oceanTotal = 0.0
        for (b, centre) in grid.centresDegrees.enumerated() {
            let area = grid.areaWeights[b] * grid.oceanFraction(b)
            oceanTotal += area
            if southernOceanBelt.contains(centre) { southernShare += area }
        }
        southernShare /= oceanTotal
        guard southernShare > 0 else { return [ColumnMixing](repeating: column(ocean.verticalDiffusivity), count: grid.count) }
        let factor = ocean.southernOceanMixingFactor
        let scale = 1 / (1 + (factor - 1) * southernShare)
        let standard = column(ocean.verticalDiffusivity * scale, upwelling: ocean.upwellingVelocity * scale)
        let southern = column(ocean.verticalDiffusivity * scale * factor, upwelling: ocean.upwellingVelocity * scale * factor)
        return grid.centresDegrees.map { southernOceanBelt.contains($0) ? southern : standard }
    }

    /// Thermal expansion coefficient of seawater at the global-mean temperature and salinity profile, K⁻¹:
    /// an exponential fit to TEOS-10 α along the WOA18 global-mean profile (IOC et al. 2010; ~2.5e-4 at the
    /// surface, ~1.4e-4 at 2000 m).
    public static func thermalExpansionCoefficient(depthMetres z: Double) -> Double {
        1.3e-4 + 1.2e-4 * _exp(-z / 700)
    }

    /// The land column's layers: the active surface as metres of ground, then the ground layers.
    public static func groundLayers(_ climate: ClimateParameters) -> OceanLayerGrid {
        OceanLayerGrid(thicknessMetres: [climate.landSurfaceHeatCapacity / climate.groundHeatCapacity] + climate.groundLayerThicknessMetres)
    }

    /// Scratch values `step` needs.
    public static func workspaceCount(bands: Int, layers: Int, groundLayers: Int) -> Int { bands * (layers + groundLayers + 17) }
    public var workspaceCount: Int { Self.workspaceCount(bands: grid.count, layers: layers.layerCount, groundLayers: groundLayers.layerCount) }

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

    /// Advances every band's land column and ocean column over `dt` years under the global forcing `forcing`
    /// (W m⁻²). Band b's values start at `first + b·stride`: its ocean temperature column ([0] = mixed layer) at
    /// offset `column`, its land temperature column ([0] = surface, then `groundLayers`) at `land`. `melt` (W m⁻²,
    /// every surface) is the heat the cryosphere takes this year: it leaves the surfaces but not the top of the
    /// atmosphere. Writes each band's TOA imbalance and deep-ocean heat flux (per m² of band) to `imbalance` and
    /// `deep`, and the meridional convergence to `convergence` if given.
    @inline(__always)
    public func step(bands first: UnsafeMutablePointer<Double>, stride: Int, column: Int, land: Int,
                     forcing: Double, melt: Double = 0, dt: Double, workspace w: UnsafeMutablePointer<Double>,
                     imbalance: UnsafeMutablePointer<Double>, deep: UnsafeMutablePointer<Double>,
                     convergence: UnsafeMutablePointer<Double>? = nil) {
        @inline(__always) func columns(_ b: Int) -> UnsafeMutablePointer<Double> { first + b * stride + column }
        @inline(__always) func landTemperature(_ b: Int) -> UnsafeMutablePointer<Double> { first + b * stride + land }
        let n = grid.count, nl = layers.layerCount, ng = groundLayers.layerCount
        let g = w + 17 * n                          // n columns of eliminated deep rows
        let gGround = g + n * nl                    // n land columns of eliminated ground rows
        let ground = groundConduction
        let sGround = PhysicalConstants.secondsPerYear / climate.groundHeatCapacity   // (K·m per yr) per (W m⁻²)
        let landMetres = landCapacity / climate.groundHeatCapacity                    // surface + air as metres of ground
        let e0Ground = ground.exchange[0] * dt
        let dO = w, rO = w + n, kO = w + 2 * n, sO = w + 3 * n, dL = w + 4 * n, rL = w + 5 * n, kL = w + 6 * n, sL = w + 7 * n
        let newOcean = w + 14 * n, newLand = w + 15 * n
        let rhoC = PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity
        let year = PhysicalConstants.secondsPerYear
        let s = year / rhoC                          // (K·m per yr) per (W m⁻²)
        let eps = climate.heatUptakeEfficacy, k = climate.landOceanExchange
        let atmosphereMetres = climate.atmosphereHeatCapacity / rhoC
        // Start-of-year band means and the ice line they imply (the albedo is explicit in time).
        let anomaly = w + 8 * n, sunlight = w + 9 * n
        for b in 0..<n {
            let fl = grid.landFraction[b]
            anomaly[b] = (1 - fl) * columns(b)[0] + fl * landTemperature(b).pointee
        }
        absorbedSunlightChange(anomaly: anomaly, into: sunlight, absolute: w + 10 * n, ice: w + 11 * n)
        for b in 0..<n {
            let fl = grid.landFraction[b], fo = 1 - fl
            let x = columns(b), column = mixing[b]
            let mixedOld = x[0], heating = forcing + sunlight[b] - melt
            let e0 = column.exchange[0] * dt, up = column.upwellingMetresPerYear * dt
            let surfaceMetres = layers.thicknessMetres[0] + atmosphereMetres
            let gb = g + b * nl
            column.eliminateDeep(x, into: gb)
            let reduced = column.reducedSurfaceRow(
                surfaceDiagonal: surfaceMetres + eps * e0 + dt * s * (oceanFeedback[b] + k * fl),
                surfaceUpper: -eps * (e0 + up),
                surfaceRHS: surfaceMetres * mixedOld - eps * up * mixedOld + dt * s * heating, eliminated: gb)
            dO[b] = reduced.diagonal; rO[b] = reduced.rhs; kO[b] = dt * s * k * fl; sO[b] = dt * s
            // The land row in metres of ground, the ground column folded in as the ocean's deep column is.
            let landColumn = landTemperature(b), gl = gGround + b * ng
            ground.eliminateDeep(landColumn, into: gl)
            let landRow = ground.reducedSurfaceRow(surfaceDiagonal: landMetres + e0Ground + dt * sGround * (landFeedback[b] + k * fo),
                                                   surfaceUpper: -e0Ground, surfaceRHS: landMetres * landColumn[0] + dt * sGround * heating,
                                                   eliminated: gl)
            dL[b] = landRow.diagonal; rL[b] = landRow.rhs
            kL[b] = dt * sGround * k * fo; sL[b] = dt * sGround
            imbalance[b] = heating     // held until the new temperatures are known
            deep[b] = mixedOld
        }
        solveSurfaces(w, ocean: newOcean, land: newLand, convergence: w + 16 * n)
        for b in 0..<n {
            let fl = grid.landFraction[b], fo = 1 - fl
            let x = columns(b)
            let mixedOld = deep[b], heating = imbalance[b]
            mixing[b].backSubstitute(x, mixedLayer: newOcean[b], eliminated: g + b * nl)
            ground.backSubstitute(landTemperature(b), mixedLayer: newLand[b], eliminated: gGround + b * ng)
            let h = mixing[b].downwardTransport(new: x, mixedOld: mixedOld, dt: dt) / (dt * s)   // W per m² of ocean
            deep[b] = fo * h
            imbalance[b] = heating + melt - fo * oceanFeedback[b] * newOcean[b] - fl * landFeedback[b] * newLand[b] - (eps - 1) * fo * h
            convergence?[b] = w[16 * n + b]
        }
    }

    /// An equilibrium of the surface energy balance and how the solver reached it.
    public struct Equilibrium: Sendable {
        /// Area-mean warming, K.
        public var warming: Double
        public var ocean: [Double]
        public var land: [Double]
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
    public func equilibrium(forcing: Double, iceAlbedo: Bool = true, start: Equilibrium? = nil, tolerance: Double = 1e-12) -> Equilibrium {
        let n = grid.count
        var work = [Double](repeating: 0, count: 17 * n)
        var ocean = start?.ocean ?? [Double](repeating: 0, count: n), land = start?.land ?? [Double](repeating: 0, count: n)
        let k = climate.landOceanExchange, c = chemistryFeedback
        var iterations = 0, converged = false
        work.withUnsafeMutableBufferPointer { wb in
            let w = wb.baseAddress!
            let newOcean = w + 14 * n, newLand = w + 15 * n
            let anomaly = w + 8 * n, sunlight = w + 9 * n
            var relaxation = 1.0, previousChange = Double.infinity, previousStep = 0.0
            while iterations < Self.equilibriumIterationLimit {
                iterations += 1
                var mean = 0.0
                for b in 0..<n {
                    anomaly[b] = (1 - grid.landFraction[b]) * ocean[b] + grid.landFraction[b] * land[b]
                    mean += grid.areaWeights[b] * anomaly[b]
                }
                if iceAlbedo {
                    absorbedSunlightChange(anomaly: anomaly, into: sunlight, absolute: w + 10 * n, ice: w + 11 * n, force: true)
                } else {
                    for b in 0..<n { sunlight[b] = 0 }
                }
                for b in 0..<n {
                    let fl = grid.landFraction[b], fo = 1 - fl, heating = forcing + sunlight[b] - c * mean
                    w[b] = oceanFeedback[b] + k * fl; w[n + b] = heating
                    w[2 * n + b] = k * fl; w[3 * n + b] = 1
                    w[4 * n + b] = landFeedback[b] + k * fo; w[5 * n + b] = heating
                    w[6 * n + b] = k * fo; w[7 * n + b] = 1
                }
                solveSurfaces(w, ocean: newOcean, land: newLand, convergence: w + 16 * n)
                var change = 0.0, step = 0.0
                for b in 0..<n {
                    change = max(change, abs(newOcean[b] - ocean[b]), abs(newLand[b] - land[b]))
                    step += grid.areaWeights[b] * ((1 - grid.landFraction[b]) * newOcean[b] + grid.landFraction[b] * newLand[b])
                }
                step -= mean
                // An update that reverses the last one without shrinking much is an oscillation across a band edge.
                if step * previousStep < 0 && change > 0.5 * previousChange { relaxation = max(relaxation / 2, 1.0 / 64) }
                previousChange = change; previousStep = step
                for b in 0..<n {
                    ocean[b] += relaxation * (newOcean[b] - ocean[b]); land[b] += relaxation * (newLand[b] - land[b])
                }
                if change <= tolerance { converged = true; break }
            }
        }
        var mean = 0.0
        for b in 0..<n { mean += grid.areaWeights[b] * ((1 - grid.landFraction[b]) * ocean[b] + grid.landFraction[b] * land[b]) }
        return Equilibrium(warming: mean, ocean: ocean, land: land, iterations: iterations, converged: converged)
    }

    /// Where the heat of a band sits, J per m² of band, relative to preindustrial: the heat inventory of
    /// von Schuckmann et al. (2020, ESSD 12, 2013; 2023, ESSD 15, 1675) by ocean depth range, land (surface and
    /// ground) and atmosphere (the cryosphere is a global store the coupler keeps).
    public struct HeatInventory: Sendable, Equatable {
        public var ocean0To700 = 0.0, ocean700To2000 = 0.0, oceanBelow2000 = 0.0
        public var land = 0.0, atmosphere = 0.0
        public var ocean: Double { ocean0To700 + ocean700To2000 + oceanBelow2000 }
        public var total: Double { ocean + land + atmosphere }
        public init() {}
        public static func += (a: inout Self, b: Self) {
            a.ocean0To700 += b.ocean0To700; a.ocean700To2000 += b.ocean700To2000; a.oceanBelow2000 += b.oceanBelow2000
            a.land += b.land; a.atmosphere += b.atmosphere
        }
        public static func * (w: Double, a: Self) -> Self {
            var r = a
            r.ocean0To700 *= w; r.ocean700To2000 *= w; r.oceanBelow2000 *= w; r.land *= w; r.atmosphere *= w
            return r
        }
    }

    /// Share of each ocean layer above 700 m and above 2000 m (a layer that straddles a boundary is split by
    /// thickness, its temperature being uniform).
    static func depthShares(_ layers: OceanLayerGrid) -> (above700: [Double], above2000: [Double]) {
        func shares(_ depth: Double) -> [Double] {
            zip(layers.topDepthsMetres, layers.thicknessMetres).map { top, dz in max(0, min(1, (depth - top) / dz)) }
        }
        return (shares(700), shares(2000))
    }

    /// Heat inventory of band b: ocean column `x`, land column `land` ([0] = surface).
    @inline(__always)
    public func heatInventory(band b: Int, column x: UnsafePointer<Double>, land: UnsafePointer<Double>) -> HeatInventory {
        let fl = grid.landFraction[b], fo = 1 - fl
        let rhoC = PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity
        var h = HeatInventory()
        for k in 0..<layers.layerCount {
            let q = fo * rhoC * layers.thicknessMetres[k] * x[k]
            let upper = above700[k] * q, middle = (above2000[k] - above700[k]) * q
            h.ocean0To700 += upper; h.ocean700To2000 += middle; h.oceanBelow2000 += q - upper - middle
        }
        var ground = 0.0
        for k in 1..<groundLayers.layerCount { ground += groundLayers.thicknessMetres[k] * land[k] }
        h.land = fl * (climate.landSurfaceHeatCapacity * land[0] + climate.groundHeatCapacity * ground)
        h.atmosphere = climate.atmosphereHeatCapacity * (fo * x[0] + fl * land[0])
        return h
    }

    /// Heat content of band b relative to preindustrial, J per m² of band: ocean, land and atmosphere.
    @inline(__always)
    public func heatContent(band b: Int, column x: UnsafePointer<Double>, land: UnsafePointer<Double>) -> Double {
        heatInventory(band: b, column: x, land: land).total
    }

    /// Thermosteric sea-level rise of a column, m: Σ α_k ΔT_k Δz_k.
    @inline(__always)
    public func thermostericRise(temperature x: UnsafePointer<Double>) -> Double {
        var sum = 0.0
        layers.thicknessMetres.withUnsafeBufferPointer { dz in
            thermalExpansion.withUnsafeBufferPointer { a in
                for k in 0..<dz.count { sum += a[k] * x[k] * dz[k] }
            }
        }
        return sum
    }
}
