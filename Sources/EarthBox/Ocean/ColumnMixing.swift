/// Implicit vertical transport in one ocean column: diffusion between neighbouring layers plus the
/// upwelling–diffusion loop of Hoffert, Callegari & Hsieh (1980, JGR 85, 6667): water upwells at `w`
/// through every layer and sinks in polar regions from the mixed layer to the bottom layer, or to the layer where
/// the sinking water finds its density level (`sinkingLayer`).
///
/// The same operator carries heat and dissolved inorganic carbon (HILDA/Bern practice, Joos et al.
/// 1996, Tellus 48B, 397), written per unit ocean area in concentration units: capacity of layer k is
/// its thickness (m), exchange between layers is `K / Δz` (m yr⁻¹). The sinking branch uses the
/// mixed-layer value at the start of the step, which keeps the matrix tridiagonal and the column
/// exactly conservative: Σ dz_k·Δx_k equals what the caller puts into the surface row.
///
/// Only the mixed-layer row differs between heat and carbon and from year to year, so the deep rows are
/// eliminated once, bottom-up, at construction; a step is then one upward and one downward sweep
/// (the Thomas algorithm run from the bottom, Press et al. 2007 §2.4).
public final class ColumnMixing: VerticalTransport {
    public let thickness: [Double]          // m
    public let exchange: [Double]           // m yr⁻¹ between layer k and k+1 (count - 1 values)
    public let upwellingMetresPerYear: Double
    /// Layer the sinking water enters (the bottom layer unless told otherwise); below it there is no upwelling.
    public let sinkingLayer: Int
    /// Time step the factorisation is built for, yr.
    public let timeStep: Double
    /// Bottom-up elimination of rows 1…n-1: x_k = g_k − h_k·x_(k−1), with g from the right-hand side.
    let upper: [Double]                     // coupling of row k to k+1 (k = 0…n-2)
    let eliminated: [Double]                // h_k
    let inversePivot: [Double]              // 1 / pivot_k
    public var count: Int { thickness.count }

    /// - Parameters:
    ///   - diffusivitySquareCentimetresPerSecond: vertical eddy diffusivity (cm² s⁻¹), one value or one per interface.
    ///   - sinkingLayer: the layer the sinking branch enters (nil: the bottom layer, Hoffert et al. 1980); the water
    ///     upwells from there to the mixed layer, and the layers below it only diffuse.
    public init(layers: OceanLayerGrid, diffusivitySquareCentimetresPerSecond: [Double], upwellingMetresPerYear: Double,
                sinkingLayer: Int? = nil, timeStep dt: Double = 1) {
        let n = layers.layerCount
        let entry = min(max(sinkingLayer ?? n - 1, 1), n - 1)
        self.sinkingLayer = entry
        precondition(diffusivitySquareCentimetresPerSecond.count == 1 || diffusivitySquareCentimetresPerSecond.count == n - 1)
        thickness = layers.thicknessMetres
        var e = [Double](repeating: 0, count: n - 1)
        for k in 0..<(n - 1) {
            let kappa = diffusivitySquareCentimetresPerSecond.count == 1 ? diffusivitySquareCentimetresPerSecond[0] : diffusivitySquareCentimetresPerSecond[k]
            let kappaSquareMetresPerYear = kappa * 1e-4 * PhysicalConstants.secondsPerYear
            let distance = 0.5 * (layers.thicknessMetres[k] + layers.thicknessMetres[k + 1])
            e[k] = kappaSquareMetresPerYear / distance
        }
        exchange = e
        self.upwellingMetresPerYear = upwellingMetresPerYear
        timeStep = dt
        let w = upwellingMetresPerYear * dt
        // Rows 1 ≤ k ≤ entry: lower −dt·e(k−1); diagonal dz + dt(e(k−1) + e(k)) + w; upper −(dt·e(k) + w), the
        // upwelling only above the entry layer; rows below the entry only diffuse.
        var up = [Double](repeating: 0, count: n), h = [Double](repeating: 0, count: n), inv = [Double](repeating: 0, count: n)
        for k in 0..<(n - 1) { up[k] = -(dt * e[k] + (k < entry ? w : 0)) }
        for k in stride(from: n - 1, through: 1, by: -1) {
            let lower = -dt * e[k - 1]
            var diagonal = layers.thicknessMetres[k] + dt * e[k - 1] + (k <= entry ? w : 0)
            if k < n - 1 { diagonal += dt * e[k] }
            let pivot = k < n - 1 ? diagonal - up[k] * h[k + 1] : diagonal
            inv[k] = 1 / pivot
            h[k] = lower / pivot
        }
        upper = up
        eliminated = h
        inversePivot = inv
    }

    /// The mixed-layer row every caller starts from: diffusion to layer 1, upwelled water in, sinking water out (explicit).
    public var surfaceDiagonal: Double { thickness[0] + timeStep * exchange[0] }
    public var surfaceExchange: Double { exchange[0] }
    public var surfaceUpper: Double { upper[0] }
    public func surfaceRightHandSide(mixedOld x0: Double) -> Double { (thickness[0] - upwellingMetresPerYear * timeStep) * x0 }

    /// First half of `solve`: eliminates the deep rows bottom-up from the old column `x` (whose mixed-layer value
    /// feeds the sinking branch), writing g_1…g_(n−1) to `g`. Afterwards the mixed layer obeys `reducedSurfaceRow`.
    @inline(__always)
    public func eliminateDeep(_ x: UnsafePointer<Double>, into g: UnsafeMutablePointer<Double>) {
        let n = count
        thickness.withUnsafeBufferPointer { dz in
            upper.withUnsafeBufferPointer { up in
                inversePivot.withUnsafeBufferPointer { inv in
                    let sinking = upwellingMetresPerYear * timeStep * x[0], entry = sinkingLayer
                    g[n - 1] = (dz[n - 1] * x[n - 1] + (entry == n - 1 ? sinking : 0)) * inv[n - 1]
                    // The rows without the sinking water add + 0 (not nothing): a zero keeps the sign the row with the
                    // entry's term gives it, so the split loop has the bits of one loop choosing the term per row.
                    var k = n - 2
                    while k > entry {
                        g[k] = (dz[k] * x[k] + 0 - up[k] * g[k + 1]) * inv[k]
                        k -= 1
                    }
                    if k == entry {
                        g[k] = (dz[k] * x[k] + sinking - up[k] * g[k + 1]) * inv[k]
                        k -= 1
                    }
                    while k >= 1 {
                        g[k] = (dz[k] * x[k] + 0 - up[k] * g[k + 1]) * inv[k]
                        k -= 1
                    }
                }
            }
        }
    }

    /// Layer 1 after elimination: x1' = g_1 − h_1·x0'.
    @inline(__always)
    public func deepFold(eliminated g: UnsafePointer<Double>) -> (diagonal: Double, rhs: Double) { (eliminated[1], g[1]) }

    /// Second half of `solve`: given the new mixed-layer value, fills the deep layers top-down.
    @inline(__always)
    public func backSubstitute(_ x: UnsafeMutablePointer<Double>, mixedLayer x0: Double, eliminated g: UnsafePointer<Double>) {
        let n = count
        eliminated.withUnsafeBufferPointer { h in
            var previous = x0
            x[0] = previous
            var k = 1
            while k < n {
                previous = g[k] - h[k] * previous
                x[k] = previous
                k += 1
            }
        }
    }

    /// Response of the column to a unit right-hand side in the mixed-layer row only (all else zero):
    /// the sensitivity of the new column to the surface forcing, written to `out` times `scale`.
    @inline(__always)
    public func unitSurfaceResponse(surfaceDiagonal d0: Double, surfaceUpper u0: Double, scale: Double, into out: UnsafeMutablePointer<Double>) {
        eliminated.withUnsafeBufferPointer { h in
            var previous = 1 / (d0 - u0 * h[1])
            out[0] = previous * scale
            for k in 1..<count {
                previous = -h[k] * previous
                out[k] = previous * scale
            }
        }
    }

    /// Flux out of the mixed layer into the deep ocean over the step (per unit ocean area, conc·m),
    /// given the new column `xNew` and the old mixed-layer value `mixedOld`.
    public func downwardTransport(new xNew: UnsafePointer<Double>, mixedOld: Double, dt: Double) -> Double {
        dt * exchange[0] * (xNew[0] - xNew[1]) + upwellingMetresPerYear * dt * (mixedOld - xNew[1])
    }
}
