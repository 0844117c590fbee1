import Dispatch
import Foundation

/// Members spread over the cores: contiguous blocks, one per worker (`concurrentPerform` runs them on
/// Dispatch's pool). The model is a value type whose step only touches the member's own state and workspace;
/// shared inputs (drivers, parameters) are read-only, so members need no locks.
enum Parallel {
    static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body(k)` for every member k in 0..<count unless `isStale()` turns true, which is checked before
    /// each member (a newer request has arrived: its result would be dropped anyway). Returns false if stopped.
    @discardableResult
    static func forEachMember(count: Int, isStale: @Sendable () -> Bool = { false }, _ body: @Sendable (Int) -> Void) -> Bool {
        let blocks = min(workers, count)
        guard blocks > 1 else {
            for k in 0..<count { if isStale() { return false }; body(k) }
            return true
        }
        let stopped = StopFlag()
        DispatchQueue.concurrentPerform(iterations: blocks) { b in
            let range = (b * count / blocks)..<((b + 1) * count / blocks)
            for k in range {
                if stopped.isSet { return }
                if isStale() { stopped.set(); return }
                body(k)
            }
        }
        return !stopped.isSet
    }
}

/// A flag set once by any worker, read by all.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
