import EarthBox
import Foundation

/// Every member's series for one request, and the indicators the page shows, computed the way the CLI computes
/// them: peak warming and P(>1.5 °C), P(>2 °C) from `ScenarioSummary` (peak of the 20-year running mean vs
/// 1850–1900, weighted exceedance, as `earthbox ensemble`), budgets from `PathwayMetrics` (as `earthbox compare`).
public struct PolicyRun: Sendable {
    public let request: PolicyRequest
    public let firstYear: Int
    public let yearCount: Int
    /// First year that was run for this request (the earlier years came from the stored members).
    public let restartYear: Int
    /// [member][Recorded][year], flat.
    let series: [Double]
    /// [member][ScenarioSummary], flat.
    public let summaries: [Double]
    public let weights: [Double]
    /// The base SSP's world fossil CO2, PgC/yr (what the pathway is compared with).
    let baseFossilCO2: [Double]
    /// The pathway's removals by route (`RemovalByType.Route` order), Gt CO2/yr by year from `firstYear` (nominal).
    public let removalsByRoute: [[Double]]
    /// Each route's paired effect (routes with removals only).
    public let removalEffects: [RemovalEffect]
    /// Percentiles of the years before `restartYear`, which no request changes: kept per stored ensemble and weighting
    /// (`historyKey`), so a slider move computes only the future's (nil: compute everything).
    var historyPlumes: HistoryPlumes? = nil
    var historyKey = ""

    public var memberCount: Int { weights.count }
    public var years: [Int] { (0..<yearCount).map { firstYear + $0 } }

    /// Percentiles the plume shows: AR6's very likely (5–95 %) and likely (17–83 %) ranges and the median.
    public static let plumePercentiles: [Double] = [5, 17, 50, 83, 95]
    /// Percentiles of peak warming (33 and 67 are what the AR6 categories are judged on).
    public static let peakPercentiles: [Double] = [5, 33, 50, 67, 95]

    func value(_ r: Recorded, member k: Int, index i: Int) -> Double { series[(k * Recorded.count + r.rawValue) * yearCount + i] }

    func memberSeries(_ r: Recorded, member k: Int) -> ArraySlice<Double> {
        let start = (k * Recorded.count + r.rawValue) * yearCount
        return series[start..<(start + yearCount)]
    }

    /// A member's mean of `r` over `from…to`.
    func mean(_ r: Recorded, member k: Int, _ from: Int, _ to: Int) -> Double {
        var s = 0.0
        for y in from...to { s += value(r, member: k, index: y - firstYear) }
        return s / Double(to - from + 1)
    }

    public func summary(_ s: ScenarioSummary) -> [Double] {
        (0..<memberCount).map { summaries[$0 * ScenarioSummary.count + s.rawValue] }
    }

    /// Weighted percentiles, year by year from `from`, of `transform(member, value)`, the years spread over the cores.
    /// Equal weights (the calibrated set) take `SortedSample`'s selection path, which gives the same bits as sorting.
    func plume(_ r: Recorded, from: Int, _ ps: [Double] = plumePercentiles, name: String? = nil,
               transform: @escaping @Sendable (Int, Double) -> Double = { $1 }) -> [[Double]] {
        guard let cache = historyPlumes, ps == Self.plumePercentiles, from < restartYear else {
            return plumeOfYears(r, from: from, to: firstYear + yearCount - 1, ps, transform: transform)
        }
        let key = "\(historyKey)|\(name ?? "\(r)")|\(from)"
        let past = cache.get(key) ?? {
            let p = plumeOfYears(r, from: from, to: restartYear - 1, ps, transform: transform)
            cache.set(key, p)
            return p
        }()
        let future = plumeOfYears(r, from: restartYear, to: firstYear + yearCount - 1, ps, transform: transform)
        return ps.indices.map { past[$0] + future[$0] }
    }

    func plumeOfYears(_ r: Recorded, from: Int, to last: Int, _ ps: [Double], transform: @escaping @Sendable (Int, Double) -> Double) -> [[Double]] {
        let years = last - from + 1, m = memberCount, i0 = from - firstYear
        let uniform = weights.allSatisfy { $0 == weights[0] } && weights[0] > 0
        var flat = [Double](repeating: .nan, count: ps.count * years)
        flat.withUnsafeMutableBufferPointer { buffer in
            let out = UnsafeSendable(buffer)
            Parallel.forEachMember(count: years) { y in
                var values = [Double](repeating: 0, count: m)
                for k in 0..<m { values[k] = transform(k, value(r, member: k, index: i0 + y)) }
                var sample = SortedSample()
                let q = values.withUnsafeBufferPointer { column in
                    if uniform { return sample.uniformPercentiles(column, weight: weights[0], ps) }
                    sample.sort(column)
                    return sample.percentiles(weights: weights, ps)
                }
                for j in ps.indices { out.value[j * years + y] = q[j] }
            }
        }
        return ps.indices.map { Array(flat[($0 * years)..<(($0 + 1) * years)]) }
    }

    /// Warming of every member relative to its own 1850–1900 mean (AR6 WG1 convention).
    public func warmingPlume(from: Int) -> [[Double]] {
        let baselines = (0..<memberCount).map { mean(.tas, member: $0, 1850, 1900) }
        return plume(.tas, from: from, name: "warming") { $1 - baselines[$0] }
    }

    public func seaLevelPlume(from: Int) -> [[Double]] {
        let baselines = (0..<memberCount).map { mean(.seaLevel, member: $0, 1995, 2014) }
        return plume(.seaLevel, from: from, name: "sea_level") { ($1 - baselines[$0]) * 100 }   // cm vs 1995–2014 (AR6 projection baseline)
    }

    /// `PathwayMetrics` of every member (budgets from 2020, net-zero year), from the series it needs.
    public func pathwayMetrics() -> [PathwayMetrics] {
        (0..<memberCount).map { k in
            let s: [String: [Double]] = ["tas": Array(memberSeries(.tas, member: k)),
                                         "emissions_co2_fossil": Array(memberSeries(.fossilCO2, member: k)),
                                         "emissions_co2_land_use": Array(memberSeries(.landUseCO2, member: k)),
                                         "zostoga": Array(memberSeries(.seaLevel, member: k))]
            return PathwayMetrics(RunSeries(label: "web", baseScenario: request.scenario, pathwayFile: "", firstYear: firstYear, series: s,
                                            layerTemperature: [], layerThickness: [], model: ModelConfiguration(), landFraction: 0.29))
        }
    }

    /// The carbon the routes booked in the model, 2023–2100, PgC: geological (the pathway's net fossil CO2 carries it),
    /// land (the land's cumulative removal), ocean (alkalinity added × its nominal uptake); and the largest carbon
    /// ledger residual of any member and year (PgC).
    public func removalLedger() -> (booked: [RemovalByType.Route: Double], largestResidualPgC: Double) {
        let i0 = restartYear - firstYear, i1 = 2100 - firstYear
        var worst = 0.0
        for k in 0..<memberCount { for i in 0..<yearCount { worst = max(worst, abs(value(.carbonLedgerResidual, member: k, index: i))) } }
        let land = value(.cumulativeLandRemoval, member: 0, index: i1) - value(.cumulativeLandRemoval, member: 0, index: i0 - 1)
        let ocean = (i0...i1).reduce(0) { $0 + value(.oceanAlkalinity, member: 0, index: $1) } * RemovalByType.pgCPerPmolAlkalinity
        let geological = removalsByRoute[0][i0...i1].reduce(0, +) / PathwayMetrics.gtCO2PerPgC
        return ([.geological: geological, .land: land, .ocean: ocean], worst)
    }

    /// The routes' removals and effects for the page: nominal and booked carbon, and the weighted percentiles of
    /// each route's paired effect on 2100 CO2, warming and peak warming.
    func writeRemoval(_ j: JSONWriter, from: Int) {
        let i0 = from - firstYear
        let ledger = removalLedger()
        j.field("removal") {
            j.object {
                j.field("routes", RemovalByType.Route.allCases.map(\.rawValue))
                j.field("series_gtco2") { j.array(removalsByRoute.map { Array($0[i0...]) }) }
                j.field("largest_ledger_residual_pgc", ledger.largestResidualPgC)
                j.field("effects") {
                    j.arrayOf {
                        for e in removalEffects {
                            let w = e.members.map { weights[$0] }
                            j.object {
                                j.field("members_measured", e.members.count)
                                j.field("route", e.route.rawValue)
                                j.field("nominal_pgc", e.nominalPgC)
                                j.field("nominal_gtco2", e.nominalPgC * PathwayMetrics.gtCO2PerPgC)
                                j.field("booked_pgc", ledger.booked[e.route]!)
                                j.field("co2_change_2100", WeightedStatistics.percentiles(e.co2Change2100, weights: w, Self.plumePercentiles))
                                j.field("warming_change_2100", WeightedStatistics.percentiles(e.warmingChange2100, weights: w, Self.plumePercentiles))
                                j.field("peak_warming_change", WeightedStatistics.percentiles(e.peakWarmingChange, weights: w, Self.plumePercentiles))
                                j.field("carbon_kept_out_2100_pgc", WeightedStatistics.percentiles(e.atmosphericCarbonAvoided2100, weights: w, Self.plumePercentiles))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The page's numbers and plume data as JSON; years from 1850 (the AR6 baseline period on).
    public func json(elapsedMilliseconds: Double) -> String {
        let from = 1850, i0 = from - firstYear
        let peak = summary(.peakWarming), late = summary(.warming2081to2100)
        let warming = warmingPlume(from: from)
        // Peak year: where the median warming curve is highest, from 2000 on (as `earthbox compare`, the past is no policy peak).
        let median = warming[2]
        var peakYear = 2000
        for y in 2000...(firstYear + yearCount - 1) where median[y - from] > median[peakYear - from] { peakYear = y }
        let metrics = pathwayMetrics()
        let pi = Self.peakPercentiles.firstIndex(of: 50)!
        let peakQ = WeightedStatistics.percentiles(peak, weights: weights, Self.peakPercentiles)
        let lateQ = WeightedStatistics.percentiles(late, weights: weights, Self.plumePercentiles)
        let at2100 = warming.map { $0[2100 - from] }
        let category = AR6Category.classify(peakP33: peakQ[1], peakMedian: peakQ[pi], peakP67: peakQ[3], median2100: at2100[2])
        let totalCO2 = (0..<yearCount).map { (value(.fossilCO2, member: 0, index: $0) + value(.landUseCO2, member: 0, index: $0)) * PathwayMetrics.gtCO2PerPgC }
        let cumulative2020to2100 = totalCO2[(2020 - firstYear)...(2100 - firstYear)].reduce(0, +)

        let j = JSONWriter()
        j.object {
            j.field("request") { j.object { for (k, v) in request.parameters { j.field(k, v) } } }
            j.field("members", memberCount)
            j.field("effective_sample_size", ObservationalConstraint.effectiveSampleSize(weights))
            j.field("compute_ms", elapsedMilliseconds)
            j.field("first_year", from)
            j.field("restart_year", restartYear)
            j.field("percentiles", Self.plumePercentiles)
            j.field("warming") { j.array(warming) }
            j.field("co2") { j.array(plume(.co2, from: from)) }
            j.field("ocean_sink") { j.array(plume(.oceanSink, from: from)) }
            j.field("land_sink") { j.array(plume(.landSink, from: from)) }
            j.field("sea_level") { j.array(seaLevelPlume(from: from)) }
            j.field("emissions", Array(totalCO2[i0...]))
            j.field("fossil_co2", (i0..<yearCount).map { value(.fossilCO2, member: 0, index: $0) * PathwayMetrics.gtCO2PerPgC })
            j.field("base_fossil_co2", Array(baseFossilCO2[i0...]).map { $0 * PathwayMetrics.gtCO2PerPgC })
            writeRemoval(j, from: from)
            j.field("summary") {
                j.object {
                    j.field("peak_warming", peakQ)
                    j.field("peak_percentiles", Self.peakPercentiles)
                    j.field("peak_year", peakYear)
                    j.field("peak_annual", median[peakYear - from])
                    j.field("warming_2081_2100", lateQ)
                    j.field("warming_2100", at2100)
                    j.field("p_above_1_5", WeightedStatistics.exceedanceProbability(peak, weights: weights, threshold: 1.5))
                    j.field("p_above_2_0", WeightedStatistics.exceedanceProbability(peak, weights: weights, threshold: 2.0))
                    j.field("category", category.rawValue)
                    j.field("category_name", category.name)
                    j.field("co2_2100", plume(.co2, from: 2100).map { $0[0] })
                    j.field("sea_level_2100_cm", seaLevelPlume(from: 2100).map { $0[0] })
                    j.field("budget_1_5_from_2020", WarmingStatistics.budget(metrics.map { $0.budgetFrom2020[1.5] ?? .nan }, weights: weights, likelihood: 50))
                    j.field("budget_2_0_from_2020", WarmingStatistics.budget(metrics.map { $0.budgetFrom2020[2.0] ?? .nan }, weights: weights, likelihood: 50))
                    j.field("ar6_budget_1_5", Comparison.ar6Budgets["1.5/50"]!)
                    j.field("ar6_budget_2_0", Comparison.ar6Budgets["2.0/50"]!)
                    j.field("emitted_2020_2100", cumulative2020to2100)
                    j.field("net_zero_year", metrics[0].netZeroYear.map(Double.init) ?? .nan)
                }
            }
        }
        return j.text
    }
}

/// The historical part of the plumes, by stored ensemble, weighting, series and first year.
final class HistoryPlumes: @unchecked Sendable {
    private let lock = NSLock()
    private var plumes: [String: [[Double]]] = [:]
    func get(_ key: String) -> [[Double]]? { lock.withLock { plumes[key] } }
    func set(_ key: String, _ value: [[Double]]) { lock.withLock { plumes[key] = value } }
}
