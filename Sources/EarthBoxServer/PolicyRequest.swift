import EarthBox
import Foundation

/// The settings of one policy-page run, read from a request's flat `key=value` parameters (query string or a
/// JSON object) and checked by the namelist fields themselves: every value goes through the same
/// `NamelistField` type and range check, with the same message, as the key written in a namelist file.
/// Only the keys below are accepted: a client can name no file, no folder and no other namelist key.
public struct PolicyRequest: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable { case ensemble, single }
    public enum Weighting: String, Sendable, CaseIterable { case constrained, prior }

    public var mode = Mode.ensemble
    public var weighting = Weighting.constrained
    public var scenario = "ssp245"
    /// Nil = the base SSP as it is (no pathway).
    public var pathway: PathwaySettings?
    /// The single-member physics (ensemble members carry their own sampled values).
    public var climate = ClimateParameters()
    public var forcing = ForcingAgentParameters()
    /// How the pathway's removals are split between the CDR routes (used only with a pathway).
    public var removal = RemovalByType()

    public init() {}

    /// Parameters that are namelist keys, by the group they belong to (`&run scenario`, `&pathway`, `&climate`, `&forcing`).
    public static let pathwayKeys = ["region", "peak_year", "peak_emissions", "net_zero_year", "decline_shape", "decline_steepness",
                                     "residual_emissions", "removal_rate", "removal_years", "non_co2_fraction"]
    public static let climateKeys = ["equilibrium_climate_sensitivity"]
    public static let forcingKeys = ["aerosol_radiation_scale", "aerosol_cloud_scale"]
    public static let removalKeys = RemovalByType.fields.map(\.key)
    /// Parameters of the simulator itself (not namelist keys).
    public static let controlKeys = ["mode", "weighting", "scenario", "pathway", "client"]
    public static var allKeys: [String] { controlKeys + pathwayKeys + removalKeys + climateKeys + forcingKeys }

    /// A request problem: the parameter it is about and the message (namelist messages for namelist keys).
    public struct Problem: Error, Equatable, Sendable {
        public let field: String?
        public let message: String
        public init(field: String?, message: String) { self.field = field; self.message = message }
        public var text: String { field.map { "'\($0)': \(message)" } ?? message }
    }

    /// Reads `parameters` (name → value text). The last value of a repeated name counts.
    public static func parse(_ parameters: [(String, String)], regions: [String]) throws(Problem) -> PolicyRequest {
        var values: [String: String] = [:]
        for (name, value) in parameters {
            guard allKeys.contains(name) else {
                throw Problem(field: name, message: "unknown parameter (valid: \(allKeys.joined(separator: ", ")))")
            }
            guard value.utf8.count <= 64 else { throw Problem(field: name, message: "value longer than 64 characters") }
            values[name] = value
        }
        var r = PolicyRequest()
        if let m = values["mode"] {
            guard let mode = Mode(rawValue: m) else { throw Problem(field: "mode", message: "must be 'ensemble' or 'single', got '\(m)'") }
            r.mode = mode
        }
        if let w = values["weighting"] {
            guard let weighting = Weighting(rawValue: w) else { throw Problem(field: "weighting", message: "must be 'constrained' or 'prior', got '\(w)'") }
            r.weighting = weighting
        }
        // The namelist groups the request sets, decoded by the parameter groups' own fields.
        func entries(_ keys: [String]) -> [NamelistEntry] {
            keys.compactMap { key in values[key].map { NamelistEntry(key: key, values: [namelistValue($0)], line: 1) } }
        }
        let run = NamelistGroupBlock(name: RunSettings.groupName, line: 1, entries: entries(["scenario"]))
        let pathwayOn = values["pathway"].map { ["1", "on", "true"].contains($0) } ?? false
        if let p = values["pathway"], !["0", "1", "on", "off", "true", "false"].contains(p) {
            throw Problem(field: "pathway", message: "must be 'on' or 'off', got '\(p)'")
        }
        let namelist = Namelist(file: "request", groups: [
            run,
            NamelistGroupBlock(name: PathwaySettings.groupName, line: 1, entries: entries(pathwayKeys)),
            NamelistGroupBlock(name: ClimateParameters.groupName, line: 1, entries: entries(climateKeys)),
            NamelistGroupBlock(name: ForcingAgentParameters.groupName, line: 1, entries: entries(forcingKeys)),
            NamelistGroupBlock(name: RemovalByType.groupName, line: 1, entries: entries(removalKeys)),
        ])
        var pathway: PathwaySettings?
        do {
            r.scenario = try NamelistDecoder.decode(RunSettings.self, from: namelist).scenario
            r.climate = try NamelistDecoder.decode(ClimateParameters.self, from: namelist)
            r.forcing = try NamelistDecoder.decode(ForcingAgentParameters.self, from: namelist)
            if pathwayOn {
                pathway = try NamelistDecoder.decode(PathwaySettings.self, from: namelist)
                r.removal = try NamelistDecoder.decode(RemovalByType.self, from: namelist)
            }
        } catch {
            throw Problem(field: error.key, message: error.message)
        }
        if var p = pathway {
            if values["region"] == nil { p.region = "World" }
            guard regions.contains(p.region) else {
                throw Problem(field: "region", message: "unknown region '\(p.region)' (valid: \(regions.joined(separator: ", ")))")
            }
            r.pathway = p
        }
        return r
    }

    /// A parameter's text as a namelist value: a finite number (integer if written without a fraction), a
    /// logical, else a string, so that a wrong type gets the namelist's "expected …, got …" message.
    static func namelistValue(_ text: String) -> NamelistValue {
        if let i = Int(text) { return .integer(i) }
        if let x = Double(text), x.isFinite, text.allSatisfy({ "0123456789+-.eE".contains($0) }) { return .real(x) }
        switch text.lowercased() {
        case "true", ".true.": return .logical(true)
        case "false", ".false.": return .logical(false)
        default: return .string(text)
        }
    }

    /// The request as flat parameters (the shareable URL's fragment and the test's reference).
    public var parameters: [(String, String)] {
        var out: [(String, String)] = [("mode", mode.rawValue), ("weighting", weighting.rawValue), ("scenario", scenario),
                                       ("pathway", pathway == nil ? "off" : "on")]
        if let p = pathway {
            out += [("region", p.region), ("peak_year", String(p.peakYear)), ("peak_emissions", p.peakEmissions.description),
                    ("net_zero_year", String(p.netZeroYear)), ("decline_shape", p.declineShape),
                    ("decline_steepness", p.declineSteepness.description), ("residual_emissions", p.residualEmissions.description),
                    ("removal_rate", p.removalRate.description), ("removal_years", String(p.removalYears)),
                    ("non_co2_fraction", p.nonCO2Fraction.description)]
            out += RemovalByType.fields.map { ($0.key, $0.defaultText(of: removal)) }
        }
        out += [("equilibrium_climate_sensitivity", climate.equilibriumClimateSensitivity.description),
                ("aerosol_radiation_scale", forcing.aerosolRadiationScale.description),
                ("aerosol_cloud_scale", forcing.aerosolCloudScale.description)]
        return out
    }

    /// The run's name (namelist, file names).
    public var runName: String {
        "web-" + (pathway.map { "\($0.region.lowercased())-p\($0.peakYear)-nz\($0.netZeroYear)" } ?? "base") + "-" + scenario
    }

    /// The namelist `earthbox pathway` + `earthbox run` turn into exactly this single-member run (pathway file
    /// and output under `folder`), so a user can reproduce, archive or extend what the page showed.
    public func namelistText(folder: String, historyFile: String, endYear: Int) -> String {
        let name = runName
        var text = """
        ! Written by `earthbox serve` for the settings of the policy page (single member).
        !   earthbox pathway THIS.nml && earthbox run THIS.nml
        &run
          experiment = 'scenario'
          scenario = '\(scenario)'
          start_year = 1750
          end_year = \(endYear)
          run_name = '\(name)'
          forcing_directory = 'Forcing'
          output_directory = '\(folder)'

        """
        if pathway != nil && removal.isActive {
            text += "  co2_emissions_file = '\(folder)/\(name)-removals.csv'   ! /api/policy.removals.csv: the removal by type below\n"
        }
        if let p = pathway {
            text += "  pathway_file = '\(folder)/\(name).csv'\n/\n"
            text += """
            &pathway
              region = '\(p.region)'
              peak_year = \(p.peakYear)
              peak_emissions = \(p.peakEmissions)
              net_zero_year = \(p.netZeroYear)
              decline_shape = '\(p.declineShape)'
              decline_steepness = \(p.declineSteepness)
              residual_emissions = \(p.residualEmissions)
              removal_rate = \(p.removalRate)
              removal_years = \(p.removalYears)
              non_co2_fraction = \(p.nonCO2Fraction)
              history_file = '\(historyFile)'
            /

            """
            if removal.isActive {
                text += "! CO2 removal by type (the page's &removal_by_type, written into co2_emissions_file):\n"
                text += RemovalByType.fields.map { "!   \($0.key) = \($0.defaultText(of: removal))\n" }.joined()
            }
        } else {
            text += "/\n"
        }
        text += """
        &climate
          equilibrium_climate_sensitivity = \(climate.equilibriumClimateSensitivity)
        /
        &forcing
          aerosol_radiation_scale = \(forcing.aerosolRadiationScale)
          aerosol_cloud_scale = \(forcing.aerosolCloudScale)
        /

        """
        return text
    }
}
