/// Every emitted species EarthBox carries, with the IAMC and RCMIP variable names that mean it, the units a file
/// may give it in, and its AR6 GWP100 (for the Kyoto-gas total).
///
/// One table, so the reader, the harmoniser, the infiller and the writers agree on names and units.
public struct EmissionSpecies: Sendable, Equatable {
    /// The forcing-file column name (`co2_fossil`, `ch4`, `hfc134a`, …); also the key of the species everywhere.
    public let name: String
    /// Column in a `DriverSeries` row.
    public let column: Int
    /// The variable EarthBox writes (IAMC common definitions where they have one).
    public let iamcVariable: String
    /// Every variable name a file may use for this species (IAMC common definitions and RCMIP v5.1.0).
    public let variables: [String]
    /// The model's unit, as printed.
    public let modelUnit: String
    /// Substance in a unit (normalised: lower case, no '-', ' ', '_') → factor from Mt of that substance to Mt of
    /// the model's substance.
    public let substances: [String: Double]
    /// Mt of the model's substance → the model unit (1e-3 for PgC, 1e3 for kt of a halogenated gas).
    public let modelScale: Double
    /// AR6 WG1 Table 7.SM.7 GWP100 (Forster et al. 2021; openscm-units context AR6GWP100); nil if not a Kyoto gas.
    public let gwp100: Double?
    /// The F-gas family for the harmonisation choice ("HFC", "PFC", "SF6", "NF3", or "" for the rest).
    public let family: String

    /// Index of `name` in `all`.
    public static func index(_ name: String) -> Int? { all.firstIndex { $0.name == name } }

    // Molar masses from IUPAC 2013 standard atomic weights (C 12.011, H 1.008, N 14.007, O 15.999, S 32.06).
    static let carbonPerCO2 = 12.011 / 44.009
    static let n2oPerN = 44.013 / 28.014
    static let so2PerS = 64.058 / 32.06
    static let no2PerN = 46.005 / 14.007
    static let nh3PerN = 17.031 / 14.007

    public static let all: [EmissionSpecies] = {
        var list: [EmissionSpecies] = []
        func add(_ name: String, _ column: Int, _ iamc: String, _ aliases: [String], unit: String,
                 _ substances: [String: Double], scale: Double = 1, gwp: Double? = nil) {
            list.append(EmissionSpecies(name: name, column: column, iamcVariable: iamc, variables: [iamc] + aliases, modelUnit: unit,
                                        substances: substances, modelScale: scale, gwp100: gwp, family: ""))
        }
        let co2: [String: Double] = ["co2": carbonPerCO2, "c": 1]
        add("co2_fossil", DriverColumns.co2Fossil, "Emissions|CO2|Energy and Industrial Processes",
            ["Emissions|CO2|MAGICC Fossil and Industrial", "Emissions|CO2|Fossil and Industrial", "Emissions|CO2|Fossil"],
            unit: "PgC/yr", co2, scale: 1e-3, gwp: 1)
        add("co2_afolu", DriverColumns.co2LandUse, "Emissions|CO2|AFOLU", ["Emissions|CO2|MAGICC AFOLU"], unit: "PgC/yr", co2, scale: 1e-3, gwp: 1)
        add("ch4", DriverColumns.methane, "Emissions|CH4", [], unit: "Mt CH4/yr", ["ch4": 1], gwp: 27.9)
        add("n2o", DriverColumns.nitrousOxide, "Emissions|N2O", [], unit: "Mt N2O/yr", ["n2o": 1, "n2on": n2oPerN, "n": n2oPerN], gwp: 273)
        add("sulfur", DriverColumns.sulfur, "Emissions|Sulfur", ["Emissions|SO2"], unit: "Mt SO2/yr", ["so2": 1, "s": so2PerS])
        add("bc", DriverColumns.blackCarbon, "Emissions|BC", [], unit: "Mt BC/yr", ["bc": 1])
        add("oc", DriverColumns.organicCarbon, "Emissions|OC", [], unit: "Mt OC/yr", ["oc": 1])
        // RCMIP/CEDS NOx is mass of NO2 (Hoesly et al. 2018), so NOx and NO2 units are the same thing.
        add("nox", DriverColumns.nitrogenOxides, "Emissions|NOx", [], unit: "Mt NOx/yr", ["nox": 1, "no2": 1, "n": no2PerN])
        add("nox_aviation", DriverColumns.aviationNOx, "Emissions|NOx|Energy|Demand|Transportation|Aviation",
            ["Emissions|NOx|MAGICC Fossil and Industrial|Aircraft"], unit: "Mt NOx/yr", ["nox": 1, "no2": 1, "n": no2PerN])
        add("co", DriverColumns.carbonMonoxide, "Emissions|CO", [], unit: "Mt CO/yr", ["co": 1])
        add("nmvoc", DriverColumns.volatileOrganics, "Emissions|VOC", ["Emissions|NMVOC"], unit: "Mt VOC/yr", ["voc": 1, "nmvoc": 1])
        add("nh3", DriverColumns.ammonia, "Emissions|NH3", [], unit: "Mt NH3/yr", ["nh3": 1, "n": nh3PerN])
        for (i, gas) in HalogenatedGasTable.all.enumerated() {
            let display = displayName[gas.name] ?? gas.name.uppercased()
            let family = gas.name.hasPrefix("hfc") ? "HFC" : pfcs.contains(gas.name) ? "PFC" : gas.name == "sf6" ? "SF6" : gas.name == "nf3" ? "NF3" : ""
            let iamc: String, aliases: [String]
            if gas.isMontrealGas {
                let cfc = gas.name.hasPrefix("cfc") ? "CFC|" : ""
                iamc = "Emissions|Montreal Gases|\(cfc)\(display)"
                aliases = cfc.isEmpty ? [] : ["Emissions|Montreal Gases|\(display)"]
            } else if family == "HFC" || family == "PFC" {
                iamc = "Emissions|\(family)|\(display)"
                aliases = ["Emissions|F-Gases|\(family)|\(rcmipName[gas.name] ?? display)", "Emissions|\(display)"]
            } else {
                iamc = "Emissions|\(display)"
                aliases = ["Emissions|F-Gases|\(display)"]
            }
            var substances: [String: Double] = [gas.name: 1]
            substances[normalised(display)] = 1
            if let r = rcmipName[gas.name] { substances[normalised(r)] = 1 }
            list.append(EmissionSpecies(name: gas.name, column: DriverColumns.halogenEmissions + i, iamcVariable: iamc,
                                        variables: [iamc] + aliases, modelUnit: "kt \(display)/yr", substances: substances,
                                        modelScale: 1e3, gwp100: gwp100[gas.name], family: family))
        }
        return list
    }()

    static let pfcs: Set<String> = ["c2f6", "c3f8", "c4f10", "c5f12", "c6f14", "c7f16", "c8f18", "cf4", "cc4f8"]
    /// Names as IAMC common definitions and RCMIP spell them where the lower-case column name is not enough.
    static let displayName: [String: String] = [
        "hfc134a": "HFC134a", "hfc143a": "HFC143a", "hfc152a": "HFC152a", "hfc227ea": "HFC227ea", "hfc236fa": "HFC236fa",
        "hfc245fa": "HFC245fa", "hfc365mfc": "HFC365mfc", "hfc4310mee": "HFC43-10", "cc4f8": "cC4F8", "ccl4": "CCl4",
        "ch2cl2": "CH2Cl2", "ch3br": "CH3Br", "ch3ccl3": "CH3CCl3", "ch3cl": "CH3Cl", "chcl3": "CHCl3", "hcfc141b": "HCFC141b",
        "hcfc142b": "HCFC142b", "hcfc22": "HCFC22", "halon1202": "Halon1202", "halon1211": "Halon1211", "halon1301": "Halon1301",
        "halon2402": "Halon2402",
    ]
    static let rcmipName: [String: String] = ["hfc4310mee": "HFC4310mee"]
    /// AR6 WG1 Table 7.SM.7 GWP100 of the Kyoto F-gases (values as openscm-units' AR6GWP100 context carries them).
    static let gwp100: [String: Double] = [
        "hfc125": 3740, "hfc134a": 1530, "hfc143a": 5810, "hfc152a": 164, "hfc227ea": 3600, "hfc23": 14600, "hfc236fa": 8690,
        "hfc245fa": 962, "hfc32": 771, "hfc365mfc": 914, "hfc4310mee": 1600, "nf3": 17400, "c2f6": 12400, "c3f8": 9290,
        "c4f10": 10000, "c5f12": 9220, "c6f14": 8620, "c7f16": 8410, "c8f18": 8260, "cf4": 7380, "cc4f8": 10200, "sf6": 25200,
    ]

    static func normalised(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { !["-", " ", "_", "."].contains($0) })
    }

    /// Variable name (exact) → species index.
    public static let byVariable: [String: Int] = {
        var map: [String: Int] = [:]
        for (i, s) in all.enumerated() { for v in s.variables { map[v] = i } }
        return map
    }()

    /// Aggregates a file may carry that EarthBox does not split (CO2-equivalent baskets): accepted with a note.
    public static let aggregates = ["Emissions|Kyoto Gases", "Emissions|GHG", "Emissions|F-Gases", "Emissions|HFC", "Emissions|PFC",
                                    "Emissions|F-Gases|HFC", "Emissions|F-Gases|PFC", "Emissions|Montreal Gases",
                                    "Emissions|Montreal Gases|CFC"]
    /// The CO2 total, checked against (or completed from) its fossil and AFOLU parts.
    public static let co2Total = "Emissions|CO2"

    /// The factor from a value in `unit` to the model unit, or a message saying why the unit does not fit.
    /// Units are `<prefix> <substance>/yr` (also `yr-1`, `/a`), prefix t, kt, Mt, Gt (or Gg, Tg, Pg).
    public func factor(unit: String) -> Result<Double, UnitProblem> {
        var u = unit.trimmingCharacters(in: .whitespaces)
        var per = false
        for suffix in ["/yr", "/ yr", " yr-1", " yr^-1", "/a", " / yr", " a-1"] where u.hasSuffix(suffix) {
            u = String(u.dropLast(suffix.count)); per = true; break
        }
        guard per else { return .failure(UnitProblem(message: "unit '\(unit)' is not a rate: write it per year, e.g. '\(example)'")) }
        u = u.trimmingCharacters(in: .whitespaces)
        let prefixes: [(String, Double)] = [("Pg", 1e3), ("Tg", 1), ("Gg", 1e-3), ("Gt", 1e3), ("Mt", 1), ("kt", 1e-3), ("t", 1e-6)]
        guard let (prefix, scale) = prefixes.first(where: { u.hasPrefix($0.0) }) else {
            return .failure(UnitProblem(message: "unit '\(unit)' has no mass prefix t, kt, Mt or Gt (e.g. '\(example)')"))
        }
        let substance = Self.normalised(String(u.dropFirst(prefix.count)))
        if substance.contains("equiv") || substance.hasSuffix("eq") || substance == "co2e" {
            return .failure(UnitProblem(message: "unit '\(unit)' is a CO2-equivalent; give the mass of the species itself (e.g. '\(example)')"))
        }
        guard let f = substances[substance] else {
            return .failure(UnitProblem(message: "unit '\(unit)': '\(u.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces))' is not a substance "
                                        + "this variable can be given in (\(substances.keys.sorted().joined(separator: ", ")))"))
        }
        return .success(scale * f * modelScale)
    }

    var example: String { name.hasPrefix("co2") ? "Mt CO2/yr" : modelUnit == "Mt N2O/yr" ? "kt N2O/yr" : modelUnit }

    public struct UnitProblem: Error, Sendable { public let message: String }
}
