import CPrefetch
import DiscreteEvent

/// Requests in progress over time, from each request's [start, end) interval, by a sweep
/// over a ring of per-millisecond level changes: the threads a thread-per-request server
/// needed.
///
/// Requests arrive roughly in log order, not in start order (IIS stamps the end, so a long
/// Ping's start arrives late), so changes are kept in a ring covering ≈ 4.7 hours ahead of
/// the sweep, and the sweep only passes times that are `window` (2 h) older than the newest
/// stamp seen. An interval that starts more than `window` before the newest stamp already
/// seen is applied at the sweep position and counted in `lateChanges` (not expected in real
/// logs: it needs a request longer than 2 h, or files disordered by more than 2 h after the
/// merge). Changes beyond the ring wait in a small heap.
///
/// Resolution 1 ms (a request of 0 ms is never in progress); an end and a start in the same
/// millisecond are netted, so back-to-back requests do not count twice. Seconds without any
/// change are swept in one step. Memory: 64 MB of ring (touched only where requests are) plus
/// O(span ÷ bin) for the time series, whatever the log's size. Cost per request O(1).
struct ConcurrencySweep: ~Copyable {
    static let ringBits = 24
    static let ringSize = 1 << ringBits                  // ms ≈ 4.66 h
    static let blockCount = 16_800                       // seconds blocks; > ringSize / 1000 + 1
    static let window: Int64 = 2 * 3_600_000             // ms
    static let maxBins = 4_096

    private let ring: UnsafeMutablePointer<Int32>
    private var blockChanges = [Int32](repeating: 0, count: blockCount)
    private var inRing = 0
    private var overflow: [(time: Int64, delta: Int32)] = []
    private var started = false
    /// Every ms before `swept` has been swept.
    private(set) var swept: Int64 = 0
    private var newestStamp: Int64 = .min
    private var level: Int64 = 0
    private(set) var lateChanges = 0
    private(set) var firstTime: Int64 = 0
    private(set) var lastTime: Int64 = 0
    private var sawChange = false
    /// Where the current run at level 0 began: it counts only if a change follows (time
    /// after the last request's end is not part of the log's span).
    private var zeroRunFrom: Int64? = nil
    private var finishing = false

    /// Time-weighted level: weight = ms spent at the level.
    private(set) var levels = LogHistogram()
    private(set) var maximum: Int64 = 0
    /// Per hour of day (local to `offsetMinutes`): ms observed, Σ level × ms, max level.
    private(set) var hourObserved = [Int64](repeating: 0, count: 24)
    private(set) var hourLevelMillis = [Int64](repeating: 0, count: 24)
    private(set) var hourMax = [Int64](repeating: 0, count: 24)
    var offsetMinutes = 0
    /// Over time: bins of `binMillis` from `binOrigin`: Σ level × ms and max level.
    private(set) var binOrigin: Int64 = 0
    private var binOriginSet = false
    private(set) var binMillis: Int64 = 60_000
    private(set) var binLevelMillis: [Int64] = []
    private(set) var binMax: [Int64] = []

    init() {
        ring = .allocate(capacity: Self.ringSize)
        ring.initialize(repeating: 0, count: Self.ringSize)
    }

    deinit { ring.deallocate() }

    /// Adds the interval [start, end) in µs since the epoch; `stamp` is the log time stamp
    /// the line carried (it drives how far the sweep may go).
    mutating func add(start: Int64, end: Int64, stamp: Int64) {
        let s = LogTime.floorDiv(start, 1_000), e = LogTime.floorDiv(end, 1_000)
        if !started {
            started = true
            swept = Swift.min(s, LogTime.floorDiv(stamp, 1_000) - Self.window)
        }
        if e > s {
            place(s, 1)
            place(e, -1)
        }
        let stampMillis = LogTime.floorDiv(stamp, 1_000)
        if stampMillis > newestStamp {
            newestStamp = stampMillis
            // Block-aligned, so that seconds are swept whole.
            let limit = LogTime.floorDiv(stampMillis - Self.window, 1_000) * 1_000
            if limit > swept { advance(to: limit) }
        }
    }

    /// A hint that `add(start: start, end: end, …)` follows soon.
    @inline(__always)
    func prefetch(start: Int64, end: Int64) {
        pushsim_prefetch_for_write(ring + (Int(truncatingIfNeeded: start / 1_000) & (Self.ringSize - 1)))
        pushsim_prefetch_for_write(ring + (Int(truncatingIfNeeded: end / 1_000) & (Self.ringSize - 1)))
    }

    @inline(__always)
    private mutating func place(_ t: Int64, _ delta: Int32) {
        var t = t
        if t < swept {
            lateChanges += 1
            t = swept
        }
        if t >= swept + Int64(Self.ringSize) {
            overflow.append((t, delta))
            return
        }
        ring[Int(t) & (Self.ringSize - 1)] &+= delta
        blockChanges[Int(t / 1_000 % Int64(Self.blockCount))] &+= 1
        inRing += 1
    }

    /// Sweeps every ms before `limit`.
    private mutating func advance(to limit: Int64) {
        while swept < limit {
            if !overflow.isEmpty { pullOverflow() }
            if inRing == 0 && level == 0 {
                if finishing && overflow.isEmpty { return }
                // Nothing pending: jump to the next change (or the limit) at level 0.
                let next = overflow.map(\.time).min() ?? limit
                let to = Swift.min(Swift.max(next, swept + 1), limit)
                if sawChange { accumulate(0, from: swept, millis: to - swept) }
                swept = to
                continue
            }
            let block = Int(swept / 1_000 % Int64(Self.blockCount))
            let blockEnd = (swept / 1_000 + 1) * 1_000
            if blockChanges[block] == 0 {
                let to = Swift.min(blockEnd, limit)
                if sawChange { accumulate(level, from: swept, millis: to - swept) }
                swept = to
                continue
            }
            // A second with changes: ms by ms, runs of equal level accumulated at once.
            let to = Swift.min(blockEnd, limit)
            var runStart = swept
            var t = swept
            while t < to {
                let slot = Int(t) & (Self.ringSize - 1)
                let d = ring[slot]
                if d != 0 {
                    if sawChange && t > runStart { accumulate(level, from: runStart, millis: t - runStart) }
                    if let z = zeroRunFrom {
                        record(0, from: z, millis: t - z)
                        zeroRunFrom = nil
                    }
                    if !sawChange { sawChange = true; firstTime = t }
                    ring[slot] = 0
                    level += Int64(d)
                    runStart = t
                    lastTime = t
                }
                t += 1
            }
            if t > runStart { accumulate(level, from: runStart, millis: t - runStart) }
            if to == blockEnd {
                inRing -= Int(blockChanges[block])
                blockChanges[block] = 0
            } else {
                // Part of the block remains: recount the rest later (rare: only at `finish`).
                var left: Int32 = 0
                for u in to..<blockEnd where ring[Int(u) & (Self.ringSize - 1)] != 0 { left += 1 }
                inRing -= Int(blockChanges[block] - left)
                blockChanges[block] = left
            }
            swept = to
        }
    }

    private mutating func pullOverflow() {
        let horizon = swept + Int64(Self.ringSize)
        guard overflow.contains(where: { $0.time < horizon }) else { return }
        let due = overflow.filter { $0.time < horizon }
        overflow.removeAll { $0.time < horizon }
        for c in due { place(c.time, c.delta) }
    }

    /// Adds `millis` ms at `level` starting at `t` (runs at level 0 wait for the next change).
    private mutating func accumulate(_ level: Int64, from t: Int64, millis: Int64) {
        guard millis > 0 else { return }
        if level == 0 {
            if zeroRunFrom == nil { zeroRunFrom = t }
            return
        }
        record(level, from: t, millis: millis)
    }

    private mutating func record(_ level: Int64, from t: Int64, millis: Int64) {
        guard millis > 0 else { return }
        levels.add(level, weight: UInt64(millis))
        if level > maximum { maximum = level }
        var t = t
        var left = millis
        let offset = Int64(offsetMinutes) * 60_000
        while left > 0 {
            let local = t + offset
            let hourEnd = (LogTime.floorDiv(local, 3_600_000) + 1) * 3_600_000 - offset
            let chunk = Swift.min(left, hourEnd - t)
            let hour = Int(LogTime.floorDiv(local, 3_600_000) % 24 + 24) % 24
            hourObserved[hour] += chunk
            hourLevelMillis[hour] += level * chunk
            if level > hourMax[hour] { hourMax[hour] = level }
            bin(level, at: t, millis: chunk)
            t += chunk
            left -= chunk
        }
    }

    private mutating func bin(_ level: Int64, at t: Int64, millis: Int64) {
        // The sweep goes forward in time, so its first recorded time is the earliest.
        if !binOriginSet {
            binOriginSet = true
            binOrigin = LogTime.floorDiv(t, 60_000) * 60_000
        }
        var t = t
        var left = millis
        while left > 0 {
            var index = Int((t - binOrigin) / binMillis)
            while index >= Self.maxBins {
                coarsen()
                index = Int((t - binOrigin) / binMillis)
            }
            while binLevelMillis.count <= index { binLevelMillis.append(0); binMax.append(0) }
            let binEnd = binOrigin + Int64(index + 1) * binMillis
            let chunk = Swift.min(left, binEnd - t)
            binLevelMillis[index] += level * chunk
            if level > binMax[index] { binMax[index] = level }
            t += chunk
            left -= chunk
        }
    }

    /// Halves the number of bins by doubling their width.
    private mutating func coarsen() {
        var sums: [Int64] = [], maxima: [Int64] = []
        var i = 0
        while i < binLevelMillis.count {
            let j = Swift.min(i + 1, binLevelMillis.count - 1)
            sums.append(binLevelMillis[i] + (j > i ? binLevelMillis[j] : 0))
            maxima.append(Swift.max(binMax[i], binMax[j]))
            i += 2
        }
        binLevelMillis = sums
        binMax = maxima
        binMillis *= 2
    }

    /// Sweeps everything left.
    mutating func finish() {
        guard started else { return }
        finishing = true
        advance(to: Int64.max / 4)
        zeroRunFrom = nil
    }

    /// Seconds from the first start to the last end (0 before any request).
    var spanMillis: Int64 { sawChange ? lastTime - firstTime : 0 }
}
