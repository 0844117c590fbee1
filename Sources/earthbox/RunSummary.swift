import EarthBox
import Foundation

/// The short summary printed after a run: warming in 2030, 2060 and 2100 relative to 1850–1900, the peak, CO2 in 2100.
struct RunSummary {
    let record: RunRecord

    func text(name: String, path: String) -> String {
        var lines = ["EarthBox \(name): \(record.firstYear)-\(record.lastYear), written to \(path)"]
        let hasBaseline = record.firstYear <= 1850 && record.lastYear >= 1900
        let baseline = hasBaseline ? record.mean(.surfaceTemperature, from: 1850, to: 1900) : 0
        let label = hasBaseline ? "vs 1850-1900" : "vs start"
        for year in [2030, 2060, 2100] where year >= record.firstYear && year <= record.lastYear {
            lines.append(String(format: "  warming %d (%@): %5.2f K", year, label, record.value(.surfaceTemperature, year: year) - baseline))
        }
        let t = record.series(.surfaceTemperature)
        if let peak = t.indices.max(by: { t[$0] < t[$1] }) {
            lines.append(String(format: "  peak warming (%@): %5.2f K in %d", label, t[peak] - baseline, record.firstYear + peak))
        }
        let co2Year = min(2100, record.lastYear)
        if co2Year >= record.firstYear {
            lines.append(String(format: "  CO2 in %d: %6.1f ppm", co2Year, record.value(.co2Concentration, year: co2Year)))
        }
        return lines.joined(separator: "\n")
    }
}

/// The table `earthbox diagnose` prints and writes.
struct MetricsTable {
    let rows: [(String, Double, String, String)]

    init(_ m: ClimateMetrics) {
        rows = [
            ("ECS (Gregory, abrupt-4xCO2 years 1-150)", m.ecsGregory, "K", "AR6 likely 2.5-4.0"),
            ("ECS (abrupt-2xCO2 equilibrium)", m.ecsEquilibrium, "K", "AR6 likely 2.5-4.0"),
            ("ECS (configured, F2x/lambda)", m.ecsConfigured, "K", ""),
            ("TCR (1pctCO2 years 61-80)", m.tcr, "K", "AR6 likely 1.4-2.2"),
            ("TCRE", m.tcre, "K per 1000 PgC", "AR6 likely 1.0-2.3"),
            ("Cumulative emissions at 2xCO2 (1pctCO2 year 70)", m.cumulativeEmissionsAtDoubling, "PgC", ""),
            ("ZEC50 (esm-1pct-brch-1000PgC)", m.zec50, "K", "ZECMIP -0.36 to +0.29"),
            ("Year of 1000 PgC in 1pctCO2", Double(m.branchYear1000PgC), "yr", ""),
            ("esm-flat10 warming at 1000 PgC (years 91-110)", m.flat10WarmingAt1000PgC, "K", ""),
            ("esm-flat10-zec ZEC50", m.flat10Zec50, "K", ""),
            ("esm-flat10-cdr peak warming", m.flat10CdrPeakWarming, "K", ""),
            ("esm-flat10-cdr year of peak", Double(m.flat10CdrPeakYear), "yr", ""),
            ("esm-flat10-cdr warming when net cumulative emissions return to zero", m.flat10CdrWarmingAtZeroCumulative, "K", ""),
        ]
    }

    var text: String {
        rows.map { row in
            row.0.padding(toLength: 70, withPad: " ", startingAt: 0) + String(format: "%9.3f  ", row.1)
                + row.2.padding(toLength: 16, withPad: " ", startingAt: 0) + row.3
        }.joined(separator: "\n")
    }

    var csv: String {
        "metric,value,unit,reference\n" + rows.map { "\"\($0.0)\",\($0.1),\($0.2),\"\($0.3)\"" }.joined(separator: "\n") + "\n"
    }
}
