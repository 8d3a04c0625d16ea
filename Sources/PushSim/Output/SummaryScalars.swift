/// The scalar figures of a summary, flattened with dotted names ("pings.share409"): the
/// columns of `sweep.csv`, the metrics a sweep report can chart, and what replications are
/// averaged over. The order is stable; new metrics are only ever appended. A figure that
/// does not exist (a latency when no mail was delivered) is NaN here, null in files.
extension Figures {
    public var scalars: [(name: String, value: Double)] {
        [
            ("pings.total", Double(pings.total)), ("pings.status2", Double(pings.status2)),
            ("pings.status1", Double(pings.status1)), ("pings.conflict409", Double(pings.conflict409)),
            ("pings.status5", Double(pings.status5)), ("pings.lost", Double(pings.lost)),
            ("pings.rejected503", Double(pings.rejected503)), ("pings.reset", Double(pings.reset)),
            ("pings.share409", pings.share409),
            ("threads.mean", threads.mean), ("threads.p50", threads.p50 ?? .nan), ("threads.p95", threads.p95 ?? .nan),
            ("threads.p99", threads.p99 ?? .nan), ("threads.max", threads.max.map(Double.init) ?? .nan), ("threads.fullFraction", threads.fullFraction),
            ("queue.meanLength", queue.meanLength), ("queue.maxLength", queue.maxLength.map(Double.init) ?? .nan),
            ("queue.waitP50", queue.waitP50), ("queue.waitP95", queue.waitP95), ("queue.waitP99", queue.waitP99),
            ("queue.waitMean", queue.waitMean), ("queue.waitedShare", queue.waitedShare),
            ("pingDuration.mean", pingDuration.mean), ("pingDuration.p95", pingDuration.p95),
            ("syncDuration.mean", syncDuration.mean), ("syncDuration.p95", syncDuration.p95),
            ("syncs.total", Double(syncs.total)), ("syncs.timeouts", Double(syncs.timeouts)),
            ("syncs.rejected503", Double(syncs.rejected503)),
            ("pushLatency.mean", pushLatency.mean ?? .nan), ("pushLatency.p50", pushLatency.p50 ?? .nan),
            ("pushLatency.p95", pushLatency.p95 ?? .nan), ("pushLatency.p99", pushLatency.p99 ?? .nan),
            ("pushLatency.byPush", pushLatency.byPush ?? .nan), ("pushLatency.byUserOpen", pushLatency.byUserOpen ?? .nan),
            ("pushLatency.byFetch", pushLatency.byFetch ?? .nan), ("pushLatency.afterLostPing", pushLatency.afterLostPing ?? .nan),
            ("battery.joulesPerDeviceDay", battery.joulesPerDeviceDay),
            ("battery.joulesPerDeviceDayP95", battery.joulesPerDeviceDayP95),
            ("battery.percentPerDay", battery.percentPerDay),
            ("battery.radioActiveSecondsPerDay", battery.radioActiveSecondsPerDay),
            ("heartbeat.meanSeconds", heartbeat.meanSeconds),
            ("outbox.created", Double(outbox.created)), ("outbox.delivered", Double(outbox.delivered)),
            ("outbox.duplicates", Double(outbox.duplicates)), ("outbox.conflicts", Double(outbox.conflicts)),
            ("outbox.permanentErrors", Double(outbox.permanentErrors)), ("outbox.resent", Double(outbox.resent)),
            ("outbox.pendingAtEnd", Double(outbox.pendingAtEnd)), ("outbox.pendingAgeP95", outbox.pendingAgeP95),
            ("outbox.pendingAgeMax", outbox.pendingAgeMax),
            ("pushLatency.byOutbox", pushLatency.byOutbox ?? .nan),
            ("outbox.deliveryDelayMean", outbox.deliveryDelayMean), ("outbox.deliveryDelayP95", outbox.deliveryDelayP95),
            ("outbox.acknowledged", Double(outbox.acknowledged)),
            ("pings.superseded", Double(pings.superseded)),
            ("pushLatency.mailArrived", Double(pushLatency.mailArrived)), ("pushLatency.delivered", Double(pushLatency.delivered)),
            ("pushLatency.undelivered", Double(pushLatency.undelivered)),
            ("pushLatency.undeliveredAgeMax", pushLatency.undeliveredAgeMax ?? .nan),
        ]
    }
}
