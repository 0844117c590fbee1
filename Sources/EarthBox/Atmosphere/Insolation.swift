#if canImport(Glibc)
import Glibc
#endif

/// Annual-mean insolation of each band, relative to the global mean S0/4, and the band means the albedo needs.
///
/// Band means are integrals in x = sin φ by 8-point Gauss–Legendre quadrature on 8 sub-intervals per band:
/// exact for the Legendre form (a polynomial of degree ≤ 4 times the albedo's degree 2) and converged to
/// ~1e-10 for the exact insolation, whose only kink is at the polar circles.
public struct Insolation: Sendable, Equatable {
    /// Band mean of s(x), the insolation relative to S0/4.
    public let relative: [Double]
    /// Band mean of s(x)·P2(x) (the co-albedo's latitude term multiplies it).
    public let relativeTimesP2: [Double]
    /// Band mean of P2(x).
    public let legendreP2: [Double]
    /// Amplitude of the annual harmonic of daily-mean insolation relative to the annual mean of each band, at the
    /// obliquity of `parameters` (exact daily insolation whichever annual-mean method is used): how strongly the
    /// seasons concentrate sunlight into summer, which is when snow and sea ice matter for the albedo.
    public let seasonalHarmonic: [Double]

    public init(grid: LatitudeGrid, parameters p: ZonalParameters) {
        let s: (Double) -> Double
        switch p.insolation {
        case .legendre:
            let s2 = p.insolationP2
            s = { x in 1 + s2 * Self.p2(x) }
        case .exact:
            let obliquity = p.obliquityDegrees * .pi / 180
            s = { x in Self.exactAnnualMean(sineLatitude: x, obliquity: obliquity) }
        }
        var r = [Double](), rp = [Double](), lp = [Double](), h = [Double]()
        let obliquity = p.obliquityDegrees * .pi / 180
        for b in 0..<grid.count {
            let a = grid.southEdgesSine[b], c = grid.northEdgesSine[b]
            r.append(Self.bandMean(a, c) { s($0) })
            rp.append(Self.bandMean(a, c) { s($0) * Self.p2($0) })
            lp.append(Self.bandMean(a, c) { Self.p2($0) })
            // Two-point Gauss in each half of the band is ample for a smooth ratio and keeps the 90-band build fast.
            var annual = 0.0, harmonic = 0.0
            for node in [-0.577_350_269_189_625_8, 0.577_350_269_189_625_8] {
                for half in 0..<2 {
                    let lo = a + Double(half) * 0.5 * (c - a), x = lo + 0.25 * (c - a) * (1 + node)
                    let m = Self.annualCycle(sineLatitude: x, obliquity: obliquity, steps: 72)
                    annual += m.mean; harmonic += m.harmonic
                }
            }
            h.append(annual > 0 ? abs(harmonic) / annual : 0)
        }
        relative = r
        relativeTimesP2 = rp
        legendreP2 = lp
        seasonalHarmonic = h
    }

    /// Second Legendre polynomial.
    @inlinable public static func p2(_ x: Double) -> Double { 0.5 * (3 * x * x - 1) }

    static let gaussNodes = [-0.960_289_856_497_536_3, -0.796_666_477_413_626_7, -0.525_532_409_916_329_0, -0.183_434_642_495_649_8,
                             0.183_434_642_495_649_8, 0.525_532_409_916_329_0, 0.796_666_477_413_626_7, 0.960_289_856_497_536_3]
    static let gaussWeights = [0.101_228_536_290_376_3, 0.222_381_034_453_374_5, 0.313_706_645_877_887_3, 0.362_683_783_378_362_0,
                               0.362_683_783_378_362_0, 0.313_706_645_877_887_3, 0.222_381_034_453_374_5, 0.101_228_536_290_376_3]

    /// Mean of f over [a, c].
    static func bandMean(_ a: Double, _ c: Double, _ f: (Double) -> Double) -> Double {
        let pieces = 8
        let h = (c - a) / Double(pieces)
        var sum = 0.0
        for i in 0..<pieces {
            let mid = a + (Double(i) + 0.5) * h
            for k in 0..<8 { sum += gaussWeights[k] * 0.5 * h * f(mid + 0.5 * h * gaussNodes[k]) }
        }
        return sum / (c - a)
    }

    /// Annual mean of daily-mean insolation at sin(latitude) = x on a circular orbit, relative to S0/4:
    /// daily mean (S0/π)(h0 sinφ sinδ + cosφ cosδ sin h0) with sin δ = sin ε sin λ (Berger 1978; Hartmann 2016 §2.5),
    /// averaged over solar longitude λ by the midpoint rule with 360 steps.
    public static func exactAnnualMean(sineLatitude x: Double, obliquity: Double) -> Double {
        annualCycle(sineLatitude: x, obliquity: obliquity, steps: 360).mean
    }

    /// Annual mean and the coefficient of sin λ (the annual harmonic, positive in northern summer) of daily-mean
    /// insolation relative to S0/4, over solar longitude λ by the midpoint rule with `steps` steps.
    static func annualCycle(sineLatitude x: Double, obliquity: Double, steps: Int) -> (mean: Double, harmonic: Double) {
        let phi = asin(max(-1, min(1, x)))
        var sum = 0.0, harmonic = 0.0
        for i in 0..<steps {
            let lambda = (Double(i) + 0.5) * 2 * .pi / Double(steps)
            let delta = asin(sin(obliquity) * sin(lambda))
            let cosH = -tan(phi) * tan(delta)
            let h0: Double = cosH >= 1 ? 0 : (cosH <= -1 ? .pi : acos(cosH))
            let daily = (h0 * sin(phi) * sin(delta) + cos(phi) * cos(delta) * sin(h0)) / .pi
            sum += daily
            harmonic += 2 * daily * sin(lambda)
        }
        return (4 * sum / Double(steps), 4 * harmonic / Double(steps))
    }
}
