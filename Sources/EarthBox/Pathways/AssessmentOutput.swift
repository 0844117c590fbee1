import Foundation

/// The files `earthbox assess` writes besides the ensemble NetCDF: an IAMC CSV with AR6 climate-assessment
/// variable names and a `Category` column (pyam and scmdata read it as it is), a meta table (one row per scenario),
/// the per-species provenance, and an HTML report.
public struct AssessmentOutput: Sendable {
    public let assessments: [ScenarioAssessment]
    /// e.g. "EarthBox" — the climate-model tag in the variable names, as "MAGICCv7.5.3" in AR6.
    public let modelTag: String
    public let parameterSet: String
    public let members: Int
    public let effectiveSampleSize: Double

    public init(assessments: [ScenarioAssessment], modelTag: String = "EarthBox", parameterSet: String, members: Int, effectiveSampleSize: Double) {
        self.assessments = assessments; self.modelTag = modelTag; self.parameterSet = parameterSet
        self.members = members; self.effectiveSampleSize = effectiveSampleSize
    }

    static func percentileLabel(_ p: Double) -> String { String(format: "%.1fth Percentile", p) }

    /// IAMC unit and factor from the model unit for the emissions rows (Mt CO2, kt N2O, as IAMC reports them).
    static func iamcUnit(_ s: EmissionSpecies) -> (String, Double) {
        if s.name.hasPrefix("co2") { return ("Mt CO2/yr", 1000 / EmissionSpecies.carbonPerCO2) }
        if s.name == "n2o" { return ("kt N2O/yr", 1000) }
        return (s.modelUnit, 1)
    }

    /// The IAMC table: GSAT percentiles, exceedance probabilities, and the harmonised and infilled emissions.
    public var table: IAMCTable {
        let first = assessments.map(\.years[0]).min() ?? ScenarioAssessment.firstReportedYear
        let last = assessments.map { $0.years.last! }.max() ?? 2100
        let years = Array(first...last)
        var rows: [IAMCTable.Row] = []
        let prefix = "AR6 climate diagnostics|"
        for a in assessments {
            func row(_ variable: String, _ unit: String, from: Int, _ values: [Double]) {
                var v = [Double](repeating: .nan, count: years.count)
                for (i, x) in values.enumerated() where from + i <= last { v[from + i - first] = x }
                rows.append(IAMCTable.Row(model: a.prepared.model, scenario: a.prepared.scenario, region: "World", variable: variable,
                                          unit: unit, extra: [a.category.rawValue], values: v))
            }
            for (k, p) in ScenarioAssessment.percentiles.enumerated() {
                row(prefix + "Surface Temperature (GSAT)|\(modelTag)|" + Self.percentileLabel(p), "K", from: a.years[0], a.gsat[k])
            }
            for (k, t) in ScenarioAssessment.thresholds.enumerated() {
                row(prefix + String(format: "Exceedance Probability %.1fC|%@", t, modelTag), "dimensionless", from: a.years[0], a.exceedance[k])
            }
            for (s, species) in EmissionSpecies.all.enumerated() {
                let (unit, f) = Self.iamcUnit(species)
                row(prefix + "Infilled|" + species.iamcVariable, unit, from: a.prepared.firstYear, a.prepared.series[s].map { $0 * f })
            }
            row(prefix + "Infilled|Emissions|Kyoto Gases (AR6-GWP100)", "Mt CO2-equiv/yr", from: a.prepared.firstYear, a.prepared.kyotoGHG.map { $0 * 1000 })
        }
        return IAMCTable(path: "", extraColumns: ["Category"], years: years, rows: rows)
    }

    /// One row per scenario, AR6 meta names (lower-case `model`, `scenario` as pyam's `load_meta` wants).
    public var metaCSV: String {
        func f(_ x: Double) -> String { x.isFinite ? String(format: "%.4f", x) : "" }
        func q(_ s: String) -> String { s.contains(",") || s.contains("\"") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s }
        let t = modelTag
        var header = ["model", "scenario", "Category", "Category_name"]
        header += ["Median peak warming (\(t))", "P33 peak warming (\(t))", "P67 peak warming (\(t))", "P5 peak warming (\(t))", "P95 peak warming (\(t))",
                   "Median year of peak warming (\(t))", "Median warming in 2100 (\(t))"]
        header += ScenarioAssessment.thresholds.map { String(format: "Exceedance Probability %.1fC (%@)", $0, t) }
        header += ["Year of netzero CO2 emissions (Harm-Infilled) table", "Year of netzero GHG emissions (Harm-Infilled, Kyoto gases, AR6 GWP100) table",
                   "Parameter set", "Members", "Effective sample size", "Species given", "Species harmonised", "Species infilled"]
        var lines = [header.map(q).joined(separator: ",")]
        for a in assessments {
            let counts = Dictionary(grouping: a.prepared.origins, by: \.kind).mapValues(\.count)
            var fields = [a.prepared.model, a.prepared.scenario, a.category.rawValue, a.category.name]
            fields += [f(a.peak(50)), f(a.peak(33)), f(a.peak(67)), f(a.peak(5)), f(a.peak(95)), String(a.medianPeakYear), f(a.warming2100(50))]
            fields += a.peakExceedance.map(f)
            fields += [a.netZeroCO2.map(String.init) ?? "", a.netZeroGHG.map(String.init) ?? "", parameterSet, String(members),
                       String(format: "%.0f", effectiveSampleSize), String(counts[.given] ?? 0), String(counts[.harmonised] ?? 0), String(counts[.infilled] ?? 0)]
            lines.append(fields.map(q).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// model, scenario, variable, origin (given | harmonised | infilled), detail — one row per species.
    public var provenanceCSV: String {
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var lines = ["model,scenario,variable,origin,detail"]
        for a in assessments {
            for (s, o) in a.prepared.origins.enumerated() {
                lines.append([q(a.prepared.model), q(a.prepared.scenario), q(EmissionSpecies.all[s].iamcVariable), o.kind.rawValue, q(o.detail)].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
