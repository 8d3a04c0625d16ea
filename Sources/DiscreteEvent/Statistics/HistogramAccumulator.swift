/// A `LogHistogram` being filled in a hot loop.
///
/// Same buckets and error bound as `LogHistogram`, but with fixed storage for the whole
/// `Int64` range (3,712 buckets, 29 KB) owned by this value: adding is an index
/// computation and three additions, with no bounds growth, no copy-on-write check and no
/// allocation. `histogram` hands the contents over as a mergeable `LogHistogram`.
public struct HistogramAccumulator: ~Copyable {
    @usableFromInline static var bucketCount: Int { 3712 }
    @usableFromInline let counts: UnsafeMutablePointer<UInt64>
    @usableFromInline var total: UInt64 = 0
    @usableFromInline var sum: Int128 = 0
    @usableFromInline var minimum: Int64 = .max
    @usableFromInline var maximum: Int64 = .min

    public init() {
        counts = .allocate(capacity: Self.bucketCount)
        counts.initialize(repeating: 0, count: Self.bucketCount)
    }

    deinit { counts.deallocate() }

    /// Total weight added so far.
    @inlinable public var totalWeight: UInt64 { total }

    /// Adds `value` (negative values count as 0) with the given weight.
    @inlinable @inline(__always)
    public mutating func add(_ value: Int64, weight: UInt64 = 1) {
        let v = value < 0 ? 0 : value
        counts[LogHistogram.bucketIndex(v)] &+= weight
        total &+= weight
        sum &+= Int128(v) &* Int128(weight)
        if v < minimum { minimum = v }
        if v > maximum { maximum = v }
    }

    /// The contents as a `LogHistogram`.
    public var histogram: LogHistogram {
        LogHistogram(counts: UnsafeBufferPointer(start: counts, count: Self.bucketCount),
                     totalWeight: total, weightedSum: sum, minimum: minimum, maximum: maximum)
    }
}

/// `TimeWeighted` being filled in a hot loop (see `HistogramAccumulator`).
public struct LevelAccumulator: ~Copyable {
    @usableFromInline var time = HistogramAccumulator()
    @usableFromInline var level: Int64 = 0
    @usableFromInline var maximum: Int64 = 0
    @usableFromInline var atOrAboveThreshold: Int64 = 0
    @usableFromInline var lastChange: Int64
    @usableFromInline let start: Int64
    @usableFromInline let threshold: Int64

    /// Starts at level 0; time before `start` is not counted; time at or above `threshold`
    /// is counted exactly.
    public init(start: Int64 = 0, threshold: Int64 = .max) {
        self.start = start
        self.threshold = threshold
        lastChange = start
    }

    /// Moves the level by `delta` at time `now` (which must not go backwards).
    @inlinable @inline(__always)
    public mutating func add(_ delta: Int64, at now: Int64) { set(level &+ delta, at: now) }

    /// Sets the level at time `now`.
    @inlinable @inline(__always)
    public mutating func set(_ newLevel: Int64, at now: Int64) {
        if now > lastChange {
            let span = now &- lastChange
            time.add(level, weight: UInt64(span))
            if level >= threshold { atOrAboveThreshold &+= span }
            if level > maximum { maximum = level }
            lastChange = now
        }
        level = newLevel
        if now >= start && newLevel > maximum { maximum = newLevel }
    }

    /// Counts the current level up to `end` and returns the statistics.
    public mutating func finish(at end: Int64) -> TimeWeighted {
        set(level, at: end)
        return TimeWeighted(histogram: time.histogram, level: level, maximum: maximum,
                            timeAtOrAboveThreshold: atOrAboveThreshold, lastChange: lastChange,
                            start: start, threshold: threshold)
    }
}
