/// A small, fast, seedable generator so stochastic runs are bit-reproducible on every platform
/// and rank (xoshiro256**, Blackman & Vigna 2021, ACM TOMS 47(4); seeded through SplitMix64).
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable {
    public var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var s = seed
        func splitMix() -> UInt64 {
            s &+= 0x9E37_79B9_7F4A_7C15
            var z = s
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    
    public mutating func next() -> UInt64 {
        let result = rotl(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotl(state.3, 45)
        return result
    }

    @inline(__always) func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in (0, 1], never 0 so that log() is safe.
    public mutating func nextUnitInterval() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }

    /// Standard normal deviate by the Box–Muller transform (Box & Muller 1958); one of the pair is dropped
    /// so that the stream position depends only on the number of draws.
    public mutating func nextStandardNormal() -> Double {
        let u1 = nextUnitInterval(), u2 = nextUnitInterval()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.state.0 == b.state.0 && a.state.1 == b.state.1 && a.state.2 == b.state.2 && a.state.3 == b.state.3
    }
}
