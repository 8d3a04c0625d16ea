#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-device state keyed by the bytes of (user, device ID): an open-addressing hash table
/// whose keys live in one byte arena, so looking a device up costs one hash over the key's
/// bytes, one slot (which holds 32 bits of the hash, so a probe rarely touches a wrong key)
/// and one `memcmp`, with no `String` and no allocation except for a new device.
///
/// Devices are keyed by user *and* device ID: one phone signed in to two accounts holds two
/// independent Ping loops on the server, and the same ID under two users is two rows.
/// Memory: O(devices): the key bytes, 16 bytes per key and 8 bytes per slot (at most half
/// the slots are used; the table doubles). Keys beyond 2 GB of arena are not supported.
public struct DeviceTable {
    private var arena: [UInt8] = []
    /// Per device: where its key starts in the arena and its length.
    private var keys: [(start: Int32, length: Int32)] = []
    /// Per device: its full hash (read only when the table grows).
    private var hashes: [UInt64] = []
    /// Per slot: the hash's low 32 bits and device index + 1 (0 when empty).
    private var slots = [(tag: UInt32, entry: Int32)](repeating: (0, 0), count: 1024)

    public var count: Int { keys.count }

    public init() {}

    /// FNV-1a over the bytes, 8 at a time where possible (the hot path hashes every line).
    @inline(__always)
    private static func hash(_ user: UnsafeRawBufferPointer, _ device: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ b: UnsafeRawBufferPointer) {
            var i = 0
            let n = b.count
            while i + 8 <= n {
                h = (h ^ b.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
                h ^= h >> 32
                i += 8
            }
            while i < n {
                h = (h ^ UInt64(b[i])) &* 0x100_0000_01b3
                i += 1
            }
        }
        mix(user)
        h = (h ^ 0xFF) &* 0x100_0000_01b3
        mix(device)
        return h ^ (h >> 29)
    }

    /// The index of the device (0, 1, 2 … in order of first appearance) and whether it is new.
    @inline(__always)
    public mutating func index(user: UnsafeRawBufferPointer, device: UnsafeRawBufferPointer) -> (index: Int, isNew: Bool) {
        let h = Self.hash(user, device)
        let tag = UInt32(truncatingIfNeeded: h >> 32)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        let keyCount = user.count + 1 + device.count
        while true {
            let slot = slots[s]
            if slot.entry == 0 { break }
            let d = Int(slot.entry) - 1
            if slot.tag == tag && Int(keys[d].length) == keyCount && equal(d, user, device) { return (d, false) }
            s = (s + 1) & mask
        }
        let d = keys.count
        keys.append((Int32(truncatingIfNeeded: arena.count), Int32(truncatingIfNeeded: keyCount)))
        hashes.append(h)
        arena.append(contentsOf: user)
        arena.append(0xFF)
        arena.append(contentsOf: device)
        slots[s] = (tag, Int32(truncatingIfNeeded: d + 1))
        if keys.count * 2 > slots.count { grow() }
        return (d, true)
    }

    private func equal(_ d: Int, _ user: UnsafeRawBufferPointer, _ device: UnsafeRawBufferPointer) -> Bool {
        arena.withUnsafeBytes { a in
            guard let arenaBase = a.baseAddress else { return false }
            let base = arenaBase + Int(keys[d].start)
            if let u = user.baseAddress, memcmp(base, u, user.count) != 0 { return false }
            if base.load(fromByteOffset: user.count, as: UInt8.self) != 0xFF { return false }
            guard let v = device.baseAddress else { return device.count == 0 }
            return memcmp(base + user.count + 1, v, device.count) == 0
        }
    }

    private mutating func grow() {
        var bigger = [(tag: UInt32, entry: Int32)](repeating: (0, 0), count: slots.count * 2)
        let mask = bigger.count - 1
        for d in 0..<keys.count {
            let h = hashes[d]
            var s = Int(truncatingIfNeeded: h) & mask
            while bigger[s].entry != 0 { s = (s + 1) & mask }
            bigger[s] = (UInt32(truncatingIfNeeded: h >> 32), Int32(truncatingIfNeeded: d + 1))
        }
        slots = bigger
    }
}
