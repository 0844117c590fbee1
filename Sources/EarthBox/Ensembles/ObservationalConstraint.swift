#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Likelihood weights of members against observed summary metrics (a Gaussian likelihood per metric, metrics
/// treated as independent, as in FaIR's calibration: Smith et al. 2024, GMD 17, 8569). Each metric's σ combines the
/// observational error with internal variability or model-structural error, so that no single metric decides alone
/// and the weights do not collapse onto a few members.
public struct ObservationalConstraint: Sendable {
    public struct Metric: Sendable {
        public let summary: ScenarioSummary
        public let observed: Double
        /// Total 1σ: observational ⊕ internal variability / structural.
        public let sigma: Double
        public let source: String
    }

    public let metrics: [Metric]

    public init(observations o: Observations) {
        func rss(_ a: Double, _ b: Double) -> Double { (a * a + b * b).squareRoot() }
        metrics = [
            // AR6 SPM A.1.2: 1.09 [0.95–1.20] K very likely ⇒ σ_obs ≈ 0.076 K; internal variability of a decadal mean ≈ 0.05 K
            // (AR6 WG1 §3.3.1.1, Cross-Chapter Box 3.1).
            Metric(summary: .warming2011to2020, observed: o.warming2011to2020, sigma: rss(0.076, 0.05),
                   source: "IGCC 2024 GMST (Forster et al. 2025); sigma: AR6 SPM A.1.2 + decadal internal variability"),
            // Observational error ~0.1 ppm (Lan et al. 2023) is negligible; 5 ppm stands for the uncertainty of the prescribed
            // historical emissions a box model inherits (GCB 2023 land-use emissions ±0.7 PgC/yr, Friedlingstein et al. 2023).
            Metric(summary: .co2In2014, observed: o.co2In2014, sigma: 5,
                   source: "IGCC 2024 CO2 (Forster et al. 2025); sigma: emission uncertainty (GCB 2023)"),
            // 1σ of the heat inventory (von Schuckmann et al. 2023, ESSD 15, 1675) ⊕ 30 ZJ model-structural error (no sea ice,
            // land or atmosphere heat uptake; AR6 Table 7.1 puts them at ≈ 9 % of the total).
            Metric(summary: .oceanHeatGain1971to2018, observed: o.oceanHeatGain1971to2018, sigma: rss(o.oceanHeatGainError, 30),
                   source: "IGCC 2024 Earth heat inventory, full-depth ocean"),
            // Decadal-mean 1σ of the Global Carbon Budget 2023 (Friedlingstein et al. 2023, ESSD 15, 5301, Table 7): ocean ±0.4, land ±0.8.
            Metric(summary: .oceanSink2013to2022, observed: o.oceanSink2013to2022, sigma: 0.4, source: "GCB 2023 ocean sink"),
            Metric(summary: .landSink2013to2022, observed: o.landSink2013to2022, sigma: 0.8, source: "GCB 2023 land sink"),
        ]
    }

    /// Log-likelihood of one member from its summaries (indexed by `ScenarioSummary.rawValue`); −∞ if any is not finite.
    public func logLikelihood(_ summaries: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0
        for m in metrics {
            let z = (summaries[m.summary.rawValue] - m.observed) / m.sigma
            guard z.isFinite else { return -.infinity }
            sum += -0.5 * z * z
        }
        return sum
    }

    /// Normalised weights (sum 1) from log-likelihoods; the maximum is subtracted first so nothing underflows to 0
    /// by accident. Members summed in index order, so the result does not depend on how they were computed.
    public static func weights(logLikelihoods: [Double]) -> [Double] {
        let top = logLikelihoods.max() ?? 0
        guard top.isFinite else { return [Double](repeating: 0, count: logLikelihoods.count) }
        let raw = logLikelihoods.map { exp($0 - top) }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    /// Kish's effective sample size (Σw)² / Σw² (Kish 1965, Survey Sampling; Liu 1996, Stat. Comput. 6, 113).
    public static func effectiveSampleSize(_ weights: [Double]) -> Double {
        let sum = weights.reduce(0, +), squares = weights.reduce(0) { $0 + $1 * $1 }
        return squares > 0 ? sum * sum / squares : 0
    }
}
