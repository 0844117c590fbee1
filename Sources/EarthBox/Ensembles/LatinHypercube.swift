/// Stratified uniform samples in [0, 1]^d (Latin hypercube; McKay, Beckman & Conover 1979, Technometrics 21, 239):
/// in every dimension each of the n equal strata holds exactly one sample, at a random position inside it, and the
/// strata are paired across dimensions by independent random permutations. Drawn from one xoshiro256** stream
/// seeded with `seed`, so the design depends only on (n, d, seed): every rank computes the same one.
public enum LatinHypercube {
    /// `n` rows of `d` values in [0, 1]; row i is member i.
    public static func sample(count n: Int, dimensions d: Int, seed: UInt64) -> [[Double]] {
        var random = Xoshiro256StarStar(seed: seed)
        var rows = [[Double]](repeating: [Double](repeating: 0, count: d), count: n)
        for j in 0..<d {
            let stratum = permutation(n, &random)
            for i in 0..<n {
                // nextUnitInterval is in (0, 1]: the position inside the stratum.
                rows[i][j] = (Double(stratum[i]) + 1 - random.nextUnitInterval()) / Double(n)
            }
        }
        return rows
    }

    /// Plain Monte Carlo: independent uniforms in [0, 1), from the same kind of stream.
    public static func random(count n: Int, dimensions d: Int, seed: UInt64) -> [[Double]] {
        var random = Xoshiro256StarStar(seed: seed)
        return (0..<n).map { _ in (0..<d).map { _ in 1 - random.nextUnitInterval() } }
    }

    /// A uniformly random permutation of 0..<n (Fisher–Yates, Knuth TAOCP vol. 2 §3.4.2, Algorithm P), drawing
    /// indices by Lemire's multiply-high (Lemire 2019, ACM TOMACS 29, 3; bias below 2⁻⁴⁰ for n < 2²⁴).
    static func permutation(_ n: Int, _ random: inout Xoshiro256StarStar) -> [Int] {
        var p = Array(0..<n)
        var i = n - 1
        while i > 0 {
            let j = Int(random.next().multipliedFullWidth(by: UInt64(i + 1)).high)
            p.swapAt(i, j)
            i -= 1
        }
        return p
    }
}
