import AccessLogs

/// The lines of `AccessLogWriter`, byte for byte, for the devices of one server, written
/// straight into a file buffer through a pointer. `AccessLogWriter.line` stays the definition
/// (tests check the two agree for every format, across seconds, days and numbers); this is
/// what keeps `run --access-log` within 2× of a plain run.
///
/// How a line stays cheap (no String, array, allocation, dictionary or existential per line):
/// - each population's line, per command, is compiled once (`init`) from `LineLayout` into a
///   short program of operations, every run of text that does not vary merged into one
///   precomputed piece of bytes (names, command, URL and constant columns together);
/// - pieces are copied 16 bytes at a time, rounded up: the pieces are padded and the caller's
///   buffer has `maxLine` bytes free, so a copy may run past its piece into bytes the next
///   copy overwrites;
/// - numbers are formatted two digits at a time from a 200-byte table; the device number once
///   per line, then copied where the line has it (up to three times);
/// - the stamp is copied from a cache that changes only with the second; within a day only its
///   six digits of time of day are rewritten.
///
/// A class with `let` storage only (the mutable state is behind pointers), so that the hot
/// path has no exclusivity checks. Not thread-safe: one writer.
final class LineBytes {
    let format: LogFormat
    /// Bytes the caller must have free at the pointer given to `write`: the longest line plus
    /// the overrun of the 16-byte copies.
    let maxLine: Int

    private enum Kind: UInt8 { case text, stampStart, stampEnd, number, status, micros, millis, seconds, iisTokens, end }
    private struct Operation { var kind: Kind; var count: Int32; var offset: Int32 }

    /// The programs, one after the other; `starts[2 * population + (isPing ? 1 : 0)]` is where
    /// one begins (each ends with `.end`).
    private let operations: UnsafeMutablePointer<Operation>
    private let starts: UnsafeMutablePointer<Int>
    /// The texts of the programs and the IIS tokens, each padded to a multiple of 16 bytes.
    private let pieces: UnsafeMutablePointer<UInt8>
    private let tokens: (heartbeat: Operation, collision: Operation, both: Operation, end: Operation)
    /// "00" "01" … "99".
    private let pairs: UnsafeMutablePointer<UInt8>
    /// Digits are formatted backwards to end at `numberEnd` (the device's) or `digitsEnd`.
    private let scratch: UnsafeMutablePointer<UInt8>
    private var numberEnd: UnsafeMutablePointer<UInt8> { scratch + 48 }
    private var digitsEnd: UnsafeMutablePointer<UInt8> { scratch + 112 }
    /// The cached stamp: its text (≤ 32 bytes, padded) and state.
    private let stamp: UnsafeMutablePointer<UInt8>
    private let cache: UnsafeMutablePointer<StampCache>

    private struct StampCache {
        /// The µs range of the cached second, [from, to).
        var from: Int64 = 1, to: Int64 = 0
        var day: Int64 = .min
        var length = 0
        /// Where the time of day starts in the stamp.
        var timeOffset = 0
    }

    /// Lines for devices of `populations` (by population index) in `format`.
    init(format: LogFormat, populations: [LineNames]) {
        self.format = format
        var programs: [Operation] = []
        var texts: [UInt8] = []
        var startList: [Int] = []
        var longest = 0
        func piece(_ s: String) -> Operation {
            let offset = texts.count
            texts += Array(s.utf8)
            texts += [UInt8](repeating: 0, count: (16 - texts.count % 16) % 16)
            return Operation(kind: .text, count: Int32(s.utf8.count), offset: Int32(offset))
        }
        for names in populations {
            for command in ["Sync", "Ping"] {
                startList.append(programs.count)
                var bytes = 0
                for field in LineLayout.merged(LineLayout.fields(format, names, command: command)) {
                    let kind: Kind
                    switch field {
                    case .text(let t):
                        let op = piece(t)
                        programs.append(op)
                        bytes += Int(op.count) + 16
                        continue
                    case .stamp(let end): kind = end ? .stampEnd : .stampStart
                    case .number: kind = .number
                    case .status: kind = .status
                    case .micros: kind = .micros
                    case .millis: kind = .millis
                    case .seconds: kind = .seconds
                    case .iisTokens: kind = .iisTokens
                    }
                    programs.append(Operation(kind: kind, count: 0, offset: 0))
                    bytes += kind == .iisTokens ? 96 : 48
                }
                programs.append(Operation(kind: .end, count: 0, offset: 0))
                longest = max(longest, bytes)
            }
        }
        tokens = (piece("&Log=V161_Hb"), piece("&Log=V161_Error:PingCollisionDetected_"),
                  piece("_Error:PingCollisionDetected_"), piece("_"))
        // The line end the caller adds, and the last copy's overrun.
        maxLine = longest + 1 + 32
        texts += [UInt8](repeating: 0, count: 16)
        operations = .allocate(capacity: programs.count)
        operations.initialize(from: programs, count: programs.count)
        starts = .allocate(capacity: max(1, startList.count))
        starts.initialize(from: startList, count: startList.count)
        pieces = .allocate(capacity: texts.count)
        pieces.initialize(from: texts, count: texts.count)
        pairs = .allocate(capacity: 200)
        for n in 0..<100 {
            pairs[2 * n] = UInt8(48 + n / 10)
            pairs[2 * n + 1] = UInt8(48 + n % 10)
        }
        scratch = .allocate(capacity: 128)
        scratch.initialize(repeating: 0, count: 128)
        stamp = .allocate(capacity: 64)
        stamp.initialize(repeating: 0, count: 64)
        cache = .allocate(capacity: 1)
        cache.initialize(to: StampCache())
    }

    deinit {
        operations.deallocate()
        starts.deallocate()
        pieces.deallocate()
        pairs.deallocate()
        scratch.deallocate()
        stamp.deallocate()
        cache.deallocate()
    }

    /// Writes the line (without line end) of a request of device `number` of `population` at
    /// `out`, which must have `maxLine` bytes free; returns the bytes written. O(line length).
    /// `heartbeatSeconds` and `collision` are IIS's tokens (ignored by the other formats).
    @inline(__always)
    func write(at out: UnsafeMutablePointer<UInt8>, population: Int, isPing: Bool, start: Int64, duration: Int64, status: Int,
               number: Int, heartbeatSeconds: Int?, collision: Bool) -> Int {
        var p = out
        let numberStart = decimal(UInt64(max(0, number)), endingAt: numberEnd)
        let numberCount = numberStart.distance(to: numberEnd)
        var op = operations + starts[2 &* population &+ (isPing ? 1 : 0)]
        while true {
            let o = op.pointee
            switch o.kind {
            case .text: Self.copy(pieces + Int(o.offset), Int(o.count), &p)
            case .number: Self.copy(numberStart, numberCount, &p)
            case .stampStart: putStamp(start, &p)
            case .stampEnd: putStamp(start &+ duration, &p)
            case .status: put(UInt64(max(0, status)), &p)
            case .micros: put(UInt64(max(0, duration)), &p)
            case .millis: put(UInt64(max(0, duration / 1_000)), &p)
            case .seconds: putSeconds(duration, &p)
            case .iisTokens: putTokens(heartbeatSeconds, collision, &p)
            case .end: return out.distance(to: p)
            }
            op += 1
        }
    }

    /// `count` bytes from `source` (readable up to `count` rounded up to 16) to `p`, which
    /// must have as many free.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, _ count: Int, _ p: inout UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(p)
        var k = 0
        repeat {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self), toByteOffset: k, as: SIMD16<UInt8>.self)
            k &+= 16
        } while k < count
        p += count
    }

    @inline(__always)
    private static func copy(_ piece: Operation, from pieces: UnsafeMutablePointer<UInt8>, _ p: inout UnsafeMutablePointer<UInt8>) {
        copy(pieces + Int(piece.offset), Int(piece.count), &p)
    }

    /// The decimal digits of `n`, written backwards to end at `end`; returns the first.
    @inline(__always)
    private func decimal(_ n: UInt64, endingAt end: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var n = n, e = end
        while n >= 100 {
            let r = Int(n % 100) &* 2
            n /= 100
            e -= 2
            e[0] = pairs[r]
            e[1] = pairs[r &+ 1]
        }
        if n >= 10 {
            e -= 2
            e[0] = pairs[Int(n) &* 2]
            e[1] = pairs[Int(n) &* 2 &+ 1]
        } else {
            e -= 1
            e[0] = UInt8(truncatingIfNeeded: 48 &+ n)
        }
        return e
    }

    @inline(__always)
    private func put(_ n: UInt64, _ p: inout UnsafeMutablePointer<UInt8>) {
        let first = decimal(n, endingAt: digitsEnd)
        Self.copy(first, first.distance(to: digitsEnd), &p)
    }

    /// µs as seconds with three decimals, rounded to the ms ("45.310"), as AccessLogWriter.
    @inline(__always)
    private func putSeconds(_ micros: Int64, _ p: inout UnsafeMutablePointer<UInt8>) {
        let ms = UInt64(max(0, (micros + 500) / 1_000))
        let frac = Int(ms % 1_000)
        var e = digitsEnd - 4
        e[0] = 46
        e[1] = UInt8(truncatingIfNeeded: 48 &+ frac / 100)
        e[2] = pairs[(frac % 100) &* 2]
        e[3] = pairs[(frac % 100) &* 2 &+ 1]
        e = decimal(ms / 1_000, endingAt: e)
        Self.copy(e, e.distance(to: digitsEnd), &p)
    }

    /// `&Log=V161_` then `Hb<seconds>_` and `Error:PingCollisionDetected_` as they apply.
    @inline(__always)
    private func putTokens(_ heartbeat: Int?, _ collision: Bool, _ p: inout UnsafeMutablePointer<UInt8>) {
        if let h = heartbeat {
            Self.copy(tokens.heartbeat, from: pieces, &p)
            put(UInt64(max(0, h)), &p)
            Self.copy(collision ? tokens.both : tokens.end, from: pieces, &p)
        } else if collision {
            Self.copy(tokens.collision, from: pieces, &p)
        }
    }

    /// The time stamp of `micros` in the format's layout (recomputed when the second changes).
    @inline(__always)
    private func putStamp(_ micros: Int64, _ p: inout UnsafeMutablePointer<UInt8>) {
        if micros < cache.pointee.from || micros >= cache.pointee.to { makeStamp(micros) }
        Self.copy(stamp, cache.pointee.length, &p)
    }

    @inline(never)
    private func makeStamp(_ micros: Int64) {
        let second = LogTimeSecond.of(micros)
        cache.pointee.from = second * 1_000_000
        cache.pointee.to = cache.pointee.from &+ 1_000_000
        // Within the same day only the time of day changes: rewrite its six digits.
        let day = second >= 0 ? second / 86_400 : (second - 86_399) / 86_400
        func two(_ n: Int, _ q: UnsafeMutablePointer<UInt8>) { q[0] = pairs[2 * n]; q[1] = pairs[2 * n + 1] }
        if day == cache.pointee.day {
            let s = Int(second - day * 86_400), at = stamp + cache.pointee.timeOffset
            two(s / 3600, at); two(s / 60 % 60, at + 3); two(s % 60, at + 6)
            return
        }
        cache.pointee.day = day
        let c = LogTime.civil(micros)
        var q = stamp
        func two(_ n: Int) { two(n, q); q += 2 }
        func byte(_ b: UInt8) { q.pointee = b; q += 1 }
        func year() { for b in String(c.year).utf8 { byte(b) } }
        func time(_ separator: UInt8) {
            byte(separator)
            cache.pointee.timeOffset = stamp.distance(to: q)
            two(c.hour); byte(58); two(c.minute); byte(58); two(c.second)
        }
        switch format {
        case .iis:
            year(); byte(45); two(c.month); byte(45); two(c.day); time(32)
        case .zpush:
            two(c.day); byte(47); two(c.month); byte(47); year(); time(32)
        case .apache, .nginx, .domino:
            two(c.day); byte(47)
            for b in Self.months[c.month - 1] { byte(b) }
            byte(47); year(); time(58)
            for b in " +0000".utf8 { byte(b) }
        }
        cache.pointee.length = stamp.distance(to: q)
    }

    private static let months: [[UInt8]] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map { Array($0.utf8) }
}

/// Whole seconds of a time stamp, rounded down (as `LogTime.civil`).
enum LogTimeSecond {
    @inline(__always)
    static func of(_ micros: Int64) -> Int64 { micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000 }
}
