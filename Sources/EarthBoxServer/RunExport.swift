import EarthBox
import Foundation

/// Downloads of a policy run: an IAMC table (the AR6 climate-assessment variable names, percentiles as variables)
/// and a CF NetCDF file with the same percentiles, both 1850–2100.
enum RunExport {
    static let model = "EarthBox \(RunDataset.modelVersion)"

    /// (IAMC variable stem, unit, NetCDF name, long name, plume) of every plotted quantity.
    static func quantities(_ run: PolicyRun, from: Int) -> [(String, String, String, String, [[Double]])] {
        [("AR6 climate diagnostics|Surface Temperature (GSAT)|EarthBox", "K", "tas_anomaly", "global mean surface air temperature change relative to 1850-1900",
          run.warmingPlume(from: from)),
         ("AR6 climate diagnostics|Atmospheric Concentrations|CO2|EarthBox", "ppm", "co2", "atmospheric CO2", run.plume(.co2, from: from)),
         ("EarthBox|Carbon Sink|Ocean", "Pg C/yr", "fgco2_global", "ocean carbon sink", run.plume(.oceanSink, from: from)),
         ("EarthBox|Carbon Sink|Land", "Pg C/yr", "land_sink", "natural land carbon sink (NPP - heterotrophic respiration)", run.plume(.landSink, from: from)),
         ("EarthBox|Sea Level Rise|Thermosteric", "cm", "zostoga_anomaly", "thermosteric sea-level change relative to 1995-2014",
          run.seaLevelPlume(from: from))]
    }

    static func scenarioName(_ r: PolicyRequest) -> String {
        (r.pathway.map { "\($0.region)-peak\($0.peakYear)-nz\($0.netZeroYear)" } ?? "base") + "-" + r.scenario + "-" + r.mode.rawValue
    }

    static func iamc(_ run: PolicyRun) -> IAMCTable {
        let from = 1850, i0 = from - run.firstYear
        let years = Array(from...(run.firstYear + run.yearCount - 1))
        let name = scenarioName(run.request)
        func row(_ variable: String, _ unit: String, _ values: [Double]) -> IAMCTable.Row {
            IAMCTable.Row(model: model, scenario: name, region: "World", variable: variable, unit: unit, extra: [], values: values)
        }
        let mt = RegionalComposition.mtCO2PerPgC
        var rows = [row("Emissions|CO2|Fossil and Industrial", "Mt CO2/yr", (i0..<run.yearCount).map { run.value(.fossilCO2, member: 0, index: $0) * mt }),
                    row("Emissions|CO2|AFOLU", "Mt CO2/yr", (i0..<run.yearCount).map { run.value(.landUseCO2, member: 0, index: $0) * mt })]
        for (stem, unit, _, _, plume) in quantities(run, from: from) {
            for (p, values) in zip(PolicyRun.plumePercentiles, plume) {
                rows.append(row(stem + "|\(p)th Percentile", unit, values))
            }
        }
        let settings = run.request.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        return IAMCTable(path: "earthbox-web.csv",
                         comments: ["EarthBox web simulator (earthbox serve): \(run.memberCount) member(s), \(run.request.mode == .ensemble ? "weights: \(run.request.weighting.rawValue)" : "single member")",
                                    "settings: \(settings)",
                                    "percentiles are weighted across members; warming relative to 1850-1900, sea level relative to 1995-2014"],
                         years: years, rows: rows)
    }

    /// The NetCDF file, written by the library's writer (serialised netCDF calls, temporary name then rename)
    /// into the server's own scratch folder, read back and removed.
    static func netCDF(_ run: PolicyRun, namelist: String, scratch: URL) throws -> Data {
        let from = 1850
        let years = Array(from...(run.firstYear + run.yearCount - 1))
        let ps = PolicyRun.plumePercentiles
        var d = Dataset(dimensions: [Dimension(name: "time", length: years.count), Dimension(name: "percentile", length: ps.count)])
        d.variables.append(Variable(name: "time", dimensions: ["time"], data: years.map { Double($0 - 1750) * 365 + 182.5 }, attributes: [
            ("standard_name", .text("time")), ("units", .text("days since 1750-01-01 00:00:00")), ("calendar", .text("365_day")), ("axis", .text("T"))]))
        d.variables.append(Variable(name: "year", dimensions: ["time"], data: years.map(Double.init), attributes: [("long_name", .text("calendar year"))]))
        d.variables.append(Variable(name: "percentile", dimensions: ["percentile"], data: ps, attributes: [
            ("long_name", .text("weighted percentile across ensemble members")), ("units", .text("%"))]))
        for (_, unit, name, longName, plume) in quantities(run, from: from) {
            d.variables.append(Variable(name: name, dimensions: ["percentile", "time"], data: plume.flatMap { $0 }, attributes: [
                ("long_name", .text(longName)), ("units", .text(unit == "ppm" ? "1e-6" : unit == "Pg C/yr" ? "PgC yr-1" : unit))]))
        }
        d.variables.append(Variable(name: "emissions_co2", dimensions: ["time"],
                                    data: (from - run.firstYear..<run.yearCount).map { (run.value(.fossilCO2, member: 0, index: $0) + run.value(.landUseCO2, member: 0, index: $0)) },
                                    attributes: [("long_name", .text("total CO2 emissions (fossil and land use)")), ("units", .text("PgC yr-1"))]))
        d.globalAttributes = [("Conventions", .text("CF-1.8")), ("title", .text("EarthBox web simulator run")),
                              ("source", .text(model)), ("members", .int(Int32(run.memberCount))),
                              ("settings", .text(run.request.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: "&"))),
                              ("namelist", .text(namelist))]
        let url = scratch.appendingPathComponent(UUID().uuidString + ".nc")
        try NetCDF.write(d, to: url.path)
        defer { try? FileManager.default.removeItem(at: url) }
        return try Data(contentsOf: url)
    }
}
