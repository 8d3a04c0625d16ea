/// The time-weighted statistics of an integer level that changes at events: how many
/// threads are held, how long a queue is.
///
/// Each change adds the previous level, weighted by how long it lasted, to a
/// `LogHistogram`, so the mean is exact and quantiles are time-weighted ("p99 of time").
/// Only time from `start` on counts, which is how a warmup is excluded.
public struct TimeWeighted: Hashable, Sendable {
    /// Time spent at each level, in microseconds.
    @usableFromInline var _histogram: LogHistogram = LogHistogram()
    public var histogram: LogHistogram { _histogram }
    /// The current level.
    @usableFromInline var _level: Int64 = 0
    public var level: Int64 { _level }
    /// The largest level reached at or after `start`.
    @usableFromInline var _maximum: Int64 = 0
    public var maximum: Int64 { _maximum }
    /// Microseconds counted at a level at or above `threshold`.
    @usableFromInline var _timeAtOrAboveThreshold: Int64 = 0
    public var timeAtOrAboveThreshold: Int64 { _timeAtOrAboveThreshold }
    @usableFromInline var lastChange: Int64
    @usableFromInline let start: Int64
    @usableFromInline let threshold: Int64

    /// Starts at level 0; time before `start` is not counted. Time at or above `threshold`
    /// is counted exactly (for "fraction of time the pool was full").
    public init(start: Int64 = 0, threshold: Int64 = .max) {
        self.start = start
        self.threshold = threshold
        lastChange = start
    }

    init(histogram: LogHistogram, level: Int64, maximum: Int64, timeAtOrAboveThreshold: Int64,
         lastChange: Int64, start: Int64, threshold: Int64) {
        _histogram = histogram
        _level = level
        _maximum = maximum
        _timeAtOrAboveThreshold = timeAtOrAboveThreshold
        self.lastChange = lastChange
        self.start = start
        self.threshold = threshold
    }

    /// Moves the level by `delta` at time `now` (which must not go backwards).
    @inlinable @inline(__always)
    public mutating func add(_ delta: Int64, at now: Int64) {
        set(_level &+ delta, at: now)
    }

    /// Sets the level at time `now`.
    @inlinable
    public mutating func set(_ newLevel: Int64, at now: Int64) {
        if now > lastChange {
            let span = now &- lastChange
            _histogram.add(_level, weight: UInt64(span))
            if _level >= threshold { _timeAtOrAboveThreshold &+= span }
            if _level > _maximum { _maximum = _level }
            lastChange = now
        }
        _level = newLevel
        if now >= start && newLevel > _maximum { _maximum = newLevel }
    }

    /// Counts the current level up to `end`; call once when the run ends.
    public mutating func finish(at end: Int64) {
        set(level, at: end)
    }

    /// Time-weighted mean level.
    public var mean: Double { histogram.mean }
    /// Time-weighted quantile of the level.
    public func quantile(_ q: Double) -> Double { histogram.quantile(q) }
    /// Fraction of the counted time spent at or above `threshold`.
    public var fractionAtOrAboveThreshold: Double {
        histogram.isEmpty ? 0 : Double(timeAtOrAboveThreshold) / Double(histogram.totalWeight)
    }

    /// Adds another accumulator's counted time (a replication, a shard of devices).
    public mutating func merge(_ other: TimeWeighted) {
        _histogram.merge(other.histogram)
        _timeAtOrAboveThreshold += other.timeAtOrAboveThreshold
        _maximum = Swift.max(_maximum, other.maximum)
    }
}
