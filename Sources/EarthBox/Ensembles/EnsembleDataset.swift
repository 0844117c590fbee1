/// The CF-1.8 NetCDF file of an ensemble: `member`, `scenario`, `time`, `percentile` and `threshold` dimensions;
/// the sampled parameters and the weights per member; every output variable per scenario, member and year; its
/// weighted percentiles (5, 17, 50, 83, 95) per scenario and year, unconstrained and constrained; the summary
/// metrics with their percentiles; and the probabilities of exceeding 1.5 °C and 2 °C.
/// Nothing in it depends on the number of ranks or on timing, so files from different runs compare bit for bit.
public enum EnsembleDataset {
    public static let thresholds = [1.5, 2.0]

    public static func make(_ a: EnsembleAnalysis) -> Dataset {
        let r = a.results, c = r.configuration
        let m = c.memberCount, s = c.scenarios.count, n = c.years.count, p = WeightedStatistics.reportedPercentiles.count
        var ds = Dataset(dimensions: [Dimension(name: "member", length: m), Dimension(name: "scenario", length: s),
                                      Dimension(name: "time", length: n), Dimension(name: "bnds", length: 2),
                                      Dimension(name: "percentile", length: p), Dimension(name: "threshold", length: thresholds.count)])
        func add(_ name: String, _ dims: [String], _ data: [Double], _ attributes: [(String, AttributeValue)]) {
            ds.variables.append(Variable(name: name, dimensions: dims, data: data, attributes: attributes))
        }
        let years = Array(c.years)
        add("time", ["time"], years.map { Double($0 - 1750) * 365 + 182.5 }, [
            ("standard_name", .text("time")), ("long_name", .text("time")), ("units", .text("days since 1750-01-01 00:00:00")),
            ("calendar", .text("365_day")), ("axis", .text("T")), ("bounds", .text("time_bnds"))])
        add("time_bnds", ["time", "bnds"], years.flatMap { [Double($0 - 1750) * 365, Double($0 - 1749) * 365] }, [])
        add("year", ["time"], years.map(Double.init), [("long_name", .text("calendar year")), ("units", .text("1"))])
        add("member", ["member"], (0..<m).map(Double.init), [("long_name", .text("ensemble member (parameter sample x variability realisation)"))])
        add("parameter_sample", ["member"], (0..<m).map { Double(c.sample(ofMember: $0)) }, [("long_name", .text("index of the member's parameter sample"))])
        add("realisation", ["member"], (0..<m).map { Double(c.realisation(ofMember: $0)) }, [("long_name", .text("internal-variability realisation of the member"))])
        add("scenario", ["scenario"], (0..<s).map(Double.init), [("long_name", .text("scenario index")),
            ("scenario_names", .text(c.scenarios.joined(separator: " ")))])
        add("percentile", ["percentile"], WeightedStatistics.reportedPercentiles, [("long_name", .text("percentile of the member distribution")), ("units", .text("percent"))])
        add("threshold", ["threshold"], thresholds, [("long_name", .text("global warming level relative to 1850-1900")), ("units", .text("K"))])

        for (j, prior) in c.priors.enumerated() {
            add(prior.parameter.variableName, ["member"], (0..<m).map { c.samples[c.sample(ofMember: $0)][j] }, [
                ("long_name", .text(prior.parameter.documentation)), ("units", .text(prior.parameter.unit)),
                ("namelist_key", .text(prior.parameter.name)), ("prior", .text(prior.distribution.summary)),
                ("citation", .text(prior.parameter.citation))])
        }
        add("weight", ["member"], a.weights, [
            ("long_name", .text(c.settings.constrain ? "normalised likelihood weight against the observational constraints" : "equal weight (unconstrained ensemble)")),
            ("units", .text("1")), ("effective_sample_size", .double(a.effectiveSampleSize))])
        if let constraint = a.constraint {
            add("log_likelihood", ["member"], r.logLikelihoods(constraint), [("long_name", .text("Gaussian log-likelihood against the observational constraints")), ("units", .text("1"))])
        }

        func percentileVariables(_ name: String, _ values: [Double], dims: [String], units: String, long: String) {
            add(name + "_percentiles", dims + ["percentile"], a.percentiles(values, constrained: false), [
                ("long_name", .text(long + ", percentiles over the prior ensemble")), ("units", .text(units))])
            add(name + "_percentiles_constrained", dims + ["percentile"], a.percentiles(values, constrained: true), [
                ("long_name", .text(long + ", percentiles weighted by the observational constraints")), ("units", .text(units))])
        }
        if c.settings.climateMetrics {
            for k in ClimateMetricExperiments.Metric.allCases {
                let values = r.metric(k)
                add(k.name, ["member"], values, [("long_name", .text(k.longName)), ("units", .text(k.units))])
                percentileVariables(k.name, values, dims: [], units: k.units, long: k.longName)
            }
        }
        for k in ScenarioSummary.allCases {
            var all: [Double] = [], unconstrained: [Double] = [], constrained: [Double] = []
            for scenario in 0..<s {
                let values = r.summary(k, scenario: scenario)
                all += values
                unconstrained += a.percentiles(values, constrained: false)
                constrained += a.percentiles(values, constrained: true)
            }
            add(k.name, ["scenario", "member"], all, [("long_name", .text(k.longName)), ("units", .text(k.units))])
            add(k.name + "_percentiles", ["scenario", "percentile"], unconstrained, [("long_name", .text(k.longName + ", percentiles over the prior ensemble")), ("units", .text(k.units))])
            add(k.name + "_percentiles_constrained", ["scenario", "percentile"], constrained, [("long_name", .text(k.longName + ", percentiles weighted by the observational constraints")), ("units", .text(k.units))])
        }
        for (label, k) in [("peak_warming", ScenarioSummary.peakWarming), ("warming_2081_2100", .warming2081to2100)] {
            for constrained in [false, true] {
                var probability: [Double] = []
                for scenario in 0..<s {
                    let values = r.summary(k, scenario: scenario)
                    for t in thresholds {
                        probability.append(WeightedStatistics.exceedanceProbability(values, weights: constrained ? a.weights : a.priorWeights, threshold: t))
                    }
                }
                add("probability_\(label)_above" + (constrained ? "_constrained" : ""), ["scenario", "threshold"], probability, [
                    ("long_name", .text("probability that the \(k.longName) exceeds the threshold" + (constrained ? " (constrained)" : " (prior ensemble)"))),
                    ("units", .text("1"))])
            }
        }

        for (v, diagnostic) in c.outputDiagnostics.enumerated() {
            let block = r.series[(v * s * m * n)..<((v + 1) * s * m * n)]
            add(diagnostic.name, ["scenario", "member", "time"], Array(block), [
                ("long_name", .text(diagnostic.longName)), ("units", .text(diagnostic.units)), ("cell_methods", .text("time: mean area: mean"))])
            var unconstrained = [Double](repeating: 0, count: s * p * n), constrained = unconstrained
            var column = [Double](repeating: 0, count: m)
            for scenario in 0..<s {
                for t in 0..<n {
                    for member in 0..<m { column[member] = block[block.startIndex + (scenario * m + member) * n + t] }
                    let u = a.percentiles(column, constrained: false), w = a.percentiles(column, constrained: true)
                    for k in 0..<p {
                        unconstrained[(scenario * p + k) * n + t] = u[k]
                        constrained[(scenario * p + k) * n + t] = w[k]
                    }
                }
            }
            add(diagnostic.name + "_percentiles", ["scenario", "percentile", "time"], unconstrained, [
                ("long_name", .text(diagnostic.longName + ", percentiles over the prior ensemble")), ("units", .text(diagnostic.units))])
            add(diagnostic.name + "_percentiles_constrained", ["scenario", "percentile", "time"], constrained, [
                ("long_name", .text(diagnostic.longName + ", percentiles weighted by the observational constraints")), ("units", .text(diagnostic.units))])
        }

        var constraintText = "none"
        if let constraint = a.constraint {
            constraintText = constraint.metrics.map { "\($0.summary.name): observed \($0.observed), sigma \($0.sigma) (\($0.source))" }.joined(separator: "; ")
        }
        ds.globalAttributes = [
            ("Conventions", .text("CF-1.8")),
            ("title", .text("EarthBox perturbed-parameter ensemble")),
            ("source", .text("EarthBox \(RunDataset.modelVersion): reduced-complexity coupled Earth system model")),
            ("institution", .text("EarthBox developers")),
            ("scenarios", .text(c.scenarios.joined(separator: " "))),
            ("co2_mode", .text(c.base.model.co2Mode.rawValue)),
            ("parameter_samples", .int(Int32(c.settings.members))),
            ("variability_realisations", .int(Int32(c.settings.variabilityRealisations))),
            ("sampling", .text(c.settings.sampling.rawValue)),
            ("seed", .text(String(c.settings.seed))),
            ("effective_sample_size", .double(a.effectiveSampleSize)),
            ("constraints", .text(constraintText)),
            ("model_version", .text(RunDataset.modelVersion)),
            ("namelist_file", .text(c.source)),
            ("namelist", .text(c.namelistText)),
            ("resolved_base_namelist", .text(c.base.resolvedNamelist)),
            ("references", .text("Forcing: RCMIP v5.1.0 (Nicholls et al. 2020). Observations: IGCC 2024 (Forster et al. 2025, ESSD 17, 2641); Global Carbon Budget 2023 (Friedlingstein et al. 2023, ESSD 15, 5301).")),
        ]
        return ds
    }
}
