/// Where one component's slots start in a member's flat state vector: at `global` in the global part and at
/// `band` inside every latitude band's block. Views are made from a block and the state's base address; they are
/// the only way components read and write state.
public struct StateBlock: Sendable, Equatable {
    public let global: Int
    public let band: Int
    /// Length of the global part (where band 0's block starts) and of one band's block.
    public let globalCount: Int
    public let bandStride: Int

    /// The component's global slots.
    @inlinable @inline(__always)
    public func globals<Lane>(_ state: UnsafeMutablePointer<Lane>) -> UnsafeMutablePointer<Lane> { state + global }

    /// The component's slots in every band.
    @inlinable @inline(__always)
    public func bands<Lane>(_ state: UnsafeMutablePointer<Lane>) -> BandBlocks<Lane> {
        BandBlocks(first: state + globalCount + band, stride: bandStride)
    }
}

/// A component's slots in each latitude band: band b's slots start at `first + b·stride`.
///
/// `Lane` is `Double` for one member. A batch of members stored structure-of-arrays (slot-major, one SIMD lane per
/// member) is addressed by the same offsets with a SIMD lane type, so component code written on views carries over.
public struct BandBlocks<Lane> {
    public let first: UnsafeMutablePointer<Lane>
    public let stride: Int

    @inlinable @inline(__always)
    public init(first: UnsafeMutablePointer<Lane>, stride: Int) { self.first = first; self.stride = stride }

    /// Band b's slots.
    @inlinable @inline(__always)
    public subscript(band: Int) -> UnsafeMutablePointer<Lane> { first + band * stride }

    /// The same bands, `offset` values further into each block (a later slot of the component).
    @inlinable @inline(__always)
    public func advanced(by offset: Int) -> BandBlocks<Lane> { BandBlocks(first: first + offset, stride: stride) }
}
