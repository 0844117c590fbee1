#if canImport(Glibc)
import Glibc
#endif

/// The latent heat the cryosphere takes up as ice melts: one store for land ice (glaciers, ice sheets, ice
/// shelves) and one for sea ice, in J per m² of Earth. With them the Earth heat inventory has its fourth part
/// (ocean, land, atmosphere, cryosphere: von Schuckmann et al. 2020, ESSD 12, 2013; AR6 WG1 Box 7.2).
///
/// Land ice relaxes to a melt commitment proportional to the warming on one timescale (Grinsted et al. 2010,
/// Clim Dyn 34, 461), so it equilibrates and the ECS is unchanged. Sea ice responds within the year: in the box
/// model in proportion to the warming, with latitude bands from the ice line (the ice-covered ocean lost since
/// preindustrial times its thickness and latent heat). The heat comes out of every surface alike: drawn from
/// the band at the ice edge alone, an explicit melt term on a 1° band outgrows its mixed layer's heat capacity.
public struct Cryosphere: Sendable {
    /// J m⁻² of Earth per K of global warming.
    public let landIceCommitment: Double
    public let seaIcePerKelvin: Double
    /// J per m² of lost sea ice.
    public let seaIceLatentHeat: Double
    public let timescaleYears: Double

    /// Latent heat of fusion of ice at 0 °C, J kg⁻¹, and the density of ice, kg m⁻³ (Cuffey & Paterson 2010,
    /// The Physics of Glaciers, 4th ed., Table 9.1).
    public static let latentHeatOfFusion = 3.34e5
    public static let seaIceDensity = 917.0

    public init(climate c: ClimateParameters) {
        let perZJ = 1e21 / PhysicalConstants.earthSurfaceAreaSquareMetres
        landIceCommitment = c.landIceMeltCommitment * perZJ
        seaIcePerKelvin = c.seaIceMeltPerKelvin * perZJ
        seaIceLatentHeat = Self.seaIceDensity * Self.latentHeatOfFusion * c.seaIceThicknessMetres
        timescaleYears = c.cryosphereTimescale
    }

    /// Advances both stores over `dt` years from the start-of-year global warming and, with latitude bands, the
    /// sea-ice-covered share of the Earth lost since preindustrial (`seaIceLost`, may be negative). Returns the
    /// heat taken from the surfaces, W m⁻².
    @inline(__always)
    public func step(landIce: inout Double, seaIce: inout Double, warming: Double, seaIceLost: Double?, dt: Double) -> Double {
        let before = landIce + seaIce
        let landTarget = landIceCommitment * warming
        landIce = landTarget + (landIce - landTarget) * _exp(-dt / timescaleYears)
        seaIce = seaIceLost.map { $0 * seaIceLatentHeat } ?? seaIcePerKelvin * warming
        return (landIce + seaIce - before) / (dt * PhysicalConstants.secondsPerYear)
    }
}
