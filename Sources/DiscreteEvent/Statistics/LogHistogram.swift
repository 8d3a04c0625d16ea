/// A streaming histogram of non-negative integers with log-linear buckets, for quantiles
/// in fixed memory.
///
/// Values below 128 each have their own bucket (exact). Above, each power of two
/// [2ᵏ, 2ᵏ⁺¹) is split into 64 equal buckets, so a bucket's width is at most 1/64 of its
/// lower bound and its midpoint is within **1/128 (0.79 %) relative error** of every value
/// in it. A quantile is the midpoint of the bucket that holds the exact order statistic of
/// the same rank, so it carries the same bound.
///
/// Samples may carry weights (for time-weighted statistics the weight is the time spent at
/// the value). Count, weighted sum, minimum and maximum are kept exactly; `merge` adds
/// bucket by bucket, so merging histograms of two inputs gives exactly the histogram of
/// both. Memory: 8 bytes per bucket between the smallest and largest value seen (at most
/// 3,712 buckets for the whole `Int64` range); adding allocates only when a value falls
/// outside every range seen before.
public struct LogHistogram: Hashable, Sendable {
    @usableFromInline var buckets: [UInt64] = []
    @usableFromInline var firstBucket: Int = 0
    /// Total weight (the number of samples when every weight is 1).
    @usableFromInline var _totalWeight: UInt64 = 0
    public var totalWeight: UInt64 { _totalWeight }
    /// Σ value × weight, exactly.
    @usableFromInline var _weightedSum: Int128 = 0
    public var weightedSum: Int128 { _weightedSum }
    /// The smallest and largest values added (0 when empty).
    @usableFromInline var _minimum: Int64 = .max
    public var minimum: Int64 { _minimum }
    @usableFromInline var _maximum: Int64 = .min
    public var maximum: Int64 { _maximum }

    public init() {}

    /// A histogram from full-range bucket counts (trimmed to the buckets in use).
    init(counts: UnsafeBufferPointer<UInt64>, totalWeight: UInt64, weightedSum: Int128, minimum: Int64, maximum: Int64) {
        if let first = counts.firstIndex(where: { $0 != 0 }), let last = counts.lastIndex(where: { $0 != 0 }) {
            firstBucket = first
            buckets = Array(counts[first...last])
        }
        _totalWeight = totalWeight
        _weightedSum = weightedSum
        _minimum = minimum
        _maximum = maximum
    }

    /// True when nothing has been added (or only zero weights).
    @inlinable public var isEmpty: Bool { totalWeight == 0 }

    /// The exact mean, or 0 when empty.
    public var mean: Double { totalWeight == 0 ? 0 : Double(weightedSum) / Double(totalWeight) }

    /// The smallest value added, or 0 when empty.
    public var min: Int64 { totalWeight == 0 ? 0 : minimum }
    /// The largest value added, or 0 when empty.
    public var max: Int64 { totalWeight == 0 ? 0 : maximum }

    /// Adds `value` (negative values count as 0) with the given weight.
    @inlinable
    public mutating func add(_ value: Int64, weight: UInt64 = 1) {
        if weight == 0 { return }
        let v = value < 0 ? 0 : value
        let index = Self.bucketIndex(v)
        let offset = index &- firstBucket
        if offset >= 0 && offset < buckets.count {
            buckets[offset] &+= weight
        } else {
            addSlow(index: index, weight: weight)
        }
        _totalWeight &+= weight
        _weightedSum &+= Int128(v) &* Int128(weight)
        if v < _minimum { _minimum = v }
        if v > _maximum { _maximum = v }
    }

    @usableFromInline
    mutating func addSlow(index: Int, weight: UInt64) {
        if buckets.isEmpty {
            firstBucket = index
            buckets = [weight]
            return
        }
        if index < firstBucket {
            buckets.insert(contentsOf: repeatElement(0, count: firstBucket - index), at: 0)
            firstBucket = index
        } else {
            buckets.append(contentsOf: repeatElement(0, count: index - firstBucket - buckets.count + 1))
        }
        buckets[index - firstBucket] &+= weight
    }

    /// Adds everything in `other`.
    public mutating func merge(_ other: LogHistogram) {
        guard !other.isEmpty else { return }
        for (i, w) in other.buckets.enumerated() where w > 0 {
            let index = other.firstBucket + i
            let offset = index - firstBucket
            if offset >= 0 && offset < buckets.count { buckets[offset] &+= w } else { addSlow(index: index, weight: w) }
        }
        _totalWeight &+= other.totalWeight
        _weightedSum &+= other.weightedSum
        _minimum = Swift.min(minimum, other.minimum)
        _maximum = Swift.max(maximum, other.maximum)
    }

    /// The value at quantile `q` in [0, 1] by the nearest-rank rule (the smallest value
    /// with at least a fraction `q` of the weight at or below it), within 1/128 relative
    /// error, clamped to [min, max]; 0 when empty.
    public func quantile(_ q: Double) -> Double {
        if totalWeight == 0 { return 0 }
        let rank = Swift.max(1, UInt64((q * Double(totalWeight)).rounded(.up)))
        var seen: UInt64 = 0
        for (i, w) in buckets.enumerated() {
            seen &+= w
            if seen >= rank {
                let (low, width) = Self.bucketRange(firstBucket + i)
                let mid = Double(low) + Double(width - 1) / 2
                return Swift.min(Swift.max(mid, Double(minimum)), Double(maximum))
            }
        }
        return Double(maximum)
    }

    /// The weight of values at or below `value`'s bucket (exact for values below 128).
    public func weight(atMost value: Int64) -> UInt64 {
        let last = Self.bucketIndex(Swift.max(value, 0)) - firstBucket
        var total: UInt64 = 0
        for i in 0..<Swift.min(Swift.max(last + 1, 0), buckets.count) { total &+= buckets[i] }
        return total
    }

    /// The contents regrouped into `perOctave` bins per power of two (a divisor of 64),
    /// for charts: each non-empty bin as [low, high) and its weight. Values below 1 share
    /// the first bin.
    public func coarseBins(perOctave: Int) -> [(low: Int64, high: Int64, weight: UInt64)] {
        precondition(perOctave > 0 && 64 % perOctave == 0, "perOctave must divide 64")
        var out: [(low: Int64, high: Int64, weight: UInt64)] = []
        func bin(_ value: Int64) -> (Int64, Int64) {
            if value < 1 { return (0, 1) }
            let k = 63 - value.leadingZeroBitCount
            let width = (Int64(1) << Int64(k)) / Int64(perOctave)
            if width <= 1 { return (value, value + 1) }
            let low = value - (value - (Int64(1) << Int64(k))) % width
            return (low, low + width)
        }
        for (i, w) in buckets.enumerated() where w > 0 {
            let (low, _) = Self.bucketRange(firstBucket + i)
            let (a, b) = bin(low)
            if let last = out.last, last.low == a { out[out.count - 1].weight += w } else { out.append((a, b, w)) }
        }
        return out
    }

    /// Bucket of a non-negative value: the value itself below 64, then 64 buckets per
    /// power of two.
    @inlinable @inline(__always)
    static func bucketIndex(_ value: Int64) -> Int {
        if value < 64 { return Int(value) }
        let k = 63 &- value.leadingZeroBitCount     // value in [2^k, 2^(k+1)), k ≥ 6
        let sub = Int(value >> Int64(k &- 6)) &- 64  // 0..<64
        return 64 &+ (k &- 6) &* 64 &+ sub
    }

    /// The smallest value in bucket `index` and the bucket's width.
    static func bucketRange(_ index: Int) -> (low: Int64, width: Int64) {
        if index < 64 { return (Int64(index), 1) }
        let k = (index - 64) / 64 + 6
        let sub = Int64((index - 64) % 64)
        let width = Int64(1) << Int64(k - 6)
        return ((64 + sub) * width, width)
    }
}
