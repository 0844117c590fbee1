import Foundation
import Testing
@testable import EarthBox

/// Regional and decadal internal variability (issue 11): a 30-seed SSP2-4.5 ensemble on 36 bands against the
/// residual of observed GMST about the forced run (IGCC 2025), the poleward growth of band variance, the weak
/// coupling of tropical and Arctic anomalies, and the share of 2021–2050 trends that internal variability makes.
@Suite("Regional internal variability")
struct RegionalVariabilityTests {
    static let years = Array(1850...2024)
    static let members = 30

    struct Ensemble {
        let runs: [RunRecord]
        let forced: RunRecord
        let grid: LatitudeGrid
    }

    static let ensemble: Result<Ensemble, InputError> = Result { () throws(InputError) -> Ensemble in
        func configuration(_ seed: Int?) -> RunConfiguration {
            TestSupport.configuration(endYear: 2050) { c in
                c.run.bands = 36
                if let seed { c.model.variability.enabled = true; c.model.variability.seed = seed }
            }
        }
        var runs = [RunRecord]()
        for seed in 1...members { runs.append(try TestSupport.run(configuration(seed)).get()) }
        return Ensemble(runs: runs, forced: try TestSupport.run(configuration(nil)).get(), grid: try TestSupport.model(configuration(nil)).grid)
    }

    static func standardDeviationAndLag1(_ x: [Double]) -> (sd: Double, r1: Double) {
        let m = x.reduce(0, +) / Double(x.count), d = x.map { $0 - m }
        let v = d.map { $0 * $0 }.reduce(0, +) / Double(x.count)
        var c = 0.0
        for i in 1..<d.count { c += d[i] * d[i - 1] }
        return (v.squareRoot(), c / Double(x.count) / v)
    }

    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
        var ab = 0.0, aa = 0.0, bb = 0.0
        for i in a.indices { ab += (a[i] - ma) * (b[i] - mb); aa += (a[i] - ma) * (a[i] - ma); bb += (b[i] - mb) * (b[i] - mb) }
        return ab / (aa * bb).squareRoot()
    }

    static func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

    /// Internal variability of each member: its departure from the ensemble mean (the forced response, Deser et al.
    /// 2012, Clim Dyn 38, 527) in `years`, for a series `f(run, year)`.
    static func residuals(_ e: Ensemble, _ f: (RunRecord, Int) -> Double) -> [[Double]] {
        let forced = years.map { y in mean(e.runs.map { f($0, y) }) }
        return e.runs.map { run in years.indices.map { f(run, years[$0]) - forced[$0] } }
    }

    @Test func globalVariabilityMatchesTheObservedResidual() throws {
        let e = try Self.ensemble.get()
        let observations = URL(fileURLWithPath: TestSupport.forcingDirectory).deletingLastPathComponent().appendingPathComponent("Observations").path
        let t = try Observations.Table(observations, Observations.temperatureFile)
        let base = e.forced.mean(.blendedSurfaceTemperature, from: 1850, to: 1900)
        let observed = try Self.standardDeviationAndLag1(Self.years.map { y in
            try t.mean("gmst_anomaly", y...y) - (e.forced.value(.blendedSurfaceTemperature, year: y) - base)
        })
        let model = Self.residuals(e) { $0.value(.blendedSurfaceTemperature, year: $1) }.map(Self.standardDeviationAndLag1)
        let sd = Self.mean(model.map(\.sd)), r1 = Self.mean(model.map(\.r1))
        print("[variability] GMST 1850-2024 residual: observed sd \(observed.sd) K, lag-1 \(observed.r1); 30 members sd \(sd) K, lag-1 \(r1)")
        #expect(abs(sd / observed.sd - 1) < 0.2, "sd \(sd) K vs observed \(observed.sd) K")
        #expect(abs(r1 / observed.r1 - 1) < 0.2, "lag-1 autocorrelation \(r1) vs observed \(observed.r1)")
    }

    @Test func bandVariabilityGrowsPolewardAndTropicsAndArcticDecouple() throws {
        let e = try Self.ensemble.get()
        let centres = e.grid.centresDegrees
        func band(_ degrees: Double) -> Int { centres.indices.min { abs(centres[$0] - degrees) < abs(centres[$1] - degrees) }! }
        let sd = centres.indices.map { b in
            Self.mean(Self.residuals(e) { $0.zonal(.surfaceTemperature, year: $1)[b] }.map { Self.standardDeviationAndLag1($0).sd })
        }
        let north15 = band(17), north70 = band(72)   // 17.5°N and 72.5°N on 36 bands
        let a = Self.residuals(e) { $0.zonal(.surfaceTemperature, year: $1)[north15] }
        let b = Self.residuals(e) { $0.zonal(.surfaceTemperature, year: $1)[north70] }
        let r = Self.mean(zip(a, b).map(Self.correlation))
        print("[variability] band sd (K) by latitude: " + centres.indices.map { String(format: "%.1f:%.2f", centres[$0], sd[$0]) }.joined(separator: " "))
        print("[variability] correlation of band anomalies \(centres[north15])N vs \(centres[north70])N: \(r)")
        // CMIP piControl and observations: interannual variability grows from the tropics to the high latitudes
        // (Hawkins & Sutton 2012; Olonscheck et al. 2021), several-fold.
        #expect(sd[north70] > 2 * sd[north15], "sd 70N \(sd[north70]) vs 15N \(sd[north15])")
        #expect(sd[band(-70)] > 1.5 * sd[band(-15)], "sd 70S \(sd[band(-70)]) vs 15S \(sd[band(-15)])")
        #expect(r < 0.5, "correlation 15N-70N \(r)")
    }

    /// Share of the mean-square 2021–2050 trend that is internal: σ²/(μ² + σ²) over members (Hawkins & Sutton 2009).
    /// This is a signal-to-noise measure of one parameter set (it peaks near 10 % in the Arctic), not the
    /// internal/model partition the acceptance asks for (`internalVariabilityDominatesHighLatitudeTrendsInOneScenario`).
    /// What is tested: the share grows toward the poles, as the regional picture of Cai et al. (2021) has it.
    @Test func internalShareOf2021To2050TrendsGrowsPoleward() throws {
        let e = try Self.ensemble.get()
        let centres = e.grid.centresDegrees
        let span = Array(2021...2050)
        func trend(_ x: [Double]) -> Double {
            let t = span.map(Double.init), mt = Self.mean(t), mx = Self.mean(x)
            return zip(t, x).map { ($0 - mt) * ($1 - mx) }.reduce(0, +) / t.map { ($0 - mt) * ($0 - mt) }.reduce(0, +)
        }
        let fraction = centres.indices.map { b -> Double in
            let trends = e.runs.map { run in trend(span.map { run.zonal(.surfaceTemperature, year: $0)[b] }) }
            let m = Self.mean(trends), v = Self.mean(trends.map { ($0 - m) * ($0 - m) })
            return v / (m * m + v)
        }
        print("[variability] internal share of 2021-2050 trend variance by latitude: "
              + centres.indices.map { String(format: "%.1f:%.2f", centres[$0], fraction[$0]) }.joined(separator: " "))
        func band(_ degrees: Double) -> Int { centres.indices.min { abs(centres[$0] - degrees) < abs(centres[$1] - degrees) }! }
        #expect(fraction[band(72)] > 2 * fraction[band(0)], "internal share 72N \(fraction[band(72)]) vs equator \(fraction[band(0)])")
        #expect(fraction.allSatisfy { (0...1).contains($0) })
    }

    /// The uncertainty of 2021–2050 band trends partitioned as Hawkins & Sutton (2009) and Lehner et al. (2020) do:
    /// internal variability (4 seeds), model uncertainty (the first 6 members of the calibrated parameter set
    /// calibrated-v1, Calibration/earthbox-calibrated-v1.csv) and scenario uncertainty (SSP1-2.6, 2-4.5, 3-7.0, 5-8.5, the
    /// core set of Lehner et al. 2020), on 36
    /// bands. Reported per band (also by `earthbox uncertainty`). Pooled over four scenarios the model part is larger than
    /// in SSP2-4.5 alone (members spread most under SSP5-8.5) and the scenario part takes its share: internal 0.42 at
    /// 72.5°N with 6 members × 4 seeds, the tropics 0.09. The acceptance's one-scenario setting is tested below. What is
    /// tested here: the partition's invariants and that internal variability matters most at high latitudes,
    /// several-fold more than in the tropics.
    @Test func internalShareOfTrendUncertaintyByBand() throws {
        let base = TestSupport.configuration { $0.run.bands = 36 }
        let path = TestSupport.repository.appendingPathComponent("Calibration/earthbox-calibrated-v1.csv").path
        let scenarios = ["ssp126", "ssp245", "ssp370", "ssp585"]
        let result = try BandTrendUncertainty(base: base, parameterFile: path, members: 6, seeds: 4, scenarios: scenarios, years: 2021...2050)
        let centres = result.latitudes, parts = result.bands
        print("[uncertainty] share of 2021-2050 trend variance (internal/model/scenario) by latitude: "
              + centres.indices.map { String(format: "%.1f:%.2f/%.2f/%.2f", centres[$0], parts[$0].internalShare, parts[$0].modelShare, parts[$0].scenarioShare) }.joined(separator: " "))
        for p in parts {
            #expect(abs(p.internalShare + p.modelShare + p.scenarioShare - 1) < 1e-12)
            #expect(p.internalVariance > 0 && p.modelVariance >= 0 && p.scenarioVariance > 0)
        }
        let highLatitudes = centres.indices.filter { abs(centres[$0]) >= 45 }.map { parts[$0].internalShare }.max()!
        let tropics = centres.indices.filter { abs(centres[$0]) <= 15 }.map { parts[$0].internalShare }.max()!
        print("[uncertainty] largest internal share: mid/high latitudes \(highLatitudes), tropics \(tropics)")
        #expect(highLatitudes > 3 * tropics, "internal share mid/high latitudes \(highLatitudes) vs tropics \(tropics)")
    }

    /// The acceptance's own setting (issue 11): one scenario, SSP2-4.5, 30 seeds of the band variability and the model
    /// part from the calibrated parameter members (`earthbox uncertainty --scenarios ssp245 --seeds 30`), 36 bands.
    /// Within one scenario the 2021–2050 trend variance splits into internal and model parts (Hawkins & Sutton 2009;
    /// Lehner et al. 2020). Release runs of the same setting on calibrated-v1 (issue 12's converged raking): 72.5°N
    /// internal 0.61 (12 members), 0.58 (100), 0.59 (300 members), above 0.5 from 52.5°N to the pole; the tropics 0.2–0.35. The model's 30-year trend spread at 64–90N,
    /// 0.12 K per decade, sits between GISTEMP v4's residual spread over 1951–2019 (0.10) and 1880–2019 (0.22).
    @Test func internalVariabilityDominatesHighLatitudeTrendsInOneScenario() throws {
        let base = TestSupport.configuration { $0.run.bands = 36 }
        let path = TestSupport.repository.appendingPathComponent("Calibration/earthbox-calibrated-v1.csv").path
        let result = try BandTrendUncertainty(base: base, parameterFile: path, members: 12, seeds: 30, scenarios: ["ssp245"], years: 2021...2050)
        let centres = result.latitudes, parts = result.bands
        print("[uncertainty] SSP2-4.5, 30 seeds x 12 members, internal share of 2021-2050 trend variance by latitude: "
              + centres.indices.map { String(format: "%.1f:%.2f", centres[$0], parts[$0].internalShare) }.joined(separator: " "))
        for p in parts {
            #expect(p.scenarioVariance == 0 && abs(p.internalShare + p.modelShare - 1) < 1e-12)
        }
        let north = centres.indices.filter { centres[$0] >= 45 }
        let highLatitudes = north.map { parts[$0].internalShare }.max()!
        let tropics = centres.indices.filter { abs(centres[$0]) <= 15 }.map { parts[$0].internalShare }.max()!
        #expect(highLatitudes > 0.5, "largest internal share north of 45N \(highLatitudes)")
        #expect(tropics < 0.5, "largest internal share in the tropics \(tropics)")
    }

    /// The partition on numbers whose parts are known: trend = scenario + member + seed offsets.
    @Test func trendUncertaintyRecoversKnownParts() {
        let scenario = [0.0, 3.0], member = [-2.0, 2.0], seed = [-1.0, 1.0]
        let p = TrendUncertainty(trends: scenario.map { s in member.map { m in seed.map { s + m + $0 } } })
        #expect(abs(p.internalVariance - 2) < 1e-12)          // sample variance of ±1
        #expect(abs(p.modelVariance - (8 - 2.0 / 2)) < 1e-12)  // sample variance of ±2 less internal/seeds
        #expect(abs(p.scenarioVariance - 2.25) < 1e-12)        // variance of the set {0, 3}
        #expect(abs(TrendUncertainty.trend([1, 3, 5, 7]) - 2) < 1e-12)
    }

    /// Same seed, same bits: the band noise is drawn from the member's own stream in band order.
    @Test func bandNoiseIsReproducible() throws {
        let e = try Self.ensemble.get()
        let again = try TestSupport.run(TestSupport.configuration(endYear: 2050) { c in
            c.run.bands = 36; c.model.variability.enabled = true; c.model.variability.seed = 1
        }).get()
        #expect(again.values == e.runs[0].values)
    }
}
