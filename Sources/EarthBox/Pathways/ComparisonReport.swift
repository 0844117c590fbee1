import Foundation

/// Writes the comparison: table (Markdown, IAMC CSV), series CSV, figures (PNG + SVG through gnuplot) and one
/// self-contained HTML report (figures inlined as SVG; no network needed). Everything is made in a temporary
/// folder and moved into place at the end, so a failure leaves no half-written report.
public struct ComparisonReport {
    public let comparison: Comparison
    public var firstPlotYear = 1950
    /// gnuplot executable; nil = look it up on PATH. Figures are skipped (and said so) when it is missing.
    public var gnuplot: String? = nil

    public init(_ comparison: Comparison) { self.comparison = comparison }

    public static let figureNames = ["temperature", "co2", "emissions", "sinks", "sea-level", "hysteresis", "fast-slow"]

    /// Writes into `directory`; returns the files written and a note about figures (nil if they were made).
    @discardableResult
    public func write(to directory: String) throws -> (files: [String], figureNote: String?) {
        // Runs that end before the usual first plotted year (1950) are plotted from their own start.
        if plotStart != firstPlotYear {
            var report = self
            report.firstPlotYear = plotStart
            return try report.write(to: directory)
        }
        let fm = FileManager.default
        let created = !fm.fileExists(atPath: directory)
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var finished = false
        // A failed report leaves no folder behind that it made itself.
        defer { if created && !finished && ((try? fm.contentsOfDirectory(atPath: directory)) ?? []).isEmpty { try? fm.removeItem(atPath: directory) } }
        let tmp = (directory as NSString).appendingPathComponent(".compare.tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(atPath: tmp)
        try fm.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: tmp) }
        func put(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: (tmp as NSString).appendingPathComponent(name))) }
        try put("compare.md", "# EarthBox pathway comparison\n\n" + comparison.markdown + "\n" + comparison.budgetSummary.split(separator: "\n").map { "- " + $0 }.joined(separator: "\n") + "\n\n" + notesMarkdown)
        try put("compare.csv", comparison.csv)
        try put("series.csv", comparison.seriesTable.csvText)
        var note: String? = nil
        var figureDirectory: String? = nil
        if let exe = gnuplot ?? Self.findOnPath("gnuplot") {
            try writeFigureData(into: tmp)
            figureDirectory = tmp
            var skipped: [String] = []
            figures: for name in Self.figureNames {
                let size = name == "sinks" || name == "hysteresis" ? "1400,900" : "1200,800"
                for (terminal, ext) in [("pngcairo size \(size) font 'DejaVu Sans,14'", "png"), ("svg size \(size) dynamic font 'DejaVu Sans,14'", "svg")] {
                    let script = "set terminal \(terminal)\nset output '\(name).\(ext)'\n" + figureScript(name)
                    try put("\(name)-\(ext).gp", script)
                    let p = Process()
                    p.executableURL = URL(fileURLWithPath: exe)
                    p.arguments = ["\(name)-\(ext).gp"]
                    p.currentDirectoryURL = URL(fileURLWithPath: tmp)
                    let err = Pipe(); p.standardError = err
                    p.standardOutput = FileHandle.nullDevice
                    var message = ""
                    do {
                        try p.run()
                        message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                        p.waitUntilExit()
                    } catch { message = "cannot start \(exe)" }
                    if p.isRunning || p.terminationStatus != 0 {
                        // A series the inputs do not hold (an ensemble file stores a few variables only), or data
                        // gnuplot cannot draw, leaves that figure out with a one-line reason; the report goes on.
                        let reason = message.contains("undefined") ? "the inputs hold no such series" : "gnuplot: " + Self.gnuplotReason(message)
                        for e in ["png", "svg"] { try? fm.removeItem(atPath: (tmp as NSString).appendingPathComponent("\(name).\(e)")) }
                        skipped.append("\(name) (\(reason))")
                        continue figures
                    }
                }
            }
            if !skipped.isEmpty { note = "figures not drawn: " + skipped.joined(separator: "; ") }
        } else {
            note = "figures skipped: gnuplot not found (install gnuplot-nox)"
        }
        try put("report.html", html(figureDirectory: figureDirectory, note: note))
        var written: [String] = []
        for name in try fm.contentsOfDirectory(atPath: tmp).sorted() {
            let keep = name.hasSuffix(".md") || name.hasSuffix(".csv") || name.hasSuffix(".png") || name.hasSuffix(".svg") || name.hasSuffix(".html")
            guard keep else { continue }
            let target = (directory as NSString).appendingPathComponent(name)
            if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
            try fm.moveItem(atPath: (tmp as NSString).appendingPathComponent(name), toPath: target)
            written.append(target)
        }
        finished = true
        return (written, note)
    }

    /// The first year plotted: `firstPlotYear`, or the earliest start when some run ends by then.
    var plotStart: Int {
        let members = comparison.groups.flatMap(\.members)
        guard let earliestEnd = members.map(\.lastYear).min(), earliestEnd <= firstPlotYear,
              let earliestStart = members.map(\.firstYear).min() else { return firstPlotYear }
        return min(earliestStart, firstPlotYear)
    }

    /// gnuplot's own reason in one line: the last line naming an error ("x range is invalid"), without the file.
    static func gnuplotReason(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "^" }
        let last = lines.last { $0.hasPrefix("\"") } ?? lines.last ?? "failed"
        // `"name.gp" line 15: x range is invalid` → `x range is invalid`
        if let colon = last.range(of: ": ") { return String(last[colon.upperBound...]) }
        return last
    }

    static func findOnPath(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }

    // MARK: Figure data and scripts

    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22", "#000000", "#393b79"]

    func fileName(_ g: PathwayGroup) -> String { g.label.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.map(String.init).joined() }

    func writeFigureData(into dir: String) throws {
        for g in comparison.groups {
            let bands = Comparison.plotted.map { g.band($0.2, transform: $0.3(g)) }
            var text = "# year" + Comparison.plotted.map { " \($0.2)_median low high" }.joined() + "\n"
            for (i, y) in bands[0].years.enumerated() where y >= firstPlotYear {
                text += "\(y)" + bands.map { " \($0.median[i]) \($0.low[i]) \($0.high[i])" }.joined() + "\n"
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(fileName(g)).dat"))
            // Hysteresis: rising (up to the CO2 maximum) and falling phases, medians, from 1950.
            let co2 = bands[1], ocean = bands[3], land = bands[4]
            let rows = co2.years.indices.filter { co2.years[$0] >= firstPlotYear }
            let top = rows.max { co2.median[$0] < co2.median[$1] } ?? 0
            var h = "# co2 ocean land (rising)\n"
            for i in rows where i <= top { h += "\(co2.median[i]) \(ocean.median[i]) \(land.median[i])\n" }
            h += "\n\n# falling\n"
            for i in rows where i >= top { h += "\(co2.median[i]) \(ocean.median[i]) \(land.median[i])\n" }
            try Data(h.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(fileName(g))-hyst.dat"))
            // Fast/slow split of the first member.
            if let split = FastSlowSplit(g.members[g.members.count / 2]) {   // the middle member (the central ECS in compare-pathways.sh)
                var f = "# year surface slow fast (K vs 1750)\n"
                for (i, y) in g.members[g.members.count / 2].years.enumerated() where y >= firstPlotYear {
                    let s = split.slow(year: y)
                    f += "\(y) \(split.surface[i]) \(s) \(split.surface[i] - s)\n"
                }
                try Data(f.utf8).write(to: URL(fileURLWithPath: "\(dir)/\(fileName(g))-split.dat"))
            }
        }
    }

    func figureScript(_ name: String) -> String {
        let groups = comparison.groups
        var s = "set grid lc rgb '#dddddd'\nset key below horizontal maxcols 3 noenhanced font ',12' spacing 1.1 width 2\nset border lw 1.2\nset xtics nomirror\nset ytics nomirror\n"
        func series(column c: Int, title: String, ylabel: String) -> String {
            let spread = groups.first(where: \.isEnsemble).map { " (median; shading: range of \($0.members.count) runs)" } ?? ""
            let t = "set title '\(title)\(spread)'\nset xlabel 'Year'\nset ylabel '\(ylabel)'\nplot "
            var parts: [String] = []
            for (i, g) in groups.enumerated() {
                let colour = Self.colours[i % Self.colours.count]
                let dash = g.isPathway ? 1 : 2
                let m = 2 + 3 * c
                if g.isEnsemble { parts.append("'\(fileName(g)).dat' u 1:\(m + 1):\(m + 2) w filledcurves fs transparent solid 0.10 noborder lc rgb '\(colour)' notitle") }
                parts.append("'\(fileName(g)).dat' u 1:\(m) w l lw \(g.isPathway ? 2.5 : 1.8) dt \(dash) lc rgb '\(colour)' title '\(g.label)'")
            }
            return t + parts.joined(separator: ", \\\n  ") + "\n"
        }
        switch name {
        case "temperature":
            s += "set label 1 '1.5 °C' at graph 0.01, first 1.55 tc rgb '#555555'\nset label 2 '2 °C' at graph 0.01, first 2.05 tc rgb '#555555'\n"
            s += "set arrow 1 from graph 0, first 1.5 to graph 1, first 1.5 nohead dt 3 lc rgb '#888888'\nset arrow 2 from graph 0, first 2 to graph 1, first 2 nohead dt 3 lc rgb '#888888'\n"
            s += series(column: 0, title: "Global surface air temperature change", ylabel: "Warming vs 1850–1900 (K)")
        case "co2": s += series(column: 1, title: "Atmospheric CO2", ylabel: "CO2 (ppm)")
        case "emissions":
            s += "set arrow 1 from graph 0, first 0 to graph 1, first 0 nohead lc rgb '#444444'\n"
            s += series(column: 2, title: "Global fossil and industrial CO2 emissions (net)", ylabel: "Emissions (Gt CO2/yr)")
        case "sea-level": s += series(column: 5, title: "Thermosteric sea-level rise (vs 1995–2014)", ylabel: "Sea level (cm)")
        case "sinks":
            s += "set multiplot layout 1,2\nset key below maxcols 2 font ',10'\n" + series(column: 3, title: "Ocean carbon sink", ylabel: "Ocean sink (PgC/yr)")
            s += series(column: 4, title: "Land carbon sink (net biome production)", ylabel: "Land sink (PgC/yr)") + "unset multiplot\n"
        case "hysteresis":
            s += "set multiplot layout 1,2 title 'Sinks against atmospheric CO2 from 1950: rising CO2 (solid) and falling CO2 (dashed)'\nset xlabel 'CO2 (ppm)'\nset key below maxcols 2 font ',10'\n"
            for (panel, (col, label)) in [(2, "Ocean sink (PgC/yr)"), (3, "Land sink (PgC/yr)")].enumerated() {
                s += "set ylabel '\(label)'\nset title '\(panel == 0 ? "Ocean" : "Land")'\nplot "
                s += groups.enumerated().map { i, g in
                    let c = Self.colours[i % Self.colours.count]
                    return "'\(fileName(g))-hyst.dat' index 0 u 1:\(col) w l lw 2 lc rgb '\(c)' title '\(g.label)', '' index 1 u 1:\(col) w l lw 2 dt 2 lc rgb '\(c)' notitle"
                }.joined(separator: ", \\\n  ") + "\n"
            }
            s += "unset multiplot\n"
        default: // fast-slow
            let chosen = groups.filter { $0.isPathway && FastSlowSplit($0.members[$0.members.count / 2]) != nil }.prefix(3)
            s += "set title 'Fast (mixed-layer) and slow (deep-ocean, recalcitrant) parts of the warming (Held et al. 2010)'\nset xlabel 'Year'\nset ylabel 'Warming vs 1750 (K)'\nplot "
            s += chosen.enumerated().map { i, g in
                let c = Self.colours[(groups.firstIndex { $0.label == g.label } ?? i) % Self.colours.count]
                return "'\(fileName(g))-split.dat' u 1:2 w l lw 2.5 lc rgb '\(c)' title '\(g.label): total', '' u 1:4 w l lw 1.5 dt 2 lc rgb '\(c)' title 'fast', '' u 1:3 w l lw 1.5 dt 3 lc rgb '\(c)' title 'slow'"
            }.joined(separator: ", \\\n  ") + (chosen.isEmpty ? "0 title 'no pathway run'" : "") + "\n"
        }
        return s
    }

    // MARK: HTML

    var notesMarkdown: String {
        """
        ## How to read it

        - Warming: global surface air temperature change vs 1850–1900. Peak: the largest 20-year running mean, windows ending from 2019 on (docs/calibration.md §5, the one definition of every command).
        - Net-zero CO2 (global): first year from 2020 with fossil + land-use CO2 ≤ 0 in the run; cumulative total CO2 from 1750 to that year.
        - Remaining carbon budget (RCB): total CO2 emitted from 1 Jan 2020 to the central year of the first 20-year window whose mean warming
          reaches 1.5 or 2 °C along that run ("not reached" if none does). At likelihood L: the (100 − L)th weighted percentile over the runs
          (L % of them stay below the level until then; 67 % needs an ensemble). AR6 WG1 SPM Table SPM.2 from 2020: 1.5 °C 500 (50 %) and
          400 (67 %) Gt CO2; 2 °C 1350 and 1150 Gt CO2. compare.csv also holds 1.7 °C, 33 and 83 %, and the budgets from 2025.
        - P(peak > T), P(2100 > 1.5 °C): weighted share of the runs of that pathway whose peak (2100 warming) exceeds T (needs an ensemble).
        - AR6 category: C1–C8 from the weighted peak (to 2100) percentiles 33/50/67 and the 2100 median (AR6 WG3 Ch. 3, Riahi et al. 2022, Table 3.1).
        - Sinks: ocean = air-to-sea CO2 flux; land = net biome production; PgC/yr. Sea level: thermosteric only, vs 1995–2014.
        - dT 50 yr after net zero: warming change from the global net-zero year to 50 years later (the zero-emissions commitment).
        - Fast/slow: Held et al. (2010) split at the peak, relative to 1750: slow = the warming left 10 years after the forcing is switched off (the run's energy balance restarted from its ocean temperature profile), fast = the rest.
        - Pathway effect: warming of the pathway run minus the same base scenario run without the pathway (the region's contribution).
        """
    }

    func html(figureDirectory: String?, note: String?) -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;") }
        let c = comparison
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>EarthBox pathway comparison</title>
        <style>
        body { font-family: 'DejaVu Sans', Arial, sans-serif; margin: 24px; color: #222; max-width: 1500px; }
        table { border-collapse: collapse; font-size: 12px; }
        th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: right; white-space: nowrap; }
        th { background: #f0f0f0; white-space: normal; max-width: 110px; vertical-align: bottom; }
        td:first-child { text-align: left; }
        .scroll { overflow-x: auto; max-width: 100%; }
        figure { margin: 18px 0; } figure svg { width: 100%; height: auto; max-width: 1200px; }
        figcaption { font-size: 13px; color: #444; }
        </style></head><body>
        <h1>EarthBox pathway comparison</h1>
        <p>\(c.groups.count) pathways and scenarios, \(c.groups.map(\.members.count).reduce(0, +)) runs. Made by <code>earthbox compare</code>; the same table is in compare.md and, in the IAMC long layout, compare.csv.</p>
        <h2>Indicators</h2><div class="scroll"><table><tr>
        """
        // Transposed (one row per indicator, one column per pathway) so ten pathways fit a screen without scrolling.
        let rows = c.rows
        h += "<th>Indicator</th>" + rows.map { "<th>\(esc($0[0]).replacingOccurrences(of: "-", with: "-<wbr>"))</th>" }.joined() + "</tr>\n"
        for (i, title) in c.header.enumerated().dropFirst() {
            h += "<tr><td>\(esc(title))</td>" + rows.map { "<td>\(esc($0[i]))</td>" }.joined() + "</tr>\n"
        }
        h += "</table></div>\n<h2>Remaining carbon budgets vs AR6</h2><table><tr><th>Run</th><th>1.5 °C 50 %</th><th>AR6</th><th>1.5 °C 67 %</th><th>AR6</th><th>2 °C 50 %</th><th>AR6</th><th>2 °C 67 %</th><th>AR6</th></tr>\n"
        let cols = Comparison.columns.filter { $0.variable.hasPrefix("Remaining") }
        for g in c.groups {
            h += "<tr><td>\(esc(g.label))</td>"
            for (i, col) in cols.enumerated() {
                let key = ["1.5/50", "1.5/67", "2.0/50", "2.0/67"][i]
                h += "<td>\(c.cell(col, g))</td><td>\(Int(Comparison.ar6Budgets[key]!))</td>"
            }
            h += "</tr>\n"
        }
        h += "</table><p>Gt CO2 from 1 Jan 2020; AR6 WG1 SPM Table SPM.2.</p>\n"
        h += "<h2>Figures</h2>\n"
        if figureDirectory != nil, let note { h += "<p>\(esc(note))</p>\n" }
        if let dir = figureDirectory {
            let captions = ["temperature": "Warming vs 1850–1900; shading: range over the runs of an ensemble; dashed: base scenarios.",
                            "co2": "Atmospheric CO2.", "emissions": "Net global fossil CO2 emissions (negative = net removals).",
                            "sinks": "Ocean and land carbon sinks.", "sea-level": "Thermosteric sea-level rise vs 1995–2014.",
                            "hysteresis": "Sinks against CO2: the falling branch lies below the rising one (hysteresis).",
                            "fast-slow": "Fast and slow parts of the warming."]
            for name in Self.figureNames {
                guard var svg = try? String(contentsOfFile: "\(dir)/\(name).svg", encoding: .utf8) else { continue }
                if let start = svg.range(of: "<svg") { svg = String(svg[start.lowerBound...]) }
                h += "<figure id=\"\(name)\">\(svg)<figcaption>\(esc(captions[name] ?? name)) PNG: \(name).png</figcaption></figure>\n"
            }
        } else {
            h += "<p>\(esc(note ?? "no figures"))</p>\n"
        }
        h += "<h2>Notes</h2><pre style=\"white-space: pre-wrap\">\(esc(notesMarkdown))</pre>\n</body></html>\n"
        return h
    }
}
