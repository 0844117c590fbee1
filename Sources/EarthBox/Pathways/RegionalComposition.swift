import Foundation

/// Global emissions from a base world scenario and regional pathways:
///
///     global fossil CO2 = base world − Σ_r baseline_r + Σ_r pathway_r        (in every year the pathway file gives)
///
/// computed as `base + Σ_r (pathway_r − baseline_r)`, so a region whose pathway equals its baseline leaves the
/// base scenario unchanged bit for bit. The baseline of a region (its share inside the base scenario) is a row of
/// the pathway file itself, so the file says exactly what was subtracted; `earthbox pathway` estimates it from
/// the Global Carbon Budget (see Forcing/pathways/README.md).
///
/// Rows the composition reads (IAMC layout, Mt CO2 yr⁻¹ as the RCMIP files):
/// - `<region>, Emissions|CO2|Fossil and Industrial` and `<region>, Emissions|CO2|Fossil and Industrial|Baseline`
///   (any region, `World` included: a global pathway is the region World with the base world as its baseline);
/// - optional `World, Emissions|CH4` (Mt CH4/yr) and `World, Emissions|N2O` (Mt N2O/yr), which replace the base.
/// Rows for information only: `…|Gross`, `Carbon Dioxide Removal`, and `World, Emissions|CO2|Fossil and Industrial`
/// when World has no baseline row (the composed total, for IAMC readers). Any other variable is an error.
public enum RegionalComposition {
    public static let co2 = "Emissions|CO2|Fossil and Industrial"
    public static let baseline = co2 + "|Baseline"
    public static let gross = co2 + "|Gross"
    public static let removals = "Carbon Dioxide Removal"
    public static let methane = "Emissions|CH4"
    public static let nitrousOxide = "Emissions|N2O"
    public static let baseScenarioColumn = "Base_Scenario"
    /// Last year of the pathway's rows that are observed emissions (the pathway proper starts the year after).
    public static let observedUntilColumn = "Observed_Until"
    /// The domestic land sink the region counts towards net zero (information: accounting only, Mt CO2/yr).
    public static let countedLandSink = "Carbon Sequestration|Land Sink|Counted Towards Net Zero"
    public static let knownVariables = [co2, baseline, gross, removals, methane, nitrousOxide, countedLandSink]
    /// Regions a pathway may name without a note: the national history's (GCB) China, and the IAMC R5/R10 regions.
    public static let knownRegions = ["China"] + ScenarioFile.regionSets.flatMap { $0.regions.sorted() }
    /// Mt CO2 per Pg C (the GCB factor × 1000, as Forcing/convert_rcmip.py).
    public static let mtCO2PerPgC = 1000 * AtmosphericMass.globalCarbonBudgetCO2PerCarbon

    /// The drivers with the pathway file's changes applied. `baseScenario` is the `&run scenario` the base came from;
    /// when the file has a `Base_Scenario` column it must name the same scenario.
    public static func compose(base: DriverSeries, pathway table: IAMCTable, baseScenario: String?) throws(InputError) -> DriverSeries {
        guard table.isAnnual, let first = table.years.first, let last = table.years.last else {
            throw InputError(file: table.path, line: nil, message: "the year columns must be consecutive years (annual values)")
        }
        guard first >= base.firstYear, last <= base.lastYear else {
            throw InputError(file: table.path, message: "years \(first)-\(last) lie outside the base scenario's \(base.firstYear)-\(base.lastYear)")
        }
        guard !table.rows.isEmpty else {
            throw InputError(file: table.path, message: "the pathway file has a header but no rows: it would leave the base scenario unchanged")
        }
        var notes: [String] = []
        for row in table.rows {
            if row.region != "World" && !knownRegions.contains(row.region) && !notes.contains(where: { $0.contains("'\(row.region)'") }) {
                notes.append("region '\(row.region)' (line \(row.line)) is not one EarthBox knows (\(knownRegions.joined(separator: ", "))); its pathway − baseline is applied to the world total as written")
            }
            guard knownVariables.contains(row.variable) else {
                var m = "unknown variable"
                if let n = NearestName.suggestion(for: row.variable, among: knownVariables) { m += "; did you mean '\(n)'?" }
                throw InputError(file: table.path, line: row.line, column: 4, key: row.region + "|" + row.variable, message: m)
            }
            if let b = baseScenario, let declared = table.extra(baseScenarioColumn, of: row), !declared.isEmpty, declared != b {
                throw InputError(file: table.path, line: row.line, column: IAMCTable.keyColumns.count + table.extraColumns.firstIndex(of: baseScenarioColumn)! + 1,
                                 key: baseScenarioColumn, message: "the pathway was built on '\(declared)' but &run scenario is '\(b)'")
            }
        }
        func values(_ row: IAMCTable.Row, unit: String) throws(InputError) -> [Double] {
            guard row.unit == unit else {
                throw InputError(file: table.path, line: row.line, column: 5, key: row.region + "|" + row.variable,
                                 message: "unit is '\(row.unit)' but '\(unit)' is expected")
            }
            for (j, v) in row.values.enumerated() where v.isNaN { throw table.error(row, year: table.years[j], "no value for \(table.years[j])") }
            // The plausible ranges of the forcing files (ForcingPlausibility); CO2 converted to Mt CO2/yr.
            let fossil = ForcingPlausibility.ranges["co2_fossil"]!
            let plausible = unit == "Mt CH4/yr" ? ForcingPlausibility.ranges["ch4"]! : unit == "Mt N2O/yr" ? ForcingPlausibility.ranges["n2o"]!
                : fossil.lowerBound * mtCO2PerPgC...fossil.upperBound * mtCO2PerPgC
            let (low, high) = (plausible.lowerBound, plausible.upperBound)
            for (j, v) in row.values.enumerated() where !(low...high).contains(v) {
                throw table.error(row, year: table.years[j], "year \(table.years[j]): \(v) \(unit) is outside the plausible range \(low)...\(high)")
            }
            return row.values
        }
        var out = base
        var delta = [Double](repeating: 0, count: table.years.count)
        let baselines = table.rows.filter { $0.variable == baseline }
        for b in baselines {
            guard let p = table.row(region: b.region, variable: co2) else {
                throw table.error(b, "a baseline without a pathway: add the row '\(b.region), \(co2)'")
            }
            let pv = try values(p, unit: "Mt CO2/yr"), bv = try values(b, unit: "Mt CO2/yr")
            for j in delta.indices { delta[j] += pv[j] - bv[j] }
        }
        if baselines.isEmpty, let p = table.rows.first(where: { $0.variable == co2 && $0.region != "World" }) {
            throw table.error(p, "a regional pathway without its baseline row '\(p.region), \(baseline)'")
        }
        if baselines.isEmpty, let p = table.rows.first(where: { $0.variable == co2 }) {
            throw table.error(p, "a World pathway without its baseline row 'World, \(baseline)' would be ignored; add the baseline "
                              + "(the base scenario's World values) or give the whole scenario with &run scenario_file")
        }
        let replaced = [methane, nitrousOxide].filter { v in table.rows.contains { $0.region == "World" && $0.variable == v } }
        let given = (baselines.isEmpty ? [] : ["fossil CO2"]) + replaced
        notes.append("the pathway gives \(given.joined(separator: ", ")); every other species follows the base scenario '\(baseScenario ?? "?")'")
        FileHandle.standardError.write(Data(notes.map { "\(table.path): note: \($0)\n" }.joined().utf8))
        for (j, year) in table.years.enumerated() where delta[j] != 0 {
            out[year, DriverColumns.co2Fossil] += delta[j] / mtCO2PerPgC
        }
        for (variable, unit, column) in [(methane, "Mt CH4/yr", DriverColumns.methane), (nitrousOxide, "Mt N2O/yr", DriverColumns.nitrousOxide)] {
            guard let row = table.row(region: "World", variable: variable) else { continue }
            let v = try values(row, unit: unit)
            for (j, year) in table.years.enumerated() { out[year, column] = v[j] }
        }
        return out
    }
}
