import EarthBox
import Foundation

/// The four teaching labs of `docs/teaching.md`, run from their shipped namelists with the page's one or two
/// parameters set on top: the values go through the namelist fields (same checks and messages), the lab through
/// `TeachingLab.table`, exactly as `earthbox run Namelists/teaching/<lab>.nml` with those keys added.
public struct LabService: Sendable {
    /// A lab parameter: the query name, the namelist group and key it sets, and the slider.
    public struct Parameter: Sendable {
        public let name: String, group: String, label: String, unit: String
        public let minimum: Double, maximum: Double, step: Double, initial: Double
        /// Lab lists (mixed-layer depths, diffusivities) get the slider value appended to the namelist's own list.
        public let appendsToList: Bool
    }

    public struct Lab: Sendable {
        public let name: String, title: String
        public let parameters: [Parameter]
        /// What to look for (docs/teaching.md "What it shows").
        public let lookFor: [String]
    }

    public static let labs: [Lab] = [
        Lab(name: "snowball-hysteresis", title: "Snowball-Earth hysteresis",
            parameters: [
                Parameter(name: "meridional_diffusivity", group: "zonal", label: "Meridional heat transport D", unit: "W m⁻² K⁻¹",
                          minimum: 0.2, maximum: 1.0, step: 0.005, initial: ZonalParameters().meridionalDiffusivity, appendsToList: false),
                Parameter(name: "ice_albedo", group: "zonal", label: "Ice albedo", unit: "", minimum: 0.5, maximum: 0.7, step: 0.01, initial: ZonalParameters().iceAlbedo, appendsToList: false),
            ],
            lookFor: ["Follow the ice edge as the Sun brightens: the polar cap shrinks, then vanishes at once from an edge near 78°N (small-ice-cap instability, North 1984).",
                      "Dim the Sun: the ice line creeps equatorward until, at about 1259 W m⁻² (7.5 % below today), it jumps from ~34° to the equator — a snowball.",
                      "Brighten it again: the snowball only thaws above ~1834 W m⁻². Between the two thresholds the same Sun allows two climates; history decides which."]),
        Lab(name: "feedback-switches", title: "What sets climate sensitivity",
            parameters: [
                Parameter(name: "equilibrium_climate_sensitivity", group: "climate", label: "Climate sensitivity (ECS)", unit: "K",
                          minimum: 1.5, maximum: 6, step: 0.1, initial: ClimateParameters().equilibriumClimateSensitivity, appendsToList: false),
                Parameter(name: "ice_albedo_transmission", group: "zonal", label: "Ice-albedo change felt at the top of the atmosphere", unit: "",
                          minimum: 0, maximum: 1, step: 0.05, initial: ZonalParameters().iceAlbedoTransmission, appendsToList: false),
            ],
            lookFor: ["The ice-albedo feedback adds ~0.7 K to a 3 K sensitivity (compare bars 1 and 2).",
                      "Moving heat to the weak-feedback high latitudes adds warming too: the global sensitivity depends on where the warming happens (bar 3).",
                      "The ocean changes when, not how much: a mixed layer alone reaches 63 % in ~5 years, the full ocean needs decades (case 6 vs 1)."]),
        Lab(name: "zero-emission-commitment", title: "Zero-emission commitment",
            parameters: [
                Parameter(name: "emissions_stop_year", group: "teaching", label: "Last year with CO2 emissions", unit: "",
                          minimum: 2020, maximum: 2100, step: 5, initial: 2030, appendsToList: false),
                Parameter(name: "co2_fertilisation", group: "land", label: "CO2 fertilisation β (how much the land helps)", unit: "",
                          minimum: 0, maximum: 1, step: 0.05, initial: LandCarbonParameters().co2Fertilisation, appendsToList: false),
            ],
            lookFor: ["Warming stays nearly flat for decades after CO2 emissions stop (ZEC ≈ 0, MacDougall et al. 2020): the ocean keeps taking heat, but also carbon.",
                      "CO2 falls; the land sink shrinks towards a small source.",
                      "Sea level keeps rising for centuries."]),
        Lab(name: "ocean-depth", title: "The ocean and the transient response",
            parameters: [
                Parameter(name: "mixed_layer_depths", group: "teaching", label: "Your mixed-layer depth", unit: "m",
                          minimum: 10, maximum: 300, step: 5, initial: 100, appendsToList: true),
                Parameter(name: "diffusivities", group: "teaching", label: "Your vertical diffusivity", unit: "cm² s⁻¹",
                          minimum: 0.05, maximum: 5, step: 0.05, initial: 1, appendsToList: true),
            ],
            lookFor: ["TCR falls from ~2.0 to ~1.45 K as the ocean mixes heat down faster, although the ECS is 3 K in every case (Hansen et al. 1985).",
                      "A deeper mixed layer slows the first years; the diffusivity matters for decades."]),
    ]

    public let namelistDirectory: String
    public let forcingDirectory: String

    public init(namelistDirectory: String = "Namelists/teaching", forcingDirectory: String = "Forcing") {
        self.namelistDirectory = namelistDirectory
        self.forcingDirectory = forcingDirectory
    }

    /// Runs lab `name` with `parameters` (query name → value text); problems are `PolicyRequest.Problem`s.
    public func table(_ name: String, parameters: [(String, String)]) throws(PolicyRequest.Problem) -> LabTable {
        guard let lab = Self.labs.first(where: { $0.name == name }) else {
            throw PolicyRequest.Problem(field: nil, message: "unknown lab '\(name)' (valid: \(Self.labs.map(\.name).joined(separator: ", ")))")
        }
        do {
            let shipped = try Namelist.load(path: (namelistDirectory as NSString).appendingPathComponent(name + ".nml"))
            var groups = shipped.groups
            for (key, text) in parameters {
                guard let p = lab.parameters.first(where: { $0.name == key }) else {
                    throw InputError(file: "request", key: key, message: "not a parameter of this lab (valid: \(lab.parameters.map(\.name).joined(separator: ", ")))")
                }
                guard text.utf8.count <= 64 else { throw InputError(file: "request", key: key, message: "value longer than 64 characters") }
                let value = PolicyRequest.namelistValue(text)
                let index = groups.firstIndex { $0.name == p.group }
                let old = index.map { groups[$0].entries } ?? []
                var values = [value]
                if p.appendsToList, let list = old.first(where: { $0.key == key }) { values = list.values + [value] }
                else if p.appendsToList { values = Self.defaultList(key) + [value] }
                let entries = old.filter { $0.key != key } + [NamelistEntry(key: key, values: values, line: 1)]
                let block = NamelistGroupBlock(name: p.group, line: 1, entries: entries)
                if let index { groups[index] = block } else { groups.append(block) }
            }
            var configuration = try RunConfiguration.from(Namelist(file: "request", groups: groups))
            configuration.run.forcingDirectory = forcingDirectory
            return try TeachingLab.table(for: configuration, teaching: configuration.teaching)
        } catch let error as InputError {
            throw PolicyRequest.Problem(field: error.key, message: error.message)
        } catch {
            throw PolicyRequest.Problem(field: nil, message: "\(error)")
        }
    }

    static func defaultList(_ key: String) -> [NamelistValue] {
        let t = TeachingSettings()
        return (key == "mixed_layer_depths" ? t.mixedLayerDepths : t.diffusivities).map(NamelistValue.real)
    }
}
