import Foundation

/// Policy indicators of one run (one ensemble member). Warming is relative to 1850–1900 (AR6 WG1 convention);
/// CO2 amounts are in Gt CO2 (× 3.664 per Pg C); "total CO2" = fossil + land use, as AR6 carbon budgets count it.
public struct PathwayMetrics: Sendable {
    public static let gtCO2PerPgC = 3.664
    public static let warmingYears = [2030, 2050, 2060, 2100]
    public static let targets = [1.5, 2.0]

    public var peakWarming = Double.nan, peakYear: Int? = nil
    public var warming: [Int: Double] = [:]
    /// First year from 2020 on whose total CO2 emissions are ≤ 0, and cumulative total CO2 1750→that year, Gt CO2.
    public var netZeroYear: Int? = nil, cumulativeToNetZero = Double.nan
    /// Total CO2 emitted from 1 Jan 2020 until warming first reaches each target, Gt CO2 (+∞ if it never does).
    public var budgetFrom2020: [Double: Double] = [:]
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
        let tas = r.series["tas"]!.map { $0 - baseline }
        // Peak over the future (the historical record cannot be a policy peak).
        let from = max(r.firstYear, 2000)
        if r.lastYear >= from {
            var best = from
            for y in from...r.lastYear where tas[y - r.firstYear] > tas[best - r.firstYear] { best = y }
            peakYear = best; peakWarming = tas[best - r.firstYear]
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
        for target in Self.targets {
            var cumulative = 0.0, budget = Double.infinity
            if r.lastYear >= 2020 {
                for y in 2020...r.lastYear {
                    let i = y - r.firstYear
                    let before = i > 0 ? tas[i - 1] : tas[i]
                    if tas[i] >= target {
                        // Crossing inside year y: emissions of that year counted in proportion (linear in time).
                        let f = tas[i] > before && before < target ? (target - before) / (tas[i] - before) : 0
                        budget = cumulative + f * total[i]
                        break
                    }
                    cumulative += total[i]
                }
            }
            budgetFrom2020[target] = budget
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

/// Held et al. (2010, J. Clim. 23, 2418) split of surface warming into a fast part, in equilibrium with the forcing
/// given the deep ocean, and a slow "recalcitrant" part set by the deep-ocean warming T_d:
///
///     C dT/dt = F − λT − εγ(T − T_d)  ⇒  T ≈ (F + εγ T_d)/(λ + εγ),  slow = εγ T_d/(λ + εγ),  fast = T − slow
///
/// λ from the run's own energy budget, λ = (F − N − (ε − 1)H)/T (EnergyBalance), γ by least squares of
/// H = γ(T − T_d) over 1850 to the end; T_d is the thickness-weighted mean warming of the layers below the mixed layer.
/// Relative to preindustrial (1750), the model's own zero.
public struct FastSlowSplit: Sendable {
    public let lambda: Double, gamma: Double, efficacy: Double
    public let firstYear: Int
    public let deepTemperature: [Double]
    public let surface: [Double]

    public init?(_ r: RunSeries) {
        guard r.layerThickness.count > 1, r.layerTemperature.count == r.yearCount * r.layerThickness.count,
              let tas = r.series["tas"], let f = r.series["erf"], let n = r.series["eei"], let h = r.series["deep_ocean_heat_uptake"] else { return nil }
        let nl = r.layerThickness.count
        let deepThickness = r.layerThickness.dropFirst().reduce(0, +)
        deepTemperature = (0..<r.yearCount).map { t in (1..<nl).reduce(0.0) { $0 + r.layerTemperature[t * nl + $1] * r.layerThickness[$1] } / deepThickness }
        efficacy = r.heatUptakeEfficacy
        var num = 0.0, den = 0.0, lam = Double.nan, best = 0.0
        for i in 0..<r.yearCount where r.firstYear + i >= 1850 {
            let x = tas[i] - deepTemperature[i]
            num += h[i] * x; den += x * x
            if abs(tas[i]) > best { best = abs(tas[i]); lam = (f[i] - n[i] - (efficacy - 1) * h[i]) / tas[i] }
        }
        guard den > 0, lam.isFinite, best > 0.2 else { return nil }
        gamma = num / den; lambda = lam
        firstYear = r.firstYear; surface = tas
    }

    /// Slow part of the warming in `year`, K (relative to preindustrial).
    public func slow(year: Int) -> Double {
        let k = efficacy * gamma
        return k * deepTemperature[year - firstYear] / (lambda + k)
    }
}
