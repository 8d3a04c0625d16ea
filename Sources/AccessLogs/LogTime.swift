/// Calendar arithmetic for log time stamps: proleptic Gregorian civil dates to and from
/// microseconds since 1970-01-01 00:00 UTC, without Foundation (and so without a
/// `DateFormatter` per line). Years outside 1990…2099 are refused as implausible, which keeps
/// a garbled stamp from stretching a log's span over decades.
public enum LogTime {
    public static let microsPerSecond: Int64 = 1_000_000

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil); nil when
    /// out of range.
    @inline(__always)
    static func days(year: Int, month: Int, day: Int) -> Int64? {
        guard year >= 1990 && year < 2100, month >= 1 && month <= 12, day >= 1 && day <= 31 else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int64(era * 146_097 + doe - 719_468)
    }

    /// µs since the epoch of a civil date and time of day (UTC); nil when out of range.
    @inline(__always)
    static func micros(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64? {
        guard hour >= 0 && hour < 24, minute >= 0 && minute < 60, second >= 0 && second < 61,
              let d = days(year: year, month: month, day: day) else { return nil }
        return ((d * 24 + Int64(hour)) * 60 + Int64(minute)) * 60_000_000 + Int64(second) * 1_000_000
    }

    /// The civil date and time of `micros` (UTC), second resolution.
    public static func civil(_ micros: Int64) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let seconds = floorDiv(micros, 1_000_000)
        let z = floorDiv(seconds, 86_400) + 719_468
        let secondOfDay = Int(seconds - floorDiv(seconds, 86_400) * 86_400)
        let era = floorDiv(z, 146_097)
        let doe = Int(z - era * 146_097)
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = Int(era) * 400 + yoe + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    @inline(__always)
    @usableFromInline
    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// "2024-03-01 12:00:05" (UTC, second resolution).
    public static func text(_ micros: Int64) -> String {
        let c = civil(micros)
        return "\(c.year)-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))"
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static let monthNames: [StaticString] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The month (1…12) of a three-letter English name at `at`, or 0.
    @inline(__always)
    static func month(_ b: UnsafeRawBufferPointer, _ at: Int) -> Int {
        guard at + 3 <= b.count else { return 0 }
        let key = (UInt32(b[at] | 0x20) << 16) | (UInt32(b[at + 1] | 0x20) << 8) | UInt32(b[at + 2] | 0x20)
        switch key {
        case 0x6A616E: return 1   // jan
        case 0x666562: return 2   // feb
        case 0x6D6172: return 3   // mar
        case 0x617072: return 4   // apr
        case 0x6D6179: return 5   // may
        case 0x6A756E: return 6   // jun
        case 0x6A756C: return 7   // jul
        case 0x617567: return 8   // aug
        case 0x736570: return 9   // sep
        case 0x6F6374: return 10  // oct
        case 0x6E6F76: return 11  // nov
        case 0x646563: return 12  // dec
        default: return 0
        }
    }

    /// The common-log stamp `dd/Mon/yyyy:HH:MM:SS ±hhmm` (inside the brackets) at `at`:
    /// µs since the epoch in UTC and the offset in minutes; nil when malformed.
    static func commonLog(_ b: UnsafeRawBufferPointer, at i: Int, to end: Int) -> (micros: Int64, offsetMinutes: Int)? {
        guard end - i >= 20 else { return nil }
        let day = Bytes.twoDigits(b, i), month = Self.month(b, i + 3), year = Bytes.fourDigits(b, i + 7)
        let hour = Bytes.twoDigits(b, i + 12), minute = Bytes.twoDigits(b, i + 15), second = Bytes.twoDigits(b, i + 18)
        guard b[i + 2] == UInt8(ascii: "/"), b[i + 6] == UInt8(ascii: "/"), b[i + 11] == UInt8(ascii: ":"),
              var t = micros(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else { return nil }
        var offset = 0
        if end - i >= 26, b[i + 20] == Bytes.space {
            let sign = b[i + 21]
            let hh = Bytes.twoDigits(b, i + 22), mm = Bytes.twoDigits(b, i + 24)
            guard hh >= 0, mm >= 0, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            offset = (hh * 60 + mm) * (sign == UInt8(ascii: "-") ? -1 : 1)
            t -= Int64(offset) * 60_000_000
        }
        return (t, offset)
    }

    /// `yyyy-mm-dd` at `at`: days since the epoch; nil when malformed.
    static func isoDate(_ b: UnsafeRawBufferPointer, at i: Int) -> Int64? {
        guard i + 10 <= b.count, b[i + 4] == UInt8(ascii: "-"), b[i + 7] == UInt8(ascii: "-") else { return nil }
        return days(year: Bytes.fourDigits(b, i), month: Bytes.twoDigits(b, i + 5), day: Bytes.twoDigits(b, i + 8))
    }

    /// `HH:MM:SS[.fff…]` spanning `b[from..<to]`: µs since midnight; nil when malformed.
    static func timeOfDay(_ b: UnsafeRawBufferPointer, from i: Int, to end: Int) -> Int64? {
        guard end - i >= 8, b[i + 2] == UInt8(ascii: ":"), b[i + 5] == UInt8(ascii: ":") else { return nil }
        let h = Bytes.twoDigits(b, i), m = Bytes.twoDigits(b, i + 3), s = Bytes.twoDigits(b, i + 6)
        guard h >= 0 && h < 24, m >= 0 && m < 60, s >= 0 && s < 61 else { return nil }
        var t = (Int64(h) * 3600 + Int64(m) * 60 + Int64(s)) * 1_000_000
        if end - i > 8 {
            guard b[i + 8] == UInt8(ascii: "."), let fraction = Bytes.decimal(b, from: i + 8, to: end, scale: 1_000_000) else { return nil }
            t += fraction
        }
        return t
    }
}

extension LogTime {
    /// A time given on the command line: `2024-03-01T12:00:00Z`, `2024-03-01 12:00:00`,
    /// `2024-03-01` (all UTC; a trailing `Z` is optional) or seconds since the epoch.
    /// µs since the epoch, or nil.
    public static func parse(_ text: String) -> Int64? {
        if let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds < 4e9 { return Int64((seconds * 1e6).rounded()) }
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: "Z") { bytes.removeLast() }
        return bytes.withUnsafeBytes { b -> Int64? in
            guard let day = isoDate(b, at: 0) else { return nil }
            if b.count == 10 { return day * 86_400_000_000 }
            guard b.count >= 19, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
                  let clock = timeOfDay(b, from: 11, to: b.count) else { return nil }
            return day * 86_400_000_000 + clock
        }
    }
}
