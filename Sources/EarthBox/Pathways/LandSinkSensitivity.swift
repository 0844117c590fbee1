import Foundation

/// National net-zero accounting across land-sink estimates: for each sink S (PgC/yr), the net-zero year of the
/// pathway as written (first year fossil − removals ≤ S), the fossil CO2 still allowed at the target net-zero year
/// (S + the removals), and the warming when the pathway is rebuilt to reach net zero after S in the target year.
///
/// The sink is accounting only (the model's land carbon is not changed), which is the review's point (Cai, Cheng
/// et al. 2021, Bull. Chin. Acad. Sci., doi:10.16418/j.issn.1000-3045.20210402002, Table 1: China 0.12–1.11 PgC/yr):
/// counting a larger sink lets more fossil CO2 into the atmosphere at the same "net zero".
public enum LandSinkSensitivity {
    public struct Row: Sendable {
        public let sinkPgC: Double
        /// Net-zero year of the central pathway under this sink (nil if never reached).
        public let netZeroYearOfCentralPathway: Int?
        /// Fossil CO2 allowed at the target net-zero year, Gt CO2/yr (net of CDR = sink; gross = sink + removals).
        public let allowedNetFossilGtCO2: Double, allowedGrossFossilGtCO2: Double
        /// Warming of the pathway rebuilt for this sink: peak (annual, relative to 1850–1900) and its year, and 2100.
        public let peakWarming: Double, peakYear: Int, warming2100: Double
    }

    /// The sinks explored: the low end, the central value, the high end (sorted, without repeats).
    public static func sinks(_ s: PathwaySettings) -> [Double] {
        Array(Set([s.landSink] + s.landSinkRange)).sorted()
    }

    public static func compute(namelist: Namelist, historyFile: String?, central: PathwayBuilder.Result) throws(InputError) -> [Row] {
        let settings = try NamelistDecoder.decode(PathwaySettings.self, from: namelist)
        var configuration = try RunConfiguration.from(namelist)
        var rows: [Row] = []
        for sink in sinks(settings) {
            let tmp = NSTemporaryDirectory() + String(format: "earthbox-%d-%u-land-sink-%.2fPgC.csv", getpid(), UInt32.random(in: 0...UInt32.max), sink)
            defer { try? FileManager.default.removeItem(atPath: tmp) }
            let variant = try PathwayBuilder.build(namelist: namelist, historyFile: historyFile, landSink: sink)
            do { try Data(variant.table.csvText.utf8).write(to: URL(fileURLWithPath: tmp)) } catch {
                throw InputError(file: tmp, message: "cannot write a temporary pathway file: \(error.localizedDescription)")
            }
            configuration.run.pathwayFile = tmp
            let record = try RunPlan(configuration).run()
            let tas = record.series(.surfaceTemperature)
            let years = record.years
            guard let b0 = years.firstIndex(of: 1850), let b1 = years.firstIndex(of: 1900) else {
                throw namelist.error(group: "run", key: "start_year", "the land-sink report measures warming from 1850-1900: start_year must be at most 1850")
            }
            let baseline = tas[b0...b1].reduce(0, +) / Double(b1 - b0 + 1)
            let anomaly = tas.map { $0 - baseline }
            let peak = anomaly.indices.max { anomaly[$0] < anomaly[$1] }!
            let sinkMt = sink * RegionalComposition.mtCO2PerPgC
            let nz = central.pathway.years.first { central.pathway.net(year: $0) <= sinkMt }
            rows.append(Row(sinkPgC: sink, netZeroYearOfCentralPathway: nz, allowedNetFossilGtCO2: sinkMt / 1000,
                            allowedGrossFossilGtCO2: (sinkMt + central.spec.residualMtCO2) / 1000,
                            peakWarming: anomaly[peak], peakYear: years[peak],
                            warming2100: years.firstIndex(of: 2100).map { anomaly[$0] } ?? .nan))
        }
        return rows
    }

    public static func markdown(_ rows: [Row], settings s: PathwaySettings) -> String {
        var t = "## Net zero after the domestic land sink (\(s.region), target net zero \(s.netZeroYear))\n\n"
        t += "The sink is counted towards net zero (accounting); the model's own land carbon cycle is unchanged, so each "
        t += "row's pathway lets fossil CO2 = sink + removals into the atmosphere from \(s.netZeroYear) on. "
        t += "Range: Cai, Cheng et al. 2021, Table 1 (China 0.12–1.11 PgC/yr).\n\n"
        t += "| land sink (PgC/yr) | net-zero year of the central pathway | fossil CO2 allowed at net zero, net of CDR / gross (Gt CO2/yr) | peak warming (K, year) | warming 2100 (K) |\n"
        t += "|---|---|---|---|---|\n"
        for r in rows {
            t += String(format: "| %.2f%@ | %@ | %.2f / %.2f | %.2f (%d) | %.2f |\n", r.sinkPgC, r.sinkPgC == s.landSink ? " (central)" : "",
                        r.netZeroYearOfCentralPathway.map(String.init) ?? "not reached", r.allowedNetFossilGtCO2, r.allowedGrossFossilGtCO2,
                        r.peakWarming, r.peakYear, r.warming2100)
        }
        return t
    }
}
