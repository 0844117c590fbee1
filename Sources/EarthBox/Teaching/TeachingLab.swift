import Foundation

/// Runs a teaching experiment named by `&run experiment` and returns its table.
public enum TeachingLab {
    public static func table(for configuration: RunConfiguration, teaching: TeachingSettings) throws(InputError) -> LabTable {
        let run = configuration.run
        switch run.experiment {
        case .snowballHysteresis:
            let landFraction = try ScenarioDrivers.landFractionOneDegree(directory: run.forcingDirectory)
            let grid = LatitudeGrid(bands: run.bands, landFractionOneDegree: landFraction, spacing: run.gridSpacing)
            return SnowballHysteresis(climate: ZonalClimate(grid: grid, parameters: configuration.model.zonal), settings: teaching).table()
        case .zeroEmissionCommitment:
            var c = configuration
            c.run.experiment = .scenario
            return ZeroEmissionCommitment(plan: try RunPlan(c), settings: teaching).table()
        default:
            var c = configuration
            c.run.experiment = .piControl
            c.run.endYear = c.run.startYear
            let plan = try RunPlan(c)
            let model = plan.simulation.model
            let experiments = DiagnosticExperiments(configuration: model.configuration, grid: model.grid,
                                                    halogenPreindustrialPPT: model.gasCycles.halogenPreindustrialPPT,
                                                    reference: Array(plan.simulation.drivers.values[0..<plan.simulation.drivers.columnCount]))
            if run.experiment == .feedbackSwitches { return FeedbackSwitches(experiments: experiments).table() }
            return OceanDepthTransient(experiments: experiments, settings: teaching).table()
        }
    }
}
