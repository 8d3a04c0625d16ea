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

    /// Sweeps every ms before `limit`. Time is committed a second (block) at a time: the
    /// level histogram gets each run between changes, the hour-of-day and over-time figures
    /// one update per second (seconds never straddle an hour or a bin).
    private mutating func advance(to limit: Int64) {
        while swept < limit {
            if !overflow.isEmpty { pullOverflow() }
            if inRing == 0 && level == 0 {
                if finishing && overflow.isEmpty { return }
                // Nothing pending: jump to the next change (or the limit) at level 0.
                let next = overflow.map(\.time).min() ?? limit
                let to = Swift.min(Swift.max(next, swept + 1), limit)
                if sawChange && zeroRunFrom == nil { zeroRunFrom = swept }
                swept = to
                continue
            }
            let block = Int(swept / 1_000 % Int64(Self.blockCount))
            let blockEnd = (swept / 1_000 + 1) * 1_000
            let to = Swift.min(blockEnd, limit)
            if blockChanges[block] == 0 {
                if sawChange {
                    if level == 0 {
                        if zeroRunFrom == nil { zeroRunFrom = swept }
                    } else {
                        let ms = to - swept
                        levels.add(level, weight: UInt64(ms))
                        calendar(at: swept, observed: ms, levelMillis: level * ms, max: level)
                    }
                }
                swept = to
                continue
            }
            // A second with changes: from change to change, runs of equal level at once.
            var committed: Int64 = 0, levelMillis: Int64 = 0, blockMax: Int64 = 0
            var runStart = swept
            var t = nextChange(from: swept, to: to)
            while t < to {
                let slot = Int(t) & (Self.ringSize - 1)
                let d = ring[slot]
                if sawChange && t > runStart {
                    if level == 0 {
                        if zeroRunFrom == nil { zeroRunFrom = runStart }
                    } else {
                        let ms = t - runStart
                        levels.add(level, weight: UInt64(ms))
                        committed += ms
                        levelMillis += level * ms
                        if level > blockMax { blockMax = level }
                    }
                }
                if let z = zeroRunFrom {
                    commitZero(from: z, millis: t - z)
                    zeroRunFrom = nil
                }
                if !sawChange { sawChange = true; firstTime = t }
                ring[slot] = 0
                level += Int64(d)
                runStart = t
                lastTime = t
                t = nextChange(from: t + 1, to: to)
            }
            if to > runStart && sawChange {
                if level == 0 {
                    if zeroRunFrom == nil { zeroRunFrom = runStart }
                } else {
                    let ms = to - runStart
                    levels.add(level, weight: UInt64(ms))
                    committed += ms
                    levelMillis += level * ms
                    if level > blockMax { blockMax = level }
                }
            }
            if committed > 0 { calendar(at: runStart, observed: committed, levelMillis: levelMillis, max: blockMax) }
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

    /// The first ms in [t, to) whose slot holds a change, or `to`; skips eight empty slots
    /// (32 bytes) at a time.
    @inline(__always)
    private func nextChange(from t: Int64, to: Int64) -> Int64 {
        var t = t
        while t < to {
            let slot = Int(t) & (Self.ringSize - 1)
            if slot & 7 == 0 && t + 8 <= to {
                let p = UnsafeRawPointer(ring + slot)
                if p.loadUnaligned(as: UInt64.self) | p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                    | p.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | p.loadUnaligned(fromByteOffset: 24, as: UInt64.self) == 0 {
                    t += 8
                    continue
                }
            }
            if ring[slot] != 0 { return t }
            t += 1
        }
        return to
    }

    private mutating func pullOverflow() {
        let horizon = swept + Int64(Self.ringSize)
        guard overflow.contains(where: { $0.time < horizon }) else { return }
        let due = overflow.filter { $0.time < horizon }
        overflow.removeAll { $0.time < horizon }
        for c in due { place(c.time, c.delta) }
    }

    /// Time at level 0 between two changes: in the histogram and the time observed per hour.
    private mutating func commitZero(from t: Int64, millis: Int64) {
        guard millis > 0 else { return }
        levels.add(0, weight: UInt64(millis))
        var t = t
        var left = millis
        let offset = Int64(offsetMinutes) * 60_000
        while left > 0 {
            let local = t + offset
            let hourEnd = (LogTime.floorDiv(local, 3_600_000) + 1) * 3_600_000 - offset
            let chunk = Swift.min(left, hourEnd - t)
            hourObserved[Self.hourOfDay(local)] += chunk
            t += chunk
            left -= chunk
        }
    }

    @inline(__always)
    static func hourOfDay(_ localMillis: Int64) -> Int {
        Int((LogTime.floorDiv(localMillis, 3_600_000) % 24 + 24) % 24)
    }

    /// Part of one second at `t`: `observed` ms, Σ level × ms and the highest level in it.
    private mutating func calendar(at t: Int64, observed: Int64, levelMillis: Int64, max level: Int64) {
        if level > maximum { maximum = level }
        let hour = Self.hourOfDay(t + Int64(offsetMinutes) * 60_000)
        hourObserved[hour] += observed
        hourLevelMillis[hour] += levelMillis
        if level > hourMax[hour] { hourMax[hour] = level }
        bin(levelMillis, max: level, at: t)
    }

    private mutating func bin(_ levelMillis: Int64, max level: Int64, at t: Int64) {
        // The sweep goes forward in time, so its first recorded time is the earliest.
        if !binOriginSet {
            binOriginSet = true
            binOrigin = LogTime.floorDiv(t, 60_000) * 60_000
        }
        var index = Int((t - binOrigin) / binMillis)
        while index >= Self.maxBins {
            coarsen()
            index = Int((t - binOrigin) / binMillis)
        }
        while binLevelMillis.count <= index { binLevelMillis.append(0); binMax.append(0) }
        binLevelMillis[index] += levelMillis
        if level > binMax[index] { binMax[index] = level }
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
