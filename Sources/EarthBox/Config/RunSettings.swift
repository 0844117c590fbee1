import Foundation

/// The `&run` group: what to run, over which years, from which inputs, into which folder.
public struct RunSettings: Sendable, Equatable {
    public static let scenarios = ["ssp119", "ssp126", "ssp245", "ssp370", "ssp434", "ssp460", "ssp534-over", "ssp585"]
    /// `scenario` = historical + the chosen SSP from the forcing file; the others are the idealised CMIP experiments.
    public var experiment = Experiment.scenario
    public var scenario = "ssp245"
    /// As asked for; an idealised experiment's protocol decides for itself (`RunPlan`).
    public var co2Mode = CarbonMode.emissions
    public var otherGasMode = CarbonMode.emissions
    public var startYear = 1750
    public var endYear = 2100
    public var bands = 1
    public var gridSpacing = LatitudeSpacing.equalAngle
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
        if experiment != .scenario { return experiment.rawValue }
        if !pathwayFile.isEmpty {
            let stem = ((pathwayFile as NSString).lastPathComponent as NSString).deletingPathExtension
            return (co2Mode == .emissions ? "esm-" : "") + stem
        }
        return (co2Mode == .emissions ? "esm-" : "") + scenario
    }
}
