import ArgumentParser
import EarthBox
import EarthBoxMPI
import Foundation

/// `earthbox assess FILE…`: every scenario of the IAMC files, harmonised and infilled, through every member of an
/// ensemble (MPI-parallel, the task split, journal and gather of `ensemble`), assessed as AR6 WG3 did.
struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess IAMC emissions scenarios: harmonise, infill, run an ensemble, report GSAT, probabilities and AR6 categories.",
        discussion: """
        Writes <output>.csv (IAMC, AR6 climate-assessment variable names, Category column), <output>-meta.csv, \
        <output>-provenance.csv, <output>.nc (ensemble NetCDF) and <output>.html. See docs/assess.md. \
        Parallel: mpirun -n 2 earthbox assess docs/assess/ssp-markers-iamc.csv
        """)

    @Argument(help: "IAMC emissions files (wide or long CSV, any year spacing, several model/scenario pairs each).")
    var files: [String]

    @Option(help: "Ensemble namelist whose priors, members, seed and constraint are used (default \(AssessEnsemble.defaultNamelist)).")
    var ensemble: String?

    @Option(help: "Named parameter set, read from \(AssessEnsemble.parameterSetDirectory)/NAME.nml (e.g. calibrated-v1 once shipped).")
    var parameterSet: String?

    @Option(help: "Output path without extension.")
    var output = "Runs/assess"

    @Option(help: "Last simulated year: 2100, or up to 2300 (species are held at their last given value beyond it).")
    var endYear = 2100

    @Option(help: "Year the scenarios meet the shipped history (AR6: 2015; 1851-2022).")
    var harmonisationYear = 2015

    @Flag(help: "Use the files' emissions as they are (no harmonisation).")
    var noHarmonise = false

    @Flag(help: "Refuse scenarios with missing species instead of infilling them.")
    var noInfill = false

    @Flag(help: "Skip variables outside Emissions|… (energy, prices, …) with a note instead of refusing them.")
    var skipOtherVariables = false

    @Flag(help: "Continue an interrupted assessment from its journal (&ensemble journal_directory).")
    var resume = false

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Option(help: .hidden)
    var stopAfterTasks: Int?

    func run() throws {
        let ensemble = EnsembleRun(quiet: quiet, stopAfterTasks: stopAfterTasks)
        try ensemble.reportingFailure {
            let inputs = try readInputs()
            var worker = inputs.worker
            if ensemble.mpi.isRoot && !quiet && !inputs.notes.isEmpty {
                FileHandle.standardError.write(Data(inputs.notes.map { $0.replacingOccurrences(of: ": ", with: ": note: ", options: [], range: $0.range(of: ": ")) + "\n" }.joined().utf8))
            }
            let outcome = try ensemble.run(inputs.configuration, worker: &worker, resume: resume)
            guard let results = outcome.results else { return }
            let analysis = EnsembleAnalysis(results: results, observations: inputs.observations,
                                            preindustrialGlobalMeanKelvin: inputs.worker.preindustrialGlobalMeanKelvin())
            let output = assessments(analysis, prepared: inputs.prepared, parameterSet: inputs.parameterSetName)
            try write(output, analysis: analysis, notes: inputs.notes)
            if !quiet {
                print(summary(output))
                print(ensemble.statistics(outcome))
                print("written: \(["csv", "-meta.csv", "-provenance.csv", "nc", "html"].map { self.output + ($0.hasPrefix("-") ? $0 : "." + $0) }.joined(separator: ", "))")
            }
        }
    }

    struct Inputs {
        var configuration: EnsembleConfiguration
        var worker: EnsembleWorker
        var observations: Observations?
        var prepared: [PreparedScenario]
        var notes: [String]
        var parameterSetName: String
    }

    /// Files, ensemble, history and database, all checked on every rank (same inputs, same result).
    func readInputs() throws(InputError) -> Inputs {
        let (namelist, setName) = try AssessEnsemble.namelistPath(parameterSet: parameterSet, ensemble: ensemble)
        let plain = try EnsembleConfiguration.load(path: namelist)
        guard (2100...2300).contains(endYear) else {
            throw InputError(file: namelist, key: "--end-year", message: "must be 2100-2300 (AR6 categories need 2100; the forcing ends in 2500)")
        }
        let run = plain.base.run
        let base = try ScenarioDrivers.load(directory: run.forcingDirectory, scenario: "ssp245")
        var preparer = ScenarioPreparer(base: base.drivers, historySource: "the RCMIP history (Forcing/ssp245.csv)",
                                        database: noInfill ? nil : try InfillerDatabase(forcingDirectory: run.forcingDirectory))
        var options = ScenarioOptions()
        options.harmonise = !noHarmonise
        options.harmonisationYear = harmonisationYear
        options.infill = !noInfill
        options.endYear = endYear
        options.extendConstant = endYear > 2100
        var prepared: [PreparedScenario] = [], notes: [String] = [], seen: [String: String] = [:]
        for file in files {
            for input in try ScenarioFile.load(path: file, skipOtherVariables: skipOtherVariables) {
                if let other = seen[input.label] {
                    throw InputError(file: file, key: input.label, message: "this model/scenario pair is also in \(other); give each pair once")
                }
                seen[input.label] = file
                let p = try preparer.prepare(input, options: options)
                notes += p.notes.map { "\(file): \(p.label): \($0)" }
                prepared.append(p)
            }
        }
        let fingerprint = files.joined(separator: "|") + "|\(endYear)|\(harmonisationYear)|\(noHarmonise)|\(noInfill)|"
            + prepared.map { p in p.label + ":" + p.series.map { $0.map { String($0.bitPattern, radix: 16) }.joined() }.joined() }.joined()
        let configuration = try AssessEnsemble.configuration(namelist: namelist, labels: prepared.map(\.label), endYear: endYear,
                                                             fingerprintText: String(Self.fnv1a(fingerprint), radix: 16))
        let years = configuration.years
        var drivers = configuration.settings.constrain ? [base.drivers.slice(from: years.lowerBound, to: years.upperBound)] : []
        drivers += prepared.map { $0.drivers(base: base.drivers).slice(from: years.lowerBound, to: years.upperBound) }
        let worker = try EnsembleWorker(configuration: configuration, drivers: drivers, halogenPreindustrialPPT: base.halogenPreindustrialPPT,
                                        reference: Array(base.drivers.values[0..<base.drivers.columnCount]))
        let observations = configuration.settings.constrain ? try Observations.load(directory: configuration.settings.observationsDirectory) : nil
        // Checked by creating (and removing) the temporary name the writer will use, before any task is computed.
        if let reason = OutputPath.problem(output + ".nc") {
            throw InputError(file: "--output \(output)", message: "cannot write the output files: \(reason)")
        }
        if resume && configuration.settings.journalDirectory.isEmpty {
            throw InputError(file: namelist, key: "journal_directory", message: "--resume needs a journal: set &ensemble journal_directory")
        }
        return Inputs(configuration: configuration, worker: worker, observations: observations, prepared: prepared, notes: notes, parameterSetName: setName)
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// One assessment per prepared scenario, from the members' GSAT and the (constrained) weights.
    func assessments(_ analysis: EnsembleAnalysis, prepared: [PreparedScenario], parameterSet: String) -> AssessmentOutput {
        let r = analysis.results, c = r.configuration
        let m = c.memberCount, n = c.years.count, offset = c.settings.constrain ? 1 : 0
        let list = prepared.enumerated().map { k, p in
            let s = k + offset
            let tas = (0..<m).map { member in Array(r.series[((s * m) + member) * n..<((s * m) + member + 1) * n]) }
            return ScenarioAssessment(prepared: p, tas: tas, firstYear: c.years.lowerBound, weights: analysis.weights)
        }
        return AssessmentOutput(assessments: list, parameterSet: parameterSet, members: m, effectiveSampleSize: analysis.effectiveSampleSize)
    }

    /// Each file is written to a temporary name and renamed when complete (removed on a termination signal); if
    /// any file fails, the ones already written are removed too, so an assessment is all there or not at all.
    func write(_ o: AssessmentOutput, analysis: EnsembleAnalysis, notes: [String]) throws {
        var written: [String] = []
        do {
            var dataset = EnsembleDataset.make(analysis)
            dataset.globalAttributes.append(("scenario_labels", .text(analysis.results.configuration.scenarios.joined(separator: "\n"))))
            try NetCDF.write(dataset, to: output + ".nc")
            written.append(output + ".nc")
            let title = "EarthBox climate assessment: \((output as NSString).lastPathComponent)"
            for (path, text) in [(output + ".csv", o.table.csvText), (output + "-meta.csv", o.metaCSV),
                                 (output + "-provenance.csv", o.provenanceCSV), (output + ".html", o.html(title: title, inputs: files, notes: notes))] {
                try OutputChecks.write(text, to: path)
                written.append(path)
            }
        } catch {
            for path in written { unlink(path) }
            throw error
        }
    }

    func summary(_ o: AssessmentOutput) -> String {
        var lines = ["scenario                                   category  peak median [5-95%] K  P(>1.5)  P(>2)  net-zero CO2  GHG"]
        for a in o.assessments {
            let label = a.prepared.label.count > 42 ? String(a.prepared.label.prefix(42)) : a.prepared.label.padding(toLength: 42, withPad: " ", startingAt: 0)
            lines.append(label + " " + a.category.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                         + String(format: " %.2f [%.2f, %.2f]        %3.0f %%   %3.0f %%   %@          %@", a.peak(50), a.peak(5), a.peak(95),
                                  a.peakExceedance[0] * 100, a.peakExceedance[1] * 100,
                                  a.netZeroCO2.map(String.init) ?? "  - ", a.netZeroGHG.map(String.init) ?? "  - "))
        }
        return lines.joined(separator: "\n")
    }
}
