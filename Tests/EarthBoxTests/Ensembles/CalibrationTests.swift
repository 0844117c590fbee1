import Foundation
import Testing
@testable import EarthBox

/// `earthbox calibrate` (docs/calibration.md): the target distributions, raking, the weighted draw, a small
/// calibration run twice in process (same bits), a posterior file read back, and every kind of bad input.
@Suite("Calibration", .serialized) struct CalibrationTests {
    static let repository = TestSupport.repository

    /// 60 prior members, 20 posterior members: seconds in a debug build.
    static func namelist(_ folder: URL, members: Int = 60, posterior: Int = 12, extra: String = "", priors: String? = nil) -> String {
        """
        &run
          start_year = 1750
          end_year = 2024
          forcing_directory = '\(repository.appendingPathComponent("Forcing").path)'
          output_directory = '\(folder.path)'
        /
        &ensemble
          members = \(members)
          scenarios = 'ssp245'
          seed = 3
          constrain = .false.
          output_variables = 'tas'
          observations_directory = '\(repository.appendingPathComponent("Observations").path)'
        /
        &priors
        \(priors ?? """
          climate.equilibrium_climate_sensitivity = 'lognormal', 3.0, 0.4, 1.2, 9.0
          forcing.aerosol_cloud_scale = 'normal', 1.0, 0.6, 0.0, 3.0
          ocean.vertical_diffusivity = 'lognormal', 0.7, 0.5, 0.15, 3.0
        """)
        /
        &calibration
          posterior_members = \(posterior)
          batch_members = 25
          gmst_rmse_threshold = 0.25
          posterior_file = '\(folder.appendingPathComponent("posterior.csv").path)'
          diagnostics_file = '\(folder.appendingPathComponent("posterior-diagnostics.nc").path)'
          \(extra)
        /
        """
    }

    static func load(_ text: String, in folder: URL) throws(InputError) -> CalibrationConfiguration {
        let path = folder.appendingPathComponent("calibration.nml").path
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return try CalibrationConfiguration.load(path: path)
    }

    static func calibrate(_ c: CalibrationConfiguration) throws -> CalibrationResult {
        let calibration = Calibration(configuration: c)
        let prior = try #require(try calibration.runPrior(processes: SingleProcess(), worker: EnsembleWorker(configuration: c.prior)))
        return try calibration.constrain(values: prior.values, tcre: prior.tcre)
    }

    @Test func quantileTargetMeetsItsThreeQuantiles() {
        let t = QuantileTarget(q05: 2, q50: 3, q95: 5)
        #expect(abs(t.cdf(2) - 0.05) < 1e-12 && abs(t.cdf(3) - 0.5) < 1e-12 && abs(t.cdf(5) - 0.95) < 1e-12)
        for p in [0.01, 0.17, 0.5, 0.83, 0.99] { #expect(abs(t.cdf(t.quantile(p)) - p) < 1e-9) }
        #expect(!QuantileTarget(q05: 3, q50: 2, q95: 5).isOrdered)
    }

    /// Raking a uniform sample of two correlated quantities to skewed targets meets the targets' 5/50/95 % (bin
    /// edges of the equal-probability bins) to the weighted-percentile resolution, once the sweeps have converged.
    @Test func rakingReachesTheTargetMarginal() {
        let u = LatinHypercube.random(count: 20_000, dimensions: 2, seed: 7)
        // y depends on x, so fitting one marginal disturbs the other and a single sweep does not converge.
        let x = u.map { 1 + 8 * $0[0] }, y = zip(u, x).map { -2.8 + 2.6 * $0.0[1] + 0.1 * $0.1 }
        let tx = QuantileTarget(q05: 2, q50: 3, q95: 5), ty = QuantileTarget(q05: -1.7, q50: -1.0, q95: -0.3)
        let fit = MarginalRaking.fit(values: [x, y], targets: [tx, ty], start: x.map { _ in 1 })
        let w = fit.weights
        #expect(fit.misfit <= MarginalRaking.tolerance && fit.sweeps > 1, "\(fit.sweeps) sweeps, misfit \(fit.misfit)")
        let px = WeightedStatistics.percentiles(x, weights: w, [5, 50, 95]), py = WeightedStatistics.percentiles(y, weights: w, [5, 50, 95])
        for (got, want) in zip(px, [2.0, 3.0, 5.0]) { #expect(abs(got - want) < 0.01, "ECS-like \(px)") }
        for (got, want) in zip(py, [-1.7, -1.0, -0.3]) { #expect(abs(got - want) < 0.005, "ERF-like \(py)") }
        #expect(abs(w.reduce(0, +) - 1) < 1e-12)
    }

    /// A target reaching where no member is (an ERFari above 0 needs a negative scaling) still converges: the members
    /// take the target's shape over the bins they reach, and those outside its 0.01–99.99 % get no weight.
    @Test func rakingConvergesWhenPartOfTheTargetIsOutOfReach() {
        let u = LatinHypercube.random(count: 10_000, dimensions: 1, seed: 3)
        let x = u.map { -0.9 + 0.88 * $0[0] }   // -0.9 ... -0.02: the target's top 5 % (above 0) is out of reach
        let fit = MarginalRaking.fit(values: [x], targets: [QuantileTarget(q05: -0.6, q50: -0.3, q95: 0.0)], start: x.map { _ in 1 })
        #expect(fit.misfit <= MarginalRaking.tolerance && fit.sweeps < MarginalRaking.maximumSweeps)
        #expect(zip(x, fit.weights).allSatisfy { $0.0 > -0.6 - 0.3 / QuantileTarget.z95 * 3.72 || $0.1 == 0 })
        let median = WeightedStatistics.percentiles(x, weights: fit.weights, [50])[0]
        #expect(median < -0.3 && median > -0.4, "the reached part keeps the target's shape: median \(median)")
    }

    /// Two targets that contradict each other (one quantity, two different target medians) have no joint fit: the
    /// raking stops at its sweep limit with the misfit left, and the report says so.
    @Test func contradictoryTargetsAreReportedAsNotConverged() {
        let u = LatinHypercube.random(count: 2_000, dimensions: 1, seed: 9)
        let x = u.map { 4 * $0[0] }
        let fit = MarginalRaking.fit(values: [x, x], targets: [QuantileTarget(q05: 1, q50: 1.5, q95: 2), QuantileTarget(q05: 2, q50: 2.5, q95: 3)],
                                     start: x.map { _ in 1 })
        #expect(fit.sweeps == MarginalRaking.maximumSweeps && fit.misfit > 0.1)
        let warning = MarginalRaking.convergenceWarning(sweeps: fit.sweeps, misfit: fit.misfit)
        #expect(warning?.contains("did not converge") == true)
        #expect(MarginalRaking.convergenceWarning(sweeps: 370, misfit: 9.9e-5) == nil)
    }

    /// Drawn along the members sorted by a quantity, the equally weighted posterior follows the weighted distribution
    /// of that quantity to about 1/count in cumulative probability; along a random order only to ~(p(1−p)/count)^½.
    @Test func stratifiedDrawFollowsTheWeightedQuantilesOfItsQuantity() {
        let u = LatinHypercube.random(count: 40_000, dimensions: 1, seed: 5)
        let x = u.map { 0.4 + 1.3 * $0[0] }
        let w = MarginalRaking.weights(values: [x], targets: [QuantileTarget(q05: 0.955, q50: 1.09, q95: 1.195)], start: x.map { _ in 1 })
        let weighted = WeightedStatistics.percentiles(x, weights: w, [5, 50, 95])
        var worstRandom = 0.0
        for seed in 0..<8 as Range<UInt64> {
            let stratified = MarginalRaking.draw(count: 1000, weights: w, seed: seed, stratifiedBy: x)
            let random = MarginalRaking.draw(count: 1000, weights: w, seed: seed)
            #expect(Set(stratified).count == 1000 && stratified.allSatisfy { w[$0] > 0 })
            let ps = WeightedStatistics.percentiles(stratified.map { x[$0] }, weights: stratified.map { _ in 1 }, [5, 50, 95])
            let pr = WeightedStatistics.percentiles(random.map { x[$0] }, weights: random.map { _ in 1 }, [5, 50, 95])
            for (a, b) in zip(ps, weighted) { #expect(abs(a - b) < 0.0015, "stratified \(ps) against \(weighted)") }
            worstRandom = max(worstRandom, zip(pr, weighted).map { abs($0 - $1) }.max()!)
            // The returned order is the seeded random one, not sorted by x: the first 100 are a fair subsample.
            let first = stratified.prefix(100).map { x[$0] }
            #expect(first != first.sorted())
        }
        #expect(worstRandom > 0.003, "a random order is noisier: \(worstRandom)")
    }

    @Test func weightedDrawIsDistinctDeterministicAndSkipsZeroWeights() {
        let w = (0..<500).map { $0 % 5 == 0 ? 0 : Double($0 % 7 + 1) }
        let a = MarginalRaking.draw(count: 100, weights: w, seed: 11), b = MarginalRaking.draw(count: 100, weights: w, seed: 11)
        #expect(a == b && Set(a).count == 100 && a.allSatisfy { w[$0] > 0 })
        #expect(a != MarginalRaking.draw(count: 100, weights: w, seed: 12))
        // Heavier members are drawn more often: weight 7 against weight 1 over many seeds.
        var heavy = 0, light = 0
        for s in 0..<200 { for i in MarginalRaking.draw(count: 20, weights: w, seed: UInt64(s)) { if w[i] == 7 { heavy += 1 } else if w[i] == 1 { light += 1 } } }
        #expect(heavy > 3 * light)
    }

    /// Systematic PPS sampling includes each member with probability ∝ its weight (capped at 1): over many seeds
    /// the inclusion frequencies follow the weights, and a member heavier than 1/count of the total is always drawn.
    @Test func weightedDrawIncludesEachMemberInProportionToItsWeight() {
        var w = (0..<300).map { Double($0 % 3 + 1) }   // weights 1, 2, 3, a hundred of each
        w[7] = 500                                      // share 500/1100 > 1/20: certain
        var counts = [Int](repeating: 0, count: w.count)
        let seeds = 2000
        for s in 0..<seeds { for i in MarginalRaking.draw(count: 20, weights: w, seed: UInt64(s)) { counts[i] += 1 } }
        #expect(counts[7] == seeds)
        // The other 19 places are shared in proportion to weight: π = 19 w / 598 (the others weigh 600 − 2).
        for k in 1...3 {
            let members = w.indices.filter { $0 != 7 && w[$0] == Double(k) }
            let frequency = Double(members.reduce(0) { $0 + counts[$1] }) / Double(members.count * seeds)
            #expect(abs(frequency - 19 * Double(k) / 598) < 0.003, "weight \(k): \(frequency)")
        }
    }

    /// The same namelist gives the same posterior file bit for bit, and the file reads back to the same bits.
    @Test func smallCalibrationIsReproducibleAndReadsBack() throws {
        let folder = try TestSupport.temporaryDirectory()
        let c = try Self.load(Self.namelist(folder), in: folder)
        let a = try Self.calibrate(c), b = try Self.calibrate(c)
        let fa = a.parameterSetFile(namelistPath: "x.nml", codeRevision: "test"), fb = b.parameterSetFile(namelistPath: "x.nml", codeRevision: "test")
        #expect(fa.text == fb.text)
        #expect(fa.rows.count == 12 && Set(fa.priorMembers).count == 12)
        #expect(a.passedHistoryMatch.filter { $0 }.count < 60, "history matching removes members")
        let path = folder.appendingPathComponent("set.csv").path
        try fa.text.write(toFile: path, atomically: true, encoding: .utf8)
        let back = try ParameterSetFile.load(path: path)
        #expect(back == fa)
        #expect(zip(back.rows.joined(), fa.rows.joined()).allSatisfy { $0.bitPattern == $1.bitPattern })
        // An ensemble over the file: its members are the rows, equally weighted.
        let ensemble = """
        &run
          start_year = 1750
          end_year = 2030
          forcing_directory = '\(Self.repository.appendingPathComponent("Forcing").path)'
        /
        &ensemble
          parameter_file = '\(path)'
          climate_metrics = .false.
        /
        """
        let nml = folder.appendingPathComponent("e.nml").path
        try ensemble.write(toFile: nml, atomically: true, encoding: .utf8)
        let e = try EnsembleConfiguration.load(path: nml)
        #expect(e.settings.members == 12 && !e.settings.constrain && e.samples == fa.rows)
        #expect(e.priors.map(\.parameter.name) == fa.parameters)
    }

    @Test func badCalibrationInputIsRefusedBeforeAnyWork() throws {
        let folder = try TestSupport.temporaryDirectory()
        func error(_ text: String) -> InputError? { TestSupport.inputError { () throws(InputError) in try Self.load(text, in: folder) } }
        let unknown = try #require(error(Self.namelist(folder, extra: "constraints = 'gmst_rmse', 'sea_level'")))
        #expect(unknown.key == "constraints" && "\(unknown)".contains("sea_level"))
        let reversed = try #require(error(Self.namelist(folder, extra: "ecs_target = 5.0, 3.0, 2.0")))
        #expect(reversed.key == "ecs_target" && "\(reversed)".contains("impossible target"))
        let reversedGMST = try #require(error(Self.namelist(folder, extra: "gmst_2011_2020_target = 1.2, 1.09, 0.95")))
        #expect(reversedGMST.key == "gmst_2011_2020_target" && "\(reversedGMST)".contains("impossible target"))
        let unreachable = try #require(error(Self.namelist(folder, priors: "climate.equilibrium_climate_sensitivity = 'uniform', 6.0, 9.0")))
        #expect(unreachable.key == "ecs_target" && "\(unreachable)".contains("misses"))
        let tooMany = try #require(error(Self.namelist(folder, members: 20, posterior: 30)))
        #expect(tooMany.key == "posterior_members")
        let short = try #require(error(Self.namelist(folder).replacingOccurrences(of: "end_year = 2024", with: "end_year = 2020")))
        #expect(short.key == "end_year")
        let notApplied = try #require(error(Self.namelist(folder, extra: "constraints = 'gmst_rmse', 'ecs'\n  history_matched_constraints = 'tcr'")))
        #expect(notApplied.key == "history_matched_constraints" && "\(notApplied)".contains("tcr"))
    }

    /// A history-matched constraint removes every member further than the implausibility threshold from its target
    /// and is not raked: the members left keep equal weight along it.
    @Test func historyMatchedConstraintFiltersInsteadOfRaking() throws {
        let folder = try TestSupport.temporaryDirectory()
        let plain = try Self.calibrate(Self.load(Self.namelist(folder, members: 120, posterior: 10), in: folder))
        let c = try Self.load(Self.namelist(folder, members: 120, posterior: 10,
                                            extra: "history_matched_constraints = 'land_sink_2013_2022'\n  implausibility_threshold = 0.5"), in: folder)
        let r = try Self.calibrate(c)
        let t = try #require(c.targets[.landSink]), land = try #require(r.values[.landSink])
        #expect(r.passedHistoryMatch.filter { $0 }.count < plain.passedHistoryMatch.filter { $0 }.count)
        for i in land.indices where r.passedHistoryMatch[i] {
            #expect(abs(land[i] - t.q50) <= 0.5 * (land[i] < t.q50 ? t.q50 - t.q05 : t.q95 - t.q50) / QuantileTarget.z95 + 1e-12)
        }
        #expect(zip(r.passedHistoryMatch, plain.passedHistoryMatch).allSatisfy { !$0 || $1 }, "only ever fewer members")
        #expect(r.weights.indices.allSatisfy { r.passedHistoryMatch[$0] || r.weights[$0] == 0 })
    }

    /// A prior no member of which survives history matching ends with that report, not with a posterior.
    @Test func aPriorNoMemberSurvivesIsReported() throws {
        let folder = try TestSupport.temporaryDirectory()
        let c = try Self.load(Self.namelist(folder, members: 20, posterior: 10).replacingOccurrences(of: "gmst_rmse_threshold = 0.25", with: "gmst_rmse_threshold = 0.01"), in: folder)
        #expect(throws: CalibrationFailure.self) { _ = try Self.calibrate(c) }
        let d = try Self.load(Self.namelist(folder, members: 20, posterior: 19), in: folder)
        do { _ = try Self.calibrate(d); Issue.record("19 of 20 members cannot have an effective sample size of 19") } catch let f as CalibrationFailure {
            #expect(f.description.contains("effective sample size"))
        }
    }

    /// One definition: P(peak > 1.5 and 2 °C) from `ensemble`'s analysis and from `compare` reading the file it wrote are the same numbers.
    @Test func ensembleAndCompareGiveTheSameProbabilities() throws {
        let folder = try TestSupport.temporaryDirectory()
        let text = """
        &run
          start_year = 1750
          end_year = 2100
          forcing_directory = '\(Self.repository.appendingPathComponent("Forcing").path)'
        /
        &ensemble
          members = 8
          scenarios = 'ssp126'
          constrain = .false.
          climate_metrics = .false.
          output_variables = \(RunSeries.needed.map { "'\($0)'" }.joined(separator: ", "))
        /
        &priors
          climate.equilibrium_climate_sensitivity = 'lognormal', 3.0, 0.4, 1.2, 9.0
        /
        """
        let nml = folder.appendingPathComponent("e.nml").path
        try text.write(toFile: nml, atomically: true, encoding: .utf8)
        let c = try EnsembleConfiguration.load(path: nml)
        var worker = try EnsembleWorker(configuration: c)
        let results = try #require(try EnsembleDriver(configuration: c).run(resume: false, worker: &worker, processes: SingleProcess()).results)
        let analysis = EnsembleAnalysis(results: results, observations: nil)
        let path = folder.appendingPathComponent("e.nc").path
        try NetCDF.write(EnsembleDataset.make(analysis), to: path)
        let group = try #require(Comparison(runs: try RunSeries.load(path: path)).groups.first)
        let peaks = results.summary(.peakWarming, scenario: 0)
        for threshold in [1.5, 2.0] {
            #expect(group.probabilityAbove(threshold) == WarmingStatistics.exceedance(peaks, weights: analysis.weights, threshold: threshold))
        }
        #expect(zip(group.metrics.map(\.peakWarming), peaks).allSatisfy { $0 == $1 }, "the same 20-year peak of every member")
        let at2100 = results.summary(.warming2100, scenario: 0)
        #expect(group.probability2100Above(1.5) == WarmingStatistics.exceedance(at2100, weights: analysis.weights, threshold: 1.5))
        #expect(zip(group.metrics.map { $0.warming[2100]! }, at2100).allSatisfy { abs($0 - $1) < 1e-12 }, "the same 2100 warming of every member")
        #expect(group.category != nil)
    }
}
