/// The `&ensemble` group: how many members, which scenarios, how they are sampled, constrained and written.
public struct EnsembleSettings: Sendable, Equatable {
    /// Parameter samples (each one a set of values drawn from the `&priors`).
    public var members = 100
    /// SSPs each member runs (historical + SSP, emission- or concentration-driven by `&run co2_mode`).
    public var scenarios = ["ssp245"]
    /// Seed of the Latin-hypercube sampling and of the members' internal-variability streams.
    public var seed = 20_251_124
    /// `latin_hypercube` (stratified: McKay, Beckman & Conover 1979, Technometrics 21, 239) or `random` (plain Monte Carlo).
    public var sampling = SamplingMethod.latinHypercube
    /// Internal-variability realisations per parameter sample (> 1 needs `&variability enabled = .true.`).
    public var variabilityRealisations = 1
    /// Weight members by their likelihood against the observations (GMST, CO2, ocean heat, GCB sinks).
    public var constrain = true
    /// Run abrupt-4xCO2 (150 yr) and 1pctCO2 (80 yr) per sample for ECS, TCR and TCRE.
    public var climateMetrics = true
    /// Annual diagnostics stored per member and scenario (names as in the single-run output).
    public var outputVariables = ["tas_anomaly", "co2", "ohc", "fgco2_global", "nbp_global"]
    /// Folder holding the observation files (copies of ../shared/data/observations; see Observations/README.md).
    public var observationsDirectory = "Observations"
    /// A parameter set from `earthbox calibrate` (CSV, e.g. `Calibration/earthbox-calibrated-v1.csv`): its rows are the
    /// members, equally weighted, instead of samples of `&priors`; empty = sample the priors.
    public var parameterFile = ""
    /// Folder of the restart journal (one file per finished task); empty = no journal, no `--resume`.
    public var journalDirectory = ""
    /// Deflate level of the ensemble file's large variables: 0 stores them uncompressed (fastest to write and
    /// read), 1 (zlib's fastest, the default) already gets most of the size, 9 the smallest file.
    public var compressionLevel = 1

    public init() {}
}

/// How the unit hypercube of the priors is sampled.
public enum SamplingMethod: String, Sendable, CaseIterable {
    /// Stratified in every dimension (McKay, Beckman & Conover 1979, Technometrics 21, 239).
    case latinHypercube = "latin_hypercube"
    /// Plain Monte Carlo.
    case random
}

extension EnsembleSettings: NamelistGroup {
    public static let groupName = "ensemble"
    public static let fields: [NamelistField<EnsembleSettings>] = [
        .integer("members", \.members, range: 1...1_000_000, unit: "1", "parameter samples (members before variability realisations)"),
        .stringList("scenarios", \.scenarios, allowed: RunSettings.scenarios, count: 1...8, "SSP scenarios every member runs"),
        .integer("seed", \.seed, range: 0...Int.max, unit: "1", "seed of the sampling and of the members' variability streams"),
        .choice("sampling", \.sampling, "Latin hypercube (McKay et al. 1979) or plain random sampling"),
        .integer("variability_realisations", \.variabilityRealisations, range: 1...1000, unit: "1",
                 "internal-variability realisations per parameter sample (needs &variability enabled)"),
        .logical("constrain", \.constrain, "weight members against observed GMST, CO2, ocean heat and GCB sinks"),
        .logical("climate_metrics", \.climateMetrics, "run abrupt-4xCO2 and 1pctCO2 per sample for ECS, TCR, TCRE"),
        .stringList("output_variables", \.outputVariables, allowed: Diagnostic.allCases.map(\.name) + ["tas"], count: 1...Diagnostic.count,
                    "annual diagnostics stored per member and scenario"),
        .string("observations_directory", \.observationsDirectory, allowed: nil, "folder holding the observation CSV files"),
        .string("parameter_file", \.parameterFile, allowed: nil, "posterior parameter set (CSV of earthbox calibrate) whose rows are the members; empty: sample &priors"),
        .string("journal_directory", \.journalDirectory, allowed: nil, "restart journal folder (empty: none); needed for --resume"),
        .integer("compression_level", \.compressionLevel, range: 0...9, unit: "1", "deflate level of the output file (0: none, 1: fastest, 9: smallest)"),
    ]
}
