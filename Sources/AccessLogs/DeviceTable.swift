#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-device state keyed by the bytes of (user, device ID): an open-addressing hash table
/// whose keys live in one byte arena, so looking a device up costs one hash over the key's
/// bytes and one `memcmp`, with no `String` and no allocation except for a new device.
///
/// Devices are keyed by user *and* device ID: one phone signed in to two accounts holds two
/// independent Ping loops on the server, and the same ID under two users is two rows.
/// Memory: O(devices) (key bytes + 16 bytes of table per device, growing by doubling).
struct DeviceTable {
    private var arena: [UInt8] = []
    private var keyStart: [Int] = []
    private var keyLength: [Int] = []
    private var hashes: [UInt64] = []
    /// Device index + 1 per slot, 0 when empty; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)

    var count: Int { keyStart.count }

    @inline(__always)
    private static func hash(_ user: UnsafeRawBufferPointer, _ device: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in user { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        h = (h ^ 0xFF) &* 0x100_0000_01b3
        for c in device { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The index of the device (0, 1, 2 … in order of first appearance) and whether it is new.
    @inline(__always)
    mutating func index(user: UnsafeRawBufferPointer, device: UnsafeRawBufferPointer) -> (index: Int, isNew: Bool) {
        let h = Self.hash(user, device)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        let keyCount = user.count + 1 + device.count
        while true {
            let entry = Int(slots[s])
            if entry == 0 { break }
            let d = entry - 1
            if hashes[d] == h && keyLength[d] == keyCount && equal(d, user, device) { return (d, false) }
            s = (s + 1) & mask
        }
        let d = keyStart.count
        keyStart.append(arena.count)
        keyLength.append(keyCount)
        hashes.append(h)
        arena.append(contentsOf: user)
        arena.append(0xFF)
        arena.append(contentsOf: device)
        slots[s] = Int32(d + 1)
        if keyStart.count * 2 > slots.count { grow() }
        return (d, true)
    }

    private func equal(_ d: Int, _ user: UnsafeRawBufferPointer, _ device: UnsafeRawBufferPointer) -> Bool {
        arena.withUnsafeBytes { a in
            let base = a.baseAddress! + keyStart[d]
            if user.count > 0 && memcmp(base, user.baseAddress!, user.count) != 0 { return false }
            if base.load(fromByteOffset: user.count, as: UInt8.self) != 0xFF { return false }
            return device.count == 0 || memcmp(base + user.count + 1, device.baseAddress!, device.count) == 0
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for d in 0..<keyStart.count {
            var s = Int(truncatingIfNeeded: hashes[d]) & mask
            while bigger[s] != 0 { s = (s + 1) & mask }
            bigger[s] = Int32(d + 1)
        }
        slots = bigger
    }
}

