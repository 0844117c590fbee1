/// The ensemble behind `TrendUncertainty` for every latitude band: parameter members of a parameter set × seeds of the
/// band variability × scenarios, each run from the base configuration (`earthbox uncertainty`; RegionalVariabilityTests).
public struct BandTrendUncertainty: Sendable {
    public let latitudes: [Double]
    /// One partition per band, south to north.
    public let bands: [TrendUncertainty]
    public let years: ClosedRange<Int>

    /// - Parameters:
    ///   - parameterFile: path of the parameter set (e.g. Calibration/earthbox-calibrated-v1.csv); its first `members` rows.
    ///   - seeds: variability seeds 1…seeds; the band variability is switched on.
    public init(base: RunConfiguration, parameterFile: String, members: Int, seeds: Int, scenarios: [String],
                years: ClosedRange<Int>) throws(InputError) {
        let file = try ParameterSetFile.load(path: parameterFile)
        guard members >= 2, members <= file.rows.count else {
            throw InputError(file: parameterFile, message: "\(members) members asked for, the file has \(file.rows.count) (at least 2)")
        }
        guard seeds >= 2, !scenarios.isEmpty else { throw InputError(file: parameterFile, message: "need at least 2 seeds and one scenario") }
        var parameters = [UncertainParameter]()
        for name in file.parameters {
            guard let p = ParameterSpace.parameter(named: name, defaults: base.model) else {
                throw InputError(file: parameterFile, line: 1 + file.provenance.count, key: name, message: "not a real model parameter")
            }
            parameters.append(p)
        }
        var trends = [[[[Double]]]]()   // [band][scenario][member][seed], K per decade
        var latitudes = [Double]()
        for scenario in scenarios {
            var byMember = [[[Double]]]()   // [member][seed][band]
            for m in 0..<members {
                var bySeed = [[Double]]()
                for seed in 1...seeds {
                    var c = base
                    c.run.scenario = scenario
                    c.run.endYear = years.upperBound
                    c.model.variability.enabled = true
                    c.model.variability.seed = seed
                    for (j, p) in parameters.enumerated() {
                        try p.assign(file.rows[m][j], to: &c.model, file: parameterFile, line: 2 + file.provenance.count + m)
                    }
                    let plan = try RunPlan(c)
                    let r = plan.run()
                    latitudes = plan.simulation.model.grid.centresDegrees
                    let rows = years.map { r.zonal(.surfaceTemperature, year: $0) }
                    bySeed.append(latitudes.indices.map { b in 10 * TrendUncertainty.trend(rows.map { $0[b] }) })
                }
                byMember.append(bySeed)
            }
            if trends.isEmpty { trends = Array(repeating: [], count: latitudes.count) }
            for b in latitudes.indices { trends[b].append(byMember.map { $0.map { $0[b] } }) }
        }
        self.latitudes = latitudes
        bands = trends.map(TrendUncertainty.init(trends:))
        self.years = years
    }

    /// CSV: latitude, the three variances ((K per decade)²) and the three shares.
    public var csv: String {
        var lines = ["latitude_degrees_north,internal_variance,model_variance,scenario_variance,internal_share,model_share,scenario_share"]
        for (lat, p) in zip(latitudes, bands) {
            lines.append([lat, p.internalVariance, p.modelVariance, p.scenarioVariance, p.internalShare, p.modelShare, p.scenarioShare]
                .map { "\($0)" }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
