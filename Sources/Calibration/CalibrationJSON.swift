import AccessLogs
import JSON5

extension Calibration {
    /// A figure with its 95 % interval, or without one (`ci95: null`).
    static func estimate(_ value: Double?, _ ci: (Double, Double)? = nil) -> JSONText {
        .object([("value", .number(value)), ("ci95", ci.map { .array([.number($0.0), .number($0.1)]) } ?? .null)])
    }

    /// calibration.json: `estimates` per device type and for the server; `check` is added by
    /// the caller that ran the scenario (nil: not run).
    public func json(check: JSONText? = nil) -> JSONText {
        let populations: [JSONText] = types.map { e in
            .object([
                ("deviceType", .string(e.deviceType)),
                ("devices", .int(e.devices)),
                ("pings", .int(e.pings)),
                ("superseded", .int(e.superseded)),
                ("deviceDays", .number(e.mail.days)),
                ("client", .string(e.client.rawValue)),
                ("syncsDuringPing", .int(e.syncsDuringPing)),
                ("heartbeatSeconds", Self.estimate(e.heartbeatSeconds)),
                ("heartbeatSource", .string(e.heartbeatSource)),
                ("heartbeatTokens", e.heartbeatTokenRange.map { r in
                    .object([("min", .int(r.min)), ("max", .int(r.max)), ("shareAtH", .number(r.shareAtH))])
                } ?? .null),
                ("mailPerDay", Self.estimate(e.mail.value, e.mail.ci95)),
                ("mailPings", .int(e.mail.count)),
                ("opensPerDay", Self.estimate(e.opens.value, e.opens.ci95)),
                ("outboxPerDay", e.outbox.map { Self.estimate($0.value, $0.ci95) } ?? .null),
                ("syncWork", .object([("median", Self.estimate(e.syncMedianSeconds)), ("p95", Self.estimate(e.syncP95Seconds)),
                                      ("syncs", .int(e.syncs200))])),
            ])
        }
        let f = figures
        // Fleet-wide: counts and exposures summed over the device types.
        let days = types.reduce(0.0) { $0 + $1.mail.days }
        let mail = RateEstimate(count: types.reduce(0) { $0 + $1.mail.count }, days: days)
        let opens = RateEstimate(count: types.reduce(0) { $0 + $1.opens.count }, days: days)
        let clients = Set(types.map(\.client.rawValue))
        let heartbeats = Set(types.map(\.heartbeatSeconds))
        var members: [(String, JSONText)] = [
            ("name", .string(name)),
            ("format", .string(f.format.rawValue)),
            ("requests", .int(f.requests)),
            ("spanSeconds", .number(f.spanSeconds)),
            ("estimates", .object([
                ("mailPerDay", Self.estimate(mail.value, mail.ci95)),
                ("opensPerDay", Self.estimate(opens.value, opens.ci95)),
                ("heartbeatSeconds", Self.estimate(heartbeats.count == 1 ? heartbeats.first : nil)),
                ("client", .string(clients.count == 1 ? clients.first ?? "mixed" : "mixed")),
                ("serverKind", .string(serverKind)),
                ("serverKindNote", .string(serverKindNote)),
                ("devices", .int(types.reduce(0) { $0 + $1.devices })),
                ("threads", .object([("value", .int(threads)), ("logConcurrencyP99", .number(f.concurrency.p99)),
                                     ("logConcurrencyMax", .int(f.concurrency.max)),
                                     ("ruleOfThumb", .int(threadsRuleOfThumb)), ("peakShareOfIntervals", .number(peakShare)),
                                     ("plateau", .bool(plateau)), ("evidence", .string(threadsEvidence))])),
                ("syncWork", .object([("median", Self.estimate(syncMedianSeconds)), ("p95", Self.estimate(syncP95Seconds)), ("syncs", .int(syncs200))])),
                ("profile", profile.map { .array($0.map { .number($0) }) } ?? .string("flat")),
                ("byDeviceType", .array(populations)),
                ("setAside", .array(setAside.map { a in
                    .object([("deviceType", .string(a.deviceType)), ("devices", .int(a.devices)), ("pings", .int(a.pings)), ("syncs", .int(a.syncs))])
                })),
            ])),
        ]
        members.append(("check", check ?? .null))
        return .object(members)
    }
}
