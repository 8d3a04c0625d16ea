/// The identity of one random stream, derived from (seed, replication, population,
/// device, purpose), so that every device draws from its own streams.
///
/// A change to one population, device or purpose never moves another's draws: that is
/// what gives sweep points common random numbers. Derivation hashes each part into a
/// 64-bit key with `SplitMix64.mix`; population names are hashed with FNV-1a over their
/// UTF-8 bytes (never Swift's `Hasher`, which is seeded randomly per process).
public struct StreamKey: Hashable, Sendable {
    public var value: UInt64
    @inlinable public init(value: UInt64) { self.value = value }

    /// The key of a run: a scenario seed and a replication number.
    public init(seed: UInt64, replication: UInt64) {
        value = Self.absorb(Self.absorb(0x5053_494D_5055_5348, seed), replication)
    }

    /// The key of a named part of this run (a population, a server).
    public func child(_ name: String) -> StreamKey {
        StreamKey(value: Self.absorb(value, Self.fnv1a(name)))
    }

    /// The key of a numbered part (a purpose, a device).
    @inlinable public func child(_ index: UInt64) -> StreamKey {
        StreamKey(value: Self.absorb(value, index))
    }

    /// The key of device `device` under this (population, purpose) key: one mix, cheap
    /// enough to recompute on every draw instead of storing it per device.
    @inlinable @inline(__always)
    public func device(_ device: UInt32) -> UInt64 {
        SplitMix64.mix(value &+ UInt64(device) &* 0xD1B5_4A32_D192_ED03)
    }

    @inlinable static func absorb(_ key: UInt64, _ part: UInt64) -> UInt64 {
        SplitMix64.mix(key ^ SplitMix64.mix(part &+ 0x9E37_79B9_7F4A_7C15))
    }

    /// FNV-1a (64-bit) of a text's UTF-8 bytes: how names become stream keys, and a
    /// stable identity for texts elsewhere (not a security hash).
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// A counter-based stream: output `n` is `mix(key ⊕ n·γ)`. Its whole state is the key and
/// a counter, so a model can keep one small counter per device and purpose in its arrays
/// and rebuild the stream for each draw. Streams with different keys never coincide as
/// shifted copies, unlike seeds of one sequential generator.
public struct CounterStream: RandomSource, Sendable {
    public var key: UInt64
    public var counter: UInt32

    @inlinable @inline(__always)
    public init(key: UInt64, counter: UInt32 = 0) {
        self.key = key
        self.counter = counter
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        counter &+= 1
        return SplitMix64.mix(key ^ (UInt64(counter) &* 0x9E37_79B9_7F4A_7C15))
    }
}
