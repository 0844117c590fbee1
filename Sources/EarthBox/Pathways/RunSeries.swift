import Foundation

/// The annual series of one run (or one ensemble member) that the pathway comparison needs, read from EarthBox
/// NetCDF output. Runs are grouped into pathways by `label` (the run's experiment_id); several runs with the
/// same label are members of one ensemble, which is what an ensemble file with a `member` dimension also yields.
public struct RunSeries: Sendable {
    public var label: String
    /// The base SSP and the pathway file (empty for a plain SSP run), from the run's stored namelist.
    public var baseScenario: String
    public var pathwayFile: String
    public var firstYear: Int
    /// Diagnostic name → one value per year.
    public var series: [String: [Double]]
    /// Ocean temperature change by layer (year-major) and the layer thicknesses, m.
    public var layerTemperature: [Double]
    public var layerThickness: [Double]
    /// The run's model configuration (from its stored namelist; defaults if absent), for the fast/slow split.
    public var model: ModelConfiguration
    /// Area-weighted global land fraction of the run's grid.
    public var landFraction: Double
    /// The member's ensemble weight (the file's `weight`; 1 for a run file).
    public var weight: Double = 1

    public init(label: String, baseScenario: String, pathwayFile: String, firstYear: Int, series: [String: [Double]],
                layerTemperature: [Double], layerThickness: [Double], model: ModelConfiguration, landFraction: Double) {
        self.label = label; self.baseScenario = baseScenario; self.pathwayFile = pathwayFile; self.firstYear = firstYear
        self.series = series; self.layerTemperature = layerTemperature; self.layerThickness = layerThickness
        self.model = model; self.landFraction = landFraction
    }

    public static let needed = ["tas", "co2", "fgco2_global", "nbp_global", "zostoga", "emissions_co2_fossil",
                                "emissions_co2_land_use", "erf", "eei", "deep_ocean_heat_uptake"]

    public var yearCount: Int { series["tas"]?.count ?? 0 }
    public var lastYear: Int { firstYear + yearCount - 1 }
    public var years: [Int] { (0..<yearCount).map { firstYear + $0 } }
    public var isPathway: Bool { !pathwayFile.isEmpty }

    public func value(_ name: String, _ year: Int) -> Double? {
        guard year >= firstYear, year <= lastYear, let s = series[name] else { return nil }
        return s[year - firstYear]
    }

    /// The variable holding series `name` in a file: the warming is `tas_anomaly` (`tas` in files written before).
    static func variable(_ name: String, in d: Dataset) -> Variable? {
        name == "tas" ? d.variable(Diagnostic.surfaceTemperature.name) ?? d.variable("tas") : d.variable(name)
    }

    /// Reads a run file, or every member of an ensemble file (dimension `member`, variables `tas_anomaly(member, time)`
    /// or `tas_anomaly(scenario, member, time)` with labels in the string coordinate `scenario`).
    public static func load(path: String) throws -> [RunSeries] {
        let d = try NetCDF.read(path: path)
        func text(_ name: String) -> String? { if case .text(let t)? = d.globalAttribute(name) { return t }; return nil }
        var base = "", pathway = "", model = ModelConfiguration()
        if let nml = text("namelist"), let namelist = try? Namelist.parse(text: nml, file: path) {
            if let c = try? RunConfiguration.from(namelist) {
                base = c.run.scenario; pathway = c.run.pathwayFile; model = c.model
            }
        }
        var landFraction = 1 - LatitudeGrid(bands: 1, landFractionOneDegree: [Double](repeating: 0.29, count: 180)).globalOceanFraction
        if let w = d.variable("area_weight"), let f = d.variable("sftlf"), w.data.count == f.data.count {
            landFraction = zip(w.data, f.data).map { $0 * $1 / 100 }.reduce(0, +)
        }
        if base.isEmpty { base = text("scenario") ?? "" }
        guard let yearVar = d.variable("year"), let first = yearVar.data.first else {
            throw InputError(file: path, key: "year", message: "no 'year' variable: not an EarthBox run or ensemble file")
        }
        let label = text("experiment_id") ?? ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let nt = yearVar.data.count
        var thickness: [Double] = []
        if let b = d.variable("depth_bnds") { thickness = stride(from: 0, to: b.data.count, by: 2).map { b.data[$0 + 1] - b.data[$0] } }
        let nm = d.dimension("member")?.length ?? 0
        if nm == 0 {
            var s: [String: [Double]] = [:]
            for name in needed {
                guard let v = variable(name, in: d) else { throw InputError(file: path, key: name, message: "variable missing from the run file") }
                s[name] = v.data
            }
            return [RunSeries(label: label, baseScenario: base, pathwayFile: pathway, firstYear: Int(first), series: s,
                              layerTemperature: d.variable("thetao_change")?.data ?? [], layerThickness: thickness, model: model, landFraction: landFraction)]
        }
        // Ensemble file: split every needed variable by member (and scenario, when present).
        let ns = d.dimension("scenario")?.length ?? 1
        let names = d.variable("scenario")?.strings ?? []
        var out: [RunSeries] = []
        for m in 0..<nm {
            for k in 0..<ns {
                var s: [String: [Double]] = [:]
                for name in needed {
                    guard let v = variable(name, in: d) else { continue }
                    let offset = v.dimensions.first == "scenario" ? (k * nm + m) * nt : (m * ns + k) * nt
                    s[name] = Array(v.data[offset..<(offset + nt)])
                }
                guard s["tas"] != nil else { throw InputError(file: path, key: Diagnostic.surfaceTemperature.name, message: "ensemble file without the warming") }
                for name in needed where s[name] == nil { s[name] = [Double](repeating: .nan, count: nt) }
                let l = ns > 1 ? (k < names.count ? names[k] : "\(label)-\(k)") : label
                var member = RunSeries(label: l, baseScenario: ns > 1 ? l : base, pathwayFile: ns > 1 ? "" : pathway, firstYear: Int(first),
                                       series: s, layerTemperature: [], layerThickness: thickness, model: model, landFraction: landFraction)
                member.weight = d.variable("weight").map { $0.data[m] } ?? 1
                out.append(member)
            }
        }
        return out
    }
}
