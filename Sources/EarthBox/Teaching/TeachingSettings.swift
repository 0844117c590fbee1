/// The `&teaching` group: the knobs of the four teaching experiments (docs/teaching.md).
public struct TeachingSettings: Sendable, Equatable {
    /// Solar-constant sweep of the snowball hysteresis, W m⁻²: down from `solarMaximum` to `solarMinimum`, then back up.
    public var solarMinimum = 1100.0
    public var solarMaximum = 2000.0
    public var solarStep = 10.0
    /// Year after which CO2 emissions (fossil and land use) are zero in the commitment experiment.
    public var emissionsStopYear = 2030
    /// Whether the other anthropogenic emissions stop too (false: they follow the scenario).
    public var stopAllEmissions = false
    /// Mixed-layer depths compared in the ocean-depth experiment, m.
    public var mixedLayerDepths: [Double] = [10, 60, 150]
    /// Vertical diffusivities compared in the ocean-depth experiment, cm² s⁻¹.
    public var diffusivities: [Double] = [0.2, 0.6, 2.0]
    /// Accept a preindustrial climate outside `BaseClimateCheck.plausibleGlobalMeanCelsius` (a snowball or hothouse
    /// Earth on purpose, in a lab); off, such a configuration is refused as a likely input mistake.
    public var allowImplausibleClimate = false

    public init() {}
}

extension TeachingSettings: NamelistGroup {
    public static let groupName = "teaching"
    public static let fields: [NamelistField<TeachingSettings>] = [
        .real("solar_min", \.solarMinimum, range: 500...3000, unit: "W m-2", "lowest solar constant of the hysteresis sweep", citation: "Budyko 1969"),
        .real("solar_max", \.solarMaximum, range: 500...3000, unit: "W m-2", "highest solar constant of the hysteresis sweep", citation: "Budyko 1969"),
        .real("solar_step", \.solarStep, range: 0.1...200, unit: "W m-2", "step of the hysteresis sweep", citation: "North 1984"),
        .integer("emissions_stop_year", \.emissionsStopYear, range: 0...3000, unit: "yr", "last year with CO2 emissions in the commitment experiment"),
        .logical("stop_all_emissions", \.stopAllEmissions, "stop every anthropogenic emission, not only CO2"),
        .realList("mixed_layer_depths", \.mixedLayerDepths, elementRange: 5...500, count: 1...10, unit: "m", "mixed-layer depths compared", citation: "Hansen et al. 1985"),
        .logical("allow_implausible_climate", \.allowImplausibleClimate, "accept a preindustrial global mean outside 5-25 degC (snowball or hothouse labs)"),
        .realList("diffusivities", \.diffusivities, elementRange: 0.01...20, count: 1...10, unit: "cm2 s-1", "vertical diffusivities compared", citation: "Hoffert et al. 1980"),
    ]
}
