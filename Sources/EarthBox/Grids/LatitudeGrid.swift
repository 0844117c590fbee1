#if canImport(Glibc)
import Glibc
#endif

/// Latitude bands from pole to pole: cell edges, area weights and land fraction per band.
///
/// The box model is this grid with one band (the whole globe), so nothing downstream special-cases it.
public struct LatitudeGrid: Sendable, Equatable {
    /// Southern and northern edge of each band, degrees north.
    public let southEdgesDegrees: [Double]
    public let northEdgesDegrees: [Double]
    /// Fraction of the Earth's surface in each band (sums to 1): difference of the sines of the edges.
    public let areaWeights: [Double]
    /// Fraction of each band that is land (ice sheets and lakes count as land).
    public let landFraction: [Double]

    public var count: Int { areaWeights.count }
    public var centresDegrees: [Double] { zip(southEdgesDegrees, northEdgesDegrees).map { 0.5 * ($0 + $1) } }
    public func oceanFraction(_ band: Int) -> Double { 1 - landFraction[band] }

    /// Area-weighted global ocean fraction.
    public var globalOceanFraction: Double {
        var sum = 0.0
        for b in 0..<count { sum += areaWeights[b] * (1 - landFraction[b]) }
        return sum
    }

    /// Equal-angle bands; land fraction area-weighted from the 1-degree table (south to north, 180 rows).
    public init(bands: Int, landFractionOneDegree: [Double]) {
        precondition(bands >= 1 && bands <= 180 && 180 % bands == 0, "bands must divide 180")
        precondition(landFractionOneDegree.count == 180)
        let width = 180.0 / Double(bands)
        var south = [Double](), north = [Double](), weights = [Double](), land = [Double]()
        let perBand = 180 / bands
        for b in 0..<bands {
            let s = -90.0 + Double(b) * width, n = s + width
            south.append(s); north.append(n)
            weights.append(0.5 * (sin(n * .pi / 180) - sin(s * .pi / 180)))
            var landArea = 0.0, area = 0.0
            for row in (b * perBand)..<((b + 1) * perBand) {
                let rs = -90.0 + Double(row), rn = rs + 1
                let a = sin(rn * .pi / 180) - sin(rs * .pi / 180)
                landArea += a * landFractionOneDegree[row]
                area += a
            }
            land.append(landArea / area)
        }
        self.southEdgesDegrees = south
        self.northEdgesDegrees = north
        self.areaWeights = weights
        self.landFraction = land
    }
}
