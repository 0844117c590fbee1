#if canImport(Glibc)
import Glibc
#endif

/// How band edges are placed.
public enum LatitudeSpacing: String, Sendable, CaseIterable {
    /// Bands of equal width in latitude (North 1975 and most zonal models).
    case equalAngle = "equal_angle"
    /// Bands of equal area, equal steps in sin(latitude) (North, Cahalan & Coakley 1981 work in x = sin φ).
    case equalArea = "equal_area"
}

/// Latitude bands from pole to pole: cell edges, area weights and land fraction per band.
///
/// The box model is this grid with one band (the whole globe), so nothing downstream special-cases it.
public struct LatitudeGrid: Sendable, Equatable {
    public let spacing: LatitudeSpacing
    /// Southern and northern edge of each band, degrees north.
    public let southEdgesDegrees: [Double]
    public let northEdgesDegrees: [Double]
    /// Sine of the southern and northern edges (x = sin φ, the coordinate the diffusion operator uses).
    public let southEdgesSine: [Double]
    public let northEdgesSine: [Double]
    /// Fraction of the Earth's surface in each band (sums to 1): half the difference of the sines of the edges.
    public let areaWeights: [Double]
    /// Fraction of each band that is land (ice sheets and lakes count as land).
    public let landFraction: [Double]
    /// The 1° land-fraction rows the bands were built from (south to north), for profiles that need finer detail.
    public let landFractionOneDegree: [Double]

    public var count: Int { areaWeights.count }
    /// Area-weighted centre of each band in x = sin φ (the midpoint of its sine edges).
    public var centresSine: [Double] { zip(southEdgesSine, northEdgesSine).map { 0.5 * ($0 + $1) } }
    public var centresDegrees: [Double] { zip(southEdgesDegrees, northEdgesDegrees).map { 0.5 * ($0 + $1) } }
    public func oceanFraction(_ band: Int) -> Double { 1 - landFraction[band] }

    /// Area-weighted global ocean fraction.
    public var globalOceanFraction: Double {
        var sum = 0.0
        for b in 0..<count { sum += areaWeights[b] * (1 - landFraction[b]) }
        return sum
    }

    /// Area-weighted mean of `values` (one per band) over the bands whose centres lie in `southDegrees...northDegrees`.
    public func regionalMean(_ values: [Double], southDegrees: Double, northDegrees: Double) -> Double {
        var sum = 0.0, weight = 0.0
        for (b, centre) in centresDegrees.enumerated() where centre >= southDegrees && centre <= northDegrees {
            sum += areaWeights[b] * values[b]
            weight += areaWeights[b]
        }
        return sum / weight
    }

    /// - Parameters:
    ///   - landFractionOneDegree: land fraction of each 1° row, south to north (180 rows); each band's land
    ///     fraction is the area-weighted mean of the rows it overlaps, split where a band edge cuts a row.
    public init(bands: Int, landFractionOneDegree: [Double], spacing: LatitudeSpacing = .equalAngle) {
        precondition(bands >= 1 && bands <= 180, "bands must be 1…180")
        precondition(landFractionOneDegree.count == 180)
        let degrees = Double.pi / 180
        var south = [Double](), north = [Double]()
        for b in 0..<bands {
            switch spacing {
            case .equalAngle:
                let width = 180.0 / Double(bands)
                south.append(-90 + Double(b) * width)
                north.append(b == bands - 1 ? 90 : -90 + Double(b + 1) * width)
            case .equalArea:
                let dx = 2.0 / Double(bands)
                south.append(asin(max(-1, min(1, -1 + Double(b) * dx))) / degrees)
                north.append(b == bands - 1 ? 90 : asin(max(-1, min(1, -1 + Double(b + 1) * dx))) / degrees)
            }
        }
        var weights = [Double](), land = [Double](), sSine = [Double](), nSine = [Double]()
        for b in 0..<bands {
            let xs = b == 0 ? -1.0 : sin(south[b] * degrees)
            let xn = b == bands - 1 ? 1.0 : sin(north[b] * degrees)
            sSine.append(xs); nSine.append(xn)
            weights.append(0.5 * (xn - xs))
            let landArea = Self.sumOverRows(south: south[b], north: north[b], landFractionOneDegree) { _, _, land in land }
            let area = Self.sumOverRows(south: south[b], north: north[b], landFractionOneDegree) { _, area, _ in area }
            land.append(landArea / area)
        }
        self.spacing = spacing
        southEdgesDegrees = south
        northEdgesDegrees = north
        southEdgesSine = sSine
        northEdgesSine = nSine
        areaWeights = weights
        landFraction = land
        self.landFractionOneDegree = landFractionOneDegree
    }

    /// Area-weighted sum over the 1° rows inside band `b` of `f(row centre latitude, row land area)`, with rows
    /// cut by the band edges counted in part; row land area is a fraction of the Earth's surface.
    public func sumOverLandRows(band b: Int, _ f: (Double, Double) -> Double) -> Double {
        Self.sumOverRows(south: southEdgesDegrees[b], north: northEdgesDegrees[b], landFractionOneDegree) { latitude, _, land in f(latitude, land) }
    }

    /// Σ over the 1° rows between `south` and `north` (degrees) of f(row centre latitude, row area, row land area),
    /// areas as fractions of the Earth's surface, rows cut by the edges counted in part.
    static func sumOverRows(south: Double, north: Double, _ landFractionOneDegree: [Double],
                            _ f: (Double, Double, Double) -> Double) -> Double {
        let degrees = Double.pi / 180
        var sum = 0.0
        for row in 0..<180 {
            let rs = max(-90.0 + Double(row), south), rn = min(-89.0 + Double(row), north)
            guard rn > rs else { continue }
            let area = 0.5 * (sin(rn * degrees) - sin(rs * degrees))
            sum += f(-89.5 + Double(row), area, area * landFractionOneDegree[row])
        }
        return sum
    }
}
