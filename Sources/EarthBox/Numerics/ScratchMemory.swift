/// Scratch memory components take once, in their `makeScratch(in:)`, and reuse every year, so the time loop
/// allocates nothing. The arena owns the memory; a component's `Scratch` only names its parts (plain pointers,
/// so passing it around the step costs no reference counting).
public final class ScratchArena {
    private var blocks: [(pointer: UnsafeMutableRawPointer, deinitialize: (UnsafeMutableRawPointer) -> Void)] = []

    public init() {}

    /// `count` fresh values, each `value`, alive as long as the arena.
    public func take<Element>(_ count: Int, repeating value: Element) -> UnsafeMutablePointer<Element> {
        let n = max(count, 1)
        let typed = UnsafeMutablePointer<Element>.allocate(capacity: n)
        typed.initialize(repeating: value, count: n)
        blocks.append((UnsafeMutableRawPointer(typed), { $0.assumingMemoryBound(to: Element.self).deinitialize(count: n) }))
        return typed
    }

    /// `count` zeros.
    public func take(_ count: Int) -> UnsafeMutablePointer<Double> { take(count, repeating: 0.0) }

    deinit {
        for block in blocks {
            block.deinitialize(block.pointer)
            block.pointer.deallocate()
        }
    }
}
