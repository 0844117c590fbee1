import Foundation

/// The self-contained HTML report of `earthbox assess`: a summary table (category, peak warming, probabilities,
/// net-zero years), and per scenario the GSAT plume, fossil CO2 raw against harmonised, and where every species
/// came from. Figures are inline SVG drawn here, so the report needs nothing installed.
extension AssessmentOutput {
    public func html(title: String, inputs: [String], notes: [String]) -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;") }
        func f(_ x: Double, _ d: Int = 2) -> String { x.isFinite ? String(format: "%.\(d)f", x) : "–" }
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(esc(title))</title>
        <style>body{font-family:system-ui,sans-serif;margin:24px;max-width:1250px} table{border-collapse:collapse;font-size:13px}
        td,th{border:1px solid #ccc;padding:3px 6px;text-align:right} th{background:#f3f3f3} td.l,th.l{text-align:left}
        svg{background:#fff} .c1,.c2{background:#cfe8cf}.c3,.c4{background:#e5f2c9}.c5,.c6{background:#fbe9c4}.c7,.c8{background:#f6cccc}
        </style></head><body>
        <h1>\(esc(title))</h1>
        <p>Inputs: \(inputs.map { "<code>\(esc($0))</code>" }.joined(separator: ", ")). Parameter set: <code>\(esc(parameterSet))</code>,
        \(members) members (effective sample size \(f(effectiveSampleSize, 0))). Warming is GSAT relative to 1850–1900; peaks and
        categories over 1995–2100 (AR6 WG3 Ch. 3 Table 3.1, Riahi et al. 2022). Net-zero GHG: the seven Kyoto gases in CO2-eq with
        AR6 GWP100 (Forster et al. 2021, Table 7.SM.7).</p>
        <h2>Summary</h2>
        <table><tr><th class="l">model</th><th class="l">scenario</th><th>category</th><th>peak warming, median [5–95 %] (K)</th>
        <th>median peak year</th><th>2100, median (K)</th><th>P(peak&gt;1.5)</th><th>P(&gt;2)</th><th>P(&gt;2.5)</th><th>P(&gt;3)</th>
        <th>net-zero CO2</th><th>net-zero GHG</th><th>given / harmonised / infilled</th></tr>

        """
        for (n, a) in assessments.enumerated() {
            let c = Dictionary(grouping: a.prepared.origins, by: \.kind).mapValues(\.count)
            h += "<tr><td class=\"l\">\(esc(a.prepared.model))</td><td class=\"l\"><a href=\"#s\(n)\">\(esc(a.prepared.scenario))</a></td>"
            h += "<td class=\"\(a.category.rawValue.lowercased())\" title=\"\(esc(a.category.name))\">\(a.category.rawValue)</td>"
            h += "<td>\(f(a.peak(50))) [\(f(a.peak(5))), \(f(a.peak(95)))]</td><td>\(a.medianPeakYear)</td><td>\(f(a.warming2100(50)))</td>"
            h += a.peakExceedance.map { "<td>\(f($0 * 100, 0)) %</td>" }.joined()
            h += "<td>\(a.netZeroCO2.map(String.init) ?? "–")</td><td>\(a.netZeroGHG.map(String.init) ?? "–")</td>"
            h += "<td>\(c[.given] ?? 0) / \(c[.harmonised] ?? 0) / \(c[.infilled] ?? 0)</td></tr>\n"
        }
        h += "</table>\n"
        if !notes.isEmpty { h += "<h2>Choices made while reading</h2><ul>" + notes.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n" }
        let fossil = EmissionSpecies.index("co2_fossil")!
        for (n, a) in assessments.enumerated() {
            let p = a.prepared
            h += "<h2 id=\"s\(n)\">\(esc(p.label)) — \(a.category.rawValue): \(esc(a.category.name))</h2>\n<div style=\"display:flex;gap:16px;flex-wrap:wrap\">"
            let pi = { (q: Double) in ScenarioAssessment.percentiles.firstIndex(of: q)! }
            h += Self.svgChart(title: "GSAT relative to 1850–1900 (K)", x: a.years.map(Double.init),
                               bands: [(a.gsat[pi(5)], a.gsat[pi(95)], "#c6dbef"), (a.gsat[pi(16.7)], a.gsat[pi(83.3)], "#6baed6")],
                               lines: [(a.gsat[pi(50)], "#08306b", "median")], guides: [1.5, 2])
            let years = (p.firstYear...p.lastYear).map(Double.init)
            let toGt = 1 / EmissionSpecies.carbonPerCO2
            var lines: [([Double], String, String)] = [(p.series[fossil].map { $0 * toGt }, "#b30000", "used")]
            if let raw = p.raw[fossil] { lines.insert((raw.map { $0 * toGt }, "#999999", "file"), at: 0) }
            h += Self.svgChart(title: "Fossil CO2, Gt CO2/yr: file vs used (\(p.origins[fossil].kind.rawValue))", x: years, bands: [], lines: lines, guides: [0])
            h += "</div>\n<details><summary>Species: where each series comes from, raw and harmonised</summary><table><tr><th class=\"l\">variable</th><th class=\"l\">origin</th>"
            h += "<th>file \(p.firstYear)</th><th>used \(p.firstYear)</th><th>file 2050</th><th>used 2050</th><th>file 2100</th><th>used 2100</th><th class=\"l\">unit</th><th class=\"l\">detail</th></tr>"
            func g(_ x: Double?) -> String { x.map { $0.isFinite ? String(format: "%.4g", $0) : "–" } ?? "–" }
            for (s, o) in p.origins.enumerated() {
                let species = EmissionSpecies.all[s], (unit, factor) = Self.iamcUnit(species)
                let cells = [p.firstYear, 2050, 2100].flatMap { y -> [String] in
                    let i = y - p.firstYear
                    guard i >= 0, i < p.series[s].count else { return ["–", "–"] }
                    return [g(p.raw[s].map { $0[i] * factor }), g(p.series[s][i] * factor)]
                }
                h += "<tr><td class=\"l\">\(esc(species.iamcVariable))</td><td class=\"l\">\(o.kind.rawValue)</td>" + cells.map { "<td>\($0)</td>" }.joined()
                h += "<td class=\"l\">\(esc(unit))</td><td class=\"l\">\(esc(o.detail))</td></tr>"
            }
            h += "</table></details>\n"
        }
        return h + "</body></html>\n"
    }

    /// A small line chart: shaded bands (low, high, colour), lines (values, colour, label), dashed horizontal guides.
    static func svgChart(title: String, x: [Double], bands: [([Double], [Double], String)], lines: [([Double], String, String)], guides: [Double]) -> String {
        let w = 560.0, hgt = 300.0, left = 50.0, right = 10.0, top = 24.0, bottom = 30.0
        let all = (bands.flatMap { $0.0 + $0.1 } + lines.flatMap(\.0)).filter(\.isFinite) + guides
        guard let x0 = x.first, let x1 = x.last, x1 > x0, var lo = all.min(), var hi = all.max() else { return "" }
        if hi == lo { hi += 1; lo -= 1 }
        let pad = (hi - lo) * 0.05; lo -= pad; hi += pad
        func px(_ v: Double) -> Double { left + (v - x0) / (x1 - x0) * (w - left - right) }
        func py(_ v: Double) -> Double { top + (hi - v) / (hi - lo) * (hgt - top - bottom) }
        func path(_ ys: [Double]) -> String {
            zip(x, ys).filter { $0.1.isFinite }.enumerated().map { i, p in String(format: "%@%.1f,%.1f", i == 0 ? "M" : "L", px(p.0), py(p.1)) }.joined()
        }
        var s = String(format: "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" font-size=\"11\">", w, hgt, w, hgt)
        s += "<text x=\"\(left)\" y=\"14\" font-size=\"12\">\(title.replacingOccurrences(of: "&", with: "&amp;"))</text>"
        for (low, high, colour) in bands {
            let forward = zip(x, high).map { String(format: "%.1f,%.1f", px($0), py($1)) }
            let back = zip(x, low).reversed().map { String(format: "%.1f,%.1f", px($0), py($1)) }
            s += "<polygon points=\"\((forward + back).joined(separator: " "))\" fill=\"\(colour)\" stroke=\"none\"/>"
        }
        for g in guides { s += String(format: "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>", left, w - right, py(g), py(g)) }
        for (k, (ys, colour, label)) in lines.enumerated() {
            s += "<path d=\"\(path(ys))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.8\"/>"
            s += String(format: "<text x=\"%.0f\" y=\"%.0f\" fill=\"%@\">%@</text>", w - right - 60, top + 14 + Double(k) * 13, colour, label)
        }
        // Axes: five ticks each.
        for i in 0...4 {
            let v = lo + (hi - lo) * Double(i) / 4, t = x0 + (x1 - x0) * Double(i) / 4
            s += String(format: "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">%.2g</text>", left - 4, py(v) + 4, v)
            s += String(format: "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%.0f</text>", px(t), hgt - 10, t)
        }
        s += String(format: "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#444\"/>", left, top, w - left - right, hgt - top - bottom)
        return s + "</svg>"
    }
}
