/// Surface energy balance coupled to the ocean's heat column, solved implicitly each year.
///
/// The surface/mixed layer obeys C_s dT/dt = F − λT − ε·H, the deep ocean receives H, and the top of the
/// atmosphere sees N = F − λT − (ε − 1)H: the two-layer efficacy model of Held et al. (2010) and
/// Geoffroy et al. (2013b) extended to a multi-layer upwelling–diffusion ocean (Hoffert et al. 1980;
/// MAGICC, Meinshausen et al. 2011). With N defined this way, heat content changes by exactly N·Δt.
public struct EnergyBalance: Sendable {
    public let climate: ClimateParameters
    public let ocean: OceanParameters
    public let layers: OceanLayerGrid
    public let mixing: ColumnMixing
    /// Climate feedback parameter λ, W m⁻² K⁻¹.
    public let feedbackParameter: Double
    /// Effective radiative forcing of doubled CO2, W m⁻², from the same formula the run uses.
    public let doublingForcing: Double
    /// Thermal expansion coefficient of each layer, K⁻¹.
    public let thermalExpansion: [Double]

    public init(climate: ClimateParameters, ocean: OceanParameters, doublingForcing: Double) {
        self.climate = climate
        self.ocean = ocean
        layers = OceanLayerGrid(thicknessMetres: ocean.layerThicknessMetres)
        mixing = ColumnMixing(layers: layers, diffusivitySquareCentimetresPerSecond: [ocean.verticalDiffusivity],
                              upwellingMetresPerYear: ocean.upwellingVelocity)
        self.doublingForcing = doublingForcing
        feedbackParameter = doublingForcing / climate.equilibriumClimateSensitivity
        thermalExpansion = layers.centreDepthsMetres.map(Self.thermalExpansionCoefficient(depthMetres:))
    }

    /// Thermal expansion coefficient of seawater at the global-mean temperature and salinity profile, K⁻¹:
    /// an exponential fit to TEOS-10 α along the WOA18 global-mean profile (IOC et al. 2010; ~2.5e-4 at the
    /// surface, ~1.4e-4 at 2000 m).
    public static func thermalExpansionCoefficient(depthMetres z: Double) -> Double {
        1.3e-4 + 1.2e-4 * _exp(-z / 700)
    }

    /// Heat per unit of column content: J per m² of Earth per (K·m) in an ocean fraction `f`.
    public static func joulesPerKelvinMetre(oceanFraction f: Double) -> Double {
        PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity * f
    }

    /// Near-surface air temperature change per unit of mixed-layer (SST) change in a band with land fraction
    /// `landFraction`: ocean area follows the SST, land warms `landOceanWarmingRatio` times as much.
    public func airTemperatureFactor(landFraction: Double) -> Double {
        (1 - landFraction) + landFraction * climate.landOceanWarmingRatio
    }

    /// Steps one band's column (`temperature[0]` is the mixed layer) over `dt` years under forcing `forcing`
    /// (W m⁻² of Earth surface). Returns the top-of-atmosphere imbalance N and the heat flux into the deep ocean H, W m⁻².
    
    public func step(temperature x: UnsafeMutablePointer<Double>, forcing: Double, oceanFraction: Double, dt: Double,
                     workspace w: UnsafeMutablePointer<Double>) -> (imbalance: Double, deepUptake: Double) {
        precondition(dt == mixing.timeStep)
        let perKelvinMetre = Self.joulesPerKelvinMetre(oceanFraction: oceanFraction)
        let s = PhysicalConstants.secondsPerYear / perKelvinMetre        // (K·m yr⁻¹) per (W m⁻²)
        // The radiating surface and the air/land heat capacity follow the air temperature a·T_mixed.
        let a = airTemperatureFactor(landFraction: 1 - oceanFraction)
        let extraSurfaceThickness = a * climate.atmosphereLandHeatCapacity / perKelvinMetre
        let mixedOld = x[0]
        // Surface row: own capacity, feedback implicit, efficacy on the heat that leaves for the deep ocean.
        let eps = climate.heatUptakeEfficacy
        let e0 = mixing.exchange[0] * dt, up = mixing.upwellingMetresPerYear * dt
        let dz0 = layers.thicknessMetres[0] + extraSurfaceThickness
        mixing.solve(x, surfaceDiagonal: dz0 + eps * e0 + dt * feedbackParameter * a * s, surfaceUpper: -eps * (e0 + up),
                     surfaceRHS: dz0 * mixedOld - eps * up * mixedOld + dt * forcing * s, scratch: w)
        let deep = mixing.downwardTransport(new: x, mixedOld: mixedOld, dt: dt) / (dt * s)
        let imbalance = forcing - feedbackParameter * a * x[0] - (eps - 1) * deep
        return (imbalance, deep)
    }

    /// Heat content of a column relative to preindustrial, J per m² of Earth (surface capacity included).
    
    public func heatContent(temperature x: UnsafePointer<Double>, oceanFraction: Double) -> Double {
        var sum = climate.atmosphereLandHeatCapacity * airTemperatureFactor(landFraction: 1 - oceanFraction) * x[0]
        let c = Self.joulesPerKelvinMetre(oceanFraction: oceanFraction)
        layers.thicknessMetres.withUnsafeBufferPointer { dz in
            for k in 0..<dz.count { sum += c * dz[k] * x[k] }
        }
        return sum
    }

    /// Thermosteric sea-level rise of a column, m: Σ α_k ΔT_k Δz_k.
    
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
