/// A point in simulated time, or a span of it, as a whole number of microseconds.
///
/// Simulated time is an integer so that event ordering is exact and results never drift
/// with floating-point rounding: two events scheduled for the same instant compare equal
/// on every machine. One tick is one microsecond; `Int64` covers ±292,000 years.
///
/// The same type serves for instants (time since the start of the run, 00:00 of day 0)
/// and for durations, as `Duration` does in the standard library.
public struct SimTime: Hashable, Comparable, Sendable {
    /// Microseconds since the start of the run (for an instant) or in the span.
    public var microseconds: Int64

    @inlinable public init(microseconds: Int64) { self.microseconds = microseconds }

    public static let zero = SimTime(microseconds: 0)

    @inlinable public static func milliseconds(_ n: Int64) -> SimTime { SimTime(microseconds: n * 1_000) }
    @inlinable public static func seconds(_ n: Int64) -> SimTime { SimTime(microseconds: n * 1_000_000) }
    @inlinable public static func minutes(_ n: Int64) -> SimTime { SimTime(microseconds: n * 60_000_000) }
    @inlinable public static func hours(_ n: Int64) -> SimTime { SimTime(microseconds: n * 3_600_000_000) }
    @inlinable public static func days(_ n: Int64) -> SimTime { SimTime(microseconds: n * 86_400_000_000) }

    /// The span closest to `seconds`, rounded to the nearest microsecond.
    @inlinable public init(seconds: Double) {
        self.init(microseconds: Int64((seconds * 1e6).rounded()))
    }

    /// This time in seconds, for reporting.
    @inlinable public var seconds: Double { Double(microseconds) / 1e6 }

    @inlinable public static func < (a: SimTime, b: SimTime) -> Bool { a.microseconds < b.microseconds }
    @inlinable public static func + (a: SimTime, b: SimTime) -> SimTime { SimTime(microseconds: a.microseconds + b.microseconds) }
    @inlinable public static func - (a: SimTime, b: SimTime) -> SimTime { SimTime(microseconds: a.microseconds - b.microseconds) }
    @inlinable public static func * (a: SimTime, k: Int64) -> SimTime { SimTime(microseconds: a.microseconds * k) }
    @inlinable public static func += (a: inout SimTime, b: SimTime) { a.microseconds += b.microseconds }
}
