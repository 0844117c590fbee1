import Foundation
import Testing
@testable import EarthBox

/// Sampling, priors, task split, weights and percentiles (fast, in-process).
@Suite("Ensemble building blocks") struct EnsembleUnitTests {
    @Test func latinHypercubeHitsEveryStratumOncePerDimension() {
        let n = 37, d = 5
        let design = LatinHypercube.sample(count: n, dimensions: d, seed: 11)
        #expect(design.count == n && design.allSatisfy { $0.count == d })
        for j in 0..<d {
            let strata = design.map { min(n - 1, Int($0[j] * Double(n))) }.sorted()
            // Definition of a Latin hypercube (McKay et al. 1979): each of the n strata exactly once per dimension.
            #expect(strata == Array(0..<n), "dimension \(j): strata \(strata)")
            #expect(design.allSatisfy { (0...1).contains($0[j]) })
        }
        // Reproducible from the seed alone, different for another seed.
        #expect(LatinHypercube.sample(count: n, dimensions: d, seed: 11) == design)
        #expect(LatinHypercube.sample(count: n, dimensions: d, seed: 12) != design)
    }

    @Test func distributionQuantiles() {
        // Φ⁻¹(Φ(x)) = x to round-off (Acklam + one Halley step).
        for x in stride(from: -6.0, through: 4.0, by: 0.25) {   // above 4, 1 − Φ(x) loses digits to round-off
            #expect(abs(ProbabilityDistribution.inverseNormalCDF(ProbabilityDistribution.normalCDF(x)) - x) < 1e-9)
        }
        #expect(ProbabilityDistribution.uniform(lower: 2, upper: 4).quantile(0.25) == 2.5)
        #expect(abs(ProbabilityDistribution.normal(mean: 1, standardDeviation: 0.4, lower: 0, upper: 2).quantile(0.5) - 1) < 1e-12)
        #expect(abs(ProbabilityDistribution.lognormal(median: 3, logStandardDeviation: 0.3, lower: 1, upper: 9).quantile(0.5) - 3) < 1e-12)
        let tri = ProbabilityDistribution.triangular(lower: 0, mode: 1, upper: 2)
        #expect(abs(tri.quantile(0.5) - 1) < 1e-12 && tri.quantile(0) == 0 && tri.quantile(1) == 2)
        // Truncation: every quantile stays inside the bounds.
        let truncated = ProbabilityDistribution.normal(mean: 0, standardDeviation: 1, lower: 0.5, upper: 0.7)
        #expect(stride(from: 0.0, through: 1.0, by: 0.01).allSatisfy { (0.5...0.7).contains(truncated.quantile($0)) })
    }

    static func ensemble(_ text: String) throws(InputError) -> EnsembleConfiguration {
        try EnsembleConfiguration.from(Namelist.parse(text: text, file: "e.nml"), text: text)
    }

    @Test func priorsApplyThroughTheNamelistKeyPaths() throws {
        let c = try Self.ensemble("""
        &ensemble members = 8 /
        &priors
          climate%equilibrium_climate_sensitivity = 'uniform', 2.0, 4.0
          ocean.layer_thickness(1) = 'triangular', 40, 60, 100
        /
        """)
        #expect(c.priors.map(\.parameter.name) == ["climate.equilibrium_climate_sensitivity", "ocean.layer_thickness(1)"])
        for p in 0..<8 {
            let model = try c.model(sample: p)
            #expect(model.climate.equilibriumClimateSensitivity == c.samples[p][0])
            #expect(model.ocean.layerThicknessMetres[0] == c.samples[p][1])
            #expect(model.ocean.layerThicknessMetres[1...] == ModelConfiguration().ocean.layerThicknessMetres[1...])
        }
        #expect(c.priors[1].parameter.variableName == "ocean_layer_thickness_1")
    }

    @Test("bad ensemble input: file:line, key, clear message", arguments: [
        ("&ensemble members = 0 /", "e.nml:1: error: 'members': value 0 is outside the allowed range"),
        ("&priors\n climate.equilibrium_climate_sensitivity = 'lognormall', 3, 0.3, 1, 8 /", "e.nml:2: error: 'climate.equilibrium_climate_sensitivity': unknown distribution 'lognormall'"),
        ("&priors\n climate.equilibrium_climate_sensitivity = 'uniform', 5.0, 2.0 /", "e.nml:2: error: 'climate.equilibrium_climate_sensitivity': bounds reversed"),
        ("&priors\n climate.equilibrium_climate_sensitivity = 'uniform', 0.1, 2.0 /", "e.nml:2: error: 'climate.equilibrium_climate_sensitivity': value 0.1 is outside the allowed range [0.5, 10.0]"),
        ("&priors\n climate.equilibrium_climate_sensitivty = 'uniform', 2, 4 /", "did you mean 'climate.equilibrium_climate_sensitivity'?"),
        ("&priors\n climate.equilibrium_climate_sensitivity = 'normal', 3, 1 /", "'normal' takes 4 numbers (mean, standard deviation, lower, upper), got 2"),
        ("&ensemble\n scenarios = 'ssp245', 'ssp246' /", "e.nml:2: error: 'scenarios': 'ssp246' is not an allowed value"),
        ("&ensemble\n variability_realisations = 3 /", "e.nml:2: error: 'variability_realisations': 3 realisations need internal variability"),
        ("&ensembel members = 3 /", "unknown group '&ensembel'; did you mean '&ensemble'?"),
        // Bounds inside the key's range, but samples that break the steady-state soil check of RunConfiguration.
        ("&ensemble members = 20 /\n&priors\n land.soil_turnover_time = 'uniform', 10, 900 /", "e.nml:3: error: 'soil_turnover_time': sample"),
        ("&run experiment = '1pctCO2' /\n&ensemble members = 2 /", "e.nml:1: error: 'experiment': an ensemble runs historical"),
        ("&ensemble\n output_variables = 'tas', 'co2', 'tas_anomaly' /", "e.nml:2: error: 'output_variables': 'tas_anomaly' is listed twice"),
    ])
    func badInput(_ text: String, _ expected: String) {
        let error = TestSupport.inputError { () throws(InputError) in try Self.ensemble(text) }
        #expect(error?.description.contains(expected) == true, "got: \(String(describing: error))")
    }

    @Test func taskSplitCoversEveryTaskOnceForAnyRankCount() {
        let costs = (0..<53).map { $0 % 7 == 6 ? 230 : 351 }   // scenario tasks and a few metric tasks
        for pending in [Array(0..<53), (0..<53).filter { $0 % 3 != 0 }, [4], []] {
            for size in 1...9 {
                let shares = (0..<size).map { EnsembleTaskList.share(of: pending, costs: costs, rank: $0, size: size) }
                #expect(shares.flatMap { $0 } == pending, "size \(size): shares must partition the pending tasks in order")
                let loads = shares.map { $0.reduce(0) { $0 + costs[$1] } }
                if pending.count >= size * 2 {
                    // Balanced: ranks differ by at most about one task's cost.
                    #expect(loads.max()! - loads.min()! <= 2 * 351, "size \(size): loads \(loads)")
                }
            }
        }
    }

    @Test func weightsAndEffectiveSampleSize() {
        #expect(ObservationalConstraint.effectiveSampleSize([0.25, 0.25, 0.25, 0.25]) == 4)
        #expect(ObservationalConstraint.effectiveSampleSize([1, 0, 0]) == 1)
        // (Σw)²/Σw² for w = (2/3, 1/3): 1 / (4/9 + 1/9) = 1.8.
        let w = ObservationalConstraint.weights(logLikelihoods: [0, -_log(2)])
        #expect(abs(w[0] - 2.0 / 3) < 1e-15 && abs(w[1] - 1.0 / 3) < 1e-15, "\(w)")
        #expect(abs(ObservationalConstraint.effectiveSampleSize(w) - 1.8) < 1e-12)
        // Huge log-likelihood differences do not underflow the best member.
        #expect(ObservationalConstraint.weights(logLikelihoods: [-5000, -5001, -.infinity]) .first! > 0.7)
    }

    @Test func weightedPercentilesHandCase() {
        // Equal weights, Hazen positions 1/8, 3/8, 5/8, 7/8: median 2.5, 5 % clamps to the smallest, 95 % to the largest.
        #expect(WeightedStatistics.percentiles([4, 1, 3, 2], weights: [1, 1, 1, 1], [5, 50, 95]) == [1, 2.5, 4])
        // Weights 3:1 put 1 at 0.375 and 2 at 0.875: the median is 1 + (0.5 − 0.375)/0.5 = 1.25.
        #expect(WeightedStatistics.percentiles([1, 2], weights: [3, 1], [50]) == [1.25])
        // Zero weights and NaN are ignored.
        #expect(WeightedStatistics.percentiles([1, .nan, 100, 2], weights: [3, 1, 0, 1], [50]) == [1.25])
        #expect(WeightedStatistics.exceedanceProbability([1, 2, 3], weights: [0.5, 0.25, 0.25], threshold: 1.5) == 0.5)
    }
}
