#if canImport(Glibc)
import Glibc
#endif

/// The ocean's heat: one temperature column per latitude band (mixed layer first), carried by the ocean model's
/// vertical transport, its heat content and its thermal expansion. The energy balance reaches it only through the
/// mixed layer (`surfaceLayers`, then `step`); ocean carbon uses the same transport for DIC.
///
/// The stepping functions are generic over the transport and called with the concrete columns of the chosen
/// ocean model (`OceanTransport.visit`), so every ocean model runs specialised code.
public struct Ocean: EarthSystemComponent {
    public let parameters: OceanParameters
    public let layers: OceanLayerGrid
    /// Vertical transport of each band's column, of the ocean model `parameters.model`.
    public let transport: OceanTransport
    public let bandCount: Int
    /// Thermal expansion coefficient of each layer, K⁻¹.
    public let thermalExpansion: [Double]
    /// Share of each layer above 700 m and above 2000 m, the depth ranges ocean heat content is observed on
    /// (von Schuckmann et al. 2020); a layer across a boundary is split by thickness, its temperature being uniform.
    let above700: [Double], above2000: [Double]
    /// Per layer ρc·Δz (J m⁻² K⁻¹) and the layer's shares of the 700–2000 m and below-2000 m ranges, computed once:
    /// `heatByDepth` runs every step for the energy ledger.
    let layerHeatCapacity: [Double], share700To2000: [Double], shareBelow2000: [Double]
    /// The layers with a share in each depth range (the shares fall with depth, so they are contiguous): `heatByDepth`
    /// sums only these, with the bits of a sum over every layer (a zero share adds ±0, and a sum from +0 is never −0).
    let layersAbove700: Range<Int>, layers700To2000: Range<Int>, layersBelow2000: Range<Int>

    public init(parameters: OceanParameters, grid: LatitudeGrid) {
        self.parameters = parameters
        transport = OceanTransport(parameters, grid: grid)
        layers = transport.layers
        bandCount = grid.count
        thermalExpansion = layers.centreDepthsMetres.map(Self.thermalExpansionCoefficient(depthMetres:))
        let layers = layers
        func shares(_ depth: Double) -> [Double] {
            zip(layers.topDepthsMetres, layers.thicknessMetres).map { top, dz in max(0, min(1, (depth - top) / dz)) }
        }
        above700 = shares(700)
        above2000 = shares(2000)
        let rhoC = PhysicalConstants.seawaterDensity * PhysicalConstants.seawaterHeatCapacity
        layerHeatCapacity = layers.thicknessMetres.map { rhoC * $0 }
        share700To2000 = zip(above2000, above700).map { $0 - $1 }
        shareBelow2000 = above2000.map { 1 - $0 }
        func sharing(_ share: [Double]) -> Range<Int> {
            guard let first = share.firstIndex(where: { $0 != 0 }), let last = share.lastIndex(where: { $0 != 0 }) else { return 0..<0 }
            return first..<(last + 1)
        }
        layersAbove700 = sharing(above700)
        layers700To2000 = sharing(share700To2000)
        layersBelow2000 = sharing(shareBelow2000)
    }

    public static func stateSlots(_ shape: ModelShape) -> [StateSlot] {
        [StateSlot("ocean_temperature_change", "K", count: shape.layerCount, scope: .perBand, preindustrial: "0 in every layer (anomaly)")]
    }

    public static var diagnostics: [Diagnostic] {
        [.deepOceanHeatUptake, .oceanHeatContent, .thermostericSeaLevel, .oceanHeatContent0To700, .oceanHeatContent700To2000, .oceanHeatContentBelow2000]
    }

    /// Thermal expansion coefficient of seawater at the global-mean temperature and salinity profile, K⁻¹:
    /// an exponential fit to TEOS-10 α along the WOA18 global-mean profile (IOC et al. 2010; ~2.5e-4 at the
    /// surface, ~1.4e-4 at 2000 m).
    public static func thermalExpansionCoefficient(depthMetres z: Double) -> Double {
        1.3e-4 + 1.2e-4 * _exp(-z / 700)
    }

    /// The temperature columns, one per band.
    public typealias State = BandBlocks<Double>
    /// The new mixed-layer temperature of each band, from the energy balance.
    public typealias Inputs = UnsafePointer<Double>
    /// Heat carried below each band's mixed layer, K·m per unit ocean area.
    public typealias Fluxes = UnsafePointer<Double>

    public func setPreindustrial(_ v: UnsafeMutablePointer<Double>, block: StateBlock) {
        let columns = block.bands(v)
        for b in 0..<bandCount { for k in 0..<layers.layerCount { columns[b][k] = 0 } }
    }

    /// Eliminated deep rows and the mixed-layer terms of every band's column, between `surfaceLayers` and `step`.
    public struct Scratch {
        public let surfaces: UnsafeMutablePointer<OceanSurfaceLayer>
        let eliminated: UnsafeMutablePointer<Double>
        /// Heat carried below each band's mixed layer over the last step, K·m per unit ocean area.
        public let downward: UnsafeMutablePointer<Double>
    }

    public func makeScratch(in arena: ScratchArena) -> Scratch {
        let n = bandCount
        return Scratch(surfaces: arena.take(n, repeating: OceanSurfaceLayer()), eliminated: arena.take(n * layers.layerCount),
                       downward: arena.take(n))
    }

    /// Folds every band's deep layers into its mixed-layer row and returns the mixed layers as the energy balance
    /// sees them at the start of the year (one per band, in `scratch`).
    @inline(__always)
    public func surfaceLayers(_ columns: BandBlocks<Double>, dt: Double, scratch: Scratch) -> UnsafeMutablePointer<OceanSurfaceLayer> {
        transport.visit(FoldDeep(ocean: self, columns: columns, dt: dt, scratch: scratch))
    }

    @inline(__always)
    func surfaceLayers<Transport: VerticalTransport>(_ columns: BandBlocks<Double>, transport: [Transport], dt: Double,
                                                     scratch: Scratch) -> UnsafeMutablePointer<OceanSurfaceLayer> {
        let nl = layers.layerCount, thickness = layers.thicknessMetres[0]
        for b in 0..<bandCount {
            let x = columns[b], column = transport[b], g = scratch.eliminated + b * nl
            column.eliminateDeep(x, into: g)
            let fold = column.deepFold(eliminated: g)
            scratch.surfaces[b] = OceanSurfaceLayer(temperature: x[0], thicknessMetres: thickness, exchange: column.surfaceExchange * dt,
                                               upwelling: column.upwellingMetresPerYear * dt, foldDiagonal: fold.diagonal, foldRHS: fold.rhs)
        }
        return scratch.surfaces
    }

    /// Fills every band's deep layers from its new mixed-layer temperature `newMixedLayer[b]` (after
    /// `surfaceLayers`); returns the heat carried below each mixed layer over the step, K·m per unit ocean area.
    @inline(__always)
    public func step(_ columns: BandBlocks<Double>, _ newMixedLayer: UnsafePointer<Double>, scratch: Scratch) -> UnsafePointer<Double> {
        transport.visit(CarryDown(ocean: self, columns: columns, newMixedLayer: newMixedLayer, scratch: scratch))
    }

    @inline(__always)
    func step<Transport: VerticalTransport>(_ columns: BandBlocks<Double>, _ newMixedLayer: UnsafePointer<Double>,
                                            transport: [Transport], scratch: Scratch) -> UnsafePointer<Double> {
        let nl = layers.layerCount
        for b in 0..<bandCount {
            let x = columns[b], column = transport[b]
            column.backSubstitute(x, mixedLayer: newMixedLayer[b], eliminated: scratch.eliminated + b * nl)
            scratch.downward[b] = column.downwardTransport(new: x, mixedOld: scratch.surfaces[b].temperature, dt: column.timeStep)
        }
        return UnsafePointer(scratch.downward)
    }

    /// Σ dz_k·ΔT_k of a column, K·m.
    @inline(__always)
    public func layerIntegral(_ x: UnsafePointer<Double>) -> Double {
        var sum = 0.0
        layers.thicknessMetres.withUnsafeBufferPointer { dz in
            for k in 0..<dz.count { sum += dz[k] * x[k] }
        }
        return sum
    }

    /// Heat of a column relative to preindustrial on the observed depth ranges, J per m² of ocean.
    @inline(__always)
    public func heatByDepth(_ x: UnsafePointer<Double>) -> (upper700: Double, from700To2000: Double, below2000: Double) {
        var upper = 0.0, middle = 0.0, deep = 0.0
        layerHeatCapacity.withUnsafeBufferPointer { c in
            above700.withUnsafeBufferPointer { a in
                share700To2000.withUnsafeBufferPointer { m in
                    shareBelow2000.withUnsafeBufferPointer { d in
                        for k in layersAbove700 { upper += a[k] * (c[k] * x[k]) }
                        for k in layers700To2000 { middle += m[k] * (c[k] * x[k]) }
                        for k in layersBelow2000 { deep += d[k] * (c[k] * x[k]) }
                    }
                }
            }
        }
        return (upper, middle, deep)
    }

    /// Thermosteric sea-level rise of a column, m: Σ α_k ΔT_k Δz_k.
    @inline(__always)
    public func thermostericRise(temperature x: UnsafePointer<Double>) -> Double {
        var sum = 0.0
        layers.thicknessMetres.withUnsafeBufferPointer { dz in
            thermalExpansion.withUnsafeBufferPointer { a in
                for k in 0..<dz.count { sum += a[k] * x[k] * dz[k] }
            }
        }
        return sum
    }
}

private struct FoldDeep: TransportVisitor {
    let ocean: Ocean, columns: BandBlocks<Double>, dt: Double, scratch: Ocean.Scratch
    @inline(__always)
    func visit<Transport: VerticalTransport>(_ transport: [Transport]) -> UnsafeMutablePointer<OceanSurfaceLayer> {
        ocean.surfaceLayers(columns, transport: transport, dt: dt, scratch: scratch)
    }
}

private struct CarryDown: TransportVisitor {
    let ocean: Ocean, columns: BandBlocks<Double>, newMixedLayer: UnsafePointer<Double>, scratch: Ocean.Scratch
    @inline(__always)
    func visit<Transport: VerticalTransport>(_ transport: [Transport]) -> UnsafePointer<Double> {
        ocean.step(columns, newMixedLayer, transport: transport, scratch: scratch)
    }
}

extension ColumnMixing {
    public static let modelName = "upwelling_diffusion"

    public static func layerGrid(_ parameters: OceanParameters) -> OceanLayerGrid {
        OceanLayerGrid(thicknessMetres: parameters.layerThicknessMetres)
    }

    /// Band centres (degrees) whose columns get the Southern Ocean mixing factor (Marshall & Speer 2012).
    public static let southernOceanBelt = -65.0 ... -45.0
    /// Band centres (degrees) whose columns get the Arctic halocline factor.
    public static let arcticOcean = 70.0 ... 90.0

    /// One column operator per band. Bands in the Southern Ocean belt mix `southernOceanMixingFactor` times faster
    /// than the others, and the others are scaled so the ocean-area mean diffusivity stays the configured one
    /// (the factor moves mixing to where it happens; with one band the column is exactly the configured one).
    public static func columns(_ ocean: OceanParameters, grid: LatitudeGrid) -> [ColumnMixing] {
        let layers = layerGrid(ocean)
        func column(_ kappa: Double, upwelling: Double = ocean.upwellingVelocity) -> ColumnMixing {
            ColumnMixing(layers: layers, diffusivitySquareCentimetresPerSecond: [kappa], upwellingMetresPerYear: upwelling,
                         sinkingLayer: layers.topDepthsMetres.lastIndex { $0 <= ocean.sinkingDepthMetres } ?? 0)
        }
        func factor(_ centre: Double) -> Double {
            southernOceanBelt.contains(centre) ? ocean.southernOceanMixingFactor : (arcticOcean.contains(centre) ? ocean.arcticMixingFactor : 1)
        }
        var weighted = 0.0, oceanTotal = 0.0
        for (b, centre) in grid.centresDegrees.enumerated() {
            let area = grid.areaWeights[b] * grid.oceanFraction(b)
            oceanTotal += area
            weighted += area * factor(centre)
        }
        guard grid.count > 1 else { return [column(ocean.verticalDiffusivity)] }
        let scale = oceanTotal / weighted
        let standard = column(ocean.verticalDiffusivity * scale, upwelling: ocean.upwellingVelocity * scale)
        return grid.centresDegrees.map { centre in
            let f = factor(centre)
            return f == 1 ? standard : column(ocean.verticalDiffusivity * scale * f, upwelling: ocean.upwellingVelocity * scale * f)
        }
    }
}

/// The mixed layer of one band as the energy balance sees it: the only coupling between the two.
public struct OceanSurfaceLayer: Sendable {
    /// Start-of-year mixed-layer temperature change, K.
    public var temperature = 0.0
    public var thicknessMetres = 0.0
    /// Exchange with the layer below and upwelling through the mixed layer over the step, m.
    public var exchange = 0.0
    public var upwelling = 0.0
    /// The deep column folded into the mixed layer: layer 1 is `foldRHS − foldDiagonal·T0'`.
    public var foldDiagonal = 0.0
    public var foldRHS = 0.0

    /// The mixed-layer row `diagonal·T0' = rhs` given the surface row `d·T0' + u·T1' = r`.
    @inline(__always)
    public func reduced(diagonal d: Double, upper u: Double, rhs r: Double) -> (diagonal: Double, rhs: Double) {
        (d - u * foldDiagonal, r - u * foldRHS)
    }
}
