import PushSim

/// The key findings of a run report: sentences computed from the figures, each saying what
/// happened, how much, and why, so that a planner need not read the tables to act.
///
/// Thresholds (a planner's rules of thumb, not model constants):
/// - 409s are explained at length from 5 % of Pings on; below that they are a side note.
/// - A pool has enough headroom when threads held at p99 stay under 90 % of capacity (10 %
///   headroom absorbs a burst of opens without queueing); the same rule picks thread counts
///   in the sweep report.
/// - A pool counts as having been full when it was full at least 0.1 % of the measured time
///   (about 1.4 minutes a day), or when any request was refused.
/// - Lost Pings and late mail are called out from 1 % on; below that they are mentioned
///   only when they occurred at all.
/// - Status 5 is called out from 1 % of Pings.
/// - Undelivered mail is said first from 5 % of the mail that arrived: latency figures
///   then describe only the lucky part of it.
/// - Lost Pings are blamed on the pool rather than on a firewall when it was full at least
///   1 % of the time (queued Pings outlive the device's timer).
enum RunFindings {
    static let notable409 = 0.05
    static let headroom = 0.10
    static let fullTimeNotable = 0.001
    static let lostNotable = 0.01
    static let status5Notable = 0.01
    static let undeliveredNotable = 0.05
    /// A pool full this share of the time or more is taken as the cause of lost Pings.
    static let starvedLoss = 0.01

    /// Traveler's sizing rule: 1.2 threads per device when every pending Ping holds a thread.
    static let threadsPerDevice = 1.2

    static func sentences(_ s: Summary, replications: [Summary]) -> [String] {
        var out: [String] = []
        if let undelivered = undelivered(s) { out.append(undelivered) }
        if s.overall.pings.total == 0 {
            out.append("No Ping ended at the server in the measured window (\(ReportText.duration(s.measuredSeconds))), so there are no Ping outcomes to report.")
        } else {
            out.append(conflicts(s))
        }
        if let threads = threads(s) { out.append(threads) }
        out.append(latency(s))
        if let status5 = status5(s) { out.append(status5) }
        if let battery = battery(s) { out.append(battery) }
        if let restarts = restarts(s) { out.append(restarts) }
        if let outbox = outbox(s) { out.append(outbox) }
        if let spread = ReplicationFigures.finding(replications) { out.append(spread) }
        return out
    }

    static func conflicts(_ s: Summary) -> String {
        let p = s.overall.pings
        guard p.conflict409 > 0 else {
            return "No Ping ended in HTTP 409: no single-connection device abandoned a pending Ping, or the server does not answer abandoned Pings with 409."
        }
        var text = "\(ReportText.share(p.share409)) of Pings (\(ReportText.count(p.conflict409)) of \(ReportText.count(p.total))) ended in HTTP 409"
        var details: [String] = []
        if let rate = s.perDeviceDay(Double(p.conflict409)) { details.append("\(ReportText.number(rate)) per device-day") }
        if s.populations.count > 1, let top = s.populations.max(by: { $0.figures.pings.conflict409 < $1.figures.pings.conflict409 }) {
            let share = ReportText.ratio(Double(top.figures.pings.conflict409), Double(p.conflict409))
            details.append(share >= 0.9995 ? "all from \(top.name)" : "\(ReportText.share(share)) from \(top.name)")
        }
        let rate = details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")"
        if (p.share409 ?? 0) >= notable409 {
            text += rate + ": each time a single-connection device (iPhone) opens Mail or sends an item it abandons its pending Ping for a Sync, and the server answers the abandoned Ping with 409 when the Sync starts. These 409s are expected, not errors"
            if let syncs = s.perDeviceDay(Double(s.overall.syncs.total)) {
                text += "; devices sent \(ReportText.number(syncs)) Syncs per device-day"
            }
        } else {
            text += rate + ", a small share: the usual trace of single-connection devices opening Mail"
        }
        return text + "."
    }

    static func threads(_ s: Summary) -> String? {
        let o = s.overall
        let capacity = o.threads.capacity
        guard capacity > 0 else { return nil }
        // A pool has no p99 of its total (its servers run apart): its servers' say how busy it is.
        let pool = s.servers.count > 1
        let p99 = pool ? "mean \(ReportText.number(o.threads.mean, decimals: 0))" : "p99 " + ReportText.number(o.threads.p99, decimals: 0)
        let used = pool ? s.servers.map { ReportText.ratio($0.figures.threads.p99 ?? 0, Double($0.figures.threads.capacity)) }.max() ?? 0
                        : ReportText.ratio(o.threads.p99 ?? 0, Double(capacity))
        let held = pool ? "Threads held across the pool" : "Threads held"
        var text: String
        if o.threads.fullFraction >= fullTimeNotable || o.refused > 0 {
            text = "The thread pool was full \(ReportText.share(o.threads.fullFraction)) of the time\(pool ? " (mean over its servers)" : "") (\(held.lowercased()): \(p99) of \(ReportText.count(capacity)))"
            text += o.refused > 0
                ? "; \(ReportText.count(o.refused)) requests were refused with HTTP 503 (\(ReportText.count(o.pings.rejected503)) Pings, \(ReportText.count(o.syncs.rejected503)) Syncs)"
                : "; no request was refused"
            if let waited = o.queue.waitedShare, waited > 0 {
                // When few requests wait, p95 is 0; p99 (or the mean) then says how long the unlucky ones waited.
                let p95 = o.queue.waitP95 ?? 0, p99 = o.queue.waitP99 ?? 0
                let (label, wait) = p95 > 0 ? ("p95", p95) : p99 > 0 ? ("p99", p99) : ("mean", o.queue.waitMean ?? .nan)
                text += ", and \(ReportText.share(o.queue.waitedShare)) of requests waited for a thread (\(label) wait \(ReportText.duration(wait)))"
            }
            if o.syncs.timeouts > 0 { text += "; \(ReportText.count(o.syncs.timeouts)) Syncs timed out" }
            text += ". While the pool is full, a Sync waits in the queue while the Ping it abandoned still holds a thread"
            let rule = Int((threadsPerDevice * Double(s.devices)).rounded(.up))
            if rule > s.totalThreads {
                text += "; Traveler's sizing rule of 1.2 threads per device gives \(ReportText.count(rule)) threads for \(ReportText.count(s.devices)) devices"
                if !s.servers.isEmpty { text += " in all" }
            }
            text += "."
        } else if used >= 1 - headroom {
            text = "\(held): \(p99) of \(ReportText.count(capacity))\(pool ? "; the busiest server's p99 is" : "") (\(ReportText.share(used))), max \(ReportText.count(o.threads.max)) — less than 10% headroom"
            text += o.threads.fullFraction > 0 ? "; the pool was full \(ReportText.share(o.threads.fullFraction)) of the time." : "; a burst of opens would queue."
        } else {
            text = "\(held): \(p99) of \(ReportText.count(capacity))\(pool ? "; the busiest server's p99 is" : "") (\(ReportText.share(used)))" + (pool ? "" : ", max \(ReportText.count(o.threads.max))")
            text += o.threads.fullFraction > 0
                ? " — the pool was full only \(ReportText.share(o.threads.fullFraction)) of the time."
                : " — the pool is never full."
        }
        if s.servers.count > 1, let busiest = s.servers.max(by: { busy($0) < busy($1) }) {
            let f = busiest.figures.threads
            text += " Busiest server: \(busiest.name) (p99 \(ReportText.number(f.p99, decimals: 0)) of \(ReportText.count(f.capacity)), full \(ReportText.share(f.fullFraction)) of the time)."
        }
        return text
    }

    static func busy(_ n: NamedFigures) -> Double {
        ReportText.ratio(n.figures.threads.p99 ?? 0, Double(n.figures.threads.capacity)) + n.figures.threads.fullFraction
    }

    static func latency(_ s: Summary) -> String {
        let o = s.overall
        let l = o.pushLatency
        var text: String
        if l.delivered == 0 {
            text = "No mail was delivered in the measured window (" + nothingDelivered(l) + ")"
        } else {
            text = "Push latency p95 \(ReportText.duration(l.p95)) (p50 \(ReportText.duration(l.p50)), p99 \(ReportText.duration(l.p99)))"
            if let byPush = l.byPush, byPush < 0.95 {
                text += "; \(ReportText.share(byPush)) of mail arrived by push"
                if let open = l.byUserOpen, open > 0 { text += ", \(ReportText.share(open)) when the user opened Mail" }
                if let fetch = l.byFetch, fetch > 0 { text += ", \(ReportText.share(fetch)) by a scheduled fetch" }
            }
        }
        let afterLostPing = l.afterLostPing ?? 0
        if o.pings.lost > 0 {
            text += "; \(ReportText.share(o.lostShare)) of Pings were lost (\(ReportText.count(o.pings.lost)))"
            if afterLostPing > 0 {
                text += " and \(ReportText.share(afterLostPing)) of mail was delivered late, after a lost Ping"
            }
            if o.lostShare >= lostNotable || afterLostPing >= lostNotable {
                text += ". A Ping is lost when no answer reaches the device by the heartbeat plus grace; the device learns of it only when its own timer runs out"
                if o.threads.fullFraction >= starvedLoss {
                    // A starved pool loses Pings by itself: they wait in the queue past the device's timer.
                    text += ". Here the pool was full \(ReportText.share(o.threads.fullFraction)) of the time, so Pings waited in the queue until the devices gave up"
                } else {
                    text += ". The usual cause is a firewall or NAT idle timeout shorter than the heartbeat"
                    if let heartbeat = o.heartbeat.meanSeconds, heartbeat > 0 { text += " (here a mean heartbeat of \(ReportText.duration(heartbeat)))" }
                    text += ", which drops the idle connection before the server answers"
                }
                if !s.restarts.isEmpty { text += "; restarts lose the Pings they reset" }
            }
        } else if o.pings.total > 0 {
            text += "; no Ping was lost"
        }
        return text + "."
    }

    /// Why there is no latency: "no mail reached a device: 1,204 items undelivered, oldest 5.8 h".
    static func nothingDelivered(_ l: LatencyFigures) -> String {
        guard l.undelivered > 0 else { return "no mail arrived after the warmup" }
        return "no mail reached a device: \(ReportText.count(l.undelivered)) items undelivered, oldest \(ReportText.duration(l.undeliveredAgeMax))"
    }

    /// Said first when much of the mail that arrived never reached its device.
    static func undelivered(_ s: Summary) -> String? {
        let l = s.overall.pushLatency
        guard let delivered = l.deliveredShare, 1 - delivered >= undeliveredNotable else { return nil }
        return "\(ReportText.share(1 - delivered)) of the mail that arrived (\(ReportText.count(l.undelivered)) of \(ReportText.count(l.mailArrived))) had not reached its device at the end of the run; the oldest had waited \(ReportText.duration(l.undeliveredAgeMax)). Latency figures cover only the mail that was delivered, so they look better than what users saw."
    }

    static func status5(_ s: Summary) -> String? {
        let o = s.overall
        guard o.status5Share >= status5Notable else { return nil }
        return "\(ReportText.share(o.status5Share)) of Pings got Status 5: the heartbeat the devices asked for is outside the server's bounds, so the server sends the bound back and each such Ping costs an extra round trip."
    }

    static func battery(_ s: Summary) -> String? {
        let b = s.overall.battery
        guard s.devices > 0, let joules = b.joulesPerDeviceDay, joules > 0 else { return nil }
        var text = "Battery: \(ReportText.percentValue(b.percentPerDay)) per day on the radio (\(ReportText.number(joules, decimals: 0)) J per device-day, p95 \(ReportText.number(b.joulesPerDeviceDayP95, decimals: 0)) J; radio active \(ReportText.duration(b.radioActiveSecondsPerDay)) a day)"
        let ranked = s.populations.filter { $0.devices > 0 }.sorted { ($0.figures.battery.percentPerDay ?? -1) > ($1.figures.battery.percentPerDay ?? -1) }
        if ranked.count > 1, let high = ranked.first, let low = ranked.last {
            text += "; highest for \(high.name) (\(ReportText.percentValue(high.figures.battery.percentPerDay))), lowest for \(low.name) (\(ReportText.percentValue(low.figures.battery.percentPerDay)))"
        }
        return text + "."
    }

    static func restarts(_ s: Summary) -> String? {
        guard !s.restarts.isEmpty else { return nil }
        let longest = s.restarts.map(\.drainSeconds).max() ?? 0
        let waited = s.restarts.reduce(0) { $0 + $1.waitedFor }
        let reset = s.restarts.reduce(0) { $0 + $1.reset }
        let refused = s.restarts.reduce(0) { $0 + $1.refused }
        guard s.servers.count > 1 else {
            return "\(ReportText.plural(s.restarts.count, "graceful restart")): draining took up to \(ReportText.duration(longest)) while waiting for \(ReportText.count(waited)) held sessions; \(ReportText.count(reset)) were reset at the drain timeout and \(ReportText.count(refused)) requests were refused."
        }
        // In a pool each restart is one server's: say whose, and of how many sessions there.
        let each = s.restarts.map { r in
            "server \(r.server) at \(ReportText.duration(r.at)) drained for \(ReportText.duration(r.drainSeconds)), waiting for \(ReportText.count(r.waitedFor)) sessions held on server \(r.server), of which \(ReportText.count(r.reset)) were reset, and refused \(ReportText.count(r.refused)) requests"
        }
        return ReportText.sentence(ReportText.plural(s.restarts.count, "graceful restart")) + ": " + ReportText.list(each) + "; the other servers of the pool were not affected."
    }

    static func outbox(_ s: Summary) -> String? {
        let o = s.overall.outbox
        guard o.created > 0, o.duplicates > 0 || o.pendingAtEnd > 0 || o.permanentErrors > 0 else { return nil }
        var parts: [String] = []
        if o.duplicates > 0 { parts.append("\(ReportText.count(o.duplicates)) arrived twice because the Sync's answer was lost") }
        if o.permanentErrors > 0 { parts.append("\(ReportText.count(o.permanentErrors)) were rejected permanently") }
        if o.pendingAtEnd > 0 { parts.append("\(ReportText.count(o.pendingAtEnd)) were still in the outbox at the end (oldest \(ReportText.duration(o.pendingAgeMax)))") }
        return "Outbox: of \(ReportText.count(o.created)) items sent, " + ReportText.list(parts) + "."
    }
}
