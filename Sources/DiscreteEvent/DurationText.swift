/// Durations as people write them: `250ms`, `5s`, `15m`, `2h`, `7d`, `1.5s`, `1h30m`.
///
/// Units: `us` (microseconds), `ms`, `s`, `m` (minutes), `h`, `d`. A number may have a
/// fraction; the result is rounded to the nearest microsecond. Parts may be chained from
/// larger to smaller units (`1h30m`). A bare `0` is accepted; any other bare number is
/// rejected, because "15" could mean seconds or minutes.
extension SimTime {
    /// Why a duration text could not be read.
    public struct ParseError: Error, Equatable, CustomStringConvertible, Sendable {
        public let text: String
        public let reason: String
        public var description: String { "\(reason) in duration \"\(text)\"" }
    }

    static let units: [(suffix: String, ticks: Int64)] = [
        ("us", 1), ("µs", 1), ("ms", 1_000), ("s", 1_000_000), ("m", 60_000_000),
        ("h", 3_600_000_000), ("d", 86_400_000_000),
    ]

    /// Reads a duration such as `"15m"`; throws `ParseError` naming what is wrong.
    public init(parsing text: String) throws {
        let fail = { (reason: String) in ParseError(text: text, reason: reason) }
        let chars = Array(text.trimmingWhitespace)
        if chars.isEmpty { throw fail("empty text") }
        if chars == ["0"] { self = .zero; return }
        var total: Double = 0
        var i = 0
        var lastUnit = Int64.max
        while i < chars.count {
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "." { i += 1 }
            let numberText = String(chars[start..<i])
            if numberText.isEmpty {
                if chars[i] == "-" { throw fail("a negative value") }
                throw fail("expected a number at \"\(String(chars[i...]))\"")
            }
            guard let number = Double(numberText), numberText.filter({ $0 == "." }).count <= 1 else {
                throw fail("\"\(numberText)\" is not a number")
            }
            let unitStart = i
            while i < chars.count, !(chars[i].isASCII && (chars[i].isNumber || chars[i] == ".")) { i += 1 }
            let unitText = String(chars[unitStart..<i])
            if unitText.isEmpty { throw fail("missing unit after \(numberText) (use us, ms, s, m, h or d)") }
            guard let unit = Self.units.first(where: { $0.suffix == unitText }) else {
                throw fail("unknown unit \"\(unitText)\" (use us, ms, s, m, h or d)")
            }
            if unit.ticks >= lastUnit { throw fail("units must go from larger to smaller") }
            lastUnit = unit.ticks
            total += number * Double(unit.ticks)
        }
        if total > 9.2e18 { throw fail("too large") }
        self.init(microseconds: Int64(total.rounded()))
    }

    /// The shortest exact text: the largest unit that divides this span, e.g. `15m`,
    /// `350s`, `1500us`. Reading it back with `init(parsing:)` gives the same value.
    public var durationText: String {
        let us = microseconds
        if us == 0 { return "0s" }
        let sign = us < 0 ? "-" : ""
        let magnitude = us.magnitude
        for (suffix, ticks) in [("d", 86_400_000_000), ("h", 3_600_000_000), ("m", 60_000_000),
                                ("s", 1_000_000), ("ms", 1_000)] as [(String, UInt64)]
        where magnitude % ticks == 0 {
            return "\(sign)\(magnitude / ticks)\(suffix)"
        }
        return "\(sign)\(magnitude)us"
    }
}

extension SimTime: CustomStringConvertible {
    public var description: String { durationText }
}

extension StringProtocol {
    var trimmingWhitespace: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
