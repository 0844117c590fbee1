/// A calibration namelist read and checked (`earthbox calibrate`, docs/calibration.md): the prior ensemble (`&run`,
/// `&ensemble`, `&priors`, sampled as any ensemble), the `&calibration` settings and the target of every
/// constraint. Everything that can make the calibration impossible before it runs is found here, on every rank.
public struct CalibrationConfiguration: Sendable {
    public let prior: EnsembleConfiguration
    public let settings: CalibrationSettings
    public let constraints: [CalibrationConstraint]
    /// The target of every constraint but history matching.
    public let targets: [CalibrationConstraint: QuantileTarget]
    /// Constraints with a target applied by history matching (implausibility) instead of raking.
    public let historyMatched: Set<CalibrationConstraint>
    /// IGCC GMST anomaly relative to its 1850–1900 mean, one value per year of `historyYears`.
    public let observedGMST: [Double]
    public var source: String { prior.source }

    /// The years history matching compares (IGCC 2025 GMST; Forster et al. 2025, ESSD 17, 2641).
    public static let historyYears = 1850...2024
    /// The series every prior member records: GSAT for history matching, aerosol ERF for its constraints.
    static let recorded = ["tas", "erf_ari", "erf_aci"]

    public static func load(path: String, overrides: [NamelistOverride] = []) throws(InputError) -> CalibrationConfiguration {
        let namelist = try Namelist.load(path: path).applying(overrides)
        let text = try BoundedRead.text(path: path, limit: BoundedRead.namelistLimit, what: "namelist file")
        let settings = try NamelistDecoder.decode(CalibrationSettings.self, from: namelist)
        let rest = Namelist(file: namelist.file, groups: namelist.groups.filter { $0.name != CalibrationSettings.groupName })
        let record = overrides.isEmpty ? text : text + "\n" + NamelistOverride.comments(overrides)
        let prior: EnsembleConfiguration
        do { prior = try EnsembleConfiguration.from(rest, text: record) } catch { throw error.locating(overrides) }
        return try make(prior: prior, settings: settings, namelist: namelist)
    }

    static func make(prior: EnsembleConfiguration, settings: CalibrationSettings, namelist: Namelist) throws(InputError) -> CalibrationConfiguration {
        func fail(_ group: String, _ key: String, _ message: String) -> InputError { namelist.error(group: group, key: key, message) }
        let constraints = settings.constraints.compactMap(CalibrationConstraint.init(rawValue:))
        let run = prior.base.run
        if run.startYear > 1850 || run.endYear < historyYears.upperBound {
            throw fail("run", run.startYear > 1850 ? "start_year" : "end_year",
                       "calibration compares 1850-\(historyYears.upperBound) with observations: start_year ≤ 1850 and end_year ≥ \(historyYears.upperBound) (got \(run.startYear)-\(run.endYear))")
        }
        let historyMatched = Set(settings.historyMatchedConstraints.compactMap(CalibrationConstraint.init(rawValue:)))
        if let k = historyMatched.first(where: { !constraints.contains($0) || $0 == .gmstRMSE }) {
            throw fail("calibration", "history_matched_constraints", k == .gmstRMSE ? "gmst_rmse is history matching already"
                       : "'\(k.rawValue)' is not one of the constraints applied (constraints = \(settings.constraints.joined(separator: ", ")))")
        }
        if prior.scenarios.count != 1 {
            throw fail("ensemble", "scenarios", "calibration runs one history (e.g. 'ssp245', RCMIP's extended historical after 2014), not \(prior.scenarios.count)")
        }
        if prior.base.model.variability.enabled || prior.settings.variabilityRealisations > 1 {
            throw fail(prior.base.model.variability.enabled ? "variability" : "ensemble",
                       prior.base.model.variability.enabled ? "enabled" : "variability_realisations",
                       "calibration runs each prior member once without internal variability (the GMST RMSE threshold allows for it)")
        }
        if (constraints.contains(.ecs) || constraints.contains(.tcr)) && !prior.settings.climateMetrics {
            throw fail("ensemble", "climate_metrics", "the ecs and tcr constraints need climate_metrics = .true.")
        }
        if settings.posteriorMembers > prior.settings.members {
            throw fail("calibration", "posterior_members", "\(settings.posteriorMembers) posterior members cannot be drawn from \(prior.settings.members) prior members")
        }
        let ecs = QuantileTarget(q05: settings.ecsTarget[0], q50: settings.ecsTarget[1], q95: settings.ecsTarget[2])
        let tcr = QuantileTarget(q05: settings.tcrTarget[0], q50: settings.tcrTarget[1], q95: settings.tcrTarget[2])
        let gmst2011to2020 = QuantileTarget(q05: settings.gmst2011to2020Target[0], q50: settings.gmst2011to2020Target[1], q95: settings.gmst2011to2020Target[2])
        for (key, target) in [("ecs_target", ecs), ("tcr_target", tcr), ("gmst_2011_2020_target", gmst2011to2020)] where !target.isOrdered {
            throw fail("calibration", key, "an impossible target: the 5, 50 and 95 % values must increase (\(target.summary))")
        }
        // A target the prior cannot reach: ECS is a parameter, so the prior's range of it must overlap the target's 5–95 %.
        if constraints.contains(.ecs) {
            let name = "climate.equilibrium_climate_sensitivity"
            let range = prior.priors.first { $0.parameter.name == name }.map { $0.distribution.bounds }
                ?? (prior.base.model.climate.equilibriumClimateSensitivity, prior.base.model.climate.equilibriumClimateSensitivity)
            if range.1 < ecs.q05 || range.0 > ecs.q95 {
                throw fail("calibration", "ecs_target", "an impossible target: the prior's ECS range [\(range.0), \(range.1)] K misses the target's 5-95 % range \(ecs.q05)-\(ecs.q95) K")
            }
        }
        let o = try Observations.load(directory: prior.settings.observationsDirectory)
        let gmst = try Observations.Table(prior.settings.observationsDirectory, Observations.temperatureFile)
        let baseline = try gmst.mean("gmst_anomaly", 1850...1900)
        var observed: [Double] = []
        for y in historyYears { observed.append(try gmst.mean("gmst_anomaly", y...y) - baseline) }
        func rss(_ a: Double, _ b: Double) -> Double { (a * a + b * b).squareRoot() }
        let targets: [CalibrationConstraint: QuantileTarget] = [
            // AR6's assessed 2011–2020 GMST, 1.09 [0.95–1.20] K (AR6 WG1 SPM A.1.2; IGCC 2025's update of the same
            // datasets gives \(o.warming2011to2020), within 0.01 K): the assessment the projections are judged against.
            .gmst2011to2020: gmst2011to2020,
            // σ of the box model's CO2 is the prescribed emissions' (GCB 2023 land use ±0.7 PgC/yr), not NOAA's 0.1 ppm: ObservationalConstraint.
            .co2In2014: QuantileTarget(mean: o.co2In2014, sigma: 5),
            // von Schuckmann et al. 2023 1σ ⊕ 30 ZJ structural error (no land, ice or atmosphere heat): ObservationalConstraint.
            .oceanHeat1971to2018: QuantileTarget(mean: o.oceanHeatGain1971to2018, sigma: rss(o.oceanHeatGainError, 30)),
            // GCB 2023 decadal 1σ (Friedlingstein et al. 2023, ESSD 15, 5301, Table 7).
            .oceanSink: QuantileTarget(mean: o.oceanSink2013to2022, sigma: 0.4),
            .landSink: QuantileTarget(mean: o.landSink2013to2022, sigma: 0.8),
            // AR6 WG1 §7.3.3.1–2 (Forster et al. 2021): ERFari −0.3 [−0.6 to 0.0], ERFaci −1.0 [−1.7 to −0.3] W m⁻², 2005–2014 vs 1750.
            .aerosolRadiation: QuantileTarget(q05: -0.6, q50: -0.3, q95: 0.0),
            .aerosolCloud: QuantileTarget(q05: -1.7, q50: -1.0, q95: -0.3),
            .ecs: ecs, .tcr: tcr,
        ].filter { constraints.contains($0.key) }
        return CalibrationConfiguration(prior: prior, settings: settings, constraints: constraints, targets: targets,
                                        historyMatched: historyMatched, observedGMST: observed)
    }

    /// The ensemble of prior members `range`: the prior's samples, recording only what the constraints need.
    func batch(_ range: Range<Int>) -> EnsembleConfiguration {
        var settings = prior.settings
        settings.members = range.count
        settings.outputVariables = Self.recorded
        settings.constrain = false
        settings.journalDirectory = ""
        return EnsembleConfiguration(base: prior.base, settings: settings, priors: prior.priors,
                                     samples: Array(prior.samples[range]), namelistText: prior.namelistText)
    }

    /// Batches of at most `batch_members` prior members, in member order.
    public var batches: [Range<Int>] {
        stride(from: 0, to: prior.settings.members, by: settings.batchMembers).map { $0..<min($0 + settings.batchMembers, prior.settings.members) }
    }
}

/// Why a calibration ended without a posterior: the constraints cannot be met by this prior (at this size).
public struct CalibrationFailure: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// What was computed when the weights could not carry the posterior (for the report of why).
    public var result: CalibrationResult? = nil
}

/// The per-member diagnostics of the prior, the history match, the weights and the posterior draw.
public struct CalibrationResult: Sendable {
    public let configuration: CalibrationConfiguration
    /// Every constraint's quantity for every prior member (history matching: the RMSE), and TCRE.
    public let values: [CalibrationConstraint: [Double]]
    public let tcre: [Double]
    public let passedHistoryMatch: [Bool]
    public let weights: [Double]
    /// Sweeps the raking took, and the largest cumulative-probability misfit it left at any target bin edge.
    public let rakingSweeps: Int
    public let rakingMisfit: Double
    /// Kish's effective sample size of the weights, and FaIR's Σ min(w·N_passed, 1).
    public let effectiveSampleSize: Double
    public let supportedMembers: Double
    /// Prior member indices of the posterior, in draw order.
    public let posterior: [Int]
}

/// Runs the prior in batches over the ensemble processes (every rank its cost-balanced share of each batch) and
/// reduces each batch on rank 0 to the constraint quantities, so memory stays one batch's series whatever the prior size.
public struct Calibration {
    public let configuration: CalibrationConfiguration
    public init(configuration: CalibrationConfiguration) { self.configuration = configuration }

    /// Per-member quantities on rank 0 (nil elsewhere). `progress(done, total)` after each batch.
    public func runPrior(processes: some EnsembleProcesses, worker base: EnsembleWorker,
                         progress: (Int, Int) -> Void = { _, _ in }) throws(EnsembleFailure) -> (values: [CalibrationConstraint: [Double]], tcre: [Double], memberYears: Int)? {
        let c = configuration
        var values: [CalibrationConstraint: [Double]] = [:]
        var tcre: [Double] = [], years = 0
        for range in c.batches {
            let batch = c.batch(range)
            var worker: EnsembleWorker
            do {
                worker = try EnsembleWorker(configuration: batch, drivers: base.drivers, halogenPreindustrialPPT: base.halogenPreindustrialPPT,
                                            reference: base.reference)
            } catch { throw EnsembleFailure("\(error)") }
            let outcome = try EnsembleDriver(configuration: batch).run(resume: false, worker: &worker, processes: processes)
            years += outcome.memberYears
            if let results = outcome.results {
                for (k, v) in Self.quantities(results, configuration: c) { values[k, default: []] += v }
                tcre += results.metric(.tcre)
            }
            progress(range.upperBound, c.prior.settings.members)
        }
        return processes.rank == 0 ? (values, tcre, years) : nil
    }

    /// The constraint quantities of one batch's members.
    static func quantities(_ r: EnsembleResults, configuration c: CalibrationConfiguration) -> [CalibrationConstraint: [Double]] {
        let m = r.configuration.memberCount, n = r.configuration.years.count, first = r.configuration.years.lowerBound
        func series(_ v: Int, _ member: Int, _ year: Int) -> Double { r.series[(v * m + member) * n + year - first] }
        func mean(_ v: Int, _ member: Int, _ years: ClosedRange<Int>) -> Double {
            years.reduce(0) { $0 + series(v, member, $1) } / Double(years.count)
        }
        var out: [CalibrationConstraint: [Double]] = [:]
        for k in c.constraints {
            switch k {
            case .gmstRMSE:
                out[k] = (0..<m).map { member in
                    let baseline = mean(0, member, 1850...1900)
                    var sum = 0.0
                    for (i, y) in CalibrationConfiguration.historyYears.enumerated() {
                        let d = series(0, member, y) - baseline - c.observedGMST[i]
                        sum += d * d
                    }
                    return (sum / Double(c.observedGMST.count)).squareRoot()
                }
            case .gmst2011to2020: out[k] = r.summary(.warming2011to2020, scenario: 0)
            case .co2In2014: out[k] = r.summary(.co2In2014, scenario: 0)
            case .oceanHeat1971to2018: out[k] = r.summary(.oceanHeatGain1971to2018, scenario: 0)
            case .oceanSink: out[k] = r.summary(.oceanSink2013to2022, scenario: 0)
            case .landSink: out[k] = r.summary(.landSink2013to2022, scenario: 0)
            case .aerosolRadiation: out[k] = (0..<m).map { mean(1, $0, 2005...2014) }
            case .aerosolCloud: out[k] = (0..<m).map { mean(2, $0, 2005...2014) }
            case .ecs: out[k] = r.metric(.ecs)
            case .tcr: out[k] = r.metric(.tcr)
            }
        }
        return out
    }

    /// The constraint the posterior draw is stratified along when it is raked: GMST 2011–2020.
    public static let stratifiedConstraint = CalibrationConstraint.gmst2011to2020

    /// History matching, raking to the targets and the posterior draw; a `CalibrationFailure` when no posterior of
    /// the requested size can be drawn.
    public func constrain(values: [CalibrationConstraint: [Double]], tcre: [Double]) throws(CalibrationFailure) -> CalibrationResult {
        let c = configuration, s = c.settings, m = c.prior.settings.members
        var passed = [Bool](repeating: true, count: m)
        if let rmse = values[.gmstRMSE] {
            passed = rmse.map { $0.isFinite && $0 <= s.gmstRMSEThreshold }
            if !passed.contains(true) {
                let best = rmse.filter(\.isFinite).min() ?? .nan
                throw CalibrationFailure(description: "the constraints cannot be met: no member of the \(m)-member prior passes history matching (smallest GMST RMSE \(best) K > gmst_rmse_threshold \(s.gmstRMSEThreshold) K); widen the priors or check the physics")
            }
        }
        for k in c.constraints where c.historyMatched.contains(k) {
            let t = c.targets[k]!
            for (i, x) in values[k]!.enumerated() where passed[i] {
                passed[i] = x.isFinite && abs(x - t.q50) <= s.implausibilityThreshold * (x < t.q50 ? t.lowerSigma : t.upperSigma)
            }
            if !passed.contains(true) {
                throw CalibrationFailure(description: "the constraints cannot be met: no member of the \(m)-member prior passes history matching on \(k.rawValue) (within \(s.implausibilityThreshold) sigma of \(t.q50) \(k.units)); widen the priors or check the physics")
            }
        }
        let targeted = c.constraints.filter { $0 != .gmstRMSE && !c.historyMatched.contains($0) }
        let fit = MarginalRaking.fit(values: targeted.map { values[$0]! }, targets: targeted.map { c.targets[$0]! },
                                     start: passed.map { $0 ? 1 : 0 })
        let weights = fit.weights
        let ess = ObservationalConstraint.effectiveSampleSize(weights)
        // FaIR's test that the weights can carry the posterior (Smith et al. 2024 §3.2): Σ min(w_i, 1) with the weights
        // scaled to mean 1 over the members that passed history matching, at least the posterior size.
        let passing = passed.filter { $0 }.count
        let supported = weights.reduce(0) { $0 + min($1 * Double(passing), 1) }
        // Stratified along the observed warming the projections start from (MarginalRaking.draw).
        let posterior = MarginalRaking.draw(count: s.posteriorMembers, weights: weights, seed: UInt64(s.resamplingSeed),
                                            stratifiedBy: targeted.contains(Self.stratifiedConstraint) ? values[Self.stratifiedConstraint] : nil)
        let result = CalibrationResult(configuration: c, values: values, tcre: tcre, passedHistoryMatch: passed, weights: weights,
                                       rakingSweeps: fit.sweeps, rakingMisfit: fit.misfit,
                                       effectiveSampleSize: ess, supportedMembers: supported, posterior: posterior)
        guard supported >= Double(s.posteriorMembers) else {
            throw CalibrationFailure(description: "the constraints cannot be met at this size: \(passing) of \(m) prior members pass history matching and the raked weights support \(Int(supported)) members (Kish effective sample size \(Int(ess))), below posterior_members = \(s.posteriorMembers); run more prior members (&ensemble members) or widen the priors", result: result)
        }
        return result
    }
}
