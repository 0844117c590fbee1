/// The two-layer ocean of Held et al. (2010, J. Clim 23, 2418) and Geoffroy et al. (2013a, J. Clim 26, 1841;
/// 2013b, 26, 1859): an upper layer over one deep layer exchanging heat at γ (T − T_D) W m⁻²,
///
///     C   dT/dt   = F − λT − εγ(T − T_D)        (the energy balance's mixed-layer row, ε its efficacy)
///     C_D dT_D/dt = γ(T − T_D),
///
/// written, like every `VerticalTransport`, per m² of ocean in concentration units: layer thicknesses
/// C/(ρc) and C_D/(ρc), exchange γ/(ρc) m yr⁻¹, no upwelling. The same water exchange carries DIC, so the
/// two-layer ocean takes up carbon as it takes up heat. Stepped with backward Euler in closed form.
public struct TwoLayerColumn: VerticalTransport {
    public static let modelName = "two_layer"

    public let thickness: [Double]
    /// γ/(ρc), m yr⁻¹.
    public let surfaceExchange: Double
    public let timeStep: Double
    /// Deep row eliminated: T_D' = g − h·T', with h = −Δt·e/(h_D + Δt·e).
    let deepCoupling: Double
    let inverseDeepPivot: Double

    public var count: Int { 2 }
    public var upwellingMetresPerYear: Double { 0 }

    /// - Parameters:
    ///   - upperHeatCapacity, deepHeatCapacity: W yr m⁻² K⁻¹; exchange: γ, W m⁻² K⁻¹.
    public init(upperHeatCapacity: Double, deepHeatCapacity: Double, exchange gamma: Double, timeStep dt: Double = 1) {
        let joulesPerWattYear = PhysicalConstants.secondsPerYear
        let rhoC = PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity
        let upper = upperHeatCapacity * joulesPerWattYear / rhoC, deep = deepHeatCapacity * joulesPerWattYear / rhoC
        thickness = [upper, deep]
        surfaceExchange = gamma * joulesPerWattYear / rhoC
        timeStep = dt
        inverseDeepPivot = 1 / (deep + dt * surfaceExchange)
        deepCoupling = -dt * surfaceExchange * inverseDeepPivot
    }

    public static func layerGrid(_ p: OceanParameters) -> OceanLayerGrid {
        OceanLayerGrid(thicknessMetres: column(p).thickness)
    }

    /// The same column in every band: the two-layer model has no geography.
    public static func columns(_ p: OceanParameters, grid: LatitudeGrid) -> [TwoLayerColumn] {
        [TwoLayerColumn](repeating: column(p), count: grid.count)
    }

    static func column(_ p: OceanParameters) -> TwoLayerColumn {
        TwoLayerColumn(upperHeatCapacity: p.twoLayerUpperHeatCapacity, deepHeatCapacity: p.twoLayerDeepHeatCapacity,
                       exchange: p.twoLayerExchange)
    }

    public var surfaceDiagonal: Double { thickness[0] + timeStep * surfaceExchange }
    public var surfaceUpper: Double { -timeStep * surfaceExchange }
    public func surfaceRightHandSide(mixedOld x0: Double) -> Double { thickness[0] * x0 }

    @inline(__always)
    public func eliminateDeep(_ x: UnsafePointer<Double>, into g: UnsafeMutablePointer<Double>) {
        g[1] = thickness[1] * x[1] * inverseDeepPivot
    }

    @inline(__always)
    public func deepFold(eliminated g: UnsafePointer<Double>) -> (diagonal: Double, rhs: Double) { (deepCoupling, g[1]) }

    @inline(__always)
    public func backSubstitute(_ x: UnsafeMutablePointer<Double>, mixedLayer x0: Double, eliminated g: UnsafePointer<Double>) {
        x[0] = x0
        x[1] = g[1] - deepCoupling * x0
    }

    @inline(__always)
    public func unitSurfaceResponse(surfaceDiagonal d0: Double, surfaceUpper u0: Double, scale: Double, into out: UnsafeMutablePointer<Double>) {
        let mixed = 1 / (d0 - u0 * deepCoupling)
        out[0] = mixed * scale
        out[1] = (-deepCoupling * mixed) * scale
    }

    @inline(__always)
    public func downwardTransport(new xNew: UnsafePointer<Double>, mixedOld: Double, dt: Double) -> Double {
        dt * surfaceExchange * (xNew[0] - xNew[1])
    }
}
