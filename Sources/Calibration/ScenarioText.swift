import AccessLogs
import Foundation
import JSON5

extension Calibration {
    /// Fixed-point text with `digits` decimals (deterministic, locale-free).
    static func fixed(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    /// A population name from a device type: lower case, letters and digits, `-` between.
    static func populationName(_ type: String, taken: Set<String>) -> String {
        var name = ""
        for c in type.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { name.append(c) } else if !name.hasSuffix("-") && !name.isEmpty { name.append("-") }
        }
        while name.hasSuffix("-") { name.removeLast() }
        if name.isEmpty { name = "devices" }
        var unique = name, k = 2
        while taken.contains(unique) { unique = "\(name)-\(k)"; k += 1 }
        return unique
    }

    /// The scenario, as JSON5 with a comment giving the evidence of every estimated value.
    /// Loads with `ScenarioLoader` (the tests check it).
    public func scenarioText() -> String {
        let f = figures
        let profileLine: String
        if let p = profile {
            profileLine = "  // Hourly weights (mean 1) of mail and opens from \(profileEvents) Ping-ending events per Ping-open hour, UTC\(f.utcOffsetMinutes == 0 ? "" : "\(f.utcOffsetMinutes >= 0 ? "+" : "")\(f.utcOffsetMinutes) min"); the mail and open rates below are over all hours\n"
                + "  profile: [" + p.map { Self.fixed($0, 3) }.joined(separator: ", ") + "],"
        } else {
            profileLine = "  profile: \"flat\",   // the log covers less than a day (or an hour without Pings): no time-of-day profile"
        }
        let spanDays = f.spanSeconds / 86_400
        let hours = max(1, Int((f.spanSeconds / 3_600).rounded(.up)))
        var t = """
        // Calibrated by `pushsim calibrate` from a \(f.format.rawValue) log: \(Self.plural(f.requests, "request")), \
        \(Self.plural(f.devices.count, "device")) over \(Self.fixed(spanDays, 2)) days.
        // Every estimated value says where it comes from. Rates are per device per day, over the
        // time the devices' Pings were open (device-days); intervals are 95 %.
        {
          name: \(JSONText.quoted(name)),
          description: \(JSONText.quoted("Calibrated from \(f.format.rawValue) log (\(Self.plural(f.requests, "request")))")),
          seed: 1,
          duration: "\(hours + 1)h",   // the log's span (\(Self.fixed(f.spanSeconds / 3_600, 1)) h) and the warmup
          warmup: "1h",
        \(profileLine)
          server: {
            kind: "\(serverKind)",   // \(serverKindNote)
            threads: \(threads),   // \(threadsEvidence)
            heartbeatBounds: "none",   // the log's heartbeats were all served

        """
        if let median = syncMedianSeconds, let p95 = syncP95Seconds {
            let m = max(1, Int((median * 1_000).rounded()))
            let p = max(m + 1, Int((p95 * 1_000).rounded()))
            t += "    syncWork: { lognormal: { median: \"\(m)ms\", p95: \"\(p)ms\" } },   // lognormal fit of \(Self.plural(syncs200, "Sync")) answered 200\n"
        }
        t += "  },\n"
        if let note = setAsideNote { t += "  // " + note + "\n" }
        t += "  populations: [\n"
        var taken = Set<String>()
        for e in types {
            let pop = Self.populationName(e.deviceType, taken: taken)
            taken.insert(pop)
            let days = Self.fixed(e.mail.days, 2)
            let clientWhy = e.client == .single
                ? "\(Self.plural(e.superseded, "Ping")) superseded when a Sync started; \(Self.plural(e.syncsDuringPing, "Sync")) beside an open Ping"
                : "\(Self.plural(e.syncsDuringPing, "Sync")) started beside an open Ping without superseding it"
            let opensWhy = e.client == .single ? "superseded Pings" : "Syncs beside an open Ping"
            t += """
                {
                  name: \(JSONText.quoted(pop)),   // DeviceType \(JSONText.quoted(e.deviceType))
                  count: \(e.devices),   // devices seen in the log
                  client: "\(e.client.rawValue)",   // \(clientWhy)
                  heartbeat: { fixed: "\(Int(e.heartbeatSeconds.rounded()))s" },   // H from the \(e.heartbeatSource)\(e.heartbeatTokenRange.map { r in r.min == r.max ? "" : "; Hb \(r.min)–\(r.max) s, \(Self.fixed(r.shareAtH * 100, 1)) % of Pings at H (varies: adaptive clients?)" } ?? "")
                  firewall: { idleTimeout: "none" },   // the log's Pings lasted H: no firewall cut them sooner
                  // λ = \(Self.fixed(e.mail.value, 1)) mail/day (\(Self.plural(e.mail.count, "Ping")) ended 200 before H, shorter than \(e.mailCutoffSeconds) s, over \(days) device-days); 95 % \(Self.fixed(e.mail.ci95.low, 1))–\(Self.fixed(e.mail.ci95.high, 1))
                  mail: { perDay: \(Self.fixed(e.mail.value, 2)) },
                  // μ = \(Self.fixed(e.opens.value, 1)) opens/day (\(e.opens.count) \(opensWhy)\(e.outbox == nil ? "" : " less outbox items") over \(days) device-days); 95 % \(Self.fixed(e.opens.ci95.low, 1))–\(Self.fixed(e.opens.ci95.high, 1))
                  // afterNotify 0: a log cannot tell an open prompted by a notification from a spontaneous one, so μ holds both
                  userOpens: { perDay: \(Self.fixed(e.opens.value, 2)), afterNotify: { probability: 0 } },

            """
            if let o = e.outbox {
                t += "      outbox: { perDay: \(Self.fixed(o.value, 2)) },   // \(Self.plural(o.count, "SendMail/SmartReply/SmartForward")) over \(days) device-days\n"
            } else {
                t += "      outbox: { perDay: 0 },   // the log shows no SendMail, SmartReply or SmartForward: μ covers outbox Syncs too\n"
            }
            t += "    },\n"
        }
        t += "  ],\n}\n"
        return t
    }

    /// The sentence on the device types set aside, or nil when there are none.
    public var setAsideNote: String? {
        guard !setAside.isEmpty else { return nil }
        return "Set aside, with fewer than \(Estimator.minimumPings) Pings each for an estimate, and not in the scenario: "
            + setAside.map(\.text).joined(separator: "; ")
            + ". Their requests stay in the log's figures the check compares with."
    }
}
