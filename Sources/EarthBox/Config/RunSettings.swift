import Foundation

/// The `&run` group: what to run, over which years, from which inputs, into which folder.
public struct RunSettings: Sendable, Equatable {
    public static let scenarios = ["ssp119", "ssp126", "ssp245", "ssp370", "ssp434", "ssp460", "ssp534-over", "ssp585"]
    public static let experiments = ["scenario", "piControl", "esm-piControl", "abrupt-4xCO2", "abrupt-2xCO2", "1pctCO2",
                                     "esm-flat10", "esm-flat10-zec", "esm-flat10-cdr"] + SingleForcingExperiment.names
                                     + TeachingSettings.experiments
    /// `scenario` = historical + the chosen SSP from the forcing file; the others are the idealised CMIP experiments.
    public var experiment = "scenario"
    public var scenario = "ssp245"
    public var co2Mode = "emissions"
    public var otherGasMode = "emissions"
    public var startYear = 1750
    public var endYear = 2100
    public var bands = 1
    /// `equal_angle` or `equal_area` (a `LatitudeSpacing`).
    public var gridSpacing = LatitudeSpacing.equalAngle.rawValue
    public var forcingDirectory = "Forcing"
    public var outputDirectory = "Runs"
    /// Output file name without extension; empty = derived from experiment, scenario and mode.
    public var runName = ""
    /// IAMC pathway file composed with `scenario` (Forcing/pathways/README.md); empty = the SSP as it is.
    public var pathwayFile = ""

    public init() {}

    /// The CMIP-style name of this run, e.g. `esm-ssp245` for an emission-driven SSP2-4.5 run.
    public var resolvedRunName: String {
        if !runName.isEmpty { return runName }
        if experiment != "scenario" { return experiment }
        if !pathwayFile.isEmpty {
            let stem = ((pathwayFile as NSString).lastPathComponent as NSString).deletingPathExtension
            return (co2Mode == "emissions" ? "esm-" : "") + stem
        }
        return (co2Mode == "emissions" ? "esm-" : "") + scenario
    }
}
