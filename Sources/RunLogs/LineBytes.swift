import AccessLogs

/// The lines of `AccessLogWriter`, byte for byte, written straight into a file buffer through
/// a pointer: no String, no array growth and no allocation per line; the date fields are
/// recomputed only when the second changes. `AccessLogWriter.line` stays the definition (a
/// test checks the two agree for every format); this is what keeps `run --access-log`
/// within 2× of a plain run.
///
/// Names must need no escaping (letters, digits, `.`, `-`, `_`), which the probe ensures.
/// A class with `let` storage only, so that the hot path has no exclusivity checks.
final class LineBytes {
    let format: LogFormat
    /// The second whose stamp is cached, and the stamp in the format's layout (≤ 32 bytes).
    private let cachedSecond: UnsafeMutablePointer<Int64>
    private let stamp: UnsafeMutablePointer<UInt8>
    private let stampLength: UnsafeMutablePointer<Int>
    /// The day of the cached stamp and where its time of day starts.
    private let cachedDay: UnsafeMutablePointer<Int64>
    private let timeOffset: UnsafeMutablePointer<Int?>

    init(format: LogFormat) {
        self.format = format
        cachedSecond = .allocate(capacity: 1)
        cachedSecond.initialize(to: .min)
        stamp = .allocate(capacity: 32)
        stampLength = .allocate(capacity: 1)
        stampLength.initialize(to: 0)
        cachedDay = .allocate(capacity: 1)
        cachedDay.initialize(to: .min)
        timeOffset = .allocate(capacity: 1)
        timeOffset.initialize(to: nil)
    }

    deinit {
        cachedSecond.deallocate()
        stamp.deallocate()
        stampLength.deallocate()
        cachedDay.deallocate()
        timeOffset.deallocate()
    }

    /// Bytes a line may need beyond its three names (each written at most three times).
    static let fixedBytes = 400

    /// Writes one request's line (without line end) at `out`; returns the bytes written.
    /// `user`, `deviceIDPrefix` and `deviceType` are ASCII needing no escapes.
    func write(at out: UnsafeMutablePointer<UInt8>, start: Int64, duration: Int64, isPing: Bool, status: Int,
               user: UnsafeBufferPointer<UInt8>, number: Int, deviceIDPrefix: UnsafeBufferPointer<UInt8>,
               deviceType: UnsafeBufferPointer<UInt8>, heartbeatSeconds: Int?, collision: Bool) -> Int {
        var p = out
        let end = start + duration
        let command: StaticString = isPing ? "Ping" : "Sync"
        @inline(__always) func name(_ prefix: UnsafeBufferPointer<UInt8>) {
            Self.put(prefix, &p)
            Self.digits(number, &p)
        }
        @inline(__always) func query() {
            Self.put("User=", &p)
            name(user)
            Self.put("&DeviceId=", &p)
            name(deviceIDPrefix)
            Self.put("&DeviceType=", &p)
            Self.put(deviceType, &p)
            Self.put("&Cmd=", &p)
            Self.put(command, &p)
        }
        switch format {
        case .iis:
            putStamp(end, &p)
            Self.put(" 10.0.0.1 POST /Microsoft-Server-ActiveSync/default.eas ", &p)
            query()
            if heartbeatSeconds != nil || collision {
                Self.put("&Log=V161_", &p)
                if let h = heartbeatSeconds {
                    Self.put("Hb", &p)
                    Self.digits(h, &p)
                    Self.put("_", &p)
                }
                if collision { Self.put("Error:PingCollisionDetected_", &p) }
            }
            Self.put(" 443 ", &p)
            name(user)
            Self.put(" 192.0.2.10 Apple-iPhone/1402.100 ", &p)
            Self.digits(status, &p)
            Self.put(" 0 0 ", &p)
            Self.digits(Int(duration / 1_000), &p)
        case .apache, .nginx, .domino:
            Self.put("192.0.2.10 - ", &p)
            name(user)
            Self.put(" [", &p)
            putStamp(format == .nginx ? end : start, &p)
            Self.put(format == .domino ? "] \"POST /servlet/traveler/Microsoft-Server-ActiveSync?" : "] \"POST /Microsoft-Server-ActiveSync?", &p)
            query()
            Self.put(" HTTP/1.1\" ", &p)
            Self.digits(status, &p)
            Self.put(" 512 \"-\" \"Apple-iPhone/1402.100\" ", &p)
            switch format {
            case .apache: Self.digits(Int(duration), &p)
            case .nginx: Self.seconds(duration, &p)
            default: Self.digits(Int(duration / 1_000), &p)
            }
        case .zpush:
            putStamp(end, &p)
            Self.put(" [4242] [INFO] [", &p)
            name(user)
            Self.put("] cmd='", &p)
            Self.put(command, &p)
            Self.put("' memory='2.10 MiB/2.50 MiB' time='", &p)
            Self.seconds(duration, &p)
            Self.put("s' devType='", &p)
            Self.put(deviceType, &p)
            Self.put("' devId='", &p)
            name(deviceIDPrefix)
            Self.put("' getUser='", &p)
            name(user)
            Self.put("' from='192.0.2.10' idle='0s' version='2.7.1' method='POST' httpcode='", &p)
            Self.digits(status, &p)
            Self.put("'", &p)
        }
        return out.distance(to: p)
    }

    /// The time stamp of `micros` in the format's layout (recomputed when the second changes).
    @inline(__always)
    private func putStamp(_ micros: Int64, _ p: inout UnsafeMutablePointer<UInt8>) {
        let second = LogTimeSecond.of(micros)
        if second != cachedSecond.pointee {
            cachedSecond.pointee = second
            stampLength.pointee = makeStamp(micros)
        }
        p.update(from: stamp, count: stampLength.pointee)
        p += stampLength.pointee
    }

    private func makeStamp(_ micros: Int64) -> Int {
        // Within the same day only the time of day changes: rewrite its six digits.
        let second = cachedSecond.pointee
        let day = second >= 0 ? second / 86_400 : (second - 86_399) / 86_400
        if day == cachedDay.pointee, let at = timeOffset.pointee {
            let s = Int(second - day * 86_400)
            func two(_ n: Int, _ i: Int) { stamp[at + i] = UInt8(48 + n / 10); stamp[at + i + 1] = UInt8(48 + n % 10) }
            two(s / 3600, 0); two(s / 60 % 60, 3); two(s % 60, 6)
            return stampLength.pointee
        }
        cachedDay.pointee = day
        let c = LogTime.civil(micros)
        var q = stamp
        func two(_ n: Int) { q[0] = UInt8(48 + n / 10); q[1] = UInt8(48 + n % 10); q += 2 }
        func byte(_ b: UInt8) { q.pointee = b; q += 1 }
        func year() { Self.digits(c.year, &q) }
        func time(_ separator: UInt8) {
            byte(separator)
            timeOffset.pointee = stamp.distance(to: q)
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
            Self.put(" +0000", &q)
        }
        return stamp.distance(to: q)
    }

    private static let months: [[UInt8]] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map { Array($0.utf8) }

    @inline(__always)
    static func put(_ s: StaticString, _ p: inout UnsafeMutablePointer<UInt8>) {
        p.update(from: s.utf8Start, count: s.utf8CodeUnitCount)
        p += s.utf8CodeUnitCount
    }

    @inline(__always)
    static func put(_ s: UnsafeBufferPointer<UInt8>, _ p: inout UnsafeMutablePointer<UInt8>) {
        guard let base = s.baseAddress else { return }
        p.update(from: base, count: s.count)
        p += s.count
    }

    /// A whole number in decimal (a negative one as 0: durations and counts never are).
    @inline(__always)
    static func digits(_ n: Int, _ p: inout UnsafeMutablePointer<UInt8>) {
        var n = max(0, n)
        var count = 1
        var scale = 10
        while n >= scale && count < 19 { count += 1; scale &*= 10 }
        var k = count - 1
        while k >= 0 {
            p[k] = UInt8(48 + n % 10)
            n /= 10
            k -= 1
        }
        p += count
    }

    /// µs as seconds with three decimals, rounded to the ms ("45.310"), as AccessLogWriter.
    static func seconds(_ micros: Int64, _ p: inout UnsafeMutablePointer<UInt8>) {
        let ms = Int((micros + 500) / 1_000)
        digits(ms / 1_000, &p)
        let frac = ms % 1_000
        p[0] = 46
        p[1] = UInt8(48 + frac / 100)
        p[2] = UInt8(48 + frac / 10 % 10)
        p[3] = UInt8(48 + frac % 10)
        p += 4
    }
}

/// Whole seconds of a time stamp, rounded down (as `LogTime.civil`).
enum LogTimeSecond {
    @inline(__always)
    static func of(_ micros: Int64) -> Int64 { micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000 }
}
