/// Where each component's slots live in a member's flat state vector.
///
/// One contiguous `[Double]` per member makes a restart file one write, an ensemble one array, and a
/// bit-for-bit comparison one `==`. The layout is the components' own slot declarations laid end to end in
/// registration order (`EarthSystemModel.components`): first every global slot, then one block per band.
/// Components reach their slots only through the views their `StateBlock` makes.
public struct StateLayout: Sendable, Equatable {
    public let shape: ModelShape
    /// Length of the global part and of one band's block.
    public let globalCount: Int
    public let bandStride: Int
    /// Every slot with its component and offset (absolute for global slots, within the band block for per-band ones).
    public let slots: [PlacedSlot]
    let blocks: [ObjectIdentifier: StateBlock]

    public struct PlacedSlot: Sendable, Equatable {
        public let component: String
        public let slot: StateSlot
        public let offset: Int
    }

    public var bandCount: Int { shape.bandCount }
    public var layerCount: Int { shape.layerCount }
    public var halogenCount: Int { shape.halogenCount }
    public var count: Int { globalCount + bandCount * bandStride }

    public init(shape: ModelShape, components: [any EarthSystemComponent.Type]) {
        self.shape = shape
        var global = 0, band = 0
        var placed = [PlacedSlot](), starts = [(ObjectIdentifier, Int, Int)]()
        for component in components {
            // `_typeName` is what String(describing:) gives a type, without its scan of every protocol conformance.
            let name = _typeName(component, qualified: false)
            starts.append((ObjectIdentifier(component), global, band))
            for slot in component.stateSlots(shape) {
                switch slot.scope {
                case .global: placed.append(PlacedSlot(component: name, slot: slot, offset: global)); global += slot.count
                case .perBand: placed.append(PlacedSlot(component: name, slot: slot, offset: band)); band += slot.count
                }
            }
        }
        globalCount = global
        bandStride = band
        slots = placed
        var blocks = [ObjectIdentifier: StateBlock]()
        for (id, g, b) in starts { blocks[id] = StateBlock(global: g, band: b, globalCount: global, bandStride: band) }
        self.blocks = blocks
    }

    /// The block of a registered component.
    public func block<C: EarthSystemComponent>(_ component: C.Type) -> StateBlock {
        guard let block = blocks[ObjectIdentifier(component)] else { preconditionFailure("\(component) is not registered") }
        return block
    }

    /// Offset of a named slot in band `b`'s block (or of a global slot when `band` is nil), for tools and tests that
    /// address the flat vector by name.
    public func offset(of name: String, band b: Int? = nil) -> Int? {
        guard let s = slots.first(where: { $0.slot.name == name }) else { return nil }
        switch s.slot.scope {
        case .global: return b == nil ? s.offset : nil
        case .perBand: return b.map { globalCount + $0 * bandStride + s.offset }
        }
    }
}

/// The prognostic state of one ensemble member.
public struct ModelState: Sendable, Equatable {
    public var year: Int
    public var values: [Double]
    public var random: Xoshiro256StarStar

    public init(year: Int, layout: StateLayout, seed: UInt64) {
        self.year = year
        self.values = [Double](repeating: 0, count: layout.count)
        self.random = Xoshiro256StarStar(seed: seed)
    }
}
