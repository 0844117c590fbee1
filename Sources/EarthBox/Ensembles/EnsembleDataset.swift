/// The CF-1.8 NetCDF file of an ensemble: `member` (integer), `scenario` (string labels, so xarray selects with
/// `sel(scenario="ssp126")`), `time` (with the integer coordinate `year`), `quantile` (0-1, as xarray's `quantile`)
/// and `threshold` dimensions; the sampled parameters and the weights per member; every output variable per
/// scenario, member and year; its weighted quantiles (0.05, 0.17, 0.5, 0.83, 0.95) per scenario and year,
/// unconstrained and constrained; the summary
/// metrics with their quantiles; and the probabilities of exceeding 1.5 °C and 2 °C.
/// Nothing in it depends on the number of ranks or on timing, so files from different runs compare bit for bit.
public enum EnsembleDataset {
    public static let thresholds = [1.5, 2.0]

    public static func make(_ a: EnsembleAnalysis) -> Dataset {
        do { return try make(a, series: nil, transposePath: "") } catch { preconditionFailure("in-memory series cannot fail: \(error)") }
    }

    /// The same file with the series read from `store` (the results' own `series` are empty): the member series are
    /// written chunk row by chunk row while the file is written, and the quantiles are reduced one (variable,
    /// scenario, year) slice at a time through a year-major copy at `transposePath` (removed afterwards), so memory
    /// holds one block of members and one slice, not the ensemble. Same values, same order of writes, same file.
    /// With `shares`, the quantiles and the filtered chunks come from the ranks (`EnsembleOutputShare`) instead.
    public static func make(_ a: EnsembleAnalysis, series store: EnsembleResultsStore?, transposePath: String,
                            shares: EnsembleOutputShares? = nil) throws(EnsembleFailure) -> Dataset {
        let r = a.results, c = r.configuration
        let m = c.memberCount, s = c.scenarios.count, n = c.years.count, p = WeightedStatistics.reportedPercentiles.count
        var ds = Dataset(dimensions: [Dimension(name: "member", length: m), Dimension(name: "scenario", length: s),
                                      Dimension(name: "time", length: n), Dimension(name: "bnds", length: 2),
                                      Dimension(name: "scenario_strlen", length: c.scenarios.map(\.utf8.count).max() ?? 1),
                                      Dimension(name: "quantile", length: p), Dimension(name: "threshold", length: thresholds.count)])
        func add(_ name: String, _ dims: [String], _ data: [Double], _ attributes: [(String, AttributeValue)]) {
            ds.variables.append(Variable(name: name, dimensions: dims, data: data, attributes: attributes))
        }
        let years = Array(c.years)
        ds.variables += CFMetadata.timeAxis(years: years)
        ds.variables.append(CFMetadata.heightCoordinate)
        ds.variables.append(Variable(name: "member", dimensions: ["member"], data: (0..<m).map(Double.init), attributes: [
            ("long_name", .text("ensemble member (parameter sample x variability realisation)")), ("units", .text("1"))], type: .int))
        ds.variables.append(Variable(name: "parameter_sample", dimensions: ["member"], data: (0..<m).map { Double(c.sample(ofMember: $0)) },
                                     attributes: [("long_name", .text("index of the member's parameter sample"))], type: .int))
        ds.variables.append(Variable(name: "realisation", dimensions: ["member"], data: (0..<m).map { Double(c.realisation(ofMember: $0)) },
                                     attributes: [("long_name", .text("internal-variability realisation of the member"))], type: .int))
        ds.variables.append(Variable(name: "scenario", dimensions: ["scenario", "scenario_strlen"], strings: c.scenarios, attributes: [
            ("long_name", .text("scenario (historical + SSP, RCMIP v5.1.0 names)"))]))
        add("quantile", ["quantile"], WeightedStatistics.reportedPercentiles.map { $0 / 100 }, [
            ("long_name", .text("quantile of the weighted member distribution")), ("units", .text("1"))])
        add("threshold", ["threshold"], thresholds, [("long_name", .text("global warming level relative to 1850-1900")), ("units", .text("K"))]
            + CFMetadata.warmingReference)

        for (j, prior) in c.priors.enumerated() {
            add(prior.parameter.variableName, ["member"], (0..<m).map { c.samples[c.sample(ofMember: $0)][j] },
                CFMetadata.unitAttributes(prior.parameter.unit, longName: prior.parameter.documentation) + [
                ("namelist_key", .text(prior.parameter.name)), ("prior", .text(prior.summary)),
                ("citation", .text(prior.parameter.citation))])
        }
        add("weight", ["member"], a.weights, [
            ("long_name", .text(c.settings.constrain ? "normalised likelihood weight against the observational constraints" : "equal weight (unconstrained ensemble)")),
            ("units", .text("1")), ("effective_sample_size", .double(a.effectiveSampleSize))])
        if let constraint = a.constraint {
            add("log_likelihood", ["member"], r.logLikelihoods(constraint), [("long_name", .text("Gaussian log-likelihood against the observational constraints")), ("units", .text("1"))])
        }

        func quantileVariables(_ name: String, _ values: [Double], dims: [String], units: String, long: String,
                               extra: [(String, AttributeValue)] = []) {
            add(name + "_quantiles", dims + ["quantile"], a.percentiles(values, constrained: false),
                CFMetadata.unitAttributes(units, longName: long + ", quantiles over the prior ensemble") + extra)
            add(name + "_quantiles_constrained", dims + ["quantile"], a.percentiles(values, constrained: true),
                CFMetadata.unitAttributes(units, longName: long + ", quantiles weighted by the observational constraints") + extra)
        }
        if c.settings.climateMetrics {
            for k in ClimateMetricExperiments.Metric.allCases {
                let values = r.metric(k)
                add(k.name, ["member"], values, CFMetadata.unitAttributes(k.units, longName: k.longName))
                quantileVariables(k.name, values, dims: [], units: k.units, long: k.longName)
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
            let reference = k.isWarming ? CFMetadata.warmingReference : []
            add(k.name, ["scenario", "member"], all, CFMetadata.unitAttributes(k.units, longName: k.longName) + reference)
            add(k.name + "_quantiles", ["scenario", "quantile"], unconstrained,
                CFMetadata.unitAttributes(k.units, longName: k.longName + ", quantiles over the prior ensemble") + reference)
            add(k.name + "_quantiles_constrained", ["scenario", "quantile"], constrained,
                CFMetadata.unitAttributes(k.units, longName: k.longName + ", quantiles weighted by the observational constraints") + reference)
        }
        for (label, k) in [("peak_warming", ScenarioSummary.peakWarming), ("warming_2081_2100", .warming2081to2100), ("warming_2100", .warming2100)] {
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
                    ("units", .text("1"))] + CFMetadata.warmingReference)
            }
        }

        var seriesVariable = 0   // the member-series variables in file order (`EnsembleOutputShare.seriesVariables`)
        for (v, diagnostic) in c.outputDiagnostics.enumerated() {
            let attributes = diagnostic.attributes(startYear: c.years.lowerBound)
            let absolute = diagnostic == .surfaceTemperature ? a.preindustrialGlobalMeanKelvin : nil
            var unconstrained = [Double](repeating: 0, count: s * p * n), constrained = unconstrained
            var sample = SortedSample()
            func reduce(scenario: Int, t: Int, _ column: UnsafeBufferPointer<Double>) {
                let (u, w) = a.bothPercentiles(column, using: &sample)
                for k in 0..<p {
                    unconstrained[(scenario * p + k) * n + t] = u[k]
                    constrained[(scenario * p + k) * n + t] = w[k]
                }
            }
            if let store {
                let source = StreamedSeries(store: store, variable: v, scenarios: s, members: m, years: n)
                ds.variables.append(Variable(name: diagnostic.name, dimensions: ["scenario", "member", "time"],
                                             stream: source.values(adding: nil, compressed: shares?.compressed(seriesVariable: seriesVariable)),
                                             attributes: attributes))
                seriesVariable += 1
                if let base = absolute {
                    // CMIP's tas: absolute, each member on its own preindustrial base (Eyring et al. 2016, CMIP6 data request).
                    let offsets = (0..<m).map { base[c.sample(ofMember: $0)] }
                    ds.variables.append(Variable(name: "tas", dimensions: ["scenario", "member", "time"],
                                                 stream: source.values(adding: offsets, compressed: shares?.compressed(seriesVariable: seriesVariable)),
                                                 attributes: CFMetadata.absoluteTemperatureAttributes))
                    seriesVariable += 1
                }
                if let shares {
                    unconstrained = shares.prior[v]
                    constrained = shares.constrained[v]
                } else {
                    try source.slices(transposePath: transposePath, reduce)
                }
            } else {
                let block = r.series[(v * s * m * n)..<((v + 1) * s * m * n)]
                add(diagnostic.name, ["scenario", "member", "time"], Array(block), attributes)
                if let base = absolute {
                    // CMIP's tas: absolute, each member on its own preindustrial base (Eyring et al. 2016, CMIP6 data request).
                    var absolute = Array(block)
                    for scenario in 0..<s {
                        for member in 0..<m {
                            let offset = (scenario * m + member) * n, k = base[c.sample(ofMember: member)]
                            for t in 0..<n { absolute[offset + t] += k }
                        }
                    }
                    add("tas", ["scenario", "member", "time"], absolute, CFMetadata.absoluteTemperatureAttributes)
                }
                var column = [Double](repeating: 0, count: m)
                for scenario in 0..<s {
                    for t in 0..<n {
                        for member in 0..<m { column[member] = block[block.startIndex + (scenario * m + member) * n + t] }
                        column.withUnsafeBufferPointer { reduce(scenario: scenario, t: t, $0) }
                    }
                }
            }
            let kept = attributes.filter { ["cell_methods", "coordinates", "reference_period", "comment"].contains($0.0) }
            add(diagnostic.name + "_quantiles", ["scenario", "quantile", "time"], unconstrained,
                CFMetadata.unitAttributes(diagnostic.units, longName: diagnostic.longName + ", quantiles over the prior ensemble") + kept)
            add(diagnostic.name + "_quantiles_constrained", ["scenario", "quantile", "time"], constrained,
                CFMetadata.unitAttributes(diagnostic.units, longName: diagnostic.longName + ", quantiles weighted by the observational constraints") + kept)
        }

        precondition(shares == nil || shares?.seriesVariables == seriesVariable, "the ranks filtered the chunks of the file's member series")
        var constraintText = "none"
        if let constraint = a.constraint {
            constraintText = constraint.metrics.map { "\($0.summary.name): observed \($0.observed), sigma \($0.sigma) (\($0.source))" }.joined(separator: "; ")
        }
        ds.deflateLevel = Int32(c.settings.compressionLevel)
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
            ("history", .text(RunDataset.history(c.source))),
            ("namelist", .text(c.namelistText)),
            ("resolved_base_namelist", .text(c.base.resolvedNamelist)),
            ("references", .text("Forcing: RCMIP v5.1.0 (Nicholls et al. 2020). Observations: IGCC 2024 (Forster et al. 2025, ESSD 17, 2641); Global Carbon Budget 2023 (Friedlingstein et al. 2023, ESSD 15, 5301).")),
        ]
        return ds
    }
}

extension ScenarioSummary {
    /// Whether the summary is a warming relative to 1850-1900 (its reference period goes into the file).
    var isWarming: Bool { self == .warming2011to2020 || self == .warming2081to2100 || self == .peakWarming || self == .warming2100 }
}
