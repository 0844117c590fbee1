/// Scratch memory a component sizes once, in its `makeScratch`, and reuses every year, so the time loop
/// allocates nothing. A component's scratch type names its parts (pointers into one of these).
public final class ScratchMemory<Element> {
    public let base: UnsafeMutablePointer<Element>
    public let count: Int
    private var used = 0

    public init(count: Int, repeating value: Element) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
    }

    /// The next `n` values, for one named part of the scratch.
    public func take(_ n: Int) -> UnsafeMutablePointer<Element> {
        precondition(used + n <= count, "scratch memory sized too small")
        defer { used += n }
        return base + used
    }

    deinit {
        base.deinitialize(count: max(count, 1))
        base.deallocate()
    }
}

extension ScratchMemory where Element == Double {
    public convenience init(count: Int) { self.init(count: count, repeating: 0) }
}
