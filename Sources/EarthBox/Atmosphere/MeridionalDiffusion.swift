/// Meridional heat transport as diffusion of temperature on the sphere, (∂/∂x) D(1 − x²) ∂T/∂x with
/// x = sin φ (North 1975; North, Cahalan & Coakley 1981), in flux form so that the area-weighted sum of the
/// convergences is zero to round-off: transport moves energy between bands and creates none.
public struct MeridionalDiffusion: Sendable {
    /// Convergence into band b per unit temperature difference to its northern / southern neighbour, W m⁻² K⁻¹.
    public let northCoefficient: [Double]
    public let southCoefficient: [Double]
    /// With moist static energy (`MoistTransport`), the flux across an edge is no longer proportional to the
    /// temperature difference: convergence into b = Σ (neighbourCoefficient·T_neighbour − ownCoefficient·T_b) over
    /// both edges, with these the own-band coefficients (nil for dry diffusion, where they equal the neighbour's).
    public let northOwnCoefficient: [Double]?
    public let southOwnCoefficient: [Double]?

    public init(grid: LatitudeGrid, diffusivity d: Double) {
        let n = grid.count, xc = grid.centresSine
        var north = [Double](repeating: 0, count: n), south = [Double](repeating: 0, count: n)
        for b in 0..<n {
            let width = grid.northEdgesSine[b] - grid.southEdgesSine[b]
            if b < n - 1 {
                let xe = grid.northEdgesSine[b]
                north[b] = d * (1 - xe * xe) / ((xc[b + 1] - xc[b]) * width)
            }
            if b > 0 {
                let xe = grid.southEdgesSine[b]
                south[b] = d * (1 - xe * xe) / ((xc[b] - xc[b - 1]) * width)
            }
        }
        northCoefficient = north
        southCoefficient = south
        northOwnCoefficient = nil
        southOwnCoefficient = nil
    }

    /// Diffusion of moist static energy h/c_p = γ·T with diffusivity `moist`: across the edge between b and b+1 the
    /// flux is moist·(γ_{b+1}T_{b+1} − γ_b T_b) times the geometric factor, so transport still moves energy between
    /// bands and creates none.
    public init(grid: LatitudeGrid, moist: Double, factor gamma: [Double]) {
        let unit = MeridionalDiffusion(grid: grid, diffusivity: 1)
        let n = grid.count
        var north = [Double](repeating: 0, count: n), south = north, northOwn = north, southOwn = north
        for b in 0..<n {
            if b < n - 1 {
                north[b] = unit.northCoefficient[b] * moist * gamma[b + 1]
                northOwn[b] = unit.northCoefficient[b] * moist * gamma[b]
            }
            if b > 0 {
                south[b] = unit.southCoefficient[b] * moist * gamma[b - 1]
                southOwn[b] = unit.southCoefficient[b] * moist * gamma[b]
            }
        }
        northCoefficient = north; southCoefficient = south
        northOwnCoefficient = northOwn; southOwnCoefficient = southOwn
    }

    /// Flux convergence into band `b` for band temperatures `t`, W m⁻².
    @inline(__always)
    public func convergence(band b: Int, _ t: UnsafePointer<Double>, count n: Int) -> Double {
        if let northOwn = northOwnCoefficient, let southOwn = southOwnCoefficient {
            var c = 0.0
            if b < n - 1 { c += northCoefficient[b] * t[b + 1] - northOwn[b] * t[b] }
            if b > 0 { c += southCoefficient[b] * t[b - 1] - southOwn[b] * t[b] }
            return c
        }
        var c = 0.0
        if b < n - 1 { c += northCoefficient[b] * (t[b + 1] - t[b]) }
        if b > 0 { c += southCoefficient[b] * (t[b - 1] - t[b]) }
        return c
    }

    /// Solves (diagonal_b + cN_b + cS_b)·T_b − cN_b·T_(b+1) − cS_b·T_(b−1) = rhs_b for T (the own-band coefficients
    /// on the diagonal when they differ), in place in `rhs`.
    /// `scratch` holds 3·count values.
    public func solveImplicit(diagonal: UnsafePointer<Double>, rhs: UnsafeMutablePointer<Double>, count n: Int,
                              scratch: UnsafeMutablePointer<Double>) {
        let lower = scratch, diag = scratch + n, upper = scratch + 2 * n
        let northOwn = northOwnCoefficient ?? northCoefficient, southOwn = southOwnCoefficient ?? southCoefficient
        for b in 0..<n {
            let cn = b < n - 1 ? northCoefficient[b] : 0, cs = b > 0 ? southCoefficient[b] : 0
            lower[b] = -cs
            upper[b] = -cn
            diag[b] = diagonal[b] + (b < n - 1 ? northOwn[b] : 0) + (b > 0 ? southOwn[b] : 0)
        }
        // Thomas algorithm; the pivot scratch reuses `lower` after it is read.
        var pivot = diag[0]
        rhs[0] /= pivot
        var b = 1
        while b < n {
            let l = lower[b]
            lower[b] = upper[b - 1] / pivot
            pivot = diag[b] - l * lower[b]
            rhs[b] = (rhs[b] - l * rhs[b - 1]) / pivot
            b += 1
        }
        b = n - 2
        while b >= 0 {
            rhs[b] -= lower[b + 1] * rhs[b + 1]
            b -= 1
        }
    }
}
