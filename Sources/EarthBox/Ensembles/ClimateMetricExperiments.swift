/// The short idealised experiments run for every parameter sample: abrupt-4xCO2 for 150 years (ECS by the Gregory
/// et al. 2004 regression, as `earthbox diagnose`) and 1pctCO2 for 80 years (TCR over years 61–80, Meehl et al. 2020;
/// TCRE = TCR per 1000 PgC of cumulative compatible emissions at year 70, Matthews et al. 2009).
public enum ClimateMetricExperiments {
    public static let abruptYears = 150
    public static let onePercentYears = 80
    public static var simulatedYears: Int { abruptYears + onePercentYears }

    public enum Metric: Int, CaseIterable, Sendable {
        case ecs, tcr, tcre
        public var name: String { ["ecs", "tcr", "tcre"][rawValue] }
        public var units: String { ["K", "K", "K (1000 PgC)-1"][rawValue] }
        public var longName: String {
            ["equilibrium climate sensitivity (Gregory regression, abrupt-4xCO2 years 1-150)",
             "transient climate response (1pctCO2 years 61-80)",
             "transient climate response to cumulative CO2 emissions (1pctCO2, year 70)"][rawValue]
        }
    }

    /// ECS, TCR and TCRE of `experiments.configuration` (internal variability off: `DiagnosticExperiments.model`).
    public static func run(_ experiments: DiagnosticExperiments) -> [Double] {
        let ecs = experiments.gregoryECS(years: abruptYears)
        let response = DiagnosticExperiments.transientResponse(experiments.onePercentRun(years: onePercentYears))
        return [ecs, response.tcr, response.tcre]
    }
}
