import Foundation

/// `&run scenario_file`: picks one model/scenario pair from the file, prepares it (harmonise, infill) and returns the
/// drivers; every choice made on the way is printed as a note on standard error, so nothing is silent.
public enum ScenarioSelection {
    /// The drivers and, one line per species, where its emissions come from (for the output's provenance).
    public static func drivers(for c: RunConfiguration, base: DriverSeries) throws(InputError) -> (DriverSeries, String) {
        let run = c.run
        guard run.co2Mode == .emissions, run.otherGasMode == .emissions else {
            throw InputError(file: c.source, key: "scenario_file", message: "a scenario file gives emissions: co2_mode and other_gas_mode must be 'emissions'")
        }
        let inputs = try ScenarioFile.load(path: run.scenarioFile)
        let input = try select(inputs, model: run.scenarioModel, scenario: run.scenarioName, path: run.scenarioFile, source: c.source)
        var options = ScenarioOptions()
        options.harmonise = run.harmonise
        options.harmonisationYear = run.harmonisationYear
        options.infill = run.infill
        options.endYear = run.endYear
        var preparer = ScenarioPreparer(base: base, historySource: "the RCMIP history of Forcing/\(run.scenario).csv",
                                        database: run.infill ? try InfillerDatabase(forcingDirectory: run.forcingDirectory) : nil)
        let prepared = try preparer.prepare(input, options: options)
        printNotes(prepared)
        let provenance = zip(EmissionSpecies.all, prepared.origins).map { "\($0.iamcVariable): \($1.kind.rawValue): \($1.detail)" }
        return (prepared.drivers(base: base), "\(prepared.label) from \(run.scenarioFile)\n" + provenance.joined(separator: "\n"))
    }

    /// The pair named by `model`/`scenario` (either may be empty when it is unambiguous).
    public static func select(_ inputs: [ScenarioInput], model: String, scenario: String, path: String, source: String) throws(InputError) -> ScenarioInput {
        let matches = inputs.filter { (model.isEmpty || $0.model == model) && (scenario.isEmpty || $0.scenario == scenario) }
        if matches.count == 1 { return matches[0] }
        let pairs = inputs.map { "'\($0.model)' / '\($0.scenario)'" }.joined(separator: ", ")
        if matches.isEmpty {
            var message = "no model/scenario pair '\(model)' / '\(scenario)' in \(path); it has \(pairs)"
            if let n = NearestName.suggestion(for: scenario, among: inputs.map(\.scenario)) { message += "; did you mean scenario_name = '\(n)'?" }
            throw InputError(file: source, key: scenario.isEmpty ? "scenario_model" : "scenario_name", message: message)
        }
        throw InputError(file: source, key: "scenario_name", message: "\(path) holds \(matches.count) matching model/scenario pairs (\(pairs)); name one with scenario_model and scenario_name")
    }

    /// Notes and the origin of every species, on standard error.
    public static func printNotes(_ p: PreparedScenario) {
        var lines = p.notes.map { "\(p.file): note: \(p.label): \($0)" }
        let counts = Dictionary(grouping: p.origins, by: \.kind).mapValues(\.count)
        lines.append("\(p.file): note: \(p.label): species given \(counts[.given] ?? 0), harmonised \(counts[.harmonised] ?? 0), infilled \(counts[.infilled] ?? 0) (from \(p.firstYear))")
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
