extension EnergyBalance {
    /// The energy balance of a model configuration on `grid` without the coupled model's gases: its ECS is reached
    /// for the configuration's own CO2 doubling ERF (Meinshausen et al. 2020 form, scaled) but without the
    /// chemistry feedback the coupled model adds (so its feedback is about 4 % stronger); the preindustrial climate,
    /// the equilibrium at zero forcing, is the coupled model's.
    public init(configuration: ModelConfiguration, grid: LatitudeGrid) {
        let forcing = configuration.forcingAgents.referenced(to: configuration.gases)
        let doubling = forcing.co2Scale * CarbonDioxideForcing.doublingERF(parameters: forcing.greenhouseGases)
        self.init(climate: configuration.climate, zonal: configuration.zonal, grid: grid, doublingForcing: doubling)
    }

    /// Area-weighted global mean of the preindustrial surface temperature, K: the base the anomalies are added
    /// to for CMIP's absolute `tas` (Earth: about 286.9 K for 1850–1900, Jones et al. 1999; IPCC AR6 WG1 §2.3.1.1).
    public var preindustrialGlobalMeanKelvin: Double { Self.globalMeanKelvin(preindustrialTemperature, grid: grid) }

    /// Area-weighted global mean of band temperatures in °C, K.
    static func globalMeanKelvin(_ celsius: [Double], grid: LatitudeGrid) -> Double {
        zip(grid.areaWeights, celsius).reduce(0) { $0 + $1.0 * $1.1 } / grid.areaWeights.reduce(0, +) + 273.15
    }
}
