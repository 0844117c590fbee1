import Foundation

/// The `&run` group: what to run, over which years, from which inputs, into which folder.
public struct RunSettings: Sendable, Equatable {
    /// The SSP scenarios with a forcing file (RCMIP v5.1.0; O'Neill et al. 2016, GMD 9, 3461; Meinshausen et al. 2020, GMD 13, 3571).
    public static let scenarioDescriptions: [(name: String, description: String)] = [
        ("ssp119", "SSP1-1.9: very low emissions, net zero CO2 around 2050, warming near 1.5 °C"),
        ("ssp126", "SSP1-2.6: low emissions, net zero CO2 after 2050, warming below 2 °C"),
        ("ssp245", "SSP2-4.5: intermediate emissions, roughly current policies"),
        ("ssp370", "SSP3-7.0: high emissions, regional rivalry, high aerosol"),
        ("ssp434", "SSP4-3.4: low-to-intermediate emissions in an unequal world"),
        ("ssp460", "SSP4-6.0: intermediate-to-high emissions in an unequal world"),
        ("ssp534-over", "SSP5-3.4-OS: SSP5-8.5 until 2040, then steep cuts and net removal (overshoot)"),
        ("ssp585", "SSP5-8.5: very high, fossil-fuelled emissions"),
    ]
    public static let scenarios = scenarioDescriptions.map(\.name)
    /// `scenario` = historical + the chosen SSP from the forcing file; the others are the idealised CMIP experiments.
    public var experiment = Experiment.scenario
    public var scenario = "ssp245"
    /// As asked for; an idealised experiment's protocol decides for itself (`RunPlan`).
    public var co2Mode = CarbonMode.emissions
    public var otherGasMode = CarbonMode.emissions
    public var startYear = 1750
    /// First year an emission-driven scenario computes CO2 from its emissions; before it CO2 follows the forcing file's
    /// concentrations (ice cores) with compatible emissions diagnosed. 0: from the start.
    public var emissionsStartYear = 0
    public var endYear = 2100
    public var bands = 1
    public var gridSpacing = LatitudeSpacing.equalAngle
    public var forcingDirectory = "Forcing"
    public var outputDirectory = "Runs"
    /// Output file name without extension; empty = derived from experiment, scenario and mode.
    public var runName = ""
    /// IAMC pathway file composed with `scenario` (Forcing/pathways/README.md); empty = the SSP as it is.
    public var pathwayFile = ""
    /// CO2 emission and removal series replacing the drivers' (`EmissionsFile`); empty = none.
    public var co2EmissionsFile = ""
    /// IAMC emissions file (wide or long, any year spacing) driving the run instead of the SSP's emissions; `scenario`
    /// then supplies only the history and natural forcing (docs/assess.md). Empty = none.
    public var scenarioFile = ""
    /// A named parameter set (`Namelists/parameter-sets/NAME.nml`, e.g. `calibrated-v1`): the run is repeated for every
    /// member and written as one ensemble file with percentiles (docs/calibration.md). Empty = one run.
    public var parameterSet = ""
    /// Which model/scenario pair of `scenario_file` (empty: the file's only one).
    public var scenarioModel = ""
    public var scenarioName = ""
    /// Harmonise to the shipped history (aneris methods, AR6 defaults) and infill missing species (silicone QRW).
    public var harmonise = true
    public var harmonisationYear = 2015
    public var infill = true

    public init() {}

    /// The CMIP-style name of this run, e.g. `esm-ssp245` for an emission-driven SSP2-4.5 run.
    public var resolvedRunName: String {
        if !runName.isEmpty { return runName }
        if experiment != .scenario { return experiment.rawValue }
        if !scenarioFile.isEmpty {
            let stem = scenarioName.isEmpty ? ((scenarioFile as NSString).lastPathComponent as NSString).deletingPathExtension : scenarioName
            return (co2Mode == .emissions ? "esm-" : "") + stem.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "/", with: "_")
        }
        if !pathwayFile.isEmpty {
            let stem = ((pathwayFile as NSString).lastPathComponent as NSString).deletingPathExtension
            return (co2Mode == .emissions ? "esm-" : "") + stem
        }
        return (co2Mode == .emissions ? "esm-" : "") + scenario
    }
}
