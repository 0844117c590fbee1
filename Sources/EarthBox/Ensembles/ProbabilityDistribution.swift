#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A prior distribution of one uncertain parameter, always truncated to `[lower, upper]` so that every
/// sample is a valid namelist value. Sampled by the inverse of its cumulative distribution function,
/// which turns a stratified uniform sample (Latin hypercube) into a stratified sample of the prior.
public enum ProbabilityDistribution: Sendable, Equatable {
    case uniform(lower: Double, upper: Double)
    /// Normal with `mean` and `standardDeviation`, truncated.
    case normal(mean: Double, standardDeviation: Double, lower: Double, upper: Double)
    /// Lognormal: ln x is normal with mean ln `median` and standard deviation `logStandardDeviation`, truncated.
    case lognormal(median: Double, logStandardDeviation: Double, lower: Double, upper: Double)
    case triangular(lower: Double, mode: Double, upper: Double)

    public static let names = ["uniform", "normal", "lognormal", "triangular"]

    public var name: String {
        switch self {
        case .uniform: "uniform"
        case .normal: "normal"
        case .lognormal: "lognormal"
        case .triangular: "triangular"
        }
    }

    public var bounds: (lower: Double, upper: Double) {
        switch self {
        case .uniform(let a, let b), .normal(_, _, let a, let b), .lognormal(_, _, let a, let b), .triangular(let a, _, let b): (a, b)
        }
    }

    /// The value whose (truncated) cumulative probability is `u` ∈ [0, 1].
    public func quantile(_ u: Double) -> Double {
        let value: Double
        switch self {
        case .uniform(let a, let b):
            value = a + u * (b - a)
        case .normal(let mean, let sd, let a, let b):
            let pa = Self.normalCDF((a - mean) / sd), pb = Self.normalCDF((b - mean) / sd)
            value = mean + sd * Self.inverseNormalCDF(pa + u * (pb - pa))
        case .lognormal(let median, let s, let a, let b):
            let mu = log(median)
            let pa = Self.normalCDF((log(a) - mu) / s), pb = Self.normalCDF((log(b) - mu) / s)
            value = exp(mu + s * Self.inverseNormalCDF(pa + u * (pb - pa)))
        case .triangular(let a, let c, let b):
            // Inverse CDF of the triangular distribution (Johnson, Kotz & Balakrishnan 1995, Continuous Univariate Distributions 2, §26.9).
            let f = (c - a) / (b - a)
            value = u < f ? a + ((b - a) * (c - a) * u).squareRoot() : b - ((b - a) * (b - c) * (1 - u)).squareRoot()
        }
        let (a, b) = bounds
        return min(max(value, a), b)   // round-off at the tails must not leave the bounds
    }

    /// Probability mass inside the bounds of the untruncated distribution (0 = the bounds exclude the prior).
    public var massInsideBounds: Double {
        switch self {
        case .uniform, .triangular: return 1
        case .normal(let mean, let sd, let a, let b):
            return Self.normalCDF((b - mean) / sd) - Self.normalCDF((a - mean) / sd)
        case .lognormal(let median, let s, let a, let b):
            return Self.normalCDF((log(b) - log(median)) / s) - Self.normalCDF((log(a) - log(median)) / s)
        }
    }

    /// Φ(x) = erfc(−x/√2)/2 (Abramowitz & Stegun 1964, 26.2.29).
    public static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    /// Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9; P. J. Acklam 2003, "An algorithm for computing
    /// the inverse normal cumulative distribution function") refined by one Halley step on erfc to full double precision.
    public static func inverseNormalCDF(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = normalCDF(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// Short text for output attributes, e.g. "lognormal(median 3, sigma_ln 0.28) in [1.5, 8]".
    public var summary: String {
        switch self {
        case .uniform(let a, let b): "uniform in [\(a), \(b)]"
        case .normal(let m, let s, let a, let b): "normal(mean \(m), sd \(s)) truncated to [\(a), \(b)]"
        case .lognormal(let m, let s, let a, let b): "lognormal(median \(m), sigma_ln \(s)) truncated to [\(a), \(b)]"
        case .triangular(let a, let c, let b): "triangular(lower \(a), mode \(c), upper \(b))"
        }
    }
}
