/// Implicit vertical transport of a tracer (heat or dissolved inorganic carbon) in one ocean column, written per
/// unit ocean area in concentration units: the capacity of layer k is its thickness (m), exchange is in m yr⁻¹.
///
/// Heat and DIC use the same operator (HILDA/Bern practice, Joos et al. 1996, Tellus 48B, 397). Only the mixed
/// layer's row differs between them and from year to year, so a step is split at the surface: `eliminateDeep`
/// folds the deep layers into the mixed-layer row, the caller (energy balance or gas exchange) solves that row
/// with its own surface physics, and `backSubstitute` fills the deep layers from the new mixed-layer value.
/// Callers see the column only through the mixed layer: its thickness, its exchange with the layer below, the
/// upwelling through it, and the reduced row.
public protocol VerticalTransport: Sendable {
    /// The ocean model's name in `&ocean model`.
    static var modelName: String { get }
    /// The layers of every column of this ocean model.
    static func layerGrid(_ parameters: OceanParameters) -> OceanLayerGrid
    /// One column per latitude band.
    static func columns(_ parameters: OceanParameters, grid: LatitudeGrid) -> [Self]

    /// Time step the operator is factorised for, yr.
    var timeStep: Double { get }
    /// Number of layers, mixed layer first.
    var count: Int { get }
    /// Thickness of each layer, m.
    var thickness: [Double] { get }
    /// Exchange between the mixed layer and the layer below, m yr⁻¹.
    var surfaceExchange: Double { get }
    /// Water upwelling through the column and sinking from the mixed layer to the bottom, m yr⁻¹ (0: none).
    var upwellingMetresPerYear: Double { get }
    /// The mixed-layer row without surface physics: diagonal, coupling to layer 1, right-hand side.
    var surfaceDiagonal: Double { get }
    var surfaceUpper: Double { get }
    func surfaceRightHandSide(mixedOld x0: Double) -> Double
    /// Eliminates the deep rows from the old column `x` into `g` (`count` values of scratch).
    func eliminateDeep(_ x: UnsafePointer<Double>, into g: UnsafeMutablePointer<Double>)
    /// How the eliminated deep column enters the mixed-layer row: layer 1 is `rhs − diagonal·x0'`.
    func deepFold(eliminated g: UnsafePointer<Double>) -> (diagonal: Double, rhs: Double)
    /// Fills the deep layers from the new mixed-layer value.
    func backSubstitute(_ x: UnsafeMutablePointer<Double>, mixedLayer x0: Double, eliminated g: UnsafePointer<Double>)
    /// Response of the new column to a unit right-hand side in the mixed-layer row only, each value times `scale`
    /// (as it is written: the response itself is not scaled).
    func unitSurfaceResponse(surfaceDiagonal d0: Double, surfaceUpper u0: Double, scale: Double, into out: UnsafeMutablePointer<Double>)
    /// Tracer carried out of the mixed layer into the deep ocean over the step (conc·m per unit ocean area).
    func downwardTransport(new xNew: UnsafePointer<Double>, mixedOld: Double, dt: Double) -> Double
}

extension VerticalTransport {
    /// The mixed-layer row with the deep column folded in: `diagonal·x0' = rhs`.
    @inline(__always)
    public func reducedSurfaceRow(surfaceDiagonal d0: Double, surfaceUpper u0: Double, surfaceRHS r0: Double,
                                  eliminated g: UnsafePointer<Double>) -> (diagonal: Double, rhs: Double) {
        let fold = deepFold(eliminated: g)
        return (d0 - u0 * fold.diagonal, r0 - u0 * fold.rhs)
    }

    /// Advances the column `x` in place, the mixed-layer row given by the caller: `d0·x0' + u0·x1' = r0`.
    /// `scratch` holds `count` values.
    @inline(__always)
    public func solve(_ x: UnsafeMutablePointer<Double>, surfaceDiagonal d0: Double, surfaceUpper u0: Double, surfaceRHS r0: Double,
                      scratch g: UnsafeMutablePointer<Double>) {
        solve(from: x, into: x, surfaceDiagonal: d0, surfaceUpper: u0, surfaceRHS: r0, scratch: g)
    }

    /// `solve` from the old column `x` into `out` (which may be `x`), without copying the column first.
    @inline(__always)
    public func solve(from x: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, surfaceDiagonal d0: Double, surfaceUpper u0: Double,
                      surfaceRHS r0: Double, scratch g: UnsafeMutablePointer<Double>) {
        eliminateDeep(x, into: g)
        let reduced = reducedSurfaceRow(surfaceDiagonal: d0, surfaceUpper: u0, surfaceRHS: r0, eliminated: g)
        backSubstitute(out, mixedLayer: reduced.rhs / reduced.diagonal, eliminated: g)
    }

    /// Σ dz_k·x_k over the column (K·m for heat, µmol kg⁻¹·m for DIC).
    @inline(__always)
    public func columnIntegral(_ x: UnsafePointer<Double>) -> Double {
        var sum = 0.0
        thickness.withUnsafeBufferPointer { dz in
            for k in 0..<dz.count { sum += dz[k] * x[k] }
        }
        return sum
    }
}
