/// Every task's result, placed by task index (so the assembled arrays never depend on which rank computed what
/// or in which order results arrived), and the statistics computed from them in a fixed order.
public struct EnsembleResults: Sendable {
    public let configuration: EnsembleConfiguration
    public let taskList: EnsembleTaskList
    /// [variable][scenario][member][year], flat; empty when the series stay in an `EnsembleResultsStore` (`keepsSeries`).
    public private(set) var series: [Double]
    /// [scenario][member][summary], flat.
    public private(set) var summaries: [Double]
    /// [sample][metric], flat; NaN when `climate_metrics` is off.
    public private(set) var metrics: [Double]
    public private(set) var stored: [Bool]

    public init(configuration c: EnsembleConfiguration, taskList: EnsembleTaskList, keepsSeries: Bool = true) {
        configuration = c
        self.taskList = taskList
        let m = c.memberCount, s = c.scenarios.count
        series = keepsSeries ? [Double](repeating: .nan, count: c.settings.outputVariables.count * s * m * c.years.count) : []
        summaries = [Double](repeating: .nan, count: s * m * ScenarioSummary.count)
        metrics = [Double](repeating: .nan, count: c.settings.members * ClimateMetricExperiments.Metric.allCases.count)
        stored = [Bool](repeating: false, count: taskList.count)
    }

    public var isComplete: Bool { !stored.contains(false) }

    public mutating func store(task index: Int, _ result: ArraySlice<Double>) {
        let c = configuration, n = c.years.count, m = c.memberCount, s = c.scenarios.count
        precondition(result.count == EnsembleWorker.resultCount(taskList.tasks[index], configuration: c))
        var r = result.startIndex
        switch taskList.tasks[index] {
        case .scenario(let member, let scenario):
            if series.isEmpty {
                r += c.settings.outputVariables.count * n
            } else {
                for v in 0..<c.settings.outputVariables.count {
                    let base = ((v * s + scenario) * m + member) * n
                    for t in 0..<n { series[base + t] = result[r]; r += 1 }
                }
            }
            for k in 0..<ScenarioSummary.count { summaries[(scenario * m + member) * ScenarioSummary.count + k] = result[r]; r += 1 }
        case .metrics(let sample):
            for k in 0..<ClimateMetricExperiments.Metric.allCases.count {
                metrics[sample * ClimateMetricExperiments.Metric.allCases.count + k] = result[r]; r += 1
            }
        }
        stored[index] = true
    }

    // MARK: Per-member values

    public func summary(_ k: ScenarioSummary, scenario: Int) -> [Double] {
        let m = configuration.memberCount
        return (0..<m).map { summaries[(scenario * m + $0) * ScenarioSummary.count + k.rawValue] }
    }

    public func metric(_ k: ClimateMetricExperiments.Metric) -> [Double] {
        let count = ClimateMetricExperiments.Metric.allCases.count
        return (0..<configuration.memberCount).map { metrics[configuration.sample(ofMember: $0) * count + k.rawValue] }
    }

    /// Log-likelihoods of the members against `constraint`, from the first scenario's run (the historical period
    /// is the same in every scenario; 2015–2022 follows the first scenario, as in RCMIP's extended historical).
    public func logLikelihoods(_ constraint: ObservationalConstraint) -> [Double] {
        let m = configuration.memberCount
        return summaries.withUnsafeBufferPointer { all in
            (0..<m).map { member in
                constraint.logLikelihood(UnsafeBufferPointer(rebasing: all[(member * ScenarioSummary.count)..<((member + 1) * ScenarioSummary.count)]))
            }
        }
    }
}

/// The weights and the statistics an ensemble reports.
public struct EnsembleAnalysis: Sendable {
    public let results: EnsembleResults
    public let constraint: ObservationalConstraint?
    /// Equal weights (1/M each).
    public let priorWeights: [Double]
    /// Likelihood weights, or the prior weights when the ensemble is not constrained.
    public let weights: [Double]
    public let effectiveSampleSize: Double
    /// Each parameter sample's preindustrial global-mean surface temperature, K (`EnsembleWorker`), when known:
    /// the file then carries CMIP's absolute `tas` beside `tas_anomaly`.
    public let preindustrialGlobalMeanKelvin: [Double]?

    public init(results: EnsembleResults, observations: Observations?, preindustrialGlobalMeanKelvin: [Double]? = nil) {
        self.results = results
        self.preindustrialGlobalMeanKelvin = preindustrialGlobalMeanKelvin
        let m = results.configuration.memberCount
        priorWeights = [Double](repeating: 1 / Double(m), count: m)
        if results.configuration.settings.constrain, let observations {
            let constraint = ObservationalConstraint(observations: observations)
            self.constraint = constraint
            weights = ObservationalConstraint.weights(logLikelihoods: results.logLikelihoods(constraint))
        } else {
            constraint = nil
            weights = priorWeights
        }
        effectiveSampleSize = ObservationalConstraint.effectiveSampleSize(weights)
    }

    public func percentiles(_ values: [Double], constrained: Bool) -> [Double] {
        WeightedStatistics.percentiles(values, weights: constrained ? weights : priorWeights, WeightedStatistics.reportedPercentiles)
    }

    /// The two weightings the quantiles use, as every rank needs them (`EnsembleOutputShare`).
    public var quantileWeights: QuantileWeights { QuantileWeights(prior: priorWeights, constrained: weights) }

    /// The prior and the constrained percentiles of one column (`QuantileWeights.both`).
    public func bothPercentiles(_ column: UnsafeBufferPointer<Double>, using sample: inout SortedSample) -> (prior: [Double], constrained: [Double]) {
        quantileWeights.both(column, using: &sample)
    }

    /// A plain-text table: each metric's median and 5–95 % range, unconstrained and constrained, and the ESS.
    public var summaryText: String {
        let c = results.configuration
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        func f(_ x: Double) -> String { x.isFinite ? String(Int((x * 100).rounded())).leftPadded(toFraction: 2) : "nan" }
        func row(_ label: String, _ values: [Double], _ unit: String) -> String {
            let u = percentiles(values, constrained: false), w = percentiles(values, constrained: true)
            let ps = WeightedStatistics.reportedPercentiles
            let lo = ps.firstIndex(of: 5)!, mid = ps.firstIndex(of: 50)!, hi = ps.firstIndex(of: 95)!
            let prior: String = "\(f(u[mid])) [\(f(u[lo])), \(f(u[hi]))]"
            let weighted: String = "\(f(w[mid])) [\(f(w[lo])), \(f(w[hi]))]"
            return pad(label, 34) + pad(prior, 24) + pad(weighted, 24) + unit
        }
        let header: String = pad("quantity", 34) + pad("prior: median [5-95%]", 24)
        var lines = [header + pad(c.settings.constrain ? "constrained" : "(unconstrained)", 24)]
        if c.settings.climateMetrics {
            lines.append(row("ECS", results.metric(.ecs), "K"))
            lines.append(row("TCR", results.metric(.tcr), "K"))
            lines.append(row("TCRE", results.metric(.tcre), "K/1000 PgC"))
        }
        for k in [ScenarioSummary.warming2011to2020, .co2In2014, .oceanHeatGain1971to2018, .oceanSink2013to2022, .landSink2013to2022] {
            lines.append(row(k.name, results.summary(k, scenario: 0), k.units))
        }
        for (s, name) in c.scenarios.enumerated() {
            lines.append(row("\(name) warming 2081-2100", results.summary(.warming2081to2100, scenario: s), "K"))
            let peak = results.summary(.peakWarming, scenario: s)
            let p15 = WeightedStatistics.exceedanceProbability(peak, weights: weights, threshold: 1.5)
            let p20 = WeightedStatistics.exceedanceProbability(peak, weights: weights, threshold: 2.0)
            let p2100 = WeightedStatistics.exceedanceProbability(results.summary(.warming2100, scenario: s), weights: weights, threshold: 1.5)
            lines.append("  \(name): P(peak 20-yr warming > 1.5 K) = \(Int((p15 * 100).rounded())) %, > 2 K = \(Int((p20 * 100).rounded())) %"
                         + (results.configuration.years.contains(2100) ? ", P(2100 > 1.5 K) = \(Int((p2100 * 100).rounded())) %" : "")
                         + (c.settings.constrain ? " (constrained)" : ""))
        }
        lines.append("members \(c.memberCount), effective sample size \(Int(effectiveSampleSize.rounded()))")
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// "123" with 2 fraction digits → "1.23" (integer hundredths to text without Foundation formatting).
    func leftPadded(toFraction digits: Int) -> String {
        var s = self, negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() }
        while s.count <= digits { s = "0" + s }
        let cut = s.index(s.endIndex, offsetBy: -digits)
        return (negative ? "-" : "") + s[..<cut] + "." + s[cut...]
    }
}

/// The prior (equal) and the constrained member weights of an ensemble's quantiles.
public struct QuantileWeights: Sendable, Equatable {
    public let prior: [Double]
    public let constrained: [Double]
    /// The constrained weights are the prior ones (an unconstrained ensemble).
    let uniform: Bool

    public init(prior: [Double], constrained: [Double]) {
        self.prior = prior; self.constrained = constrained
        uniform = prior == constrained
    }

    /// The prior and the constrained percentiles of one column from one sorted copy; when the two weightings are
    /// the same uniform weights (an unconstrained ensemble), by selection and computed once. Same bits as
    /// `EnsembleAnalysis.percentiles(_:constrained:)` twice.
    public func both(_ column: UnsafeBufferPointer<Double>, using sample: inout SortedSample) -> (prior: [Double], constrained: [Double]) {
        let ps = WeightedStatistics.reportedPercentiles
        if uniform, let w = prior.first, w > 0 {
            let u = sample.uniformPercentiles(column, weight: w, ps)
            return (u, u)
        }
        sample.sort(column)
        return (sample.percentiles(weights: prior, ps), sample.percentiles(weights: constrained, ps))
    }
}
