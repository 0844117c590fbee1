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

    init(_ m: ClimateMetrics, history: [(String, Double, String, String)] = []) {
        rows = [
            ("ECS (Gregory, abrupt-4xCO2 years 1-150)", m.ecsGregory, "K", "AR6 likely 2.5-4.0"),
            ("ECS (abrupt-2xCO2 equilibrium)", m.ecsEquilibrium, "K", "AR6 likely 2.5-4.0"),
            ("ECS (configured, F2x/lambda)", m.ecsConfigured, "K", ""),
            ("TCR (1pctCO2 years 61-80)", m.tcr, "K", "AR6 likely 1.4-2.2"),
            ("TCRE", m.tcre, "K per 1000 PgC", "AR6 likely 1.0-2.3"),
            ("Cumulative emissions at 2xCO2 (1pctCO2 year 70)", m.cumulativeEmissionsAtDoubling, "PgC", ""),
            ("ZEC50 (esm-1pct-brch-1000PgC)", m.zec50, "K", "ZECMIP -0.36 to +0.29, mean -0.07"),
            ("Year of 1000 PgC in 1pctCO2", Double(m.branchYear1000PgC), "yr", ""),
            ("ZEC50 (esm-1pct-brch-750PgC)", m.zec50For750PgC, "K", "ZECMIP: fewer models, see MacDougall et al. 2020"),
            ("ZEC50 (esm-1pct-brch-2000PgC)", m.zec50For2000PgC, "K", "ZECMIP: fewer models, see MacDougall et al. 2020"),
            // flat10MIP: FaIR calibrated 841-member ensemble 5-95 % as given in issue 10 (Smith et al. 2024 calibration v1.4).
            ("flat10 TCRE (esm-flat10 years 91-110)", m.flat10WarmingAt1000PgC, "K per 1000 PgC", "AR6 likely 1.0-2.3"),
            ("flat10 ZEC50 (esm-flat10-zec)", m.flat10Zec50, "K", "FaIR-841 -0.15 to +0.20"),
            ("flat10 ZEC100 (esm-flat10-zec)", m.flat10Zec100, "K", "FaIR-841 -0.24 to +0.31"),
            ("esm-flat10 airborne fraction at 1000 PgC (year 100)", m.flat10AirborneFraction, "1", ""),
            ("esm-flat10-zec CO2 at year 100 and year 150", m.flat10CO2AtStop, "ppm", String(format: "year 150: %.1f ppm", m.flat10CO2FiftyYearsAfterStop)),
            ("flat10 TR1000 (esm-flat10-cdr years 191-210 minus 91-110)", m.flat10TR1000, "K", "FaIR-841 -0.29 to +0.40"),
            ("flat10 TR0 (esm-flat10-cdr years 301-320)", m.flat10TR0, "K", "FaIR-841 -0.39 to +0.29"),
            ("flat10 tPW (peak warming year minus 150)", Double(m.flat10PeakWarmingTiming), "yr", "flat10MIP: before or after net zero"),
            ("esm-flat10-cdr peak warming", m.flat10CdrPeakWarming, "K", ""),
            ("esm-flat10-cdr CO2 at cumulative zero (year 300)", m.flat10CO2AtZeroCumulative, "ppm", ""),
            ("esm-flat10-cdr atmosphere carbon change at cumulative zero", m.flat10AtmosphereAtZeroCumulative, "PgC", ""),
            ("esm-flat10-cdr ocean carbon change at cumulative zero", m.flat10OceanAtZeroCumulative, "PgC", ""),
            ("esm-flat10-cdr land carbon change at cumulative zero", m.flat10LandAtZeroCumulative, "PgC", ""),
            // Arora et al. 2020 (BG 17, 4173) CMIP6 mean ± 1 sd at 4xCO2.
            ("C4MIP land beta (1pctCO2-bgc year 140)", m.landBeta, "PgC/ppm", "CMIP6 0.97 +- 0.40"),
            ("C4MIP ocean beta", m.oceanBeta, "PgC/ppm", "CMIP6 0.79 +- 0.07"),
            ("C4MIP land gamma (1pctCO2 minus -bgc)", m.landGamma, "PgC/K", "CMIP6 -45.1 +- 50.6"),
            ("C4MIP ocean gamma", m.oceanGamma, "PgC/K", "CMIP6 -17.2 +- 5.0"),
        ] + history
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

/// The scenario rows of `earthbox diagnose`: history against observations, permafrost against AR6, overshoot.
enum CarbonHistoryRows {
    static func scenario(_ base: RunConfiguration, _ name: String, end: Int, permafrost: Bool = false) throws(InputError) -> RunRecord {
        var c = base
        c.run.experiment = .scenario; c.run.scenario = name; c.run.co2Mode = .emissions; c.run.pathwayFile = ""
        c.run.startYear = 1750; c.run.endYear = end
        c.model.co2Mode = .emissions
        c.model.variability.enabled = false
        if permafrost { c.model.land.permafrostEnabled = true }
        return try RunPlan(c).run()
    }

    static func rows(configuration base: RunConfiguration) throws(InputError) -> [(String, Double, String, String)] {
        var rows: [(String, Double, String, String)] = []
        func scenario(_ name: String, end: Int, permafrost: Bool = false) throws(InputError) -> RunRecord {
            try CarbonHistoryRows.scenario(base, name, end: end, permafrost: permafrost)
        }
        let forcing = base.run.forcingDirectory as NSString
        let observations = (forcing.deletingLastPathComponent.isEmpty ? "" : forcing.deletingLastPathComponent + "/") + "Observations"
        let h = try CarbonCycleHistory(record: try scenario("ssp245", end: 2100), observationsDirectory: observations)
        rows.append(("CO2 RMSE 1850-2024 vs IGCC 2024", h.co2RMSE, "ppm", "issue 10 target <= 3"))
        for (i, y) in h.co2Years.enumerated() {
            rows.append(("CO2 in \(y)", h.co2Modelled[i], "ppm", String(format: "IGCC 2024 %.1f", h.co2Observed[i])))
        }
        if base.run.emissionsStartYear < 1850 {
            // The same history emission-driven only from 1850, CO2 following the ice cores before (C4MIP esm-hist's start).
            var spun = base
            spun.run.emissionsStartYear = 1850
            let s = try CarbonCycleHistory(record: try CarbonHistoryRows.scenario(spun, "ssp245", end: 2100), observationsDirectory: observations)
            rows.append(("CO2 RMSE 1850-2024, emissions_start_year = 1850", s.co2RMSE, "ppm", "issue 10 target <= 3"))
        }
        rows.append(("Cumulative ocean uptake 1850-2022", h.cumulativeOceanUptake1850to2022, "PgC", "GCB 2023 179 +- 20"))
        for (i, d) in h.decades.enumerated() {
            rows.append(("Ocean sink \(d)s", h.oceanSink[i], "PgC/yr", String(format: "GCB 2023 %.2f +- %.1f", h.oceanSinkObserved[i], CarbonCycleHistory.oceanSinkSigma)))
        }
        for (i, d) in h.decades.enumerated() {
            rows.append(("Natural land sink (NPP - RH) \(d)s", h.landSink[i], "PgC/yr", String(format: "GCB 2023 %.2f +- %.1f", h.landSinkObserved[i], CarbonCycleHistory.landSinkSigma)))
        }
        // Emission-driven SSP CO2 beside the RCMIP concentrations, which MAGICC7 made from the same emissions
        // (Meinshausen et al. 2020, GMD 13, 3571), with the permafrost as configured and switched on.
        func rcmipCO2(_ name: String, year: Int) throws(InputError) -> Double {
            let d = try ScenarioDrivers.load(directory: base.run.forcingDirectory, scenario: name).drivers
            return d.values[d.rowOffset(year: year) + DriverColumns.co2Concentration(halogens: d.halogenCount)]
        }
        for name in ["ssp126", "ssp245", "ssp585"] {
            let r = try scenario(name, end: 2100)
            rows.append(("CO2 in 2100, \(name) emission-driven", r.value(.co2Concentration, year: 2100), "ppm",
                         String(format: "RCMIP (MAGICC7) %.1f", try rcmipCO2(name, year: 2100))))
        }
        for name in ["ssp126", "ssp245", "ssp585"] {
            let r = try scenario(name, end: 2100, permafrost: true)
            rows.append(("CO2 in 2100, \(name), permafrost on", r.value(.co2Concentration, year: 2100), "ppm",
                         String(format: "RCMIP (MAGICC7) %.1f", try rcmipCO2(name, year: 2100))))
            let p = CarbonCycleHistory.permafrostReleasePerKelvin(r, land: base.model.land)
            rows.append(("Permafrost release by 2100 per K, \(name)", p.perKelvin, "PgC/K", "AR6 18 (3.1-41) as CO2"))
            rows.append(("  of which as CH4, \(name)", p.methanePerKelvin, "PgC/K", ""))
            rows.append(("Permafrost release before 1950, \(name)", p.before1950, "PgC", "< 5"))
        }
        let over = try scenario("ssp534-over", end: 2300)
        rows.append(("CO2 in 2150, ssp534-over emission-driven", over.value(.co2Concentration, year: 2150), "ppm",
                     String(format: "RCMIP (MAGICC7) %.1f", try rcmipCO2("ssp534-over", year: 2150))))
        rows.append(("ssp534-over ocean sink 2100", over.value(.oceanCarbonUptake, year: 2100), "PgC/yr", ""))
        let source = OvershootCarbon(over)
        rows.append(("ssp534-over lowest decadal ocean sink 2090-2200", source.lowestOceanSink, "PgC/yr", "Koven et al. 2022: < 0, every ESM turns to source"))
        rows.append(("ssp534-over first decade the ocean is a source", Double(source.firstOceanSourceDecade ?? 0), "yr", "after the overshoot"))
        rows.append(("ssp534-over lowest decadal land NBP 2090-2200", source.lowestLandUptake, "PgC/yr", "Koven et al. 2022: neutral or source"))
        rows.append(("ssp534-over ocean sink 2200-2300 mean", over.mean(.oceanCarbonUptake, from: 2200, to: 2300), "PgC/yr", ""))
        return rows
    }
}
