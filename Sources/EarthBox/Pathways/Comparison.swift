import Foundation

/// One pathway in a comparison: its runs (one, or the members of an ensemble) and their indicators.
public struct PathwayGroup: Sendable {
    public let label: String
    public let members: [RunSeries]
    public let metrics: [PathwayMetrics]
    /// The pathway's region, its net-zero year and its cumulative CO2 from the first pathway year to net zero (Gt CO2),
    /// read from the run's pathway file when it can be read (nil for plain SSP runs).
    public let region: (name: String, netZeroYear: Int?, cumulative: Double)?
    public var baseScenario: String { members[0].baseScenario }

    public init(label: String, members: [RunSeries]) {
        self.label = label
        self.members = members
        metrics = members.map(PathwayMetrics.init)
        let file = members[0].pathwayFile
        if !file.isEmpty, let t = try? IAMCTable.load(path: file),
           let b = t.rows.first(where: { $0.variable == RegionalComposition.baseline }),
           let p = t.row(region: b.region, variable: RegionalComposition.co2) {
            // Net zero after the land sink the file counts (none: zero net fossil CO2).
            let sink = t.row(region: b.region, variable: RegionalComposition.countedLandSink)?.values ?? p.values.map { _ in 0 }
            let j = p.values.indices.first { p.values[$0] <= sink[$0] }
            // Cumulative from the pathway's start: after the observed years the file may begin with.
            let observed = t.extra(RegionalComposition.observedUntilColumn, of: p).flatMap { Int($0) } ?? (t.years[0] - 1)
            let start = t.years.firstIndex { $0 > observed } ?? 0
            region = (b.region, j.map { t.years[$0] }, (j.map { p.values[start...$0] } ?? p.values[start...]).reduce(0, +) / 1000)
        } else { region = nil }
    }
    public var isPathway: Bool { members[0].isPathway }
    public var isEnsemble: Bool { members.count > 1 }

    /// Weighted median over members of an indicator (NaN-free members only; +∞ counts, so a median can be "never
    /// reached"): `WarmingStatistics`' percentiles, as `ensemble` and `assess` take them.
    public func median(_ f: (PathwayMetrics) -> Double?) -> Double { percentile(50, f) }
    public func percentile(_ p: Double, _ f: (PathwayMetrics) -> Double?) -> Double {
        var values: [Double] = [], weights: [Double] = []
        for (m, r) in zip(metrics, members) { if let x = f(m), !x.isNaN { values.append(x); weights.append(r.weight) } }
        return values.isEmpty ? .nan : WarmingStatistics.percentilesKeepingInfinity(values, weights: weights, [p])[0]
    }

    /// The remaining budget at `likelihood` % from 2020 (or from `WarmingStatistics.latestBudgetStart`) to `level`;
    /// nil for a single run (no distribution to take a likelihood from) unless `likelihood` is 50.
    public func budget(level: Double, likelihood: Double, fromLatest: Bool = false) -> Double? {
        guard isEnsemble || likelihood == 50 else { return nil }
        return percentile(100 - likelihood) { fromLatest ? $0.budgetFromLatest[level] : $0.budgetFrom2020[level] }
    }

    /// Fraction of members whose peak warming exceeds `target` (nil for a single run: no distribution to count).
    public func probabilityAbove(_ target: Double) -> Double? {
        guard isEnsemble else { return nil }
        return WarmingStatistics.exceedance(metrics.map(\.peakWarming), weights: members.map(\.weight), threshold: target)
    }

    /// Weighted fraction of members warmer than `target` in 2100 (nil for a single run or a run that ends earlier).
    public func probability2100Above(_ target: Double) -> Double? {
        guard isEnsemble, metrics.allSatisfy({ $0.warming[2100] != nil }) else { return nil }
        return WarmingStatistics.exceedance(metrics.map { $0.warming[2100]! }, weights: members.map(\.weight), threshold: target)
    }

    /// The AR6 WG3 category (AR6Category) from the members' weighted peak (to 2100) and 2100 warming percentiles,
    /// as `assess` judges it; nil for a single run or a run that does not cover 1995–2100.
    public var category: AR6Category? {
        guard isEnsemble, metrics.allSatisfy({ $0.peakWarmingTo2100.isFinite && $0.warming[2100] != nil }) else { return nil }
        let w = members.map(\.weight), ps = WarmingStatistics.percentiles
        let peak = WarmingStatistics.percentiles(metrics.map(\.peakWarmingTo2100), weights: w)
        let at2100 = WarmingStatistics.percentiles(metrics.map { $0.warming[2100]! }, weights: w)
        func at(_ p: Double) -> Int { ps.firstIndex(of: p)! }
        return AR6Category.classify(peakP33: peak[at(33)], peakMedian: peak[at(50)], peakP67: peak[at(67)], median2100: at2100[at(50)])
    }

    /// Median over members of a series, year by year, and its min–max range.
    public func band(_ name: String, transform: (Double) -> Double = { $0 }) -> (years: [Int], median: [Double], low: [Double], high: [Double]) {
        let first = members.map(\.firstYear).max()!, last = members.map(\.lastYear).min()!
        var med = [Double](), lo = [Double](), hi = [Double]()
        for y in first...last {
            var v: [Double] = [], w: [Double] = []
            for m in members { if let x = m.value(name, y) { v.append(transform(x)); w.append(m.weight) } }
            med.append(WeightedStatistics.percentiles(v, weights: w, [50])[0]); lo.append(v.min() ?? .nan); hi.append(v.max() ?? .nan)
        }
        return (Array(first...last), med, lo, hi)
    }
}

/// `earthbox compare`: indicators of each pathway side by side, with AR6 reference values where AR6 gives them.
public struct Comparison: Sendable {
    public let groups: [PathwayGroup]

    /// AR6 WG1 SPM Table SPM.2 remaining carbon budgets from 1 Jan 2020, Gt CO2, by (target, likelihood).
    public static let ar6Budgets: [String: Double] = ["1.5/50": 500, "1.5/67": 400, "2.0/50": 1350, "2.0/67": 1150]

    public init(runs: [RunSeries]) {
        var order: [String] = [], byLabel: [String: [RunSeries]] = [:]
        for r in runs {
            if byLabel[r.label] == nil { order.append(r.label) }
            byLabel[r.label, default: []].append(r)
        }
        groups = order.map { PathwayGroup(label: $0, members: byLabel[$0]!) }
    }

    /// The run of the same base scenario without a pathway: what "without this region's pathway change" means.
    public func baseGroup(of g: PathwayGroup) -> PathwayGroup? {
        guard g.isPathway else { return nil }
        return groups.first { !$0.isPathway && $0.baseScenario == g.baseScenario }
    }

    // MARK: The table

    public struct Column: Sendable {
        public let title: String, unit: String, variable: String
        /// The year the value refers to in the IAMC long CSV (nil = the group's own year, given by `year`).
        public let value: @Sendable (Comparison, PathwayGroup) -> Double?
        public let year: @Sendable (PathwayGroup) -> Int?
        public let format: String
    }

    /// "1.5", "1.7", "2": a warming level as the IAMC variable names write it.
    static func label(_ level: Double) -> String { level == level.rounded() ? String(Int(level)) : String(level) }
    static func budgetVariable(_ level: Double, _ likelihood: Double) -> String { "Remaining Carbon Budget|\(label(level))C|\(Int(likelihood))%" }

    public static let columns: [Column] = {
        func med(_ f: @escaping @Sendable (PathwayMetrics) -> Double?) -> @Sendable (Comparison, PathwayGroup) -> Double? { { _, g in g.median(f) } }
        func fixed(_ y: Int) -> @Sendable (PathwayGroup) -> Int? { { _ in y } }
        var c: [Column] = [
            Column(title: "Peak warming", unit: "K", variable: "Surface Air Temperature Change|Peak", value: med { $0.peakWarming },
                   year: { g in g.metrics.compactMap(\.peakYear).sorted().dropFirst(g.metrics.count / 2).first }, format: "%.2f"),
            Column(title: "Peak year", unit: "yr", variable: "Surface Air Temperature Change|Peak Year", value: med { $0.peakYear.map(Double.init) },
                   year: fixed(2020), format: "%.0f"),
        ]
        for y in PathwayMetrics.warmingYears {
            c.append(Column(title: "Warming \(y)", unit: "K", variable: "Surface Air Temperature Change", value: med { $0.warming[y] }, year: fixed(y), format: "%.2f"))
        }
        c += [
            Column(title: "Net-zero CO2 (global)", unit: "yr", variable: "Emissions|CO2|Net Zero Year", value: med { $0.netZeroYear.map(Double.init) ?? .infinity },
                   year: fixed(2020), format: "%.0f"),
            Column(title: "Net zero of the pathway's region", unit: "yr", variable: "Emissions|CO2|Fossil and Industrial|Region Net Zero Year",
                   value: { _, g in g.region.map { r in r.netZeroYear.map(Double.init) ?? .infinity } }, year: fixed(2020), format: "%.0f"),
            Column(title: "Region CO2 to its net zero", unit: "Gt CO2", variable: "Cumulative Emissions|CO2|Region From Pathway Start To Net Zero",
                   value: { _, g in g.region?.cumulative }, year: { g in g.region?.netZeroYear }, format: "%.0f"),
            Column(title: "Cum. CO2 1750-net zero", unit: "Gt CO2", variable: "Cumulative Emissions|CO2|To Net Zero", value: med { $0.cumulativeToNetZero },
                   year: { g in g.metrics.compactMap(\.netZeroYear).first }, format: "%.0f"),
        ]
        for t in PathwayMetrics.targets {
            for likelihood in [50.0, 67.0] {
                c.append(Column(title: "RCB \(label(t))C \(Int(likelihood))%", unit: "Gt CO2", variable: budgetVariable(t, likelihood),
                                value: { _, g in g.budget(level: t, likelihood: likelihood) }, year: fixed(2020), format: "%.0f"))
            }
        }
        c.append(Column(title: "AR6 category (C1-C8)", unit: "1", variable: "AR6 climate diagnostics|Category Number",
                        value: { _, g in g.category.map { Double(AR6Category.allCases.firstIndex(of: $0)! + 1) } }, year: fixed(2100), format: "C%.0f"))
        for t in PathwayMetrics.targets {
            c.append(Column(title: "P(peak>\(label(t))C)", unit: "1", variable: "Probability|Peak Warming Above \(label(t))C",
                            value: { _, g in g.probabilityAbove(t) }, year: fixed(2300), format: "%.2f"))
        }
        c.append(Column(title: "P(2100>1.5C)", unit: "1", variable: "Probability|Surface Air Temperature Change Above 1.5C",
                        value: { _, g in g.probability2100Above(1.5) }, year: fixed(2100), format: "%.2f"))
        for y in [2030, 2060] {
            c.append(Column(title: "Ocean sink \(y)", unit: "PgC/yr", variable: "Carbon Sink|Ocean", value: med { $0.oceanSink[y] }, year: fixed(y), format: "%.2f"))
            c.append(Column(title: "Land sink \(y)", unit: "PgC/yr", variable: "Carbon Sink|Land", value: med { $0.landSink[y] }, year: fixed(y), format: "%.2f"))
        }
        for y in [2100, 2300] {
            c.append(Column(title: "Sea level \(y)", unit: "cm", variable: "Sea Level Rise|Thermosteric", value: med { $0.seaLevel[y].map { $0 * 100 } }, year: fixed(y), format: "%.1f"))
        }
        c += [
            Column(title: "dT 50 yr after net zero", unit: "K", variable: "Surface Air Temperature Change|50 Years After Net Zero",
                   value: med { $0.warmingAfterNetZero }, year: { g in g.metrics.compactMap(\.netZeroYear).first.map { $0 + 50 } }, format: "%+.2f"),
            Column(title: "Net zero to peak", unit: "yr", variable: "Lag|Net Zero To Peak Warming",
                   value: med { m in m.netZeroYear.flatMap { nz in m.peakYear.map { Double($0 - nz) } } }, year: fixed(2020), format: "%+.0f"),
            Column(title: "Fast part at peak", unit: "K", variable: "Surface Air Temperature Change|Peak|Fast", value: med { $0.fastAtPeak }, year: fixed(2020), format: "%.2f"),
            Column(title: "Slow part at peak", unit: "K", variable: "Surface Air Temperature Change|Peak|Slow", value: med { $0.slowAtPeak }, year: fixed(2020), format: "%.2f"),
            Column(title: "Pathway effect 2100", unit: "K", variable: "Surface Air Temperature Change|Pathway Contribution",
                   value: { c, g in c.baseGroup(of: g).map { b in g.median { $0.warming[2100] } - b.median { $0.warming[2100] } } }, year: fixed(2100), format: "%+.3f"),
            Column(title: "Pathway effect on peak", unit: "K", variable: "Surface Air Temperature Change|Peak|Pathway Contribution",
                   value: { c, g in c.baseGroup(of: g).map { b in g.median { $0.peakWarming } - b.median { $0.peakWarming } } }, year: fixed(2300), format: "%+.3f"),
        ]
        return c
    }()

    public func cell(_ column: Column, _ g: PathwayGroup) -> String {
        guard let v = column.value(self, g) else { return "n/a" }
        if v.isNaN { return "n/a" }
        if v.isInfinite { return column.variable.hasPrefix("Remaining") ? "not reached" : "none" }
        return String(format: column.format, v)
    }

    public var header: [String] { ["Pathway", "Base", "Region", "Runs"] + Self.columns.map { "\($0.title) (\($0.unit))" } }
    public var rows: [[String]] {
        groups.map { g in [g.label, g.baseScenario, g.region?.name ?? "-", "\(g.members.count)"] + Self.columns.map { cell($0, g) } }
    }

    /// The model's remaining budgets from each plain SSP run next to AR6's (AR6 WG1 SPM Table SPM.2).
    public var budgetSummary: String {
        func text(_ v: Double?) -> String { v.map { $0.isInfinite ? "not reached" : $0.isNaN ? "n/a" : String(format: "%.0f", $0) } ?? "n/a" }
        return groups.filter { !$0.isPathway }.map { g in
            "remaining budget from 2020 along \(g.label) (Gt CO2, model vs AR6): 1.5 °C 50 % \(text(g.budget(level: 1.5, likelihood: 50))) vs 500, "
                + "67 % \(text(g.budget(level: 1.5, likelihood: 67))) vs 400; 2 °C 50 % \(text(g.budget(level: 2, likelihood: 50))) vs 1350, "
                + "67 % \(text(g.budget(level: 2, likelihood: 67))) vs 1150"
        }.joined(separator: "\n")
    }

    /// Plain text for the terminal: one block per pathway, one indicator per line (the table is too wide for a terminal).
    public var text: String {
        var out = ""
        let h = header
        for r in rows {
            out += "\(r[0]) (base \(r[1]), region \(r[2]), \(r[3]) run\(r[3] == "1" ? "" : "s"))\n"
            for i in 4..<h.count { out += "  " + h[i].padding(toLength: 38, withPad: " ", startingAt: 0) + r[i] + "\n" }
        }
        return out
    }

    public var markdown: String {
        var out = "| " + header.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: header.count) + "\n"
        for r in rows { out += "| " + r.joined(separator: " | ") + " |\n" }
        return out
    }

    /// The table in the IAMC long layout (Model, Scenario, Region, Variable, Unit, Year, Value; as pyam reads with
    /// `IamDataFrame(..., )` long format): each indicator at the year it refers to (budgets at 2020, their start).
    public var csv: String {
        var out = "Model,Scenario,Region,Variable,Unit,Year,Value\n"
        for g in groups {
            for c in Self.columns where !c.variable.hasPrefix("Remaining Carbon Budget") {
                guard let v = c.value(self, g), v.isFinite, let y = c.year(g) else { continue }
                out += "EarthBox,\(g.label),World,\(c.variable),\(c.unit),\(y),\(IAMCTable.format(v))\n"
            }
            // Every budget (levels × likelihoods, WarmingStatistics) at the year it is counted from.
            for (year, latest) in [(2020, false), (WarmingStatistics.latestBudgetStart, true)] {
                for level in WarmingStatistics.budgetLevels {
                    for likelihood in WarmingStatistics.budgetLikelihoods {
                        guard let v = g.budget(level: level, likelihood: likelihood, fromLatest: latest), v.isFinite else { continue }
                        out += "EarthBox,\(g.label),World,\(Self.budgetVariable(level, likelihood)),Gt CO2,\(year),\(IAMCTable.format(v))\n"
                    }
                }
            }
        }
        return out
    }

    /// Annual series (median and member range) in the IAMC wide layout, for plotting elsewhere.
    public var seriesTable: IAMCTable {
        // From 1850, or from the earliest start if a run ends before 1850 (any valid run has a series).
        let members = groups.flatMap(\.members)
        let first = min(1850, members.map(\.firstYear).min() ?? 1850)
        let last = max(first, members.map(\.lastYear).max() ?? 2100)
        var table = IAMCTable(path: "series.csv", extraColumns: [], years: Array(first...last))
        for g in groups {
            for (variable, unit, name, f) in Self.plotted {
                let b = g.band(name, transform: f(g))
                for (stat, values) in [("Median", b.median), ("Min", b.low), ("Max", b.high)] where stat == "Median" || g.isEnsemble {
                    var row = [Double](repeating: .nan, count: table.years.count)
                    for (i, y) in b.years.enumerated() where y >= first && y <= last { row[y - first] = values[i] }
                    table.rows.append(IAMCTable.Row(model: "EarthBox", scenario: g.label, region: "World", variable: variable + "|" + stat, unit: unit, values: row))
                }
            }
        }
        return table
    }

    /// (IAMC variable, unit, diagnostic, transform for this group) of the plotted series.
    public static let plotted: [(String, String, String, @Sendable (PathwayGroup) -> @Sendable (Double) -> Double)] = [
        ("Surface Air Temperature Change", "K", "tas", { g in let b = g.members.map { PathwayMetrics.mean($0, "tas", 1850, 1900) ?? 0 }.reduce(0, +) / Double(g.members.count); return { $0 - b } }),
        ("Atmospheric Concentrations|CO2", "ppm", "co2", { _ in { $0 } }),
        ("Emissions|CO2|Fossil and Industrial", "Gt CO2/yr", "emissions_co2_fossil", { _ in { $0 * PathwayMetrics.gtCO2PerPgC } }),
        ("Carbon Sink|Ocean", "PgC/yr", "fgco2_global", { _ in { $0 } }),
        ("Carbon Sink|Land", "PgC/yr", "nbp_global", { _ in { $0 } }),
        ("Sea Level Rise|Thermosteric", "cm", "zostoga", { g in let b = g.members.map { PathwayMetrics.mean($0, "zostoga", 1995, 2014) ?? 0 }.reduce(0, +) / Double(g.members.count); return { ($0 - b) * 100 } }),
    ]
}
