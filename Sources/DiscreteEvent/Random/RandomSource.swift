import Foundation

/// A source of uniformly distributed 64-bit words.
///
/// Models and distributions are generic over this protocol (never an existential), so every
/// call is specialised and inlined. The conversions below are our own, not the standard
/// library's, so results never depend on its internals.
public protocol RandomSource {
    /// The next 64 uniformly distributed bits.
    mutating func next() -> UInt64
}

extension RandomSource {
    /// A uniform `Double` in [0, 1): the top 53 bits of one word, scaled by 2⁻⁵³.
    @inlinable @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform `Double` in (0, 1): never 0, so its logarithm is finite.
    @inlinable @inline(__always)
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 12) + 0.5) * 0x1.0p-52
    }

    /// A uniform integer in 0 ..< `bound` without modulo bias (Lemire, ACM TOMACS 2019).
    @inlinable
    public mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "bound must be positive")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// True with probability `p` (one draw, also when p is 0 or 1, so streams stay aligned).
    @inlinable @inline(__always)
    public mutating func bernoulli(_ p: Double) -> Bool {
        nextUnit() < p
    }

    /// An exponential variate with the given mean, by inversion (one draw).
    @inlinable @inline(__always)
    public mutating func exponential(mean: Double) -> Double {
        -mean * log(nextOpenUnit())
    }
}
