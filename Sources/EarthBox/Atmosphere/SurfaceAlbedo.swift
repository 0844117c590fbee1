#if canImport(Glibc)
import Glibc
#endif

/// Absorbed sunlight of each band with an ice line: the surface is ice covered where the temperature,
/// interpolated linearly in x = sin φ between band centres, is below the freezing threshold (Budyko 1969,
/// Tellus 21, 611; Sellers 1969, J. Appl. Meteor. 8, 392; North 1975).
///
/// The ice-covered fraction of a band moves continuously with the temperatures, so the ice line is not
/// tied to band edges and the small-ice-cap instability of the continuous model (North 1984, J. Atmos.
/// Sci. 41, 3390) survives discretisation. One band has no temperature gradient: it is all ice or none.
public struct SurfaceAlbedo: Sendable {
    /// Sunlight absorbed by ice-free and by ice-covered surface in each band, W m⁻².
    public let absorbedIceFree: [Double]
    public let absorbedIce: [Double]
    public let freezingTemperature: Double
    /// Fraction of each band under the Antarctic ice sheet, white whatever the temperature.
    public let iceSheetFraction: [Double]
    /// Per band: the seasonal half-range of surface temperature, K (empty when the ice line is annual-mean), the
    /// relative annual harmonic of insolation (at most 1: no sunlight in the polar night), and the temperature
    /// above which the surface thaws in the seasonal cycle, °C (`withSeasonalAmplitude`).
    public private(set) var seasonalAmplitude: [Double]
    public let sunlitHarmonic: [Double]
    public private(set) var meltTemperature: [Double]
    let centres: [Double]
    let south: [Double]
    let north: [Double]

    public init(grid: LatitudeGrid, insolation: Insolation, parameters p: ZonalParameters, solarConstant: Double? = nil) {
        let q = (solarConstant ?? p.solarConstant) / 4
        var free = [Double](), ice = [Double]()
        for b in 0..<grid.count {
            // Co-albedo (1 − a0 − a2·P2) times s(x), averaged over the band.
            free.append(q * ((1 - p.albedoGlobal) * insolation.relative[b] - p.albedoP2 * insolation.relativeTimesP2[b]))
            ice.append(q * (1 - p.iceAlbedo) * insolation.relative[b])
        }
        absorbedIceFree = free
        absorbedIce = ice
        let limit = p.iceSheetSouthOf
        iceSheetFraction = (0..<grid.count).map { b in
            grid.sumOverLandRows(band: b) { latitude, landArea in latitude < limit ? landArea : 0 } / grid.areaWeights[b]
        }
        freezingTemperature = p.freezingTemperature
        // The temperature cycle follows the insolation cycle (North & Coakley 1979), at most the polar amplitude.
        sunlitHarmonic = insolation.seasonalHarmonic.map { min(1, $0) }
        seasonalAmplitude = []; meltTemperature = []
        centres = grid.centresSine
        south = grid.southEdgesSine
        north = grid.northEdgesSine
        if p.seasonalAmplitude > 0 {
            seasonalAmplitude = sunlitHarmonic.map { max($0, 1e-3) * p.seasonalAmplitude }
            meltTemperature = Self.meltTemperatures(amplitude: seasonalAmplitude, harmonic: sunlitHarmonic, freezing: freezingTemperature)
        }
    }

    /// Share of band `b`'s ocean under sea ice when the band's snow/ice fraction is `f`: the cold share of the
    /// band outside its ice sheet, which land and ocean share alike.
    @inline(__always)
    public func seaIceCover(band b: Int, iceFraction f: Double) -> Double {
        let sheet = iceSheetFraction[b]
        return sheet < 1 ? (f - sheet) / (1 - sheet) : 0
    }

    /// Absorbed sunlight of band `b` with ice fraction `f`, W m⁻².
    @inline(__always)
    public func absorbed(band b: Int, iceFraction f: Double) -> Double {
        absorbedIceFree[b] + f * (absorbedIce[b] - absorbedIceFree[b])
    }

    /// Ice-covered fraction of every band for absolute band temperatures `t` (°C), written to `fraction`.
    public func iceFraction(temperature t: UnsafePointer<Double>, into fraction: UnsafeMutablePointer<Double>) {
        let tf = freezingTemperature
        if centres.count == 1 {
            fraction[0] = t[0] < tf ? 1 : iceSheetFraction[0]
            return
        }
        forEachBandProfile(t) { b, tSouth, tCentre, tNorth in
            let cold = Self.coldLength(south[b], centres[b], tSouth, tCentre, tf) + Self.coldLength(centres[b], north[b], tCentre, tNorth, tf)
            let sheet = iceSheetFraction[b]
            fraction[b] = sheet + (1 - sheet) * cold / (north[b] - south[b])
        }
    }

    /// This albedo with seasonal amplitudes `amplitude` (K per band). Each band's melt temperature is set so that
    /// the sunlit cover is one half where the annual mean is at the freezing threshold: the annual-mean ice line
    /// of the climatology (Budyko's −10 °C) is the edge of the summer ice the albedo sees, and the seasons only
    /// decide how fast it moves and how much winter ice lies beyond it. With a 15 K cycle under polar insolation
    /// this thaws the surface near 0 °C, the melting point; where open water damps the cycle it sits colder,
    /// which absorbs the bias of a diffusive climatology that is too cold over the Southern Ocean.
    public func withSeasonalAmplitude(_ amplitude: [Double]) -> SurfaceAlbedo {
        var copy = self
        copy.seasonalAmplitude = amplitude
        copy.meltTemperature = Self.meltTemperatures(amplitude: amplitude, harmonic: sunlitHarmonic, freezing: freezingTemperature)
        return copy
    }

    static func meltTemperatures(amplitude: [Double], harmonic: [Double], freezing: Double) -> [Double] {
        (0..<amplitude.count).map { b in
            // sunlit(u) rises monotonically from 0 at u = −1 to 1 at u = 1: bisect for one half.
            var lo = -1.0, hi = 1.0
            for _ in 0..<60 {
                let mid = 0.5 * (lo + hi)
                if frozenShare(mid, sunlight: harmonic[b]).sunlit < 0.5 { lo = mid } else { hi = mid }
            }
            return freezing + 0.5 * (lo + hi) * amplitude[b]
        }
    }

    /// Snow and ice cover of every band through the seasons, for absolute annual-mean band temperatures `t` (°C):
    /// `annual` is the share of the year the surface is frozen (the annual-mean ice cover), `sunlit` the same share
    /// weighted by daily insolation (what the albedo sees). Each point follows T + A cos ωt, with A the band's
    /// seasonal amplitude and insolation 1 + s cos ωt in phase (North & Coakley 1979); it is frozen while below the
    /// band's melt temperature. Summer ice goes first and winter ice last, so annual-mean ice retreats gradually as it does
    /// in seasonal sea-ice models (Eisenman & Wettlaufer 2009, PNAS 106, 28; Eisenman 2012). With a zero amplitude
    /// both are the annual-mean line of `iceFraction`, and one band is frozen or not, as there.
    public func seasonalCover(temperature t: UnsafePointer<Double>, annual: UnsafeMutablePointer<Double>, sunlit: UnsafeMutablePointer<Double>) {
        let n = centres.count
        if n == 1 || seasonalAmplitude.isEmpty {
            iceFraction(temperature: t, into: annual)
            for b in 0..<n { sunlit[b] = annual[b] }
            return
        }
        forEachBandProfile(t) { b, tSouth, tCentre, tNorth in
            let melt = meltTemperature[b]
            // Two-point Gauss on each half of the band's linear profile.
            let inverseAmplitude = 1 / seasonalAmplitude[b], s = sunlitHarmonic[b]
            var frozen = 0.0, frozenSunlit = 0.0
            @inline(__always) func add(_ half: Double, _ ta: Double, _ tc: Double) {
                let c0 = Self.frozenShare((melt - (ta + 0.211_324_865_405_187_1 * (tc - ta))) * inverseAmplitude, sunlight: s)
                let c1 = Self.frozenShare((melt - (ta + 0.788_675_134_594_812_9 * (tc - ta))) * inverseAmplitude, sunlight: s)
                frozen += 0.5 * half * (c0.annual + c1.annual); frozenSunlit += 0.5 * half * (c0.sunlit + c1.sunlit)
            }
            add(centres[b] - south[b], tSouth, tCentre)
            add(north[b] - centres[b], tCentre, tNorth)
            let sheet = iceSheetFraction[b], width = north[b] - south[b]
            annual[b] = sheet + (1 - sheet) * frozen / width
            sunlit[b] = sheet + (1 - sheet) * frozenSunlit / width
        }
    }

    /// Share of the year that T + A cos θ is below the melt temperature, u = (T_melt − T)/A, plain and weighted by
    /// insolation 1 + s cos θ (θ = 0 at midsummer): frozen for cos θ < u, i.e. θ > θu = arccos u, so the shares are
    /// 1 − θu/π and 1 − θu/π − s sin θu/π.
    @inline(__always)
    static func frozenShare(_ u: Double, sunlight s: Double) -> (annual: Double, sunlit: Double) {
        if u >= 1 { return (1, 1) }
        if u <= -1 { return (0, 0) }
        let theta = acos(u)
        let annual = 1 - theta / .pi
        return (annual, annual - s * _sqrt(1 - u * u) / .pi)
    }

    /// Calls `body(b, tSouth, tCentre, tNorth)` for every band with the temperature at its edges and centre: the left
    /// half [south edge, centre] on the line through b−1 and b, the right half on b and b+1, linear in x = sin φ; the
    /// end bands extrapolate the line of their inner neighbour to the pole. Needs two bands or more.
    @inline(__always)
    func forEachBandProfile(_ t: UnsafePointer<Double>, _ body: (Int, Double, Double, Double) -> Void) {
        let n = centres.count
        centres.withUnsafeBufferPointer { xc in
            for b in 0..<n {
                let l0 = b == 0 ? 0 : b - 1, l1 = b == 0 ? 1 : b
                let r0 = b == n - 1 ? n - 2 : b, r1 = b == n - 1 ? n - 1 : b + 1
                let slopeLeft = (t[l1] - t[l0]) / (xc[l1] - xc[l0])
                let slopeRight = (t[r1] - t[r0]) / (xc[r1] - xc[r0])
                body(b, t[b] + slopeLeft * (south[b] - xc[b]), t[b], t[b] + slopeRight * (north[b] - xc[b]))
            }
        }
    }

    /// Length of [a, c] where the linear profile from ta to tc is below tf.
    @inline(__always)
    static func coldLength(_ a: Double, _ c: Double, _ ta: Double, _ tc: Double, _ tf: Double) -> Double {
        let coldA = ta < tf, coldC = tc < tf
        if coldA && coldC { return c - a }
        if !coldA && !coldC { return 0 }
        let crossing = a + (tf - ta) / (tc - ta) * (c - a)
        return coldA ? crossing - a : c - crossing
    }

    /// Latitude of the ice edge in each hemisphere, degrees (±90 when ice free, 0 when the hemisphere is frozen),
    /// from the ice fractions: the ice area poleward of the edge equals the ice area of the hemisphere.
    public static func iceEdges(grid: LatitudeGrid, iceFraction f: UnsafePointer<Double>) -> (south: Double, north: Double) {
        var northIce = 0.0, southIce = 0.0
        for b in 0..<grid.count {
            let xs = grid.southEdgesSine[b], xn = grid.northEdgesSine[b]
            // Split a band that straddles the equator in proportion to its parts.
            let northPart = max(0, xn - max(0, xs)), southPart = max(0, min(0, xn) - xs)
            northIce += f[b] * northPart
            southIce += f[b] * southPart
        }
        let degrees = 180 / Double.pi
        return (south: -asinClamped(1 - southIce) * degrees, north: asinClamped(1 - northIce) * degrees)
    }

    static func asinClamped(_ x: Double) -> Double { asin(max(-1, min(1, x))) }
}
