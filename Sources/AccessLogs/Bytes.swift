#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers for the parsers. Lines are `UnsafeRawBufferPointer`s into a reader's
/// buffer: nothing here allocates, and nothing makes a `String` per line.
enum Bytes {
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let zero = UInt8(ascii: "0")

    /// The first index of `byte` in `b[from..<to]`, or `to`.
    @inline(__always)
    static func find(_ byte: UInt8, in b: UnsafeRawBufferPointer, from: Int, to: Int) -> Int {
        guard from < to, let base = b.baseAddress else { return to }
        if let hit = memchr(base + from, Int32(byte), to - from) {
            return base.distance(to: UnsafeRawPointer(hit))
        }
        return to
    }

    /// The first index of `pattern` in `b[from..<to]`, or nil.
    @inline(__always)
    static func find(_ pattern: StaticString, in b: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        let p = UnsafeRawBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
        return find(p, in: b, from: from, to: to)
    }

    static func find(_ p: UnsafeRawBufferPointer, in b: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        let n = p.count
        guard n > 0, to - from >= n, let base = b.baseAddress, let pb = p.baseAddress else { return nil }
        var i = from
        let first = p[0]
        while i <= to - n {
            i = find(first, in: b, from: i, to: to - n + 1)
            if i > to - n { return nil }
            if memcmp(base + i, pb, n) == 0 { return i }
            i += 1
        }
        return nil
    }

    /// Whether `b[at..<at+count]` equals `pattern`.
    @inline(__always)
    static func matches(_ pattern: StaticString, in b: UnsafeRawBufferPointer, at: Int) -> Bool {
        let n = pattern.utf8CodeUnitCount
        guard at >= 0, at + n <= b.count, let base = b.baseAddress else { return false }
        return memcmp(base + at, pattern.utf8Start, n) == 0
    }

    /// Whether `b` equals `pattern`, ASCII case-insensitively.
    @inline(__always)
    static func equalsIgnoringCase(_ b: UnsafeRawBufferPointer, _ pattern: StaticString) -> Bool {
        let n = pattern.utf8CodeUnitCount
        guard b.count == n else { return false }
        let p = pattern.utf8Start
        for i in 0..<n where b[i] | 0x20 != p[i] | 0x20 { return false }
        return true
    }

    /// A non-negative decimal integer spanning all of `b[from..<to]`; nil if empty, not all
    /// digits, or longer than 18 digits (so it can never overflow).
    @inline(__always)
    static func integer(_ b: UnsafeRawBufferPointer, from: Int, to: Int) -> Int64? {
        guard from < to, to - from <= 18 else { return nil }
        var v: Int64 = 0
        for i in from..<to {
            let d = b[i] &- zero
            if d > 9 { return nil }
            v = v &* 10 &+ Int64(d)
        }
        return v
    }

    /// A non-negative decimal number `digits[.digits]` spanning `b[from..<to]`, times
    /// `scale` (a power of ten: 1_000_000 reads seconds as µs), rounded to the nearest
    /// whole unit. nil when malformed or absurdly long.
    static func decimal(_ b: UnsafeRawBufferPointer, from: Int, to: Int, scale: Int64) -> Int64? {
        guard from < to, to - from <= 24 else { return nil }
        var whole: Int64 = 0
        var i = from
        var sawDigit = false
        while i < to, b[i] != UInt8(ascii: ".") {
            let d = b[i] &- zero
            if d > 9 { return nil }
            whole = whole &* 10 &+ Int64(d)
            sawDigit = true
            i += 1
        }
        guard whole < 1_000_000_000_000 else { return nil }
        var value = whole * scale
        if i < to {
            i += 1
            var unit = scale
            var rest: Int64 = 0
            var restScale: Int64 = 1
            while i < to {
                let d = b[i] &- zero
                if d > 9 { return nil }
                sawDigit = true
                if restScale < 1_000_000_000_000 {
                    rest = rest * 10 + Int64(d)
                    restScale *= 10
                }
                i += 1
            }
            unit = scale
            // rest / restScale of a unit of `scale`, rounded half up.
            if restScale > 1 { value += (rest * unit * 2 + restScale) / (restScale * 2) }
        }
        return sawDigit ? value : nil
    }

    /// Two decimal digits at `at`, or -1.
    @inline(__always)
    static func twoDigits(_ b: UnsafeRawBufferPointer, _ at: Int) -> Int {
        guard at + 2 <= b.count else { return -1 }
        let a = b[at] &- zero, c = b[at + 1] &- zero
        return a <= 9 && c <= 9 ? Int(a) * 10 + Int(c) : -1
    }

    /// Four decimal digits at `at`, or -1.
    @inline(__always)
    static func fourDigits(_ b: UnsafeRawBufferPointer, _ at: Int) -> Int {
        let h = twoDigits(b, at), l = twoDigits(b, at + 2)
        return h >= 0 && l >= 0 ? h * 100 + l : -1
    }

    /// `b[from..<to]` as a slice.
    @inline(__always)
    static func slice(_ b: UnsafeRawBufferPointer, _ from: Int, _ to: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: b[from..<to])
    }

    /// The bytes as a String (invalid UTF-8 repaired), for the slow paths only.
    static func string(_ b: UnsafeRawBufferPointer) -> String {
        String(decoding: b, as: UTF8.self)
    }
}

