/// The vertical grid of every ocean column: a mixed layer (index 0) over `deepLayerCount` deep layers.
public struct OceanLayerGrid: Sendable, Equatable {
    /// Layer thicknesses, m, from the surface down; element 0 is the mixed layer.
    public let thicknessMetres: [Double]

    public init(thicknessMetres: [Double]) {
        precondition(thicknessMetres.count >= 2 && thicknessMetres.allSatisfy { $0 > 0 })
        self.thicknessMetres = thicknessMetres
    }

    public var layerCount: Int { thicknessMetres.count }
    public var deepLayerCount: Int { thicknessMetres.count - 1 }
    public var mixedLayerDepthMetres: Double { thicknessMetres[0] }
    public var totalDepthMetres: Double { thicknessMetres.reduce(0, +) }

    /// Depth of the top of each layer, m.
    public var topDepthsMetres: [Double] {
        var depths = [Double](), z = 0.0
        for dz in thicknessMetres { depths.append(z); z += dz }
        return depths
    }

    /// Depth of the centre of each layer, m.
    public var centreDepthsMetres: [Double] {
        zip(topDepthsMetres, thicknessMetres).map { $0 + 0.5 * $1 }
    }
}
