import Charts
import PushSim

/// The run report's tables.
enum RunTables {
    typealias Row = (label: String, cell: (Figures) -> String)

    /// The row of one metric of ``MetricCatalog``: its label, its value as `format` shows
    /// it ("—" where the figure does not exist).
    static func metric(_ path: String, _ format: @escaping (Double?) -> String) -> Row {
        let metric = MetricCatalog.figure(path)
        return (metric?.label ?? path, { f in format(metric?.value(in: f)) })
    }

    /// Metrics down, one column per group of figures.
    static func metricTable(_ rows: [Row], columns: [(name: String, figures: Figures)], caption: String) -> HTMLTable {
        let header = ["Metric"] + columns.map(\.name)
        return HTMLTable(header: header, rows: rows.map { row in [row.label] + columns.map { row.cell($0.figures) } }, caption: caption,
                         alignments: [.left] + columns.map { _ in .right })
    }

    /// Where adaptive heartbeats ended: devices by final heartbeat, one row per population.
    /// Nil when every population ended on a single heartbeat (fixed policies), since the
    /// mean-heartbeat column already says it all.
    static func finalHeartbeats(_ s: Summary) -> HTMLTable? {
        guard s.populations.contains(where: { $0.figures.heartbeat.final.count > 1 }) else { return nil }
        let rows = s.populations.map { p -> [String] in
            let entries = p.figures.heartbeat.final.sorted { $0.key < $1.key }
            let text = entries.map { "\(ReportText.duration($0.key)) × \(ReportText.count($0.value))" }.joined(separator: ", ")
            return [p.name, entries.isEmpty ? "—" : text]
        }
        return HTMLTable(header: ["Population", "Devices by final heartbeat"], rows: rows,
                         caption: "Heartbeats at the end of the run (adaptive policies move them after each Status 1 and each lost Ping).",
                         alignments: [.left, .left])
    }

    static func populations(_ s: Summary) -> HTMLTable {
        var groups = s.populations.map { ($0.name, $0.devices, $0.figures) }
        if s.populations.count != 1 { groups.append(("All devices", s.devices, s.overall)) }
        let rows = groups.map { name, devices, f -> [String] in
            [name, ReportText.count(devices), ReportText.share(f.pings.share409),
             ReportText.share(f.lostShare), ReportText.duration(f.pushLatency.p50), ReportText.duration(f.pushLatency.p95),
             ReportText.percentValue(f.battery.percentPerDay), ReportText.number(f.battery.joulesPerDeviceDay, decimals: 0),
             ReportText.duration(f.heartbeat.meanSeconds)]
        }
        return HTMLTable(header: ["Population", "Devices", "409", "Lost", "Push p50", "Push p95", "Battery/day", "J/day", "Heartbeat"],
                         rows: rows, alignments: [.left] + Array(repeating: .right, count: 8))
    }

    /// Server columns: the single server, or each server of a pool and the pool as a whole.
    static func serverColumns(_ s: Summary) -> [(name: String, figures: Figures)] {
        guard !s.servers.isEmpty else { return [("Server", s.overall)] }
        // The pool: capacity and mean levels summed over its servers (quantiles per server only).
        return s.servers.map { ($0.name, $0.figures) } + [("Pool, in all", s.overall)]
    }

    static func server(_ s: Summary) -> HTMLTable {
        let d: (Double?) -> String = ReportText.duration
        let share: (Double?) -> String = ReportText.share
        var rows: [Row] = [
            metric("threads.capacity", { ReportText.number($0, decimals: 0) }),
            metric("threads.mean", { ReportText.number($0) }),
            ("Threads held, p50 / p95 / p99", { "\(ReportText.number($0.threads.p50, decimals: 0)) / \(ReportText.number($0.threads.p95, decimals: 0)) / \(ReportText.number($0.threads.p99, decimals: 0))" }),
            metric("threads.max", { ReportText.number($0, decimals: 0) }),
            metric("threads.fullFraction", share),
            ("Queue length, mean / max", { "\(ReportText.number($0.queue.meanLength, decimals: 2)) / \(ReportText.count($0.queue.maxLength))" }),
            metric("queue.waitedShare", share),
            metric("queue.waitMean", d),
            ("Wait for a thread, p50 / p95 / p99", { "\(d($0.queue.waitP50)) / \(d($0.queue.waitP95)) / \(d($0.queue.waitP99))" }),
            ("Refused with 503: Pings / Syncs", { "\(ReportText.count($0.pings.rejected503)) / \(ReportText.count($0.syncs.rejected503))" }),
            ("Ping time at the server, mean / p50", { "\(d($0.pingDuration.mean)) / \(d($0.pingDuration.p50))" }),
            ("Ping time at the server, p95 / max", { "\(d($0.pingDuration.p95)) / \(d($0.pingDuration.max))" }),
            ("Sync time at the server, mean / p50", { "\(d($0.syncDuration.mean)) / \(d($0.syncDuration.p50))" }),
            ("Sync time at the server, p95 / max", { "\(d($0.syncDuration.p95)) / \(d($0.syncDuration.max))" }),
            metric("syncs.total", { ReportText.number($0, decimals: 0) }),
            ("Syncs timed out / reset", { "\(ReportText.count($0.syncs.timeouts)) / \(ReportText.count($0.syncs.reset))" }),
        ]
        let codes = Array(Set(serverColumns(s).flatMap { $0.figures.httpStatus.map(\.code) })).sorted()
        for code in codes {
            rows.append(("HTTP \(code) responses", { f in ReportText.count(f.httpStatus.first { $0.code == code }?.count ?? 0) }))
        }
        return metricTable(rows, columns: serverColumns(s), caption: "")
    }

    static func delivery(_ s: Summary) -> HTMLTable {
        let rows: [Row] = [
            metric("pushLatency.delivered", { ReportText.number($0, decimals: 0) }),
            metric("pushLatency.byPush", ReportText.share),
            metric("pushLatency.byUserOpen", ReportText.share),
            metric("pushLatency.byFetch", ReportText.share),
            metric("pushLatency.byOutbox", ReportText.share),
            metric("pushLatency.afterLostPing", ReportText.share),
            metric("pushLatency.mean", ReportText.duration),
            ("Latency p50 / p95 / p99", { "\(ReportText.duration($0.pushLatency.p50)) / \(ReportText.duration($0.pushLatency.p95)) / \(ReportText.duration($0.pushLatency.p99))" }),
        ]
        return metricTable(rows, columns: RunCharts.groups(s), caption: "How mail reached the devices, and how long it took.")
    }

    static func outbox(_ s: Summary) -> HTMLTable {
        let count: (Double?) -> String = { ReportText.number($0, decimals: 0) }
        let rows: [Row] = [
            metric("outbox.created", count),
            metric("outbox.delivered", count),
            metric("outbox.duplicates", count),
            metric("outbox.conflicts", count),
            metric("outbox.permanentErrors", count),
            metric("outbox.resent", count),
            metric("outbox.pendingAtEnd", count),
            ("Pending age p95 / max", { "\(ReportText.duration($0.outbox.pendingAgeP95)) / \(ReportText.duration($0.outbox.pendingAgeMax))" }),
            ("Delivery delay mean / p95", { "\(ReportText.duration($0.outbox.deliveryDelayMean)) / \(ReportText.duration($0.outbox.deliveryDelayP95))" }),
        ]
        return metricTable(rows, columns: RunCharts.groups(s), caption: "Items the devices sent.")
    }

    static func restarts(_ s: Summary) -> HTMLTable {
        let rows = s.restarts.map { r -> [String] in
            [r.server.isEmpty ? "—" : r.server, ReportText.duration(r.at), ReportText.duration(r.drainSeconds),
             ReportText.count(r.waitedFor), ReportText.count(r.reset), ReportText.count(r.refused), ReportText.duration(r.pushLatencyP95After)]
        }
        return HTMLTable(header: ["Server", "At", "Drain", "Sessions waited for", "Reset", "Refused", "Push p95, next hour"], rows: rows,
                         caption: "Graceful restarts: the server refuses new requests, waits for held sessions up to the drain timeout, then resets the rest.")
    }
}
