/// `&run parameter_set = 'NAME'`: any run namelist (an SSP, a pathway, a scenario file) repeated for every member of
/// a named parameter set, as one ensemble: the run's own drivers (as `earthbox run` composes them) and the set's
/// members (`Namelists/parameter-sets/NAME.nml`, read like `assess --parameter-set`). Members are equally weighted.
public enum ParameterSetEnsemble {
    /// Diagnostics stored per member: what `compare` and the report read (`RunSeries.needed`).
    public static var outputVariables: [String] { RunSeries.needed }

    /// The ensemble configuration and the run's drivers (one scenario, labelled with the run's name).
    public static func configuration(for plan: RunPlan) throws(InputError) -> (configuration: EnsembleConfiguration, drivers: DriverSeries) {
        let run = plan.configuration.run
        let (path, _) = try AssessEnsemble.namelistPath(parameterSet: run.parameterSet, ensemble: nil)
        let set = try EnsembleConfiguration.load(path: path)
        guard set.settings.variabilityRealisations == 1, !set.settings.constrain else {
            throw InputError(file: path, key: "constrain", message: "a parameter set for &run parameter_set must be equally weighted members (parameter_file, constrain = .false.)")
        }
        var base = plan.configuration
        base.run.parameterSet = ""
        var settings = set.settings
        settings.scenarios = [run.resolvedRunName]
        settings.outputVariables = outputVariables.filter { Diagnostic.named($0) != nil }
        settings.climateMetrics = false
        settings.journalDirectory = ""
        let c = EnsembleConfiguration(base: base, settings: settings, priors: set.priors, samples: set.samples,
                                      namelistText: "! parameter_set \(run.parameterSet) (\(path))\n" + base.resolvedNamelist)
        for sample in 0..<settings.members {
            let model = try c.model(sample: sample)
            if let problem = RunConfiguration.consistencyProblem(model) {
                throw InputError(file: path, key: problem.key, message: "member \(sample) with this run's settings breaks a consistency check (\(problem.message))")
            }
        }
        return (c, plan.simulation.drivers)
    }
}
