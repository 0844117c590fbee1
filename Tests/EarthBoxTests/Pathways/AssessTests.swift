import Foundation
import Testing
@testable import EarthBox

/// The walk-through file (docs/assess/ssp-markers-iamc.csv, built from the RCMIP SSP markers at 5/10-yearly
/// resolution with IAMC names and units, some species removed) through the preparation, the model and `assess`.
@Suite("Assess", .serialized) struct AssessTests {
    static let repository = TestSupport.repository
    static let walkthrough = repository.appendingPathComponent("docs/assess/ssp-markers-iamc.csv").path
    static let markers = ["SSP1-19": "ssp119", "SSP1-26": "ssp126", "SSP2-45": "ssp245", "SSP3-Baseline": "ssp370", "SSP4-34": "ssp434",
                          "SSP4-Baseline": "ssp460", "SSP5-34-OS": "ssp534-over", "SSP5-Baseline": "ssp585"]
    static let complete: Set<String> = ["SSP1-19", "SSP2-45", "SSP3-Baseline", "SSP5-Baseline"]

    static func configuration(_ scenario: String, harmonise: Bool, infill: Bool) -> RunConfiguration {
        TestSupport.configuration(scenario: "ssp245") {
            $0.run.scenarioFile = walkthrough
            $0.run.scenarioName = scenario
            $0.run.harmonise = harmonise
            $0.run.infill = infill
        }
    }

    static func warming2100(_ r: RunRecord) -> Double {
        r.value(.surfaceTemperature, year: 2100) - r.mean(.surfaceTemperature, from: 1850, to: 1900)
    }

    /// Acceptance: each SSP marker fed through the IAMC file lands within 0.05 K in 2100 of the same SSP from the
    /// shipped forcing (harmonisation and infilling off where the file is complete, on where species were removed).
    @Test func markersMatchTheShippedForcing() throws {
        for (name, ssp) in Self.markers.sorted(by: { $0.key < $1.key }) {
            let full = Self.complete.contains(name)
            let c = Self.configuration(name, harmonise: !full, infill: !full)
            let plan = try TestSupport.plan(c)
            #expect(plan.emissionsProvenance.contains(full ? ": given: " : ": infilled: "), "the output names each species' origin")
            let viaFile = plan.run()
            let shipped = try TestSupport.run(TestSupport.configuration(scenario: ssp)).get()
            let d = Self.warming2100(viaFile) - Self.warming2100(shipped)
            print(String(format: "assess acceptance: %@ %@: 2100 warming via the IAMC file - shipped %@ = %+.4f K", name, full ? "(complete, as given)" : "(harmonised + infilled)", ssp, d))
            #expect(abs(d) < 0.05, "\(name): \(d) K")
            if full { #expect(abs(d) < 1e-3, "\(name): a complete file as given is the shipped forcing up to unit rounding") }
        }
    }

    /// Acceptance: harmonised series are continuous at the harmonisation year (no step larger than the history's
    /// year-on-year change) and equal the raw series from the convergence year on.
    @Test func harmonisedSeriesAreContinuousAndConverge() throws {
        let base = try ScenarioDrivers.load(directory: TestSupport.forcingDirectory, scenario: "ssp245").drivers
        var preparer = ScenarioPreparer(base: base, historySource: "test", database: try InfillerDatabase(forcingDirectory: TestSupport.forcingDirectory))
        for input in try ScenarioFile.load(path: Self.walkthrough) {
            for year in [2015, 2020] {
                var o = ScenarioOptions()
                o.harmonisationYear = year
                let p = try preparer.prepare(input, options: o)
                for (s, species) in EmissionSpecies.all.enumerated() {
                    let c = species.column
                    let yoy = ((year - 10)..<year).map { abs(base[$0, c] - base[$0 - 1, c]) }.max()!
                    let step = abs(p.series[s][0] - base[year - 1, c])
                    #expect(p.series[s][0] == base[year, c], "\(input.label) \(species.name): meets history in \(year)")
                    #expect(step <= max(yoy, abs(base[year, c] - base[year - 1, c])) + 1e-12, "\(input.label) \(species.name): step \(step) > \(yoy)")
                    if let raw = p.raw[s], case let method = p.origins[s].detail, method.contains("_2080") {
                        #expect(Array(p.series[s][(2080 - year)...]) == Array(raw[(2080 - year)...]), "\(input.label) \(species.name) converges by 2080")
                    }
                }
                #expect(p.origins.allSatisfy { $0.kind != .given }, "every species harmonised or infilled")
            }
        }
    }

    @Test func missingSpeciesWithoutInfillingIsAnError() {
        let e = TestSupport.inputError { () throws(InputError) in try TestSupport.plan(Self.configuration("SSP5-34-OS", harmonise: true, infill: false)) }
        #expect(e?.message.contains("lacks") == true && e?.message.contains("Emissions|BC") == true)
        let pair = TestSupport.inputError { () throws(InputError) in try TestSupport.plan(Self.configuration("SSP5-3.4", harmonise: true, infill: true)) }
        #expect(pair?.key == "scenario_name" && pair?.message.contains("did you mean") == true)
    }

    @Test func categoriesFollowAR6Definitions() {
        typealias C = ScenarioAssessment.Category
        #expect(C.classify(peakP33: 1.45, peakMedian: 1.55, peakP67: 1.7, median2100: 1.3) == .c1)
        #expect(C.classify(peakP33: 1.6, peakMedian: 1.7, peakP67: 1.8, median2100: 1.4) == .c2)
        #expect(C.classify(peakP33: 1.7, peakMedian: 1.8, peakP67: 1.95, median2100: 1.7) == .c3)
        #expect(C.classify(peakP33: 1.8, peakMedian: 1.95, peakP67: 2.1, median2100: 1.8) == .c4)
        #expect(C.classify(peakP33: 2, peakMedian: 2.4, peakP67: 2.6, median2100: 2.3) == .c5)
        #expect(C.classify(peakP33: 2, peakMedian: 4.4, peakP67: 5, median2100: 4.4) == .c8)
    }

    /// `assess` end to end on a small ensemble: the files appear, the CSV carries categories, and 1 and 2 MPI ranks
    /// give byte-identical outputs.
    @Test func assessWritesIdenticalFilesOnAnyRankCount() async throws {
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let namelist = try EnsembleRunTests.write("""
            &run
              start_year = 1750
              end_year = 2100
              forcing_directory = '\(Self.repository.appendingPathComponent("Forcing").path)'
            /
            &ensemble
              members = 6
              seed = 3
              constrain = .true.
              climate_metrics = .false.
              observations_directory = '\(Self.repository.appendingPathComponent("Observations").path)'
            /
            &priors
              climate.equilibrium_climate_sensitivity = 'lognormal', 3.0, 0.28, 1.5, 8.0
            /
            """, to: folder)
        try #require(ProcessSupport.isExecutable(EnsembleRunTests.earthbox), "build the package first")
        var outputs: [String] = []
        for ranks in [nil, 2] as [Int?] {
            let sub = folder.appendingPathComponent("ranks-\(ranks ?? 1)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            let out = sub.appendingPathComponent("assess").path
            let arguments = ["assess", Self.walkthrough, "--ensemble", namelist, "--output", out, "--quiet"]
            let r: ProcessSupport.Result
            if let ranks, let mpirun = ProcessSupport.findTool("mpirun") {
                r = try await ProcessSupport.run(mpirun, ["-n", String(ranks), "--allow-run-as-root", "--oversubscribe", EnsembleRunTests.earthbox] + arguments,
                                                 dropEnvironmentPrefixes: EnsembleRunTests.mpiEnvironmentPrefixes, timeout: .seconds(300))
            } else if ranks == nil {
                r = try await ProcessSupport.run(EnsembleRunTests.earthbox, arguments, dropEnvironmentPrefixes: EnsembleRunTests.mpiEnvironmentPrefixes, timeout: .seconds(300))
            } else { continue }
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(out)
        }
        let csv = try String(contentsOfFile: outputs[0] + ".csv", encoding: .utf8)
        #expect(csv.hasPrefix("model,scenario,region,variable,unit,Category,1995,"))
        #expect(csv.contains("AR6 climate diagnostics|Surface Temperature (GSAT)|EarthBox|50.0th Percentile"))
        let meta = try String(contentsOfFile: outputs[0] + "-meta.csv", encoding: .utf8)
        #expect(meta.split(separator: "\n").count == 9)   // header + 8 markers
        for extensionName in [".csv", "-meta.csv", "-provenance.csv", ".html", ".nc"] {
            #expect(FileManager.default.fileExists(atPath: outputs[0] + extensionName))
            if outputs.count > 1 {
                #expect(EnsembleRunTests.bytes(outputs[0] + extensionName) == EnsembleRunTests.bytes(outputs[1] + extensionName),
                        "\(extensionName) differs between 1 and 2 ranks")
            }
        }
    }
}
