import Foundation

/// How net CO2 emissions fall from the peak to net zero (x = 0 at the peak year, 1 at the net-zero year).
public enum DeclineShape: String, CaseIterable, Sendable {
    case linear, exponential, logistic

    /// Fraction of the peak left at x ∈ [0, 1]: exactly 1 at x = 0 and exactly 0 at x = 1, falling monotonically.
    /// `k` is the steepness: the e-folding number over the decline (exponential) or the slope at mid-decline (logistic).
    public func remaining(_ x: Double, steepness k: Double) -> Double {
        if x <= 0 { return 1 }
        if x >= 1 { return 0 }
        switch self {
        case .linear: return 1 - x
        // Exponential decay rescaled to reach zero at x = 1: fast cuts first, a long tail (IPCC SR1.5 ch. 2 P1-type).
        case .exponential: return (_exp(-k * x) - _exp(-k)) / (1 - _exp(-k))
        // Logistic: a slow start, fastest cuts mid-way, a slow approach to zero (technology diffusion, Grubler et al. 1999).
        case .logistic:
            func s(_ x: Double) -> Double { 1 / (1 + _exp(k * (x - 0.5))) }
            return (s(x) - s(1)) / (s(0) - s(1))
        }
    }
}

/// The numbers that define one CO2 pathway (Mt CO2 yr⁻¹ throughout, the IAMC unit of the RCMIP files).
public struct PathwaySpec: Sendable, Equatable {
    public var region = "China"
    public var peakYear = 2030
    public var peakMtCO2 = 12_500.0
    public var netZeroYear = 2060
    public var shape = DeclineShape.linear
    public var steepness = 3.0
    /// Gross emissions left in the net-zero year, balanced by the same removals (stay constant afterwards).
    public var residualMtCO2 = 0.0
    /// Net-negative phase after net zero: net emissions = −rate for `removalYears` years, then 0.
    public var removalRateMtCO2 = 0.0
    public var removalYears = 0
    /// Domestic land sink counted towards net zero, Mt CO2 yr⁻¹ (national accounting: net zero = fossil − removals −
    /// sink = 0, as the review of Cai, Cheng et al. 2021 defines carbon neutrality). The sink is accounting only: the
    /// model's land carbon cycle is not changed, so a larger sink means more fossil CO2 reaches the atmosphere.
    public var landSinkMtCO2 = 0.0
    /// The last year with observed emissions and its value; the pathway starts the year after.
    public var lastHistoricalYear = 2022
    public var lastHistoricalMtCO2 = 11_400.0
    /// Recent growth, Mt CO2 yr⁻² (the join starts with this slope, limited so it cannot overshoot the peak).
    public var historicalSlope = 0.0
    public var lastYear = 2500

    public init() {}
}

/// A pathway year by year from `lastHistoricalYear + 1` to `lastYear`.
public struct GeneratedPathway: Sendable, Equatable {
    public let firstYear: Int
    /// Net emissions = gross − removals, Mt CO2 yr⁻¹.
    public let net: [Double]
    public let gross: [Double]
    public let removals: [Double]
    public var years: [Int] { (0..<net.count).map { firstYear + $0 } }
    public func net(year: Int) -> Double { net[year - firstYear] }
    /// Sum of the negative net emissions, Mt CO2 (the net-negative phase).
    public var cumulativeNetRemovals: Double { net.filter { $0 < 0 }.reduce(0) { $0 - $1 } }
}

public enum PathwayShape {
    /// Problems with a request, as (namelist key, message); the caller adds file and line.
    public struct Rejection: Error, Equatable, Sendable {
        public let key: String
        public let message: String
    }

    public static func check(_ p: PathwaySpec) throws(Rejection) {
        guard p.peakMtCO2 > 0 else {
            throw Rejection(key: "peak_emissions", message: "the peak must be positive (got \(p.peakMtCO2 / 1000) Gt CO2/yr); a pathway that is already net-negative has no peak")
        }
        guard p.peakYear > p.lastHistoricalYear else {
            throw Rejection(key: "peak_year", message: "peak_year \(p.peakYear) is not after the last observed year \(p.lastHistoricalYear)")
        }
        guard p.netZeroYear > p.peakYear else {
            throw Rejection(key: "net_zero_year", message: "net_zero_year \(p.netZeroYear) is not after peak_year \(p.peakYear): net zero must come after the peak")
        }
        guard p.peakMtCO2 >= p.lastHistoricalMtCO2 else {
            throw Rejection(key: "peak_emissions", message: String(format: "the peak (%.3f Gt CO2/yr) is below the last observed value (%.3f Gt CO2/yr in %d): it would not be a peak",
                                                                    p.peakMtCO2 / 1000, p.lastHistoricalMtCO2 / 1000, p.lastHistoricalYear))
        }
        guard p.residualMtCO2 >= 0, p.residualMtCO2 <= p.peakMtCO2 else {
            throw Rejection(key: "residual_emissions", message: "residual gross emissions must lie between 0 and the peak")
        }
        guard p.removalRateMtCO2 >= 0, p.removalYears >= 0 else {
            throw Rejection(key: p.removalRateMtCO2 < 0 ? "removal_rate" : "removal_years", message: "must not be negative (a removal rate is a positive number)")
        }
        guard (p.removalRateMtCO2 > 0) == (p.removalYears > 0) else {
            throw Rejection(key: "removal_years", message: "a net-negative phase needs both removal_rate > 0 and removal_years > 0")
        }
        guard p.netZeroYear + p.removalYears <= p.lastYear else {
            throw Rejection(key: "removal_years", message: "the net-negative phase ends after \(p.lastYear), the last year of the pathway")
        }
        guard p.steepness > 0 else { throw Rejection(key: "decline_steepness", message: "must be positive") }
        guard p.landSinkMtCO2 >= 0, p.landSinkMtCO2 < p.peakMtCO2 else {
            throw Rejection(key: "land_sink", message: "the land sink must lie between 0 and the peak emissions")
        }
    }

    /// Builds the pathway. Exact by construction: net(peakYear) == peakMtCO2, net(netZeroYear) == land sink (0 without
    /// one) with every earlier year above it, and the negative years sum to removalRate × removalYears.
    public static func generate(_ p: PathwaySpec) throws(Rejection) -> GeneratedPathway {
        try check(p)
        let first = p.lastHistoricalYear + 1
        var net = [Double](), gross = [Double](), removals = [Double]()
        // Join: cubic Hermite from the last observation (value, recent slope) to the peak (value, zero slope);
        // the start slope is limited to [0, 3·secant] so the curve rises monotonically (Fritsch & Carlson 1980, SIAM J. Numer. Anal. 17, 238).
        let h = Double(p.peakYear - p.lastHistoricalYear)
        let secant = (p.peakMtCO2 - p.lastHistoricalMtCO2) / h
        let m0 = min(max(p.historicalSlope, 0), 3 * secant)
        for year in first...p.lastYear {
            var e: Double, r: Double
            if year < p.peakYear {
                let t = Double(year - p.lastHistoricalYear) / h
                let h00 = (1 + 2 * t) * (1 - t) * (1 - t), h10 = t * (1 - t) * (1 - t), h01 = t * t * (3 - 2 * t)
                e = h00 * p.lastHistoricalMtCO2 + h10 * h * m0 + h01 * p.peakMtCO2
                r = 0
            } else if year == p.peakYear {
                e = p.peakMtCO2; r = 0
            } else if year < p.netZeroYear {
                let x = Double(year - p.peakYear) / Double(p.netZeroYear - p.peakYear)
                // Towards the sink rather than zero: net of the sink reaches zero in the net-zero year (exactly the old
                // decline when the sink is 0).
                let sink = p.landSinkMtCO2
                e = sink + (p.peakMtCO2 - sink) * p.shape.remaining(x, steepness: p.steepness)
                r = p.residualMtCO2 * x   // removals scale up as the residual is approached
            } else if year == p.netZeroYear {
                e = p.landSinkMtCO2; r = p.residualMtCO2
            } else if year <= p.netZeroYear + p.removalYears {
                e = p.landSinkMtCO2 - p.removalRateMtCO2; r = p.residualMtCO2 + p.removalRateMtCO2
            } else {
                e = p.landSinkMtCO2; r = p.residualMtCO2
            }
            net.append(e); removals.append(r); gross.append(e + r)
        }
        return GeneratedPathway(firstYear: first, net: net, gross: gross, removals: removals)
    }
}
