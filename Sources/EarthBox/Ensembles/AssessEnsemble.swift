import Foundation

/// The ensemble `earthbox assess` runs every scenario through.
///
/// A parameter set is named (`--parameter-set NAME` reads `Namelists/parameter-sets/NAME.nml`, so the calibrated
/// ensemble of the calibration issue, `calibrated-v1`, drops in as one file) or given as any ensemble namelist
/// (`--ensemble PATH`). From the namelist only the base run (`&run` years, parameter groups), the `&priors`,
/// `members`, `seed`, `sampling` and `constrain` are used: its `scenarios` are replaced by the assessed ones and
/// only GSAT is stored per member.
public enum AssessEnsemble {
    public static let parameterSetDirectory = "Namelists/parameter-sets"
    /// The calibrated set (docs/calibration.md): probabilities by default come from it; `--ensemble
    /// Namelists/ensembles/assess.nml` is the former 600-member likelihood-weighted ensemble.
    public static let defaultNamelist = "Namelists/parameter-sets/calibrated-v1.nml"
    /// Label of the reference run the observational constraint weighs members on (RCMIP history + ssp245), so
    /// that a scenario's probabilities never depend on which other scenarios share its batch.
    public static let constraintReference = "EarthBox|historical-constraint (RCMIP ssp245)"

    /// The namelist a parameter set name or path stands for.
    public static func namelistPath(parameterSet: String?, ensemble: String?) throws(InputError) -> (path: String, name: String) {
        if let ensemble { return (ensemble, ensemble) }
        guard let name = parameterSet else { return (defaultNamelist, defaultNamelist) }
        let path = (parameterSetDirectory as NSString).appendingPathComponent(name + ".nml")
        guard FileManager.default.fileExists(atPath: path) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: parameterSetDirectory)) ?? []).filter { $0.hasSuffix(".nml") }
                .map { String($0.dropLast(4)) }.sorted()
            throw InputError(file: path, key: "--parameter-set",
                             message: "no parameter set '\(name)' (\(known.isEmpty ? "none is shipped yet" : "shipped: " + known.joined(separator: ", "))); pass --ensemble NAMELIST to use an ensemble namelist")
        }
        return (path, name)
    }

    /// The configuration: the namelist's sampling and constraint, `labels` as its scenarios (after the constraint
    /// reference when constrained), years from the namelist's start year to `endYear`, GSAT stored.
    public static func configuration(namelist path: String, labels: [String], endYear: Int, fingerprintText: String) throws(InputError) -> EnsembleConfiguration {
        let c = try EnsembleConfiguration.load(path: path)
        var base = c.base
        guard base.run.startYear <= 1850 else {
            throw InputError(file: path, key: "start_year", message: "assess measures warming from 1850-1900: start_year must be at most 1850")
        }
        base.run.endYear = endYear
        var settings = c.settings
        settings.scenarios = (settings.constrain ? [constraintReference] : []) + labels
        settings.outputVariables = ["tas"]
        return EnsembleConfiguration(base: base, settings: settings, priors: c.priors, samples: c.samples,
                                     namelistText: c.namelistText + "\n! assess: " + fingerprintText)
    }
}
