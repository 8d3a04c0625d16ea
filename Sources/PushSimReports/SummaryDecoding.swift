import JSON5
import PushSim

/// Reading `summary.json` back (MODEL.md §6), e.g. to report on a finished run or to merge
/// shards. Every key the writer emits is read, so `Summary(jsonText: s.jsonText).jsonText`
/// is byte-for-byte `s.jsonText`. Keys the writer does not know are ignored, so files from
/// a newer build that appends keys still read.
extension Summary {
    /// Parses the text of a `summary.json`; throws `SummaryDecodingError` naming the missing
    /// or mistyped key, or the position of a syntax error.
    public init(jsonText: String) throws(SummaryDecodingError) {
        let root: JSON5Node
        do {
            root = try JSON5.parse(jsonText)
        } catch {
            throw SummaryDecodingError(path: "", message: "not valid JSON: \(error)")
        }
        try self.init(json: JSONField(node: root, path: ""))
    }

    init(json: JSONField) throws(SummaryDecodingError) {
        var s = Summary(scenario: "", seed: 0, replication: 0, devices: 0, simulatedSeconds: 0, measuredSeconds: 0,
                        overall: Figures(), populations: [], servers: [], restarts: [], events: 0)
        s.scenario = try json.string("scenario")
        // The writer stores the UInt64 seed as its Int64 bit pattern.
        s.seed = UInt64(bitPattern: Int64(try json.int("seed")))
        s.replication = try json.int("replication")
        s.devices = try json.int("devices")
        s.simulatedSeconds = try json.double("simulatedSeconds")
        s.measuredSeconds = try json.double("measuredSeconds")
        s.overall = try Figures(json: json)
        s.restarts = try json.member("restarts").elements().map { field throws(SummaryDecodingError) in
            try RestartFigures.decoded(field)
        }
        s.events = try json.member("engine").int("events")
        s.populations = try Self.namedFigures(json.member("populations"))
        s.servers = try json.optionalMember("servers").map { field throws(SummaryDecodingError) in
            try Self.namedFigures(field)
        } ?? []
        self = s
    }

    static func namedFigures(_ block: JSONField) throws(SummaryDecodingError) -> [NamedFigures] {
        var result: [NamedFigures] = []
        for (name, field) in try block.members() {
            let figures = try Figures(json: field)
            var named = NamedFigures(name: name, devices: try field.int("devices"), figures: figures)
            named.restarts = try field.optionalMember("restarts").map { list throws(SummaryDecodingError) in
                try list.elements().map { element throws(SummaryDecodingError) in try RestartFigures.decoded(element) }
            }
            result.append(named)
        }
        return result
    }
}

extension Figures {
    /// The metric blocks of one object of summary.json (the top level, a population or a server).
    init(json: JSONField) throws(SummaryDecodingError) {
        self.init()

        let p = try json.member("pings")
        pings.total = try p.int("total")
        pings.status2 = try p.int("status2")
        pings.status1 = try p.int("status1")
        pings.conflict409 = try p.int("conflict409")
        pings.status5 = try p.int("status5")
        pings.lost = try p.int("lost")
        pings.rejected503 = try p.int("rejected503")
        pings.reset = try p.int("reset")
        pings.superseded = try p.int("superseded")
        pings.share409 = try p.double("share409")

        httpStatus = []
        for (key, field) in try json.member("httpStatus").members() {
            guard let code = Int(key) else { throw SummaryDecodingError(path: field.path, message: "\"\(key)\" is not an HTTP status code") }
            httpStatus.append((code, try field.intValue))
        }

        let t = try json.member("threads")
        threads.capacity = try t.int("capacity")
        threads.mean = try t.double("mean")
        threads.p50 = try t.optionalDouble("p50")
        threads.p95 = try t.optionalDouble("p95")
        threads.p99 = try t.optionalDouble("p99")
        threads.max = try t.optionalInt("max")
        threads.fullFraction = try t.double("fullFraction")

        let q = try json.member("queue")
        queue.meanLength = try q.double("meanLength")
        queue.maxLength = try q.optionalInt("maxLength")
        queue.waitP50 = try q.double("waitP50")
        queue.waitP95 = try q.double("waitP95")
        queue.waitP99 = try q.double("waitP99")
        queue.waitMean = try q.double("waitMean")
        queue.waitedShare = try q.double("waitedShare")

        try Self.read(json.member("pingDuration"), into: &pingDuration)
        try Self.read(json.member("syncDuration"), into: &syncDuration)

        let y = try json.member("syncs")
        syncs.total = try y.int("total")
        syncs.timeouts = try y.int("timeouts")
        syncs.rejected503 = try y.int("rejected503")
        syncs.reset = try y.int("reset")

        let l = try json.member("pushLatency")
        pushLatency.mailArrived = try l.int("mailArrived")
        pushLatency.delivered = try l.int("delivered")
        pushLatency.undelivered = try l.int("undelivered")
        pushLatency.undeliveredAgeMax = try l.optionalDouble("undeliveredAgeMax")
        pushLatency.mean = try l.optionalDouble("mean")
        pushLatency.p50 = try l.optionalDouble("p50")
        pushLatency.p95 = try l.optionalDouble("p95")
        pushLatency.p99 = try l.optionalDouble("p99")
        pushLatency.byPush = try l.optionalDouble("byPush")
        pushLatency.byUserOpen = try l.optionalDouble("byUserOpen")
        pushLatency.byFetch = try l.optionalDouble("byFetch")
        pushLatency.byOutbox = try l.optionalDouble("byOutbox")
        pushLatency.afterLostPing = try l.optionalDouble("afterLostPing")
        pushLatency.bins = []
        for bin in try l.member("bins").elements() {
            let parts = try bin.elements()
            guard parts.count == 3 else { throw bin.fail("should be [low, high, count], found \(parts.count) elements") }
            pushLatency.bins.append(HistogramBin(low: try parts[0].doubleValue, high: try parts[1].doubleValue, count: try parts[2].intValue))
        }

        let b = try json.member("battery")
        battery.joulesPerDeviceDay = try b.double("joulesPerDeviceDay")
        battery.joulesPerDeviceDayP95 = try b.double("joulesPerDeviceDayP95")
        battery.percentPerDay = try b.double("percentPerDay")
        battery.radioActiveSecondsPerDay = try b.double("radioActiveSecondsPerDay")

        let h = try json.member("heartbeat")
        heartbeat.meanSeconds = try h.double("meanSeconds")
        heartbeat.final = [:]
        let final = try h.member("final")
        if final.node.value.objectMembers != nil {
            // Written before issue 16 (an object keyed by seconds as text): still read, so
            // that older sweep folders resume and merge.
            for (key, field) in try final.members() {
                guard let seconds = Double(key), seconds.isFinite else {
                    throw SummaryDecodingError(path: field.path, message: "\"\(key)\" is not a heartbeat in seconds")
                }
                heartbeat.final[seconds, default: 0] += try field.intValue
            }
        } else {
            for entry in try final.elements() {
                let seconds = try entry.double("seconds")
                guard seconds.isFinite else { throw SummaryDecodingError(path: entry.child("seconds"), message: "is not a heartbeat in seconds") }
                heartbeat.final[seconds, default: 0] += try entry.int("devices")
            }
        }

        let o = try json.member("outbox")
        outbox.created = try o.int("created")
        outbox.delivered = try o.int("delivered")
        outbox.duplicates = try o.int("duplicates")
        outbox.acknowledged = try o.int("acknowledged")
        outbox.conflicts = try o.int("conflicts")
        outbox.permanentErrors = try o.int("permanentErrors")
        outbox.resent = try o.int("resent")
        outbox.pendingAtEnd = try o.int("pendingAtEnd")
        outbox.pendingAgeP95 = try o.double("pendingAgeP95")
        outbox.pendingAgeMax = try o.double("pendingAgeMax")
        outbox.deliveryDelayMean = try o.double("deliveryDelayMean")
        outbox.deliveryDelayP95 = try o.double("deliveryDelayP95")
    }

    static func read(_ field: JSONField, into d: inout DurationFigures) throws(SummaryDecodingError) {
        d.count = try field.int("count")
        d.mean = try field.double("mean")
        d.p50 = try field.double("p50")
        d.p95 = try field.double("p95")
        d.max = try field.double("max")
    }
}

extension RestartFigures {
    static func decoded(_ field: JSONField) throws(SummaryDecodingError) -> RestartFigures {
        var f = RestartFigures()
        f.server = try field.string("server")
        f.at = try field.double("at")
        f.drainSeconds = try field.double("drainSeconds")
        f.waitedFor = try field.int("waitedFor")
        f.reset = try field.int("reset")
        f.refused = try field.int("refused")
        f.unanswered = try field.int("unanswered")
        f.pushLatencyP95After = try field.double("pushLatencyP95After")
        return f
    }
}
