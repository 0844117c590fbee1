import EarthBox
import Foundation

/// Runs the policy page's requests: the inputs are read once, every member is stored at the start of the first
/// pathway year (the year after the last observed national emissions, GCB 2023: 2023), and a request composes its
/// pathway with `PathwayBuilder` and `RegionalComposition` exactly as `earthbox pathway` + `earthbox run` do, then
/// runs only the future of every member on all cores.
///
/// Not thread-safe by itself: `SimulatorAPI` calls it from one serial queue (one computation at a time, each using
/// every core), which is also what keeps the newest request first in line.
public final class PolicySimulator: @unchecked Sendable {
    public struct Options: Sendable {
        public var forcingDirectory = "Forcing"
        public var observationsDirectory = "Observations"
        /// The national history `&pathway history_file` (a clone's copy of the GCB 2023 national file).
        public var historyFile = "Observations/global-carbon-budget-2023-national-fossil-territorial-emissions_Year-China-World.csv"
        /// The ensemble that gives the members: by default the calibrated, constrained parameter set calibrated-v1
        /// (docs/calibration.md, 1000 equally weighted members); any ensemble namelist with priors also works.
        public var ensembleNamelist = "Namelists/parameter-sets/calibrated-v1.nml"
        /// Members: the first rows of a parameter set, or samples drawn from an ensemble's priors (Latin
        /// hypercube, its seed), replacing its `&ensemble members`.
        public var members = 1000
        /// Members whose removal effects are measured (evenly spread over the ensemble): each route with removals
        /// costs one more run of these, so 250 of 1000 keeps a three-route request within the latency target; the
        /// effects are paired differences, which vary much less between members than the climates do.
        public var effectMembers = 250
        public init() {}
    }

    public let options: Options
    public let history: NationalEmissions
    public let ensemble: EnsembleConfiguration
    let constraint: ObservationalConstraint?
    let landFraction: [Double]
    public let firstYear: Int, endYear: Int
    /// First year the pathway can change (the year after the last observed national emissions).
    public var restartYear: Int { history.lastYear + 1 }

    private var scenarioInputs: [String: (drivers: DriverSeries, halogens: [Double])] = [:]
    private var banks: [String: StoredMembers] = [:]
    private var single: (key: String, members: StoredMembers)?
    let historyPlumes = HistoryPlumes()

    public init(options: Options = Options()) throws(InputError) {
        self.options = options
        history = try NationalEmissions.load(path: options.historyFile)
        let namelist = try Namelist.load(path: options.ensembleNamelist)
        ensemble = try EnsembleConfiguration.from(Self.withMembers(options.members, namelist))
        constraint = ensemble.settings.constrain
            ? ObservationalConstraint(observations: try Observations.load(directory: options.observationsDirectory)) : nil
        landFraction = try ScenarioDrivers.landFractionOneDegree(directory: options.forcingDirectory)
        firstYear = ensemble.years.lowerBound
        endYear = ensemble.years.upperBound
        guard firstYear <= 1850, endYear >= 2100, restartYear > 2000 else {
            throw InputError(file: options.ensembleNamelist, key: "end_year", message: "the simulator needs the years 1850-2100 (got \(firstYear)-\(endYear))")
        }
    }

    /// The namelist with `&ensemble members = count` (the page needs ≥ 500 members for a smooth 5–95 % plume).
    static func withMembers(_ count: Int, _ namelist: Namelist) -> Namelist {
        Namelist(file: namelist.file, groups: namelist.groups.map { group in
            guard group.name == EnsembleSettings.groupName else { return group }
            return NamelistGroupBlock(name: group.name, line: group.line,
                                      entries: group.entries.filter { $0.key != "members" } + [NamelistEntry(key: "members", values: [.integer(count)], line: group.line)])
        })
    }

    func inputs(_ scenario: String) throws(InputError) -> (drivers: DriverSeries, halogens: [Double]) {
        if let cached = scenarioInputs[scenario] { return cached }
        let loaded = try ScenarioDrivers.load(directory: options.forcingDirectory, scenario: scenario)
        scenarioInputs[scenario] = (loaded.drivers, loaded.halogenPreindustrialPPT)
        return (loaded.drivers, loaded.halogenPreindustrialPPT)
    }

    /// A request's composed drivers, 1750–2100, and its pathway's removals (Mt CO2 yr⁻¹ from `removalsFirstYear`),
    /// all still booked as net fossil CO2 (a geological store).
    struct Composed {
        var drivers: DriverSeries
        var removals: [Double] = []
        var removalsFirstYear = 0
        /// The drivers with the request's removal split applied, or with one route's removals left undone.
        func drivers(_ split: RemovalByType, omitting route: RemovalByType.Route? = nil) -> DriverSeries {
            guard split.isActive || route != nil else { return drivers }
            var d = drivers
            split.apply(removals: removals, firstYear: removalsFirstYear, to: &d, omitting: route)
            return d
        }
    }

    func composed(_ request: PolicyRequest) throws(InputError) -> Composed {
        let base = try inputs(request.scenario).drivers
        guard let pathway = request.pathway else { return Composed(drivers: base.slice(from: firstYear, to: endYear)) }
        let namelist = try Namelist.parse(text: request.namelistText(folder: "Runs/web", historyFile: options.historyFile, endYear: endYear),
                                          file: "request")
        let table = try PathwayBuilder.build(namelist: namelist, history: history, base: base).table
        let drivers = try RegionalComposition.compose(base: base, pathway: table, baseScenario: request.scenario).slice(from: firstYear, to: endYear)
        let removals = table.row(region: pathway.region, variable: RegionalComposition.removals)?.values ?? []
        return Composed(drivers: drivers, removals: removals, removalsFirstYear: table.years.first ?? firstYear)
    }

    /// The drivers of a request, 1750–2100: the base SSP, with the request's pathway composed into it and its
    /// removals split between the routes.
    public func drivers(_ request: PolicyRequest) throws(InputError) -> DriverSeries {
        try composed(request).drivers(request.removal)
    }

    /// The request's drivers as the `co2_emissions_file` its downloaded namelist names (the columns the removal split
    /// changes, every year; reals in round-trip spelling, so `earthbox run` reads the same bits).
    public func removalsFile(_ request: PolicyRequest) throws(InputError) -> String {
        let d = try drivers(request), h = d.halogenCount
        var text = "# CO2 removal by type of the policy page: net fossil CO2 and land removal (PgC/yr), ocean alkalinity (Pmol/yr)\n"
        text += "year,co2_fossil,land_removal,ocean_alkalinity\n"
        for y in d.firstYear...d.lastYear {
            text += "\(y),\(d[y, DriverColumns.co2Fossil]),\(d[y, DriverColumns.landRemoval(halogens: h)]),\(d[y, DriverColumns.oceanAlkalinity(halogens: h)])\n"
        }
        return text
    }

    /// The stored members for a request: the ensemble's (one set per base SSP), or the single member of the
    /// request's physics (kept until the physics changes).
    func members(_ request: PolicyRequest, drivers: DriverSeries) throws(InputError) -> StoredMembers {
        let (_, halogens) = try inputs(request.scenario)
        let grid = LatitudeGrid(bands: 1, landFractionOneDegree: landFraction)
        let reference = Array(drivers.values[0..<drivers.columnCount])
        switch request.mode {
        case .ensemble:
            if let bank = banks[request.scenario] { return bank }
            var models: [EarthSystemModel] = []
            var climatology: EnergyBalance.Climatology?   // members with the same &zonal parameters share it
            for member in 0..<ensemble.memberCount {
                let configuration = try ensemble.model(sample: ensemble.sample(ofMember: member))
                if climatology?.zonal != configuration.zonal { climatology = EnergyBalance.Climatology(zonal: configuration.zonal, grid: grid) }
                models.append(EarthSystemModel(configuration: configuration, grid: grid, halogenPreindustrialPPT: halogens, reference: reference,
                                               climatology: climatology))
            }
            let bank = StoredMembers(models: models, seeds: (0..<models.count).map(ensemble.variabilitySeed), drivers: drivers,
                                     restartYear: restartYear, constraint: constraint)
            banks[request.scenario] = bank
            return bank
        case .single:
            var configuration = RunConfiguration()
            configuration.model.climate = request.climate
            configuration.model.forcingAgents = request.forcing
            let key = request.scenario + NamelistEncoder.encode(request.climate) + NamelistEncoder.encode(request.forcing)
            if let single, single.key == key { return single.members }
            let model = EarthSystemModel(configuration: configuration.model, grid: grid, halogenPreindustrialPPT: halogens, reference: reference)
            let bank = StoredMembers(models: [model], seeds: [UInt64(configuration.model.variability.seed)], drivers: drivers,
                                     restartYear: restartYear, constraint: nil)
            single = (key, bank)
            return bank
        }
    }

    /// Every member of a request through 1750–2100 (the history copied from the store, the future run), or nil
    /// when `isStale` turned true on the way. With a pathway that removes CO2, each route's effect is measured
    /// by running the members again with that route's removals left undone (paired, member by member).
    public func run(_ request: PolicyRequest, isStale: @Sendable () -> Bool = { false }) throws(InputError) -> PolicyRun? {
        let composed = try composed(request)
        let drivers = composed.drivers(request.removal)
        let stored = try members(request, drivers: drivers)
        guard let (series, summaries) = runMembers(stored, drivers: drivers, isStale: isStale) else { return nil }
        var effects: [RemovalEffect] = []
        if request.pathway != nil {
            let years = stored.restartYear...endYear
            let totals = request.removal.cumulative(removals: composed.removals, firstYear: composed.removalsFirstYear, years: years)
            let subset = Self.spread(options.effectMembers, of: stored.count)
            for route in RemovalByType.Route.allCases where totals[route]! > 0 {
                guard let (without, withoutSummaries) = runMembers(stored, drivers: composed.drivers(request.removal, omitting: route),
                                                                   members: subset, isStale: isStale)
                else { return nil }
                effects.append(RemovalEffect(route: route, nominalPgC: totals[route]!, yearCount: endYear - firstYear + 1, firstYear: firstYear,
                                             members: subset, with: (series, summaries), without: (without, withoutSummaries)))
            }
        }
        let weights = request.mode == .single ? [1.0]
            : (request.weighting == .constrained ? stored.constrainedWeights : stored.priorWeights)
        let byRoute = RemovalByType.Route.allCases.map { route in
            composed.removals.isEmpty ? [Double](repeating: 0, count: endYear - firstYear + 1)
                : (firstYear...endYear).map { y in
                    let j = y - composed.removalsFirstYear
                    guard j >= 0, j < composed.removals.count else { return 0.0 }
                    let s = request.removal.split(composed.removals[j], year: y)
                    return (route == .geological ? s.geological : route == .land ? s.land : s.ocean) / 1000   // Gt CO2/yr
                }
        }
        var run = PolicyRun(request: request, firstYear: firstYear, yearCount: endYear - firstYear + 1, restartYear: stored.restartYear,
                            series: series, summaries: summaries, weights: weights,
                            baseFossilCO2: try inputs(request.scenario).drivers.slice(from: firstYear, to: endYear).column(DriverColumns.co2Fossil),
                            removalsByRoute: byRoute, removalEffects: effects)
        if request.mode == .ensemble {
            run.historyPlumes = historyPlumes
            run.historyKey = request.scenario + "|" + request.weighting.rawValue
        }
        return run
    }

    /// `count` member indices spread evenly over `0..<total` (all of them when count ≥ total).
    static func spread(_ count: Int, of total: Int) -> [Int] {
        count >= total ? Array(0..<total) : (0..<max(count, 1)).map { $0 * total / max(count, 1) }
    }

    /// Runs the future of the stored `members` (all by default) with `drivers`: ([member][Recorded][year],
    /// [member][ScenarioSummary]) in the order of `members`.
    func runMembers(_ stored: StoredMembers, drivers: DriverSeries, members: [Int]? = nil, isStale: @Sendable () -> Bool) -> ([Double], [Double])? {
        let chosen = members ?? Array(0..<stored.count)
        let m = chosen.count, n = endYear - firstYear + 1, h = stored.historyYears
        var series = [Double](repeating: 0, count: m * Recorded.count * n)
        var summaries = [Double](repeating: .nan, count: m * ScenarioSummary.count)
        let completed = series.withUnsafeMutableBufferPointer { seriesOut in
            summaries.withUnsafeMutableBufferPointer { summariesOut in
                let out = UnsafeSendable(seriesOut), sum = UnsafeSendable(summariesOut)
                return stored.history.withUnsafeBufferPointer { historyIn in
                    let past = UnsafeSendable(historyIn)
                    return Parallel.forEachMember(count: m, isStale: isStale) { j in
                        let k = chosen[j]
                        let buffer = out.value.baseAddress! + j * Recorded.count * n
                        for r in 0..<Recorded.count {
                            (buffer + r * n).update(from: past.value.baseAddress! + (k * Recorded.count + r) * h, count: h)
                        }
                        var state = stored.states[k]
                        MemberRun.step(stored.models[k], &state, drivers: drivers, from: stored.restartYear, years: n - h,
                                       into: buffer, offset: h, yearCount: n)
                        ScenarioSummary.compute(series: buffer, yearCount: n, firstYear: firstYear,
                                                into: sum.value.baseAddress! + j * ScenarioSummary.count)
                    }
                }
            }
        }
        return completed ? (series, summaries) : nil
    }
}

extension DriverSeries {
    /// One driver column as a series over the years.
    func column(_ c: Int) -> [Double] { (0..<yearCount).map { values[$0 * columnCount + c] } }
}
