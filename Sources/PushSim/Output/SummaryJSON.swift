/// `summary.json` (MODEL.md §6): stable names, fixed order, deterministic numbers.
extension Summary {
    /// The summary as JSON text.
    public var jsonText: String { json.rendered(pretty: true) }

    public var json: JSONText {
        var members: [(String, JSONText)] = [
            ("scenario", .string(scenario)),
            ("seed", .int(Int(truncatingIfNeeded: seed))),
            ("replication", .int(replication)),
            ("devices", .int(devices)),
            ("simulatedSeconds", .number(simulatedSeconds)),
            ("measuredSeconds", .number(measuredSeconds)),
        ]
        members += overall.jsonMembers
        members.append(("restarts", .array(restarts.map(\.json))))
        members.append(("engine", .object([("events", .int(events))])))
        members.append(("populations", .object(populations.map { ($0.name, $0.json) })))
        if !servers.isEmpty {
            members.append(("servers", .object(servers.map { ($0.name, $0.json) })))
        }
        return .object(members)
    }
}

extension Figures {
    var jsonMembers: [(String, JSONText)] {
        [
            ("pings", .object([
                ("total", .int(pings.total)), ("status2", .int(pings.status2)), ("status1", .int(pings.status1)),
                ("conflict409", .int(pings.conflict409)), ("status5", .int(pings.status5)), ("lost", .int(pings.lost)),
                ("rejected503", .int(pings.rejected503)), ("reset", .int(pings.reset)), ("superseded", .int(pings.superseded)),
                ("share409", .number(pings.share409)),
            ])),
            ("httpStatus", .object(httpStatus.map { (String($0.code), .int($0.count)) })),
            ("threads", .object([
                ("capacity", .int(threads.capacity)), ("mean", .number(threads.mean)), ("p50", .number(threads.p50)),
                ("p95", .number(threads.p95)), ("p99", .number(threads.p99)), ("max", .int(threads.max)),
                ("fullFraction", .number(threads.fullFraction)),
            ])),
            ("queue", .object([
                ("meanLength", .number(queue.meanLength)), ("maxLength", .int(queue.maxLength)),
                ("waitP50", .number(queue.waitP50)), ("waitP95", .number(queue.waitP95)), ("waitP99", .number(queue.waitP99)),
                ("waitMean", .number(queue.waitMean)), ("waitedShare", .number(queue.waitedShare)),
            ])),
            ("pingDuration", pingDuration.json),
            ("syncDuration", syncDuration.json),
            ("syncs", .object([
                ("total", .int(syncs.total)), ("timeouts", .int(syncs.timeouts)),
                ("rejected503", .int(syncs.rejected503)), ("reset", .int(syncs.reset)),
            ])),
            ("pushLatency", .object([
                ("mailArrived", .int(pushLatency.mailArrived)), ("delivered", .int(pushLatency.delivered)),
                ("undelivered", .int(pushLatency.undelivered)), ("undeliveredAgeMax", .number(pushLatency.undeliveredAgeMax)),
                ("mean", .number(pushLatency.mean)), ("p50", .number(pushLatency.p50)),
                ("p95", .number(pushLatency.p95)), ("p99", .number(pushLatency.p99)),
                ("byPush", .number(pushLatency.byPush)), ("byUserOpen", .number(pushLatency.byUserOpen)),
                ("byFetch", .number(pushLatency.byFetch)), ("byOutbox", .number(pushLatency.byOutbox)),
                ("afterLostPing", .number(pushLatency.afterLostPing)),
                ("bins", .array(pushLatency.bins.map { .array([.number($0.low), .number($0.high), .int($0.count)]) })),
            ])),
            ("battery", .object([
                ("joulesPerDeviceDay", .number(battery.joulesPerDeviceDay)),
                ("joulesPerDeviceDayP95", .number(battery.joulesPerDeviceDayP95)),
                ("percentPerDay", .number(battery.percentPerDay)),
                ("radioActiveSecondsPerDay", .number(battery.radioActiveSecondsPerDay)),
            ])),
            ("heartbeat", .object([
                ("meanSeconds", .number(heartbeat.meanSeconds)),
                // A list of {seconds, devices}, ascending: numbers stay numbers for pandas and R.
                ("final", .array(heartbeat.final.sorted { $0.key < $1.key }.map {
                    .object([("seconds", .number($0.key)), ("devices", .int($0.value))])
                })),
            ])),
            ("outbox", .object([
                ("created", .int(outbox.created)), ("delivered", .int(outbox.delivered)),
                ("duplicates", .int(outbox.duplicates)), ("acknowledged", .int(outbox.acknowledged)),
                ("conflicts", .int(outbox.conflicts)),
                ("permanentErrors", .int(outbox.permanentErrors)), ("resent", .int(outbox.resent)),
                ("pendingAtEnd", .int(outbox.pendingAtEnd)), ("pendingAgeP95", .number(outbox.pendingAgeP95)),
                ("pendingAgeMax", .number(outbox.pendingAgeMax)),
                ("deliveryDelayMean", .number(outbox.deliveryDelayMean)), ("deliveryDelayP95", .number(outbox.deliveryDelayP95)),
            ])),
        ]
    }
}

extension DurationFigures {
    var json: JSONText {
        .object([("count", .int(count)), ("mean", .number(mean)), ("p50", .number(p50)), ("p95", .number(p95)), ("max", .number(max))])
    }
}

extension RestartFigures {
    var json: JSONText {
        .object([
            ("server", .string(server)), ("at", .number(at)), ("drainSeconds", .number(drainSeconds)),
            ("waitedFor", .int(waitedFor)), ("reset", .int(reset)), ("refused", .int(refused)),
            ("unanswered", .int(unanswered)),
            ("pushLatencyP95After", .number(pushLatencyP95After)),
        ])
    }
}

extension NamedFigures {
    /// A population's or a server's figures, with its device count first (and a server's
    /// restarts last).
    var json: JSONText {
        var members = [("devices", JSONText.int(devices))] + figures.jsonMembers
        if let restarts { members.append(("restarts", .array(restarts.map(\.json)))) }
        return .object(members)
    }
}

extension JSONText {
    /// A figure that may not exist: `null` when it does not.
    static func number(_ x: Double?) -> JSONText { x.map { .number($0) } ?? .null }
    static func int(_ x: Int?) -> JSONText { x.map { .int($0) } ?? .null }
}
