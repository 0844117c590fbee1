/// A complete run configuration read from one namelist file: `&run` plus every parameter group.
public struct RunConfiguration: Sendable {
    public var run = RunSettings()
    public var model = ModelConfiguration()
    public var teaching = TeachingSettings()
    /// The file it came from (for error messages and the output's provenance).
    public var source = "(defaults)"

    public init() {}

    public static let groupNames = [RunSettings.groupName, ClimateParameters.groupName, OceanParameters.groupName,
                                    OceanCarbonParameters.groupName, LandCarbonParameters.groupName, GasCycleParameters.groupName,
                                    ForcingAgentParameters.groupName, VariabilityParameters.groupName, ZonalParameters.groupName,
                                    TeachingSettings.groupName]

    /// Reads and validates a namelist file: unknown groups or keys, wrong types and out-of-range values are
    /// errors naming the file, line and key; then checks that do not fit one key (year order, fractions that must sum ≤ 1).
    public static func load(path: String) throws(InputError) -> RunConfiguration {
        let namelist = try Namelist.load(path: path)
        return try from(namelist)
    }

    public static func from(_ namelist: Namelist) throws(InputError) -> RunConfiguration {
        // `&pathway` belongs to `earthbox pathway`; a run namelist may carry it so one file describes the pathway and its run.
        try NamelistDecoder.checkGroups(namelist, allowed: groupNames + [PathwaySettings.groupName])
        var c = RunConfiguration()
        c.source = namelist.file
        c.run = try NamelistDecoder.decode(RunSettings.self, from: namelist)
        c.model.climate = try NamelistDecoder.decode(ClimateParameters.self, from: namelist)
        c.model.ocean = try NamelistDecoder.decode(OceanParameters.self, from: namelist)
        c.model.oceanCarbon = try NamelistDecoder.decode(OceanCarbonParameters.self, from: namelist)
        c.model.land = try NamelistDecoder.decode(LandCarbonParameters.self, from: namelist)
        c.model.gases = try NamelistDecoder.decode(GasCycleParameters.self, from: namelist)
        c.model.forcingAgents = try NamelistDecoder.decode(ForcingAgentParameters.self, from: namelist)
        c.model.variability = try NamelistDecoder.decode(VariabilityParameters.self, from: namelist)
        c.model.zonal = try NamelistDecoder.decode(ZonalParameters.self, from: namelist)
        c.teaching = try NamelistDecoder.decode(TeachingSettings.self, from: namelist)
        c.model.gridSpacing = LatitudeSpacing(rawValue: c.run.gridSpacing)!
        c.model.co2Mode = CarbonMode(rawValue: c.run.co2Mode)!
        c.model.otherGasMode = CarbonMode(rawValue: c.run.otherGasMode)!
        c.model.bands = c.run.bands

        if let reason = PlainFileName.problem(c.run.resolvedRunName, suffixBytes: PlainFileName.runNameSuffixBytes) {
            throw namelist.error(group: "run", key: c.run.runName.isEmpty ? "pathway_file" : "run_name", "the run name \(reason)")
        }
        if c.run.endYear < c.run.startYear {
            throw namelist.error(group: "run", key: "end_year", "end_year (\(c.run.endYear)) is before start_year (\(c.run.startYear))")
        }
        if c.model.gridSpacing == .equalAngle && 180 % c.run.bands != 0 {
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
        [NamelistEncoder.encode(run), NamelistEncoder.encode(model.climate), NamelistEncoder.encode(model.ocean),
         NamelistEncoder.encode(model.oceanCarbon), NamelistEncoder.encode(model.land), NamelistEncoder.encode(model.gases),
         NamelistEncoder.encode(model.forcingAgents), NamelistEncoder.encode(model.variability),
         NamelistEncoder.encode(model.zonal), NamelistEncoder.encode(teaching)].joined(separator: "\n")
    }

    /// Markdown documentation of every parameter.
    public static var documentation: String {
        [NamelistEncoder.documentation(RunSettings.self), NamelistEncoder.documentation(ClimateParameters.self),
         NamelistEncoder.documentation(OceanParameters.self), NamelistEncoder.documentation(OceanCarbonParameters.self),
         NamelistEncoder.documentation(LandCarbonParameters.self), NamelistEncoder.documentation(GasCycleParameters.self),
         NamelistEncoder.documentation(ForcingAgentParameters.self), NamelistEncoder.documentation(VariabilityParameters.self),
         NamelistEncoder.documentation(ZonalParameters.self), NamelistEncoder.documentation(TeachingSettings.self),
         NamelistEncoder.documentation(PathwaySettings.self)].joined(separator: "\n")
    }
}
