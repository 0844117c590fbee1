/// How global land productivity is shared among latitude bands: net primary production per unit land area
/// as a function of latitude, a piecewise-linear reading of the MODIS MOD17 zonal means (Zhao et al. 2005,
/// Remote Sens. Environ. 95, 164; Zhao & Running 2010, Science 329, 940): highest in the humid tropics, a dip
/// over the subtropical deserts, a temperate and boreal shoulder, nothing on the Antarctic ice sheet.
///
/// Each band's vegetation, litter and soil pools and its land-use emissions follow the same share, so with
/// one global turnover time every band starts in steady state. With one band the share is 1.
public enum ProductivityProfile {
    /// (latitude °N, NPP in gC m⁻² yr⁻¹ of land).
    static let nodes: [(latitude: Double, npp: Double)] = [
        (-90, 0), (-62, 0), (-55, 150), (-45, 450), (-35, 400), (-25, 350), (-15, 650), (-5, 900),
        (5, 900), (15, 600), (25, 300), (35, 400), (45, 450), (55, 350), (65, 200), (72, 60), (80, 0), (90, 0),
    ]

    /// Relative NPP per unit land area at a latitude (gC m⁻² yr⁻¹).
    public static func nppDensity(latitude: Double) -> Double {
        for i in 1..<nodes.count where latitude <= nodes[i].latitude {
            let a = nodes[i - 1], b = nodes[i]
            return a.npp + (latitude - a.latitude) / (b.latitude - a.latitude) * (b.npp - a.npp)
        }
        return nodes[nodes.count - 1].npp
    }

    /// Each band's share of global NPP (sums to 1).
    public static func shares(grid: LatitudeGrid) -> [Double] {
        guard grid.count > 1 else { return [1] }
        let raw = (0..<grid.count).map { b in grid.sumOverLandRows(band: b) { latitude, landArea in landArea * nppDensity(latitude: latitude) } }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }
}
