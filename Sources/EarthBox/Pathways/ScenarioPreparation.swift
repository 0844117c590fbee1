/// What `run` and `assess` do with a scenario read from an IAMC file before the model sees it.
public struct ScenarioOptions: Sendable, Equatable {
    public var harmonise = true
    /// AR6 harmonised to 2015 (Kikstra et al. 2022 §2.2); up to 2022 the shipped history (RCMIP's extended
    /// historical, ssp245 after 2014) is available.
    public var harmonisationYear = 2015
    public var infill = true
    /// Last year the drivers must reach.
    public var endYear = 2100
    /// A species that ends before `endYear` is held at its last value (printed); otherwise that is an error.
    public var extendConstant = false
    public init() {}
}

/// Where the series of one species comes from.
public struct SpeciesOrigin: Sendable, Equatable {
    public enum Kind: String, Sendable { case given, harmonised, infilled }
    public var kind: Kind
    /// e.g. "Emissions|CH4, line 12, Mt CH4/yr; reduce_ratio_2080 to the RCMIP history in 2015".
    public var detail: String
}

/// A scenario made ready for the model: every species, annual from `firstYear` (where it takes over from history)
/// to `lastYear`, in model units, with its origin.
public struct PreparedScenario: Sendable {
    public let model: String, scenario: String, file: String
    public let firstYear: Int, lastYear: Int
    /// `series[s][year - firstYear]` for species s of `EmissionSpecies.all`.
    public let series: [[Double]]
    /// The file's series interpolated to annual over the same years (nil for infilled species), for the report.
    public let raw: [[Double]?]
    public let origins: [SpeciesOrigin]
    public let notes: [String]
    public var label: String { "\(model)|\(scenario)" }

    /// `base` (history, natural forcing) with every emission column replaced from `firstYear` to `lastYear`.
    public func drivers(base: DriverSeries) -> DriverSeries {
        var out = base
        for (s, species) in EmissionSpecies.all.enumerated() {
            for year in firstYear...lastYear { out[year, species.column] = series[s][year - firstYear] }
        }
        return out
    }

    /// Total CO2 (fossil + AFOLU), Gt CO2/yr, per year from `firstYear`.
    public var totalCO2: [Double] {
        let f = EmissionSpecies.index("co2_fossil")!, a = EmissionSpecies.index("co2_afolu")!
        return zip(series[f], series[a]).map { ($0 + $1) / EmissionSpecies.carbonPerCO2 }
    }

    /// The seven Kyoto gases (CO2, CH4, N2O, HFCs, PFCs, SF6, NF3) in Gt CO2-eq/yr with AR6 GWP100 (Forster et al.
    /// 2021, Table 7.SM.7), per year from `firstYear`; net zero of this total is carbon neutrality as the review defines it.
    public var kyotoGHG: [Double] {
        var total = totalCO2
        for (s, species) in EmissionSpecies.all.enumerated() where !species.name.hasPrefix("co2") {
            guard let gwp = species.gwp100 else { continue }
            let toMt = 1 / species.modelScale   // model unit → Mt of the species
            for i in total.indices { total[i] += series[s][i] * toMt * gwp / 1000 }
        }
        return total
    }

    /// First year in which `values` (from `firstYear`) is ≤ 0 after being positive, or nil.
    public func netZeroYear(_ values: [Double]) -> Int? {
        guard let first = values.first, first > 0, let i = values.firstIndex(where: { $0 <= 0 }) else { return nil }
        return firstYear + i
    }
}

/// Turns `ScenarioInput`s into `PreparedScenario`s against one history (the base drivers) and one database.
public struct ScenarioPreparer: Sendable {
    public let base: DriverSeries
    public let historySource: String
    public var database: InfillerDatabase?

    public init(base: DriverSeries, historySource: String, database: InfillerDatabase?) {
        self.base = base; self.historySource = historySource; self.database = database
    }

    public mutating func prepare(_ input: ScenarioInput, options o: ScenarioOptions) throws(InputError) -> PreparedScenario {
        let all = EmissionSpecies.all
        var notes = input.notes
        func error(_ s: Int?, _ message: String) -> InputError {
            let g = s.flatMap { input.given[$0] }
            return InputError(file: input.file, line: g?.line, key: g.map { "\(input.label): \($0.variable)" } ?? input.label, message: message)
        }
        // 1. Where the scenario takes over from history.
        let firsts = input.given.mapValues { $0.years[0] }
        let start: Int
        if o.harmonise {
            start = o.harmonisationYear
            for (s, g) in input.given where g.years[0] > start || g.years.last! < start {
                throw error(s, "gives \(g.years[0])-\(g.years.last!), not the harmonisation year \(start); give a value for \(start) or set the harmonisation year inside the years given")
            }
        } else {
            start = firsts.values.max()!
        }
        guard start > base.firstYear, start <= base.lastYear, o.endYear <= base.lastYear, o.endYear >= start else {
            throw error(nil, "the scenario would run \(start)-\(o.endYear), outside the history and forcing years \(base.firstYear + 1)-\(base.lastYear)")
        }
        if let early = firsts.values.min(), early < start {
            notes.append("years \(early)-\(start - 1) of the file precede \(o.harmonise ? "the harmonisation year" : "the first year every species is given") (\(start)); the history (\(historySource)) is used there")
        }
        let years = o.endYear - start + 1
        var series = [[Double]](repeating: [], count: all.count)
        var raw = [[Double]?](repeating: nil, count: all.count)
        var origins = [SpeciesOrigin](repeating: SpeciesOrigin(kind: .given, detail: ""), count: all.count)

        // 2. Given species: annual by linear interpolation between the given years (as scmdata/openscm
        //    `interpolate` and the AR6 pipeline do), then harmonised.
        for (s, g) in input.given {
            var annual = Self.annual(g, from: start, to: o.endYear)
            if g.years.last! < o.endYear {
                guard o.extendConstant else {
                    throw error(s, "ends in \(g.years.last!), before the last simulated year \(o.endYear)")
                }
                notes.append("\(all[s].iamcVariable) ends in \(g.years.last!); held at its last value to \(o.endYear)")
                let last = g.values.last!
                for i in (g.years.last! - start + 1)..<years where i >= 0 { annual[i] = last }
            }
            raw[s] = annual
            let source = "\(g.variable), line \(g.line), \(g.unit)" + (g.regions == ["World"] ? "" : ", sum of \(g.regions.count) regions")
            if o.harmonise {
                let (h, method) = harmonise(annual, species: s, year: start)
                series[s] = h
                origins[s] = SpeciesOrigin(kind: .harmonised, detail: "\(source); \(method) to \(historySource) in \(start)")
            } else {
                series[s] = annual
                origins[s] = SpeciesOrigin(kind: .given, detail: source)
            }
        }
        // 3. Missing species: infilled (silicone QRW median) led by fossil CO2, else by CH4.
        let missing = all.indices.filter { input.given[$0] == nil }
        if !missing.isEmpty {
            guard o.infill else {
                throw error(nil, "lacks \(missing.map { all[$0].iamcVariable }.joined(separator: ", ")); give them or turn infilling on")
            }
            guard var database else { throw error(nil, "infilling needs the SSP database") }
            let lead = [EmissionSpecies.index("co2_fossil")!, EmissionSpecies.index("ch4")!].first { input.given[$0] != nil }
            guard let lead else {
                throw error(nil, "lacks both Emissions|CO2|Energy and Industrial Processes and Emissions|CH4, one of which leads the infilling")
            }
            guard o.endYear <= database.lastYear else { throw error(nil, "the infiller database ends in \(database.lastYear)") }
            for s in missing {
                let qrw = database.relationship(follower: s, lead: lead)
                var values = [Double](repeating: 0, count: years)
                for i in 0..<years {
                    let year = start + i
                    values[i] = year < database.firstYear ? base[year, all[s].column] : qrw.follower(lead: series[lead][i], year: year)
                }
                // The database's 2015 differs slightly from the history; harmonising the infilled series keeps it continuous.
                let (h, method) = harmonise(values, species: s, year: start)
                series[s] = h
                origins[s] = SpeciesOrigin(kind: .infilled, detail: "quantile rolling windows (median, 11 windows; Lamboll et al. 2020) led by \(all[lead].iamcVariable) from the RCMIP SSP database (\(database.scenarios.count) scenarios); \(method) to \(historySource) in \(start)")
            }
            self.database = database
            notes.append("infilled \(missing.count) species led by \(all[lead].iamcVariable)")
        }
        return PreparedScenario(model: input.model, scenario: input.scenario, file: input.file, firstYear: start, lastYear: o.endYear,
                                series: series, raw: raw, origins: origins, notes: notes)
    }

    /// Harmonised series from `year` on, and the method used.
    func harmonise(_ values: [Double], species s: Int, year: Int) -> ([Double], HarmonisationMethod) {
        let species = EmissionSpecies.all[s]
        let history = base[year, species.column]
        let recent = (max(base.firstYear, 1990)...year).map { base[$0, species.column] }
        let method = HarmonisationMethod.ar6Default(species: species, history: history, historyRecent: recent, model: values, modelInH: values[0])
        return (method.apply(values, firstYear: year, harmonisationYear: year, history: history), method)
    }

    /// The given series linearly interpolated to every year `from…to` (NaN outside the given years).
    static func annual(_ g: ScenarioInput.Given, from: Int, to: Int) -> [Double] {
        var out = [Double](repeating: .nan, count: to - from + 1)
        var k = 0
        for year in from...to {
            while k + 1 < g.years.count && g.years[k + 1] < year { k += 1 }
            if year < g.years[0] || year > g.years.last! { continue }
            if g.years[k] == year { out[year - from] = g.values[k]; continue }
            if k + 1 < g.years.count {
                let (y0, y1) = (g.years[k], g.years[k + 1])
                if year == y1 { out[year - from] = g.values[k + 1]; continue }
                let t = Double(year - y0) / Double(y1 - y0)
                out[year - from] = g.values[k] + t * (g.values[k + 1] - g.values[k])
            }
        }
        return out
    }
}
