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
        centres = grid.centresSine
        south = grid.southEdgesSine
        north = grid.northEdgesSine
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
        let n = centres.count
        let tf = freezingTemperature
        if n == 1 {
            fraction[0] = t[0] < tf ? 1 : iceSheetFraction[0]
            return
        }
        centres.withUnsafeBufferPointer { xc in
            for b in 0..<n {
                // Left half [south edge, centre] on the line through b−1 and b; right half on b and b+1.
                // The end bands extrapolate the line of their inner neighbour to the pole.
                let l0 = b == 0 ? 0 : b - 1, l1 = b == 0 ? 1 : b
                let r0 = b == n - 1 ? n - 2 : b, r1 = b == n - 1 ? n - 1 : b + 1
                let slopeLeft = (t[l1] - t[l0]) / (xc[l1] - xc[l0])
                let slopeRight = (t[r1] - t[r0]) / (xc[r1] - xc[r0])
                let tSouth = t[b] + slopeLeft * (south[b] - xc[b])
                let tNorth = t[b] + slopeRight * (north[b] - xc[b])
                let cold = Self.coldLength(south[b], xc[b], tSouth, t[b], tf) + Self.coldLength(xc[b], north[b], t[b], tNorth, tf)
                let sheet = iceSheetFraction[b]
                fraction[b] = sheet + (1 - sheet) * cold / (north[b] - south[b])
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
