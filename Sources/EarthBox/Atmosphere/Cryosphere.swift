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
public struct Cryosphere: EarthSystemComponent {
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

    public let parameters: ClimateParameters

    public init(climate c: ClimateParameters) {
        parameters = c
        let perZJ = 1e21 / PhysicalConstants.earthSurfaceAreaSquareMetres
        landIceCommitment = c.landIceMeltCommitment * perZJ
        seaIcePerKelvin = c.seaIceMeltPerKelvin * perZJ
        seaIceLatentHeat = Self.seaIceDensity * Self.latentHeatOfFusion * c.seaIceThicknessMetres
        timescaleYears = c.cryosphereTimescale
    }

    /// The two stores, J m⁻² of Earth.
    public struct State {
        public let slots: UnsafeMutablePointer<Double>
        public var landIce: Double { @inline(__always) get { slots[0] } @inline(__always) nonmutating set { slots[0] = newValue } }
        public var seaIce: Double { @inline(__always) get { slots[1] } @inline(__always) nonmutating set { slots[1] = newValue } }
        public var total: Double { landIce + seaIce }
    }

    @inline(__always)
    public func view(_ v: UnsafeMutablePointer<Double>, block: StateBlock) -> State { State(slots: block.globals(v)) }

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("land_ice_melt_heat", "J m-2", scope: .global, preindustrial: "0"),
         StateSlot("sea_ice_melt_heat", "J m-2", scope: .global, preindustrial: "0")]
    }

    public static var diagnostics: [Diagnostic] { [.cryosphereHeatContent] }

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let s = view(v, block: block)
        s.landIce = 0; s.seaIce = 0
    }

    public struct Inputs {
        /// Start-of-year global warming, K.
        public let warming: Double
        /// With latitude bands, the share of the Earth's surface that was sea ice in the preindustrial climate and
        /// is open ocean now (negative where ice has grown); nil in the box model.
        public let seaIceLost: Double?
        public let dt: Double
    }

    /// Advances both stores over `dt` years; returns the heat taken from the surfaces, W m⁻².
    @inline(__always)
    public func step(_ s: State, _ inputs: Inputs, scratch: NoScratch = NoScratch()) -> Double {
        let before = s.total, dt = inputs.dt
        let landTarget = landIceCommitment * inputs.warming
        s.landIce = landTarget + (s.landIce - landTarget) * _exp(-dt / timescaleYears)
        s.seaIce = inputs.seaIceLost.map { $0 * seaIceLatentHeat } ?? seaIcePerKelvin * inputs.warming
        return (s.total - before) / (dt * PhysicalConstants.secondsPerYear)
    }
}
