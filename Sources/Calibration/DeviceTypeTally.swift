import AccessLogs
import Foundation

/// The sums a calibration needs, per device type, built one request at a time beside
/// `LogAnalysis` (which gives the log's overall figures): Ping exposure time, 200 Pings by
/// whole seconds of duration, superseded Pings, Hb tokens, Syncs (with the sums of their log
/// durations, for a lognormal fit), outbox items, and Syncs that start while a Ping of the
/// same device is open (the sign of a dual-connection client).
///
/// Memory: a few words per device plus two fixed histograms per device type; nothing holds a
/// request after `add` returns. Cost per request: one `DeviceTable` look-up (no String, no
/// allocation but for a new device or type) and a few array updates.
public struct DeviceTypeTally: RequestSink {
    /// Per device type.
    public struct Sums: Sendable {
        public var devices = 0
        public var pings = 0
        /// Total time the Pings were open (µs): the exposure T of the competing risks.
        public var pingMicros: Int64 = 0
        public var superseded = 0
        public var conflict409 = 0
        /// 200 Pings (not superseded) by whole seconds of duration, 0…7200 (the last holds longer ones).
        public var ping200Seconds = [Int](repeating: 0, count: 7_201)
        /// `Hb` tokens by seconds, 0…4095.
        public var heartbeatTokens = [Int](repeating: 0, count: 4_096)
        public var syncs = 0
        /// 200 Syncs with a positive duration: count and sums of ln(seconds) and its square.
        public var syncs200 = 0
        public var syncLogSum = 0.0, syncLogSquares = 0.0
        /// SendMail, SmartReply, SmartForward.
        public var outboxItems = 0
        /// Syncs that started while a Ping of the same device was open and did not end it.
        public var syncsDuringPing = 0
        /// Per hour of day (the log's local time): Ping-open time (µs), superseded Pings
        /// ended, and 200 Pings ended by whole seconds of duration (24 × 7201, hour-major).
        public var hourPingMicros = [Int64](repeating: 0, count: 24)
        public var hourSuperseded = [Int](repeating: 0, count: 24)
        public var hourPing200Seconds = [Int](repeating: 0, count: 24 * 7_201)
        /// Pings not superseded, any status, by whole seconds of duration (0…7200): where a
        /// firewall or proxy that cuts Pings shows as a spike below H.
        public var endedSeconds = [Int](repeating: 0, count: 7_201)
        /// Every Ping by whole seconds of duration (0…7200), for the noise of the p95.
        public var allSeconds = [Int](repeating: 0, count: 7_201)
        /// Sum of the squares of the Pings' durations (s²), for the standard error of their mean.
        public var pingSecondsSquares = 0.0

        init() {}
    }

    /// One device's counts, for the signs of device kinds mixed in one type.
    public struct DeviceCounts: Sendable {
        public var typeIndex: Int
        public var pings = 0
        public var syncsDuringPing = 0
        /// First request's start and last request's end (µs): the time the device was seen.
        public var firstSeen: Int64 = .max, lastSeen: Int64 = .min
    }

    struct DeviceState {
        var typeIndex: Int
        var pingStart: Int64 = 0, pingEnd: Int64 = 0
        /// Starts of recent Syncs not inside the last Ping seen (end-stamped logs give a Ping
        /// after the Syncs it spanned).
        var pendingSyncStarts: [Int64] = []
    }

    /// A Sync that starts within this margin of a Ping's end ended it (single client) rather
    /// than ran beside it; µs.
    static let margin: Int64 = 1_000_000
    static let pendingLimit = 16

    /// Devices by (user, device ID), as `LogAnalysis` keys them.
    private var table = DeviceTable()
    private var devices: [DeviceState] = []
    /// Per device, in the order first seen.
    public private(set) var deviceCounts: [DeviceCounts] = []
    private var typeIndex: [String: Int] = [:]
    public private(set) var typeNames: [String] = []
    public private(set) var sums: [Sums] = []
    private var offsetMicros: Int64 = 0
    private var offsetKnown = false

    public init() {}

    private mutating func type(_ name: String) -> Int {
        if let k = typeIndex[name] { return k }
        typeIndex[name] = sums.count
        typeNames.append(name)
        sums.append(Sums())
        return sums.count - 1
    }

    public mutating func add(_ r: ParsedRequest) {
        guard r.deviceID.count > 0 else { return }
        let (d, isNew) = table.index(user: r.user, device: r.deviceID)
        if isNew {
            // A device takes the type of its first request (empty types read as "unknown").
            let name = r.deviceType.count > 0 ? String(decoding: r.deviceType, as: UTF8.self) : "unknown"
            let t = type(name)
            devices.append(DeviceState(typeIndex: t))
            deviceCounts.append(DeviceCounts(typeIndex: t))
            sums[t].devices += 1
        }
        let t = devices[d].typeIndex
        let end = r.start &+ r.duration
        if r.start < deviceCounts[d].firstSeen { deviceCounts[d].firstSeen = r.start }
        if end > deviceCounts[d].lastSeen { deviceCounts[d].lastSeen = end }
        if !offsetKnown, let offset = r.utcOffsetMinutes {
            offsetKnown = true
            offsetMicros = Int64(offset) * 60_000_000
        }
        switch r.command {
        case .ping:
            // Exposure split over the hours of day the Ping spans; its end in its end's hour.
            let hourMicros: Int64 = 3_600_000_000
            var from = r.start &+ offsetMicros
            let to = end &+ offsetMicros
            if to > from && r.duration < 7 * 24 * hourMicros {
                while from < to {
                    let boundary = (from / hourMicros + 1) * hourMicros
                    let h = Int((from / hourMicros) % 24 + 24) % 24
                    sums[t].hourPingMicros[h] &+= min(boundary, to) - from
                    from = boundary
                }
            }
            let endHour = Int(((end &+ offsetMicros) / hourMicros) % 24 + 24) % 24
            if r.superseded { sums[t].hourSuperseded[endHour] += 1 }
            if r.status == 200 && !r.pingCollision { sums[t].hourPing200Seconds[endHour * 7_201 + Int(min(max(r.duration, 0) / 1_000_000, 7_200))] += 1 }
            sums[t].pings += 1
            deviceCounts[d].pings += 1
            sums[t].pingMicros &+= r.duration
            let seconds = Double(r.duration) / 1e6
            sums[t].pingSecondsSquares += seconds * seconds
            sums[t].allSeconds[Int(min(max(r.duration, 0) / 1_000_000, 7_200))] += 1
            if !r.superseded { sums[t].endedSeconds[Int(min(max(r.duration, 0) / 1_000_000, 7_200))] += 1 }
            if r.superseded { sums[t].superseded += 1 }
            if r.status == 409 { sums[t].conflict409 += 1 }
            if r.status == 200 && !r.pingCollision { sums[t].ping200Seconds[Int(min(max(r.duration, 0) / 1_000_000, 7_200))] += 1 }
            if r.heartbeatSeconds >= 0 && r.heartbeatSeconds < 4_096 { sums[t].heartbeatTokens[Int(r.heartbeatSeconds)] += 1 }
            // In place (a copy of the array would be a copy-on-write allocation per Ping).
            let before = devices[d].pendingSyncStarts.count
            if before > 0 {
                devices[d].pendingSyncStarts.removeAll { $0 > r.start &+ Self.margin && $0 < end &- Self.margin }
                sums[t].syncsDuringPing += before - devices[d].pendingSyncStarts.count
                deviceCounts[d].syncsDuringPing += before - devices[d].pendingSyncStarts.count
            }
            devices[d].pingStart = r.start
            devices[d].pingEnd = end
        case .sync:
            sums[t].syncs += 1
            if r.status == 200 && r.duration > 0 {
                let l = log(Double(r.duration) / 1e6)
                sums[t].syncs200 += 1
                sums[t].syncLogSum += l
                sums[t].syncLogSquares += l * l
            }
            if r.start > devices[d].pingStart &+ Self.margin && r.start < devices[d].pingEnd &- Self.margin {
                sums[t].syncsDuringPing += 1
                deviceCounts[d].syncsDuringPing += 1
            } else {
                devices[d].pendingSyncStarts.append(r.start)
                if devices[d].pendingSyncStarts.count > Self.pendingLimit { devices[d].pendingSyncStarts.removeFirst() }
            }
        case .sendMail, .smartReply, .smartForward:
            sums[t].outboxItems += 1
        default:
            break
        }
    }
}

/// The two sinks a calibration reads a log into, in one pass.
public struct CalibrationSink: ~Copyable, RequestSink {
    public var analysis = LogAnalysis()
    public var tally = DeviceTypeTally()
    public init() {}
    public mutating func add(_ r: ParsedRequest) {
        analysis.add(r)
        tally.add(r)
    }
}
