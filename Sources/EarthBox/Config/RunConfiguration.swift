/// A complete run configuration read from one namelist file: `&run` plus every parameter group.
public struct RunConfiguration: Sendable {
    public var run = RunSettings()
    public var model = ModelConfiguration()
    public var teaching = TeachingSettings()
    /// The file it came from (for error messages and the output's provenance).
    public var source = "(defaults)"
    /// The command line's `--set` changes applied on top of the file, in order.
    public var overrides: [NamelistOverride] = []

    public init() {}

    /// The groups of a run (`ConfigurationGroup.all` is the list).
    public static var groupNames: [String] { ConfigurationGroup.names(.run) }

    /// Reads and validates a namelist file: unknown groups or keys, wrong types and out-of-range values are
    /// errors naming the file, line and key; then checks that do not fit one key (year order, fractions that must sum ≤ 1).
    /// `overrides` (`--set group.key=value`) replace values of the file before decoding; an error in one names it.
    public static func load(path: String, overrides: [NamelistOverride] = []) throws(InputError) -> RunConfiguration {
        let namelist = try Namelist.load(path: path)
        do {
            var c = try from(namelist.applying(overrides))
            c.overrides = overrides
            return c
        } catch { throw error.locating(overrides) }
    }

    public static func from(_ namelist: Namelist) throws(InputError) -> RunConfiguration {
        // `&pathway` belongs to `earthbox pathway`; a run namelist may carry it so one file describes the pathway and its run.
        try NamelistDecoder.checkGroups(namelist, allowed: ConfigurationGroup.names(.run, .pathway))
        var c = RunConfiguration()
        c.source = namelist.file
        for group in ConfigurationGroup.run { try group.decode!(namelist, &c) }
        c.model.co2Mode = c.run.co2Mode
        c.model.otherGasMode = c.run.otherGasMode
        c.model.co2EmissionsStartYear = c.run.emissionsStartYear

        if let reason = PlainFileName.problem(c.run.resolvedRunName, suffixBytes: PlainFileName.runNameSuffixBytes) {
            throw namelist.error(group: "run", key: c.run.runName.isEmpty ? "pathway_file" : "run_name", "the run name \(reason)")
        }
        if c.run.endYear < c.run.startYear {
            throw namelist.error(group: "run", key: "end_year", "end_year (\(c.run.endYear)) is before start_year (\(c.run.startYear))")
        }
        if c.run.gridSpacing == .equalAngle && 180 % c.run.bands != 0 {
            throw namelist.error(group: "run", key: "bands", "bands (\(c.run.bands)) must divide 180 (1, 2, 3, 4, 5, 6, 9, 10, 12, 15, 18, 20, 30, 36, 45, 60, 90 or 180)")
        }
        if c.teaching.solarMinimum >= c.teaching.solarMaximum {
            throw namelist.error(group: "teaching", key: "solar_max", "solar_max (\(c.teaching.solarMaximum)) must exceed solar_min (\(c.teaching.solarMinimum))")
        }
        if let problem = consistencyProblem(c.model) {
            throw namelist.error(group: problem.group, key: problem.key, problem.message)
        }
        return c
    }

    /// Checks that tie several keys together (fractions that must sum ≤ 1, a soil pool that can be in steady state);
    /// also applied to every sampled ensemble member. Returns the group, key and message of the first problem.
    public static func consistencyProblem(_ model: ModelConfiguration) -> (group: String, key: String, message: String)? {
        // The ice-free albedo a0 + a2·P2(x) must be a reflectance, in [0, 1], at every latitude; P2 spans
        // [−1/2, 1], so its extremes are a0 + a2 (poles) and a0 − a2/2 (equator) (North et al. 1981).
        let z = model.zonal
        for (albedo, place) in [(z.albedoGlobal + z.albedoP2, "at the poles"), (z.albedoGlobal - z.albedoP2 / 2, "at the equator")]
        where !(0...1).contains(albedo) {
            return (ZonalParameters.groupName, "albedo_p2", "albedo_global + albedo_p2 P2(x) is \(albedo) \(place); an albedo must lie in [0, 1]")
        }
        let land = model.land
        if land.nppToVegetation + land.nppToLitter > 1 {
            return ("land", "npp_to_litter", "npp_to_vegetation + npp_to_litter = \(land.nppToVegetation + land.nppToLitter) exceeds 1")
        }
        if land.landUseFromVegetation + land.landUseFromLitter > 1 {
            return ("land", "land_use_from_litter", "land_use_from_vegetation + land_use_from_litter exceeds 1")
        }
        let litterInput = land.nppToLitter + land.vegetationTurnoverToLitter * land.nppToVegetation
        let soilDirect = (1 - land.nppToVegetation - land.nppToLitter) + (1 - land.vegetationTurnoverToLitter) * land.nppToVegetation
        let needed = land.preindustrialSoil / land.soilTurnoverYears / land.preindustrialNPP
        if needed < soilDirect || needed > soilDirect + litterInput {
            return ("land", "soil_turnover_time",
                    "soil_turnover_time \(land.soilTurnoverYears) yr cannot hold soil_preindustrial in steady state with this NPP and allocation")
        }
        return nil
    }

    /// The fully resolved configuration as namelist text (stored in the output for provenance).
    public var resolvedNamelist: String {
        ConfigurationGroup.run.map { $0.encode!(self) }.joined(separator: "\n")
    }

    /// What an output records of its configuration: the `--set` changes as comments, then the resolved namelist.
    public var namelistRecord: String { NamelistOverride.comments(overrides) + resolvedNamelist }

    /// The output file's name without extension: `run_name` if set; for a teaching lab the namelist file's name, so
    /// that a changed copy of a lab namelist does not overwrite the default's table; else the CMIP-style run name.
    public var outputName: String {
        if run.runName.isEmpty && run.experiment.isTeachingLab && source.hasSuffix(".nml") {
            let file = source.split(separator: "/").last.map(String.init) ?? source
            return String(file.dropLast(4))
        }
        return run.resolvedRunName
    }

    /// Markdown documentation of every parameter of every group (`earthbox parameters`).
    public static var documentation: String {
        ConfigurationGroup.all.map { $0.documentation() }.joined(separator: "\n")
    }
}
