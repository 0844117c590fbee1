/// Weighted percentiles and exceedance probabilities over ensemble members.
public enum WeightedStatistics {
    /// The percentiles the ensemble output reports: the one set of `WarmingStatistics` (5, 17, 33, 50, 67, 83, 95).
    public static var reportedPercentiles: [Double] { WarmingStatistics.percentiles }

    /// Percentiles `ps` (0–100) of `values` with `weights`: member i sits at cumulative probability
    /// (Σ_{j<i} w_j + w_i/2) / Σw in sorted order, linear in between, clamped at the ends. With equal weights this is
    /// the Hazen plotting position (Hyndman & Fan 1996, Am. Stat. 50, 361, definition 5). Non-finite values and
    /// zero weights are left out; NaN if nothing is left. Ties are broken by index, so the result is deterministic.
    public static func percentiles(_ values: [Double], weights: [Double], _ ps: [Double]) -> [Double] {
        var sample = SortedSample()
        values.withUnsafeBufferPointer { sample.sort($0) }
        return sample.percentiles(weights: weights, ps)
    }

    /// Probability that `values` exceed `threshold` under `weights` (non-finite values count as not exceeding).
    public static func exceedanceProbability(_ values: [Double], weights: [Double], threshold: Double) -> Double {
        var above = 0.0, total = 0.0
        for i in values.indices {
            total += weights[i]
            if values[i] > threshold { above += weights[i] }
        }
        return total > 0 ? above / total : .nan
    }
}

/// One column of member values sorted once into a contiguous copy (finite values ascending, ties by member index),
/// from which the percentiles of any weighting follow without sorting again: the ensemble file asks for two
/// weightings (prior and constrained) of every (variable, scenario, year). The buffers are kept between columns.
public struct SortedSample: Sendable {
    /// (value, member) ascending by value, then by member: the order `WeightedStatistics.percentiles` defines.
    private var entries: [Entry] = []
    private var kept: [Double] = []
    private var positions: [Double] = []
    /// `placeOrderStatistics`' buckets: per bucket its count, then where its next value goes; the values gathered.
    private var bucketCounts: [Int] = []
    private var bucketPositions: [Int] = []
    private var gathered: [Double] = []

    struct Entry: Sendable { var value: Double; var member: Int }

    public init() {}

    public var count: Int { entries.count }

    /// Sorts the finite values of `column` (member i = `column[i]`).
    public mutating func sort(_ column: UnsafeBufferPointer<Double>) {
        entries.removeAll(keepingCapacity: true)
        for (i, x) in column.enumerated() where x.isFinite { entries.append(Entry(value: x, member: i)) }
        entries.sort(by: Self.precedes)
    }

    /// Percentiles `ps` of `column` when every member has the weight `weight` (> 0): the plotting positions then
    /// depend only on the count, so only the order statistics the percentiles fall between are needed, and they
    /// are found by selection (quickselect, Hoare 1961, CACM 4, 321) instead of a full sort. Same bits as sorting
    /// and calling `percentiles(weights:_:)` with equal weights: the positions are accumulated in the same order
    /// and (value, member) is a total order, so the element of each rank is the same.
    public mutating func uniformPercentiles(_ column: UnsafeBufferPointer<Double>, weight: Double, _ ps: [Double]) -> [Double] {
        precondition(weight > 0)
        kept.removeAll(keepingCapacity: true)
        for x in column where x.isFinite { kept.append(x) }
        let n = kept.count
        guard n > 0 else { return ps.map { _ in .nan } }
        // The ranks depend only on the count, the weight and the percentiles: every column of an ensemble has the same.
        if uniform?.count != n || uniform?.weight.bitPattern != weight.bitPattern || uniform?.ps != ps {
            uniform = Self.uniformBrackets(count: n, weight: weight, ps, positions: &positions)
        }
        let (brackets, ranks) = (uniform!.brackets, uniform!.ranks)
        // Selection on the values alone: an order statistic that is not zero has the bits of the (value, member)
        // order's, since equal non-zero doubles are the same double. A zero may be +0 or −0: that order puts the
        // zeros by member, so a zero statistic is looked up among the column's zeros in member order.
        placeOrderStatistics(ranks)
        var belowZero = -1
        func statistic(_ k: Int) -> Double {
            let x = kept[k]
            guard x == 0 else { return x }
            if belowZero < 0 { belowZero = column.reduce(0) { $1.isFinite && $1 < 0 ? $0 + 1 : $0 } }
            var zero = belowZero
            for y in column where y == 0 {
                if zero == k { return y }
                zero += 1
            }
            preconditionFailure("rank \(k) holds a zero, so the column has one there")
        }
        return brackets.map { bracket in
            let (k, f) = bracket
            if f < 0 { return statistic(k) }
            let a = statistic(k), b = statistic(k + 1)
            return a + f * (b - a)
        }
    }

    /// The order statistics (and interpolation weights; -1: the statistic itself) each percentile reads when `count`
    /// members all weigh `weight`, and those ranks ascending.
    private var uniform: (count: Int, weight: Double, ps: [Double], brackets: [(Int, Double)], ranks: [Int])?

    private static func uniformBrackets(count n: Int, weight: Double, _ ps: [Double], positions: inout [Double])
        -> (count: Int, weight: Double, ps: [Double], brackets: [(Int, Double)], ranks: [Int]) {
        positions.removeAll(keepingCapacity: true)
        var total = 0.0
        for _ in 0..<n { total += weight }
        var cumulative = 0.0
        for _ in 0..<n {
            positions.append((cumulative + weight / 2) / total)
            cumulative += weight
        }
        var ranks: [Int] = []
        let brackets: [(Int, Double)] = ps.map { p in
            let q = p / 100
            if q <= positions[0] { ranks.append(0); return (0, -1) }
            if q >= positions[n - 1] { ranks.append(n - 1); return (n - 1, -1) }
            var k = 0
            while positions[k + 1] < q { k += 1 }
            ranks.append(k); ranks.append(k + 1)
            return (k, (q - positions[k]) / (positions[k + 1] - positions[k]))
        }
        return (n, weight, ps, brackets, Array(Set(ranks)).sorted())
    }

    /// Puts the value a full sort of `kept` would put at every rank of `ranks` (ascending) there; the other places
    /// are left undefined. The values are first counted into buckets of equal width between the column's least and
    /// greatest value, and only the buckets holding a wanted rank are gathered and selected in (the bucketSelect of
    /// Alabi et al. 2012, ACM J. Exp. Algorithmics 17, doi:10.1145/2133803.2345676, for several ranks at once): the counting pass is free of data-dependent branches, where the
    /// three-way partitions over the whole column mispredicted about half of their comparisons (a quarter of the
    /// work after an ensemble's compute). `(x − least) · scale` never decreases as x grows (each rounding is
    /// monotone), so the buckets are in value order and a rank's value lies in the bucket its count reaches.
    private mutating func placeOrderStatistics(_ ranks: [Int]) {
        Self.placeOrderStatistics(ranks, in: &kept, counts: &bucketCounts, positions: &bucketPositions, gathered: &gathered)
    }

    /// `placeOrderStatistics(_:)` with its buffers (kept between columns) passed in.
    static func placeOrderStatistics(_ ranks: [Int], in kept: inout [Double], counts: inout [Int], positions: inout [Int],
                                     gathered: inout [Double]) {
        let n = kept.count
        var least = n > 0 ? kept[0] : 0, greatest = least
        for x in kept { least = Swift.min(least, x); greatest = Swift.max(greatest, x) }
        // All equal: every place already holds the value of every rank (±0 are told apart by the caller).
        guard least < greatest else { return }
        let bucketCount = Swift.min(4096, Swift.max(64, n / 8))
        let scale = Double(bucketCount) / (greatest - least)
        // Small columns, and ranges too wide for a double (±1e308) or too narrow to divide (subnormal): plain selection.
        guard n > 64, scale.isFinite, scale > 0 else {
            kept.withUnsafeMutableBufferPointer { select(ranks[...], in: $0, 0, n) }
            return
        }
        @inline(__always) func bucket(_ x: Double) -> Int { Swift.min(Int((x - least) * scale), bucketCount - 1) }
        counts.removeAll(keepingCapacity: true)
        counts.append(contentsOf: repeatElement(0, count: bucketCount))
        kept.withUnsafeBufferPointer { values in
            counts.withUnsafeMutableBufferPointer { c in
                for x in values { c[bucket(x)] += 1 }
            }
        }
        // Each wanted bucket gets a segment of `gathered`, in bucket order; the others all write to one spare place.
        var segments: [(bucket: Int, start: Int, below: Int)] = []
        var below = 0, b = 0, size = 0
        for r in ranks {
            while below + counts[b] <= r { below += counts[b]; b += 1 }
            if segments.last?.bucket != b {
                segments.append((b, size, below))
                size += counts[b]
            }
        }
        // A bucket's next place, and 1 where it is wanted (0: the spare place is written again).
        positions.removeAll(keepingCapacity: true)
        positions.append(contentsOf: repeatElement(size, count: bucketCount))
        positions.append(contentsOf: repeatElement(0, count: bucketCount))
        for segment in segments { positions[segment.bucket] = segment.start; positions[bucketCount + segment.bucket] = 1 }
        gathered.removeAll(keepingCapacity: true)
        gathered.append(contentsOf: repeatElement(0, count: size + 1))
        kept.withUnsafeBufferPointer { values in
            positions.withUnsafeMutableBufferPointer { p in
                gathered.withUnsafeMutableBufferPointer { out in
                    for x in values {
                        let k = bucket(x)
                        out[p[k]] = x
                        p[k] += p[bucketCount + k]
                    }
                }
            }
        }
        // Within a segment, rank r is place start + (r − below): select there, then hand the values back.
        var next = ranks[...]
        for segment in segments {
            let count = counts[segment.bucket]
            let inSegment = next.prefix { $0 < segment.below + count }
            next = next.dropFirst(inSegment.count)
            let places = inSegment.map { segment.start + $0 - segment.below }
            gathered.withUnsafeMutableBufferPointer { select(places[...], in: $0, segment.start, segment.start + count) }
            for (r, place) in zip(inSegment, places) { kept[r] = gathered[place] }
        }
    }

    static func precedes(_ a: Entry, _ b: Entry) -> Bool { a.value < b.value || (a.value == b.value && a.member < b.member) }

    /// Puts a value equal to the one a full sort would put at every rank in `ranks` (ascending, within lo..<hi) there.
    /// Three-way partition (Bentley & McIlroy 1993, Softw. Pract. Exper. 23, 1249), so that columns of equal values
    /// (every member's preindustrial anomaly) take one pass, not a quadratic number.
    static func select(_ ranks: ArraySlice<Int>, in e: UnsafeMutableBufferPointer<Double>, _ lo: Int, _ hi: Int) {
        guard !ranks.isEmpty, hi - lo > 1 else { return }
        if hi - lo <= 16 {   // insertion sort: small ranges
            for i in (lo + 1)..<hi {
                let x = e[i]
                var j = i
                while j > lo && x < e[j - 1] { e[j] = e[j - 1]; j -= 1 }
                e[j] = x
            }
            return
        }
        // Median of three as pivot (deterministic); afterwards lo..<lt < pivot, lt..<gt == pivot, gt..<hi > pivot.
        let a = e[lo], b = e[lo + (hi - lo) / 2], c = e[hi - 1]
        let pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b))
        var lt = lo, i = lo, gt = hi
        while i < gt {
            let x = e[i]
            if x < pivot { e.swapAt(i, lt); lt += 1; i += 1 }
            else if pivot < x { gt -= 1; e.swapAt(i, gt) }
            else { i += 1 }
        }
        select(ranks.prefix { $0 < lt }, in: e, lo, lt)
        select(ranks.drop { $0 < gt }, in: e, gt, hi)
    }

    /// Percentiles `ps` under `weights` (indexed by member), as `WeightedStatistics.percentiles` defines them:
    /// the same operations in the same order, so the same bits.
    public mutating func percentiles(weights: [Double], _ ps: [Double]) -> [Double] {
        kept.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        var total = 0.0
        for e in entries where weights[e.member] > 0 { total += weights[e.member] }
        var cumulative = 0.0
        for e in entries where weights[e.member] > 0 {
            let w = weights[e.member]
            kept.append(e.value)
            positions.append((cumulative + w / 2) / total)
            cumulative += w
        }
        guard !kept.isEmpty else { return ps.map { _ in .nan } }
        return ps.map { p in
            let q = p / 100
            if q <= positions[0] { return kept[0] }
            if q >= positions[positions.count - 1] { return kept[kept.count - 1] }
            var k = 0
            while positions[k + 1] < q { k += 1 }
            let f = (q - positions[k]) / (positions[k + 1] - positions[k])
            return kept[k] + f * (kept[k + 1] - kept[k])
        }
    }
}
