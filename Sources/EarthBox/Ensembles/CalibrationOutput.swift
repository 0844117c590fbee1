import Foundation


/// The posterior parameter set as a CSV file (`Calibration/earthbox-calibrated-v1.csv`): `#` provenance lines, a
/// header `prior_member,<group.key>,…` and one row per posterior member, every value in shortest round-trip form
/// so that reading it back gives the same bits. `&ensemble parameter_file` runs an ensemble over its rows.
public struct ParameterSetFile: Sendable, Equatable {
    public var provenance: [String]
    /// `group.key` of every parameter column.
    public var parameters: [String]
    public var priorMembers: [Int]
    /// One row of parameter values per member.
    public var rows: [[Double]]

    public var text: String {
        var lines = provenance.map { "# " + $0 }
        lines.append((["prior_member"] + parameters).joined(separator: ","))
        for (member, row) in zip(priorMembers, rows) { lines.append(([String(member)] + row.map { "\($0)" }).joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads and checks the file: a header naming real parameters, complete finite rows. Errors name the file and line.
    public static func load(path: String) throws(InputError) -> ParameterSetFile {
        let text = try BoundedRead.text(path: path, limit: BoundedRead.observationLimit, what: "parameter set file (&ensemble parameter_file)")
        var file = ParameterSetFile(provenance: [], parameters: [], priorMembers: [], rows: [])
        var header = false
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            if line.hasPrefix("#") { file.provenance.append(String(line.dropFirst().drop { $0 == " " })); continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if !header {
                guard cells.first == "prior_member", cells.count >= 2 else {
                    throw InputError(file: path, line: i + 1, message: "expected the header 'prior_member,<group.key>,...'")
                }
                file.parameters = Array(cells.dropFirst())
                header = true
                continue
            }
            guard cells.count == file.parameters.count + 1, let member = Int(cells[0]) else {
                throw InputError(file: path, line: i + 1, message: "expected \(file.parameters.count + 1) values (prior_member and one per parameter), got \(cells.count)")
            }
            var row: [Double] = []
            for (j, cell) in cells.dropFirst().enumerated() {
                guard let x = Double(cell), x.isFinite else {
                    throw InputError(file: path, line: i + 1, key: file.parameters[j], message: "'\(cell)' is not a finite number")
                }
                row.append(x)
            }
            file.priorMembers.append(member)
            file.rows.append(row)
        }
        guard header, !file.rows.isEmpty else { throw InputError(file: path, message: "no parameter rows") }
        return file
    }
}

extension CalibrationResult {
    /// The posterior file with its provenance: the command that regenerates it, code revision, prior, constraints, sizes.
    public func parameterSetFile(namelistPath: String, codeRevision: String) -> ParameterSetFile {
        let c = configuration, p = c.prior
        var provenance = [
            "EarthBox calibrated parameter set '\(c.settings.name)' (docs/calibration.md)",
            "regenerate: earthbox calibrate \(namelistPath)   (mpirun -n N gives the same file)",
            "code revision: \(codeRevision)",
            "prior: \(p.settings.members) members, \(p.settings.sampling.rawValue) sampling, seed \(p.settings.seed), years \(p.years.lowerBound)-\(p.years.upperBound), \(p.base.run.co2Mode) CO2, scenario \(p.scenarios[0])",
        ]
        provenance += p.priors.map { "prior \($0.parameter.name): \($0.distribution.summary)" }
        provenance += c.constraints.map { k in
            k == .gmstRMSE ? "constraint \(k.rawValue): history matching, RMSE of GMST 1850-2024 vs IGCC 2025 <= \(c.settings.gmstRMSEThreshold) K"
                : c.historyMatched.contains(k) ? "constraint \(k.rawValue): history matching, within \(c.settings.implausibilityThreshold) sigma of target \(c.targets[k]!.summary) \(k.units)"
                : "constraint \(k.rawValue): target \(c.targets[k]!.summary) \(k.units)"
        }
        let k = Calibration.stratifiedConstraint
        let stratified = c.constraints.contains(k) && !c.historyMatched.contains(k) ? k : nil
        provenance.append("method: history matching, raking of the marginals to the targets (\(MarginalRaking.binCount) equal-probability bins, \(rakingSweeps) sweeps to a largest misfit \(rakingMisfit) in cumulative probability), systematic PPS draw, Madow 1949, along \(stratified.map { "the members sorted by \($0.rawValue)" } ?? "a random order") (resampling seed \(c.settings.resamplingSeed)); Smith et al. 2024, GMD 17, 8569")
        provenance.append("passed history matching: \(passedHistoryMatch.filter { $0 }.count) of \(p.settings.members); weights support \(Int(supportedMembers)) members (Kish effective sample size \(Int(effectiveSampleSize))); posterior \(posterior.count) members, equally weighted")
        return ParameterSetFile(provenance: provenance, parameters: p.priors.map(\.parameter.name), priorMembers: posterior,
                                rows: posterior.map { p.samples[$0] })
    }

    /// Weighted (posterior) and prior 5/17/33/50/67/83/95 % of each constraint quantity, as (prior, posterior).
    public func percentiles(_ k: CalibrationConstraint) -> (prior: [Double], posterior: [Double]) {
        let v = values[k]!, m = v.count
        let equal = [Double](repeating: 1, count: m)
        let drawn = [Double](unsafeUninitializedCapacity: m) { buffer, count in
            for i in 0..<m { buffer[i] = 0 }
            for i in posterior { buffer[i] = 1 }
            count = m
        }
        return (WeightedStatistics.percentiles(v, weights: equal, WarmingStatistics.percentiles),
                WeightedStatistics.percentiles(v, weights: drawn, WarmingStatistics.percentiles))
    }

    /// Text table: every constraint's target, prior and posterior 5/50/95 %.
    public var summaryText: String {
        func f(_ x: Double) -> String { x.isFinite ? String(format: "%.3g", x) : "nan" }
        func pad(_ s: String, _ n: Int) -> String { s.padding(toLength: n, withPad: " ", startingAt: 0) }
        let i5 = WarmingStatistics.percentiles.firstIndex(of: 5)!, i50 = WarmingStatistics.percentiles.firstIndex(of: 50)!
        let i95 = WarmingStatistics.percentiles.firstIndex(of: 95)!
        // The raked weights' own quantiles beside the drawn posterior's: a gap between the two is the draw's
        // (too few effective members), a gap between the weights and the target is the raking's (the prior cannot reach it).
        var lines = [pad("constraint", 22) + pad("target 5/50/95", 24) + pad("prior 5/50/95", 24) + pad("raked weights 5/50/95", 24) + "posterior 5/50/95"]
        for k in configuration.constraints {
            let (a, b) = percentiles(k)
            let w = WeightedStatistics.percentiles(values[k]!, weights: weights, WarmingStatistics.percentiles)
            let target = configuration.targets[k].map { "\(f($0.q05)) \(f($0.q50)) \(f($0.q95))" + (configuration.historyMatched.contains(k) ? " HM" : "") }
                ?? "<= \(configuration.settings.gmstRMSEThreshold)"
            lines.append(pad(k.rawValue, 22) + pad(target, 24) + pad("\(f(a[i5])) \(f(a[i50])) \(f(a[i95]))", 24)
                         + pad("\(f(w[i5])) \(f(w[i50])) \(f(w[i95]))", 24) + "\(f(b[i5])) \(f(b[i50])) \(f(b[i95])) \(k.units)")
        }
        if !configuration.historyMatched.isEmpty {
            lines.append("HM: applied by history matching (within \(configuration.settings.implausibilityThreshold) sigma of the target median), not raked")
        }
        lines.append("raking: \(rakingSweeps) sweeps, largest cumulative-probability misfit at a target bin edge \(rakingMisfit)")
        if let warning = MarginalRaking.convergenceWarning(sweeps: rakingSweeps, misfit: rakingMisfit) { lines.append(warning) }
        lines.append("history matching: \(passedHistoryMatch.filter { $0 }.count) of \(passedHistoryMatch.count) pass; the raked weights support \(Int(supportedMembers)) members (Kish effective sample size \(Int(effectiveSampleSize))); posterior \(posterior.count) members")
        return lines.joined(separator: "\n")
    }

    /// The constraint diagnostics as NetCDF: every constraint quantity, TCRE, the weight and the prior member of each
    /// posterior member; the 5/17/33/50/67/83/95 % of each quantity over the prior, the members that passed history
    /// matching, the posterior, and the target; provenance in the global attributes. `allPriorMembers` adds every
    /// prior member's quantities, history match, weight and parameters (large: 1e5 members are ~15 MB).
    public func diagnosticsDataset(provenance: [String], allPriorMembers: Bool = false) -> Dataset {
        let p = configuration.prior, m = p.settings.members, ps = WarmingStatistics.percentiles
        var ds = Dataset(dimensions: [Dimension(name: "posterior_member", length: posterior.count), Dimension(name: "quantile", length: ps.count)]
                         + (allPriorMembers ? [Dimension(name: "prior_member", length: m)] : []))
        func add(_ name: String, _ dim: [String], _ data: [Double], _ attributes: [(String, AttributeValue)], type: VariableType = .double) {
            ds.variables.append(Variable(name: name, dimensions: dim, data: data, attributes: attributes, type: type))
        }
        add("quantile", ["quantile"], ps.map { $0 / 100 }, [("long_name", .text("quantile")), ("units", .text("1"))])
        add("prior_member", ["posterior_member"], posterior.map(Double.init), [("long_name", .text("prior member of each posterior member"))], type: .int)
        let passed = passedHistoryMatch.map { $0 ? 1.0 : 0 }, equal = passed.map { _ in 1.0 }
        for k in configuration.constraints {
            let v = values[k]!
            var a: [(String, AttributeValue)] = [("units", .text(k.units)), ("long_name", .text("calibration constraint \(k.rawValue)"))]
            if let t = configuration.targets[k] {
                a.append(("target_5_50_95", .doubles([t.q05, t.q50, t.q95])))
                add(k.rawValue + "_target_quantiles", ["quantile"], ps.map { t.quantile($0 / 100) }, [("units", .text(k.units))])
            }
            add(k.rawValue, ["posterior_member"], posterior.map { v[$0] }, a)
            add(k.rawValue + "_prior_quantiles", ["quantile"], WeightedStatistics.percentiles(v, weights: equal, ps), [("units", .text(k.units))])
            add(k.rawValue + "_history_matched_quantiles", ["quantile"], WeightedStatistics.percentiles(v, weights: passed, ps), [("units", .text(k.units))])
            add(k.rawValue + "_posterior_quantiles", ["quantile"], percentiles(k).posterior, [("units", .text(k.units))])
            if allPriorMembers { add(k.rawValue + "_prior", ["prior_member"], v, a) }
        }
        add("tcre", ["posterior_member"], posterior.map { tcre[$0] }, [("units", .text("K (1000 PgC)-1")), ("long_name", .text("transient climate response to cumulative CO2 emissions"))])
        add("weight", ["posterior_member"], posterior.map { weights[$0] }, [("long_name", .text("raked weight of the member in the prior (sum over the prior 1)"))])
        if allPriorMembers {
            add("passed_history_match", ["prior_member"], passed, [("long_name", .text("GMST RMSE 1850-2024 within the threshold, and every history-matched constraint within its implausibility threshold"))], type: .int)
            add("weight_prior", ["prior_member"], weights, [("long_name", .text("raked weight (sum 1)"))])
            for (j, prior) in p.priors.enumerated() {
                add(prior.parameter.variableName, ["prior_member"], p.samples.map { $0[j] }, [("units", .text(prior.parameter.unit)), ("namelist_key", .text(prior.parameter.name))])
            }
        }
        ds.globalAttributes = [("title", .text("EarthBox calibration diagnostics: \(configuration.settings.name)")),
                               ("prior_members", .double(Double(m))), ("passed_history_match", .double(passed.reduce(0, +))),
                               ("effective_sample_size", .double(effectiveSampleSize)), ("supported_members", .double(supportedMembers)),
                               ("provenance", .text(provenance.joined(separator: "\n")))]
        return ds
    }
}

extension ParameterSetFile {
    /// The members of an ensemble with `&ensemble parameter_file`: the file's rows (the first `members` when the
    /// namelist gives `members`), each column a parameter; nil without a parameter file. The members are equally
    /// weighted (the posterior is already constrained), so `constrain = .true.` is refused and the default turned off.
    static func members(settings: inout EnsembleSettings, priors: inout [ParameterPrior], namelist: Namelist,
                        defaults: ModelConfiguration) throws(InputError) -> [[Double]]? {
        guard !settings.parameterFile.isEmpty else { return nil }
        let group = EnsembleSettings.groupName
        func given(_ key: String) -> Bool { namelist.location(group: group, key: key) != nil }
        if !priors.isEmpty {
            throw namelist.error(group: group, key: "parameter_file", "a parameter set gives every member's parameters: remove &priors or parameter_file")
        }
        if settings.constrain && given("constrain") {
            throw namelist.error(group: group, key: "constrain", "the parameter set '\(settings.parameterFile)' is already constrained (its members are equally weighted): set constrain = .false.")
        }
        settings.constrain = false
        let file = try load(path: settings.parameterFile)
        if given("members") {
            guard settings.members <= file.rows.count else {
                throw namelist.error(group: group, key: "members", "\(settings.members) members, but '\(settings.parameterFile)' has \(file.rows.count)")
            }
        } else {
            settings.members = file.rows.count
        }
        let rows = Array(file.rows.prefix(settings.members))
        let line = namelist.location(group: group, key: "parameter_file") ?? 0
        for (j, name) in file.parameters.enumerated() {
            guard let parameter = ParameterSpace.parameter(named: name, defaults: defaults) else {
                throw InputError(file: settings.parameterFile, line: 1 + file.provenance.count, key: name, message: "not a real model parameter" + NearestName.hint(for: name, among: ParameterSpace.scalarNames))
            }
            let column = rows.map { $0[j] }
            var prior = ParameterPrior(parameter: parameter, distribution: .uniform(lower: column.min()!, upper: column.max()!), line: line)
            prior.parameterSet = settings.parameterFile
            priors.append(prior)
        }
        return rows
    }
}
