/// xoshiro256** 1.0 (Blackman and Vigna, ACM TOMS 2021), transcribed from the authors'
/// reference `xoshiro256starstar.c`: 256 bits of state, period 2²⁵⁶ − 1, about 1 ns a word.
///
/// Seeded through `SplitMix64`, as the authors recommend, so any 64-bit seed gives a
/// well-mixed, non-zero state.
public struct Xoshiro256StarStar: RandomSource, Sendable {
    public var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The state given directly (it must not be all zero).
    @inlinable public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
        precondition(s0 | s1 | s2 | s3 != 0, "xoshiro256** state must not be all zero")
    }

    /// The state filled by four outputs of `SplitMix64(seed:)`.
    @inlinable public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        self.init(state: (seeder.next(), seeder.next(), seeder.next(), seeder.next()))
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    @inlinable @inline(__always)
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }
}
