import Foundation

/// Policy indicators of one run (one ensemble member). Warming is relative to 1850–1900 (AR6 WG1 convention);
/// CO2 amounts are in Gt CO2 (× 3.664 per Pg C); "total CO2" = fossil + land use, as AR6 carbon budgets count it.
public struct PathwayMetrics: Sendable {
    public static let gtCO2PerPgC = 3.664
    public static let warmingYears = [2030, 2050, 2060, 2100]
    public static let targets = [1.5, 2.0]

    public var peakWarming = Double.nan, peakYear: Int? = nil
    public var warming: [Int: Double] = [:]
    /// Peak warming judged to 2100, as the AR6 WG3 categories are (the 20-year windows inside 1995–2100).
    public var peakWarmingTo2100 = Double.nan
    /// First year from 2020 on whose total CO2 emissions are ≤ 0, and cumulative total CO2 1750→that year, Gt CO2.
    public var netZeroYear: Int? = nil, cumulativeToNetZero = Double.nan
    /// Total CO2 emitted from 1 Jan 2020 (and from 1 Jan 2025, after the last observed year) until the 20-year mean
    /// warming first reaches each level of `WarmingStatistics.budgetLevels`, Gt CO2 (+∞ if it never does): the one
    /// definition, `WarmingStatistics.remainingBudget`.
    public var budgetFrom2020: [Double: Double] = [:]
    public var budgetFromLatest: [Double: Double] = [:]
    public var oceanSink: [Int: Double] = [:], landSink: [Int: Double] = [:]
    /// Thermosteric sea-level rise vs 1995–2014 (AR6 projection baseline), m.
    public var seaLevel: [Int: Double] = [:]
    /// Warming change over the 50 years after global net zero, K (ZEC-like commitment, MacDougall et al. 2020).
    public var warmingAfterNetZero = Double.nan
    /// Fast (mixed-layer) and slow ("recalcitrant", deep-ocean) parts of the peak warming, relative to 1750 (Held et al. 2010).
    public var fastAtPeak = Double.nan, slowAtPeak = Double.nan

    public init() {}

    public init(_ r: RunSeries) {
        let baseline = Self.mean(r, "tas", 1850, 1900) ?? 0
        // Peak over the future (the historical record cannot be a policy peak).
        let from = max(r.firstYear, 2000)
        // The peak is the largest 20-year running mean (WarmingStatistics: one definition in every command).
        if r.lastYear >= from + WarmingStatistics.peakWindowYears - 1 {
            // On the raw series, baseline subtracted last, so the numbers are those of `ensemble` bit for bit.
            r.series["tas"]!.withUnsafeBufferPointer { raw in
                let windows = (from + WarmingStatistics.peakWindowYears - 1)...r.lastYear
                peakYear = WarmingStatistics.runningMeanPeak(raw, firstYear: r.firstYear, years: windows).year
                peakWarming = WarmingStatistics.peakWarming(raw, firstYear: r.firstYear, years: windows)
                if r.firstYear <= 1995, r.lastYear >= 2100 {
                    peakWarmingTo2100 = WarmingStatistics.peakWarming(raw, firstYear: r.firstYear, years: (1995 + WarmingStatistics.peakWindowYears - 1)...2100)
                }
            }
        }
        for y in Self.warmingYears { if let t = r.value("tas", y) { warming[y] = t - baseline } }
        let total = zip(r.series["emissions_co2_fossil"]!, r.series["emissions_co2_land_use"]!).map { ($0 + $1) * Self.gtCO2PerPgC }
        if r.lastYear >= 2020 {
            for y in 2020...r.lastYear where total[y - r.firstYear] <= 0 {
                netZeroYear = y
                cumulativeToNetZero = total[0...(y - r.firstYear)].reduce(0, +)
                break
            }
        }
        let tas = r.series["tas"]!
        for level in WarmingStatistics.budgetLevels {
            budgetFrom2020[level] = WarmingStatistics.remainingBudget(tas: tas, totalCO2: total, firstYear: r.firstYear, from: 2020, level: level)
            budgetFromLatest[level] = WarmingStatistics.remainingBudget(tas: tas, totalCO2: total, firstYear: r.firstYear,
                                                                        from: WarmingStatistics.latestBudgetStart, level: level)
        }
        for y in [2030, 2060] {
            if let o = r.value("fgco2_global", y) { oceanSink[y] = o }
            if let l = r.value("nbp_global", y) { landSink[y] = l }
        }
        let slBase = Self.mean(r, "zostoga", 1995, 2014) ?? 0
        for y in [2100, 2300] { if let s = r.value("zostoga", y) { seaLevel[y] = s - slBase } }
        if let nz = netZeroYear, let a = r.value("tas", nz), let b = r.value("tas", nz + 50) { warmingAfterNetZero = b - a }
        if let p = peakYear, let split = FastSlowSplit(r) {
            let s = split.slow(year: p)
            slowAtPeak = s; fastAtPeak = peakWarming + baseline - s   // both relative to 1750, the model's zero
        }
    }

    static func mean(_ r: RunSeries, _ name: String, _ a: Int, _ b: Int) -> Double? {
        guard a >= r.firstYear, b <= r.lastYear, let s = r.series[name] else { return nil }
        return s[(a - r.firstYear)...(b - r.firstYear)].reduce(0, +) / Double(b - a + 1)
    }
}

/// Held et al. (2010, J. Clim. 23, 2418) split of surface warming into a fast part, which would vanish within a few
/// years if the forcing were switched off, and a slow "recalcitrant" part held up by the warmed deep ocean.
///
/// Computed the way Held et al. define it, by switching the forcing off: the run's energy balance (one band, its
/// own ECS, efficacy, ocean layers and diffusivity from the stored namelist) starts from the run's ocean
/// temperature profile of that year and is stepped 10 years with zero forcing; the warming left is the slow part
/// (the mixed layer's e-folding time is ~4 years, the deep ocean's centuries). For zonal runs the ocean-mean
/// profile stands for every band's column. Relative to preindustrial (1750), the model's zero.
public struct FastSlowSplit: Sendable {
    public let energyBalance: EnergyBalance
    public let ocean: Ocean
    public let firstYear: Int
    public let layerTemperature: [Double]
    public let surface: [Double]
    /// Years of zero forcing after which the remaining warming counts as slow.
    public static let switchOffYears = 10

    public init?(_ r: RunSeries) {
        let nl = r.layerThickness.count
        guard nl > 1, r.layerTemperature.count == r.yearCount * nl, let tas = r.series["tas"],
              r.model.ocean.layerThicknessMetres.count == nl else { return nil }
        let grid = LatitudeGrid(bands: 1, landFractionOneDegree: [Double](repeating: r.landFraction, count: 180))
        energyBalance = EnergyBalance(configuration: r.model, grid: grid)
        ocean = Ocean(parameters: r.model.ocean, grid: grid)
        firstYear = r.firstYear
        layerTemperature = r.layerTemperature
        surface = tas
    }

    /// Slow part of the warming in `year`, K (relative to preindustrial).
    public func slow(year: Int) -> Double {
        let nl = ocean.layers.layerCount, i = year - firstYear
        // One band: the ocean column and the land column at the surface warming (the surface relaxes within a year;
        // the ground below holds ~1 % of the heat, so its start hardly matters).
        // Both live in the arena, not in Swift arrays: a release build (-Ounchecked) forwarded a one-element array
        // literal's stored value past the writes made through its buffer pointer and returned the unstepped land
        // temperature (slow part 1.31 K instead of 0.72 K for esm-ssp245).
        let arena = ScratchArena()
        let ng = energyBalance.groundLayers.layerCount
        let column = arena.take(nl), land = arena.take(energyBalance.bandStateCount)
        for k in 0..<nl { column[k] = layerTemperature[i * nl + k] }
        for k in 0..<ng { land[k] = surface[i] }
        let scratch = energyBalance.makeScratch(in: arena), oceanScratch = ocean.makeScratch(in: arena)
        return withExtendedLifetime(arena) {
            for _ in 0..<Self.switchOffYears {
                _ = energyBalance.step(BandBlocks(first: land, stride: energyBalance.bandStateCount), ocean: ocean, columns: BandBlocks(first: column, stride: nl),
                                       forcing: 0, dt: 1, scratch: scratch, oceanScratch: oceanScratch)
            }
            let fl = energyBalance.grid.landFraction[0]
            return (1 - fl) * column[0] + fl * land[0]
        }
    }
}
