/// Implicit vertical transport in one ocean column: diffusion between neighbouring layers plus the
/// upwelling–diffusion loop of Hoffert, Callegari & Hsieh (1980, JGR 85, 6667): water upwells at `w`
/// through every layer and sinks in polar regions from the mixed layer to the bottom layer.
///
/// The same operator carries heat and dissolved inorganic carbon (HILDA/Bern practice, Joos et al.
/// 1996, Tellus 48B, 397), written per unit ocean area in concentration units: capacity of layer k is
/// its thickness (m), exchange between layers is `K / Δz` (m yr⁻¹). The sinking branch uses the
/// mixed-layer value at the start of the step, which keeps the matrix tridiagonal and the column
/// exactly conservative: Σ dz_k·Δx_k equals what the caller puts into the surface row.
public struct ColumnMixing: Sendable {
    public let thickness: [Double]          // m
    public let exchange: [Double]           // m yr⁻¹ between layer k and k+1 (count - 1 values)
    public let upwellingMetresPerYear: Double
    public var count: Int { thickness.count }

    /// - Parameters:
    ///   - diffusivitySquareCentimetresPerSecond: vertical eddy diffusivity (cm² s⁻¹), one value or one per interface.
    public init(layers: OceanLayerGrid, diffusivitySquareCentimetresPerSecond: [Double], upwellingMetresPerYear: Double) {
        let n = layers.layerCount
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
    }

    /// Fills the tridiagonal rows of `capacity·(x' − x) = dt·(transport)` for layers 0…n-1 and the
    /// right-hand side from the old values `x`. The caller then adds its surface terms to row 0.
    
    public func assemble(
        old x: UnsafePointer<Double>, dt: Double,
        lower: UnsafeMutablePointer<Double>, diagonal: UnsafeMutablePointer<Double>,
        upper: UnsafeMutablePointer<Double>, rhs: UnsafeMutablePointer<Double>
    ) {
        let n = count
        let w = upwellingMetresPerYear * dt
        thickness.withUnsafeBufferPointer { dz in
            exchange.withUnsafeBufferPointer { e in
                // Mixed layer: diffusion to layer 1, upwelled water enters, sinking water leaves (explicit).
                lower[0] = 0
                diagonal[0] = dz[0] + dt * e[0]
                upper[0] = -(dt * e[0] + w)
                rhs[0] = (dz[0] - w) * x[0]
                var k = 1
                while k < n - 1 {
                    lower[k] = -dt * e[k - 1]
                    diagonal[k] = dz[k] + dt * (e[k - 1] + e[k]) + w
                    upper[k] = -(dt * e[k] + w)
                    rhs[k] = dz[k] * x[k]
                    k += 1
                }
                // Bottom layer: filled by the water that sank from the mixed layer.
                lower[n - 1] = -dt * e[n - 2]
                diagonal[n - 1] = dz[n - 1] + dt * e[n - 2] + w
                upper[n - 1] = 0
                rhs[n - 1] = dz[n - 1] * x[n - 1] + w * x[0]
            }
        }
    }

    /// Flux out of the mixed layer into the deep ocean over the step (per unit ocean area, conc·m),
    /// given the new column `xNew` and the old mixed-layer value `mixedOld`.
    
    public func downwardTransport(new xNew: UnsafePointer<Double>, mixedOld: Double, dt: Double) -> Double {
        dt * exchange[0] * (xNew[0] - xNew[1]) + upwellingMetresPerYear * dt * (mixedOld - xNew[1])
    }
}
