/// The absolute zonal energy balance model of North (1975) and Budyko–Sellers:
/// C ∂T/∂t = Q·s(x)·(1 − α(x, T)) − (A + B·T) + ∂/∂x[D(1 − x²)∂T/∂x], one surface temperature per band.
///
/// It gives the preindustrial climatology (the absolute temperatures and ice line every run's anomalies are
/// added to) and, for any solar constant, the equilibria of the snowball-Earth hysteresis. Longwave emission
/// and diffusion are implicit, the albedo explicit, so each year is one tridiagonal solve.
public struct ZonalClimate: Sendable {
    public let grid: LatitudeGrid
    public let parameters: ZonalParameters
    public let insolation: Insolation
    public let diffusion: MeridionalDiffusion

    public init(grid: LatitudeGrid, parameters: ZonalParameters) {
        self.grid = grid
        self.parameters = parameters
        insolation = Insolation(grid: grid, parameters: parameters)
        diffusion = MeridionalDiffusion(grid: grid, diffusivity: parameters.meridionalDiffusivity)
    }

    public struct Equilibrium: Sendable {
        /// Surface temperature per band, °C.
        public var temperature: [Double]
        public var iceFraction: [Double]
        public var years: Int
        public var converged: Bool
        /// Area-weighted global mean, °C.
        public var globalMean: Double
    }

    /// Integrates from `start` (°C per band) until no band changes by more than `tolerance` K in a year.
    public func equilibrium(solarConstant: Double? = nil, start: [Double], tolerance: Double = 1e-9, maxYears: Int = 20_000) -> Equilibrium {
        let n = grid.count
        let albedo = SurfaceAlbedo(grid: grid, insolation: insolation, parameters: parameters, solarConstant: solarConstant)
        let capacity = parameters.climatologyHeatCapacity / PhysicalConstants.secondsPerYear   // W yr m⁻² K⁻¹, one-year step
        var t = start, ice = [Double](repeating: 0, count: n)
        var diagonal = [Double](repeating: capacity + parameters.longwaveSlope, count: n)
        var rhs = [Double](repeating: 0, count: n), scratch = [Double](repeating: 0, count: 3 * n)
        var years = 0, converged = false
        while years < maxYears {
            t.withUnsafeBufferPointer { albedo.iceFraction(temperature: $0.baseAddress!, into: &ice) }
            for b in 0..<n { rhs[b] = capacity * t[b] + albedo.absorbed(band: b, iceFraction: ice[b]) - parameters.longwaveIntercept }
            diagonal.withUnsafeMutableBufferPointer { d in
                rhs.withUnsafeMutableBufferPointer { r in
                    scratch.withUnsafeMutableBufferPointer { s in
                        diffusion.solveImplicit(diagonal: d.baseAddress!, rhs: r.baseAddress!, count: n, scratch: s.baseAddress!)
                    }
                }
            }
            var change = 0.0
            for b in 0..<n { change = max(change, abs(rhs[b] - t[b])) }
            t = rhs
            years += 1
            if change < tolerance { converged = true; break }
        }
        t.withUnsafeBufferPointer { albedo.iceFraction(temperature: $0.baseAddress!, into: &ice) }
        var mean = 0.0
        for b in 0..<n { mean += grid.areaWeights[b] * t[b] }
        return Equilibrium(temperature: t, iceFraction: ice, years: years, converged: converged, globalMean: mean)
    }

    /// The preindustrial climatology: the warm equilibrium at the configured solar constant, from a 15 °C start
    /// (Jones et al. 1999, Rev. Geophys. 37, 173: observed global mean ≈ 14 °C).
    public func preindustrial() -> Equilibrium {
        equilibrium(start: [Double](repeating: 15, count: grid.count))
    }
}
