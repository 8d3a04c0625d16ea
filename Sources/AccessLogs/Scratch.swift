import Foundation

/// Fixed scratch space a parser owns for the values it must rewrite (percent-decoded query
/// values, the decoded base64 query, hex device IDs): allocated once, reused for every
/// line, so slices into it stay valid until the same parser reads its next line.
final class Scratch {
    static let slotSize = 1024
    static let slots = 6
    private let base: UnsafeMutableRawPointer

    init() {
        base = .allocate(byteCount: Self.slotSize * Self.slots, alignment: 8)
    }

    deinit { base.deallocate() }

    private func slot(_ k: Int) -> UnsafeMutableRawPointer { base + k * Self.slotSize }

    /// `value` with `%XX` escapes decoded, in slot `k`; `value` itself when it holds no `%`
    /// (the common case: no copy) or is too long for a slot.
    @inline(__always)
    func decoded(_ value: UnsafeRawBufferPointer, slot k: Int) -> UnsafeRawBufferPointer {
        guard let vb = value.baseAddress, value.count <= Self.slotSize,
              memchr(vb, Int32(UInt8(ascii: "%")), value.count) != nil else { return value }
        let out = slot(k)
        var n = 0
        var i = 0
        while i < value.count {
            let c = value[i]
            if c == UInt8(ascii: "%"), i + 2 < value.count + 0, let h = hex(value[i + 1]), let l = hex(value[i + 2]) {
                out.storeBytes(of: UInt8(h << 4 | l), toByteOffset: n, as: UInt8.self)
                i += 3
            } else {
                out.storeBytes(of: c, toByteOffset: n, as: UInt8.self)
                i += 1
            }
            n += 1
        }
        return UnsafeRawBufferPointer(start: out, count: n)
    }

    @inline(__always)
    private func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The base64 text decoded into slot 4; nil when it holds a character outside the
    /// alphabet. Padding is optional.
    func base64Decoded(_ text: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        let out = slot(4)
        var n = 0
        var accumulator = 0
        var bits = 0
        for c in text {
            if c == UInt8(ascii: "=") { break }
            let v = Base64.value(c)
            if v < 0 { return nil }
            accumulator = (accumulator << 6 | v) & 0xFFFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                guard n < Self.slotSize else { return nil }
                out.storeBytes(of: UInt8(truncatingIfNeeded: accumulator >> bits), toByteOffset: n, as: UInt8.self)
                n += 1
            }
        }
        return UnsafeRawBufferPointer(start: out, count: n)
    }

    /// `id` itself when it is printable ASCII without spaces; otherwise its bytes in
    /// lower-case hex, in slot `k` (a GUID device ID).
    func printable(_ id: UnsafeRawBufferPointer, slot k: Int) -> UnsafeRawBufferPointer {
        if id.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return id }
        let out = slot(k)
        let digits = Array("0123456789abcdef".utf8)
        var n = 0
        for c in id.prefix(Self.slotSize / 2) {
            out.storeBytes(of: digits[Int(c >> 4)], toByteOffset: n, as: UInt8.self)
            out.storeBytes(of: digits[Int(c & 15)], toByteOffset: n + 1, as: UInt8.self)
            n += 2
        }
        return UnsafeRawBufferPointer(start: out, count: n)
    }
}
