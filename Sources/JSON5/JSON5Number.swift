/// A JSON5 number: its spelling in the source and its value.
///
/// Two numbers are `==` when text, integer and double all match, with NaN equal to NaN
/// so that `Hashable` stays lawful. ``hasSameValue(as:)`` compares values only.
public struct JSON5Number: Hashable, Sendable {
    /// As written, sign included: `"0x1F"`, `"+.5"`, `"1e3"`, `"-Infinity"`.
    public var text: String
    /// The value, rounded to the nearest `Double`; ±infinity for `Infinity` and for
    /// decimal literals beyond the `Double` range, NaN for `NaN`.
    public var double: Double
    /// The exact value when the literal denotes a whole number within `Int64`,
    /// however it is spelled (`"1e3"`, `"1.0"` and `"0x3E8"` all give 1000; `"-0"` gives 0);
    /// otherwise nil. May differ from `double` beyond 2^53, where the double is rounded.
    public var integer: Int64?

    public init(text: String, double: Double, integer: Int64?) {
        self.text = text
        self.double = double
        self.integer = integer
    }

    /// A number for an integer, spelled in decimal.
    public init(integer: Int64) {
        self.init(text: String(integer), double: Double(integer), integer: integer)
    }

    /// A number for a double, spelled the way ``JSON5Value/jsonText(pretty:)`` writes it.
    public init(double: Double) {
        let integer = Self.exactInteger(double)
        let text: String
        if let integer {
            text = String(integer)
        } else if double.isNaN {
            text = "NaN"
        } else if double.isInfinite {
            text = double < 0 ? "-Infinity" : "Infinity"
        } else {
            text = double.description
        }
        self.init(text: text, double: double, integer: integer)
    }

    /// `Int64(exactly:)` without its libm rounding calls, which would force every client to link libm.
    private static func exactInteger(_ double: Double) -> Int64? {
        guard double >= -0x1p63, double < 0x1p63 else { return nil }  // also rules out NaN
        let integer = Int64(double)
        return Double(integer) == double ? integer : nil
    }

    /// True when both denote the same value: equal integers when both have one,
    /// otherwise equal doubles (NaN matching NaN, and 0 matching -0). Spelling is ignored.
    public func hasSameValue(as other: JSON5Number) -> Bool {
        if let integer, let otherInteger = other.integer {
            return integer == otherInteger
        }
        return double == other.double || (double.isNaN && other.double.isNaN)
    }

    public static func == (lhs: JSON5Number, rhs: JSON5Number) -> Bool {
        lhs.text == rhs.text
            && lhs.integer == rhs.integer
            && (lhs.double.bitPattern == rhs.double.bitPattern || (lhs.double.isNaN && rhs.double.isNaN))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(integer)
        // Every NaN must hash alike because every NaN compares equal here.
        hasher.combine(double.isNaN ? Double.nan.bitPattern : double.bitPattern)
    }
}
