/// Infilling of species a scenario lacks by quantile rolling windows (silicone's `QuantileRollingWindows`,
/// Lamboll et al. 2020, GMD 13, 5259, doi:10.5194/gmd-13-5259-2020), from a database of complete scenarios.
///
/// For each year, the database scenarios are points (lead value, follower value). The lead axis is cut into
/// `windows` evenly spaced centres; in each, every point gets the weight 1 / (1 + ((x − centre) / (step/2 · f))²)
/// and the weighted `quantile` of the follower is taken (cumulative weights at the middle of each point's step,
/// interpolated linearly, clamped at the ends). The follower of a scenario is then the window-quantile curve
/// interpolated at the scenario's lead value. The curve depends only on the database, so it is built once per
/// species and year and every scenario reuses it. Defaults are silicone's: 11 windows, f = 1, median.
public struct QuantileRollingWindows: Sendable {
    public let windows: Int
    public let decayLengthFactor: Double
    public let quantile: Double
    /// [year][window] centres and quantile values.
    let centres: [[Double]]
    let values: [[Double]]
    public let firstYear: Int

    /// `lead[k][i]`, `follower[k][i]`: database scenario k in year `firstYear + i`.
    public init(lead: [[Double]], follower: [[Double]], firstYear: Int, windows: Int = 11, decayLengthFactor: Double = 1, quantile: Double = 0.5) {
        precondition(windows > 1 && !lead.isEmpty && lead.count == follower.count)
        self.windows = windows; self.decayLengthFactor = decayLengthFactor; self.quantile = quantile; self.firstYear = firstYear
        let years = lead[0].count
        var centres: [[Double]] = [], values: [[Double]] = []
        for i in 0..<years {
            let xs = lead.map { $0[i] }, ys = follower.map { $0[i] }
            let (c, v) = Self.windowQuantiles(xs: xs, ys: ys, windows: windows, decay: decayLengthFactor, quantile: quantile)
            centres.append(c); values.append(v)
        }
        self.centres = centres; self.values = values
    }

    /// The follower value for lead value `x` in `year` (inside the database's years).
    public func follower(lead x: Double, year: Int) -> Double {
        let c = centres[year - firstYear], v = values[year - firstYear]
        return Self.interpolate(x, c, v)
    }

    static func windowQuantiles(xs: [Double], ys: [Double], windows: Int, decay f: Double, quantile q: Double) -> ([Double], [Double]) {
        // Points sorted by follower value, then by lead value (as silicone sorts).
        let order = xs.indices.sorted { ys[$0] != ys[$1] ? ys[$0] < ys[$1] : xs[$0] < xs[$1] }
        let sx = order.map { xs[$0] }, sy = order.map { ys[$0] }
        let lo = xs.min()!, hi = xs.max()!
        guard hi > lo else {
            // All leads equal: plain quantile of the followers with weights (k + 0.5)/n.
            let cum = sy.indices.map { (Double($0) + 0.5) / Double(sy.count) }
            return ([lo], [interpolate(q, cum, sy)])
        }
        let step = (hi - lo) / Double(windows - 1), decay = step / 2 * f
        var centres: [Double] = [], values: [Double] = []
        for j in 0..<windows {
            let centre = lo + Double(j) * step
            var w = sx.map { 1 / (1 + (($0 - centre) / decay) * (($0 - centre) / decay)) }
            let total = w.reduce(0, +)
            for k in w.indices { w[k] /= total }
            var cum: [Double] = [], running = 0.0
            for k in w.indices { running += w[k]; cum.append(running - 0.5 * w[k]) }
            centres.append(centre); values.append(interpolate(q, cum, sy))
        }
        return (centres, values)
    }

    /// Linear interpolation of (xs, ys) at x, xs rising, clamped to the end values.
    static func interpolate(_ x: Double, _ xs: [Double], _ ys: [Double]) -> Double {
        if x <= xs[0] { return ys[0] }
        if x >= xs[xs.count - 1] { return ys[ys.count - 1] }
        var k = 1
        while xs[k] < x { k += 1 }
        let t = (x - xs[k - 1]) / (xs[k] - xs[k - 1])
        return ys[k - 1] + t * (ys[k] - ys[k - 1])
    }
}

/// The database infilling draws on: the eight RCMIP v5.1.0 SSP scenarios shipped in Forcing/ (Nicholls et al.
/// 2020; Gidden et al. 2019 harmonised them to CMIP6 history), every species, annual 2015–2500.
public struct InfillerDatabase: Sendable {
    public let scenarios: [String]
    public let firstYear: Int, lastYear: Int
    /// [scenario] drivers sliced to firstYear…lastYear.
    let drivers: [DriverSeries]
    private var cache: [String: QuantileRollingWindows] = [:]

    public static let firstDatabaseYear = 2015

    public init(forcingDirectory: String) throws(InputError) {
        var drivers: [DriverSeries] = []
        for s in RunSettings.scenarios {
            let d = try ScenarioDrivers.load(directory: forcingDirectory, scenario: s).drivers
            drivers.append(d.slice(from: Self.firstDatabaseYear, to: d.lastYear))
        }
        self.scenarios = RunSettings.scenarios
        self.drivers = drivers
        firstYear = Self.firstDatabaseYear
        lastYear = drivers[0].lastYear
    }

    /// The rolling-window relationship of `follower` to `lead` (species indices), built once.
    public mutating func relationship(follower: Int, lead: Int) -> QuantileRollingWindows {
        let key = "\(follower)|\(lead)"
        if let r = cache[key] { return r }
        let fc = EmissionSpecies.all[follower].column, lc = EmissionSpecies.all[lead].column
        let years = lastYear - firstYear + 1
        let leadSeries = drivers.map { d in (0..<years).map { d[firstYear + $0, lc] } }
        let followerSeries = drivers.map { d in (0..<years).map { d[firstYear + $0, fc] } }
        let r = QuantileRollingWindows(lead: leadSeries, follower: followerSeries, firstYear: firstYear)
        cache[key] = r
        return r
    }
}
