import Foundation

/// Turns a namelist's `&pathway` (and its `&run scenario`) into the IAMC pathway file `&run pathway_file` names.
///
/// Regional baseline (what the region emits inside the base scenario): the region's share of World fossil CO2 in the
/// last Global Carbon Budget year (GCB 2023: China 2022 = 30.7 %), held constant over the base scenario's future.
/// Why: the RCMIP SSP files are World-only, so the share must come from observations; the latest share is the one
/// the pathway joins, and holding it fixed is the simplest assumption that makes "region at baseline" the base
/// scenario itself (documented with alternatives in Forcing/pathways/README.md).
public enum PathwayBuilder {
    /// First year of the RCMIP SSPs (their history ends in 2014; Nicholls et al. 2020).
    public static let firstScenarioYear = 2015
    public struct Result: Sendable {
        public let table: IAMCTable
        public let pathway: GeneratedPathway
        public let spec: PathwaySpec
        public let baselineShare: Double
    }

    /// `landSink` (PgC/yr) replaces `&pathway land_sink`, for the sink-sensitivity report.
    public static func build(namelist: Namelist, historyFile: String? = nil, landSink: Double? = nil) throws(InputError) -> Result {
        let (run, settings) = try decode(namelist)
        let history = try NationalEmissions.load(path: historyFile ?? settings.historyFile)
        let base = try ScenarioDrivers.load(directory: run.forcingDirectory, scenario: run.scenario).drivers
        return try build(namelist: namelist, history: history, base: base, landSink: landSink)
    }

    /// The same from inputs already read (`history` = the national history file, `base` = the `&run scenario`
    /// drivers), so a caller that builds many pathways (the web simulator) reads each file once.
    public static func build(namelist: Namelist, history: NationalEmissions, base: DriverSeries, landSink: Double? = nil) throws(InputError) -> Result {
        var (run, settings) = try decode(namelist)
        if let landSink { settings.landSink = landSink }
        let last = history.lastYear
        let e = try history.value(settings.region, year: last)
        let slope = (e - (try history.value(settings.region, year: last - settings.trendYears))) / Double(settings.trendYears)
        let share = settings.region == "World" ? 1 : try history.shareOfWorld(settings.region, year: last)
        var spec = settings.spec
        spec.lastHistoricalYear = last
        spec.lastHistoricalMtCO2 = e
        spec.historicalSlope = slope
        spec.lastYear = base.lastYear
        let pathway: GeneratedPathway
        do { pathway = try PathwayShape.generate(spec) } catch {
            throw namelist.error(group: PathwaySettings.groupName, key: error.key, error.message)
        }
        let table = try makeTable(name: (run.pathwayFile as NSString).lastPathComponent.replacingOccurrences(of: ".csv", with: ""),
                              settings: settings, scenario: run.scenario, base: base, pathway: pathway, share: share,
                              history: history, path: run.pathwayFile)
        return Result(table: table, pathway: pathway, spec: spec, baselineShare: share)
    }

    /// `&run` and `&pathway`, checked (the run must say where its pathway file goes).
    static func decode(_ namelist: Namelist) throws(InputError) -> (RunSettings, PathwaySettings) {
        let run = try RunConfiguration.from(namelist).run
        guard !run.pathwayFile.isEmpty else {
            throw InputError(file: namelist.file, key: "pathway_file", message: "&run pathway_file must name the file to write (e.g. 'Forcing/pathways/<name>.csv')")
        }
        return (run, try NamelistDecoder.decode(PathwaySettings.self, from: namelist))
    }

    static func makeTable(name: String, settings: PathwaySettings, scenario: String, base: DriverSeries, pathway: GeneratedPathway,
                          share: Double, history: NationalEmissions, path: String) throws(InputError) -> IAMCTable {
        // The observed years after the base scenario's history (RCMIP's history ends in 2014, its SSPs start in 2015;
        // Nicholls et al. 2020) come first, so the run follows the observed emissions into the pathway instead of the
        // base SSP's 2015-2022 (the world pathway on SSP1-1.9 jumped +3.7 Gt CO2/yr from 2022 to 2023 without them).
        var observed: [Double] = []
        for year in max(firstScenarioYear, history.firstYear)..<pathway.firstYear { observed.append(try history.value(settings.region, year: year)) }
        let years = Array((pathway.firstYear - observed.count)...(pathway.years.last!))
        let model = "EarthBox pathway"
        let observedUntil = String(pathway.firstYear - 1)
        func row(_ region: String, _ variable: String, _ unit: String, _ values: [Double]) -> IAMCTable.Row {
            IAMCTable.Row(model: model, scenario: name, region: region, variable: variable, unit: unit, extra: [scenario, observedUntil], values: values)
        }
        let baseWorld = years.map { base[$0, DriverColumns.co2Fossil] * RegionalComposition.mtCO2PerPgC }
        // In the observed years the region's own share of that year, so the composed world total stays continuous
        // with the RCMIP history and meets the constant share in the last observed year.
        var baseline = settings.region == "World" ? baseWorld : baseWorld.map { share * $0 }
        if settings.region != "World" {
            for i in observed.indices { baseline[i] = try history.shareOfWorld(settings.region, year: years[i]) * baseWorld[i] }
        }
        let net = observed + pathway.net
        var rows = [
            row(settings.region, RegionalComposition.co2, "Mt CO2/yr", net),
            row(settings.region, RegionalComposition.baseline, "Mt CO2/yr", baseline),
            row(settings.region, RegionalComposition.gross, "Mt CO2/yr", observed + pathway.gross),
            row(settings.region, RegionalComposition.removals, "Mt CO2/yr", observed.map { _ in 0 } + pathway.removals),
        ]
        if settings.landSink > 0 {
            rows.append(row(settings.region, RegionalComposition.countedLandSink, "Mt CO2/yr",
                            years.map { _ in settings.landSink * RegionalComposition.mtCO2PerPgC }))
        }
        if settings.region != "World" {
            rows.append(row("World", RegionalComposition.co2, "Mt CO2/yr", years.indices.map { baseWorld[$0] + (net[$0] - baseline[$0]) }))
        }
        if settings.nonCO2Fraction != 1 {
            // Linear from the base value in the last observed year to fraction × base at net zero, then held.
            let span = Double(settings.netZeroYear - (pathway.firstYear - 1))
            func factor(_ y: Int) -> Double { 1 + (settings.nonCO2Fraction - 1) * max(0, min(1, Double(y - pathway.firstYear + 1) / span)) }
            rows.append(row("World", RegionalComposition.methane, "Mt CH4/yr", years.map { base[$0, DriverColumns.methane] * factor($0) }))
            rows.append(row("World", RegionalComposition.nitrousOxide, "Mt N2O/yr", years.map { base[$0, DriverColumns.nitrousOxide] * factor($0) }))
        }
        let s = settings
        let comments = [
            "EarthBox pathway '\(name)': generated by `earthbox pathway` from its namelist; do not edit by hand.",
            "Region \(s.region): peak \(s.peakEmissions) Gt CO2/yr in \(s.peakYear), net zero in \(s.netZeroYear) (\(s.declineShape) decline), residual \(s.residualEmissions) Gt CO2/yr balanced by removals, net-negative \(s.removalRate) Gt CO2/yr for \(s.removalYears) yr.",
            "Years \(years[0])-\(observedUntil) (column Observed_Until) are the region's observed GCB emissions, so the run follows observations from the end of the RCMIP history (2014) into the pathway.",
            "Composition: global fossil CO2 = \(scenario) World - baseline + pathway (Forcing/pathways/README.md); baseline = \(String(format: "%.4f", share)) x \(scenario) World (\(s.region) share of World in GCB \(history.lastYear)).",
            s.landSink > 0 ? "Net zero counts a domestic land sink of \(s.landSink) PgC/yr (accounting only, Cai, Cheng et al. 2021): the fossil row reaches \(String(format: "%.3f", s.landSink * RegionalComposition.mtCO2PerPgC / 1000)) Gt CO2/yr, not 0, in \(s.netZeroYear)." : "No land sink is counted: net zero is zero net fossil CO2.",
            "History: Global Carbon Budget 2023 national territorial fossil emissions (Friedlingstein et al. 2023, ESSD 15, 5301; doi:10.18160/GCP-2023), CC BY 4.0; base: RCMIP v5.1.0 (Nicholls et al. 2020), CC BY 4.0.",
        ]
        return IAMCTable(path: path, comments: comments, extraColumns: [RegionalComposition.baseScenarioColumn, RegionalComposition.observedUntilColumn],
                         years: years, rows: rows)
    }
}
