/// The vertical transport of every band's ocean column, for the ocean model named by `&ocean model`.
///
/// This is the registry of ocean models: each is one case, one line that builds it and one line that hands its
/// columns to generic code. `visit` is the only switch over ocean models, once per step; everything it calls is
/// specialised for the concrete transport (no existential in the time loop).
public enum OceanTransport: Sendable {
    case upwellingDiffusion([ColumnMixing])
    case twoLayer([TwoLayerColumn])

    /// The `&ocean model` names, in registration order.
    public static let modelNames = [ColumnMixing.modelName, TwoLayerColumn.modelName]

    init(_ parameters: OceanParameters, grid: LatitudeGrid) {
        switch parameters.model {
        case TwoLayerColumn.modelName: self = .twoLayer(TwoLayerColumn.columns(parameters, grid: grid))
        default: self = .upwellingDiffusion(ColumnMixing.columns(parameters, grid: grid))
        }
    }

    /// Calls `body` with the concrete columns.
    @inline(__always)
    func visit<Body: TransportVisitor>(_ body: Body) -> Body.Result {
        switch self {
        case .upwellingDiffusion(let columns): body.visit(columns)
        case .twoLayer(let columns): body.visit(columns)
        }
    }

    /// The layers of every column.
    public var layers: OceanLayerGrid { visit(LayerGridOf()) }
}

/// Code run with an ocean model's concrete columns (see `OceanTransport.visit`).
protocol TransportVisitor {
    associatedtype Result
    func visit<Transport: VerticalTransport>(_ columns: [Transport]) -> Result
}

private struct LayerGridOf: TransportVisitor {
    func visit<Transport: VerticalTransport>(_ columns: [Transport]) -> OceanLayerGrid {
        OceanLayerGrid(thicknessMetres: columns[0].thickness)
    }
}
