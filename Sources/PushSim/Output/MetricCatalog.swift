/// Every metric of `summary.json`, defined once (MODEL.md §4, §6).
///
/// A row says a metric's key path, unit, report label, description, whether and when it
/// can be missing, and its column in the sweep tables. Derived from these rows, and from
/// nothing else: the summary writer (`Summary.json`, key order = row order), the summary
/// reader (`Summary(jsonText:)` in PushSimReports), the sweep scalars (`Figures.scalars`,
/// the metric columns of sweep.csv, sweep-summary.csv and replications.csv, in `column`
/// order), the report glossary's metric terms, the metric names a `--target` may use
/// for a scenario (``init(scenario:)``), and the names, values and formats (by unit) of the
/// run report's cards and replication table and of the terminal table (its headers are the
/// rows' `shortLabel`s). Figures that follow from these (refused, the lost share) are not
/// rows: PushSimReports defines them once, in `DerivedMetrics`.
///
/// Adding a metric is one row here plus the one place that computes it (`Figures.init` in
/// Metrics/Outcome.swift, or the model for a restart's figure). A figure that cannot always
/// be computed is optional in `Figures` and says `missingWhen`; it is then `null`, an
/// empty cell and "—", never a fake 0.
public struct MetricCatalog: Sendable {
    /// The members of every figures object (the top level, a population, a server), in
    /// the order summary.json writes them.
    public static let figures: [Metric<Figures>] = [
        Metric("pings.total", .count, "Pings", "Pings that ended at the server: answered 200, 409 or 503, or reset.", column: 0, .count(\.pings.total)),
        Metric("pings.status2", .count, "Status 2", "Pings answered because mail arrived; the phone then syncs.", column: 1, .count(\.pings.status2)),
        Metric("pings.status1", .count, "Status 1", "Pings whose heartbeat ran out with no new mail.", column: 2, .count(\.pings.status1)),
        Metric("pings.conflict409", .count, "HTTP 409", "Pings answered 409 because a newer request of the same device arrived.", column: 3, .count(\.pings.conflict409)),
        Metric("pings.status5", .count, "Status 5", "Pings whose heartbeat was outside the server's limits.", column: 4, .count(\.pings.status5)),
        Metric("pings.lost", .count, "Lost Pings", "Pings the phone got no answer to by the heartbeat plus a grace (the device's view; overlaps the others).", shortLabel: "lost Pings", column: 5, .count(\.pings.lost)),
        Metric("pings.rejected503", .count, "Pings refused (503)", "Pings refused because no thread was free and the queue was full, or the server was restarting.", column: 6, .count(\.pings.rejected503)),
        Metric("pings.reset", .count, "Pings reset", "Pings whose connection a restart reset.", column: 7, .count(\.pings.reset)),
        Metric("pings.superseded", .count, "Superseded Pings", "Pings ended because a newer request of their device started, whatever the server answered.", column: 55, .count(\.pings.superseded)),
        Metric("pings.share409", .share, "409 share", "Pings answered 409, as a share of Pings that ended.",
               shortLabel: "409 share", missingWhen: "no Ping ended", column: 8, .optionalFigure(\.pings.share409)),
        Metric("httpStatus", .count, "HTTP status", "Requests by the HTTP status code the server logged.", .structure(.httpStatus)),
        Metric("threads.capacity", .threads, "Threads (capacity)", "HTTP threads of the server, or of every server of the pool.", .count(\.threads.capacity)),
        Metric("threads.mean", .threads, "Threads held, mean", "Threads held, time-weighted over the measured window (summed over a pool's servers).", shortLabel: "threads mean", column: 9, .figure(\.threads.mean)),
        Metric("threads.p50", .threads, "Threads held, p50", "Threads held that half the time stays at or below.",
               missingWhen: "for a pool of servers, or a population on several (a quantile of a sum is not the sum of quantiles)", column: 10, .optionalFigure(\.threads.p50)),
        Metric("threads.p95", .threads, "Threads held, p95", "Threads held that 95 % of the time stays at or below.",
               missingWhen: "for a pool of servers, or a population on several", column: 11, .optionalFigure(\.threads.p95)),
        Metric("threads.p99", .threads, "Threads held, p99", "Threads held that 99 % of the time stays at or below.",
               shortLabel: "threads p99", missingWhen: "for a pool of servers, or a population on several", column: 12, .optionalFigure(\.threads.p99)),
        Metric("threads.max", .threads, "Threads held, max", "The most threads held at once.",
               shortLabel: "threads max", missingWhen: "for a pool of servers, or a population on several", column: 13, .optionalCount(\.threads.max)),
        Metric("threads.fullFraction", .share, "Time the pool was full", "Share of the time every thread of the server was held (a pool's: the mean over its servers).", column: 14, .figure(\.threads.fullFraction)),
        Metric("queue.meanLength", .requests, "Queue length, mean", "Requests waiting for a thread, time-weighted (summed over a pool's servers).", column: 15, .figure(\.queue.meanLength)),
        Metric("queue.maxLength", .requests, "Queue length, max", "The most requests waiting for a thread at once.",
               missingWhen: "for a pool of servers, or a population on several", column: 16, .optionalCount(\.queue.maxLength)),
        Metric("queue.waitP50", .seconds, "Wait for a thread, p50", "Wait for a thread that half the started requests stay at or below.",
               missingWhen: "no request started on a thread", column: 17, .optionalFigure(\.queue.waitP50)),
        Metric("queue.waitP95", .seconds, "Wait for a thread, p95", "Wait for a thread that 95 % of started requests stay at or below.",
               missingWhen: "no request started on a thread", column: 18, .optionalFigure(\.queue.waitP95)),
        Metric("queue.waitP99", .seconds, "Wait for a thread, p99", "Wait for a thread that 99 % of started requests stay at or below.",
               missingWhen: "no request started on a thread", column: 19, .optionalFigure(\.queue.waitP99)),
        Metric("queue.waitMean", .seconds, "Wait for a thread, mean", "Mean wait for a thread, over all started requests.",
               missingWhen: "no request started on a thread", column: 20, .optionalFigure(\.queue.waitMean)),
        Metric("queue.waitedShare", .share, "Requests that waited", "Share of started requests that had to wait for a thread at all (Erlang C's probability of waiting).",
               missingWhen: "no request started on a thread", column: 21, .optionalFigure(\.queue.waitedShare)),
        Metric("pingDuration.count", .count, "Pings timed", "Pings timed at the server, from start on a thread to the response.", .count(\.pingDuration.count)),
        Metric("pingDuration.mean", .seconds, "Ping time at the server, mean", "Mean time a Ping spent at the server, from start on a thread to the response.",
               missingWhen: "no Ping was answered", column: 22, .optionalFigure(\.pingDuration.mean)),
        Metric("pingDuration.p50", .seconds, "Ping time at the server, p50", "Time at the server that half the Pings stay at or below.",
               missingWhen: "no Ping was answered", .optionalFigure(\.pingDuration.p50)),
        Metric("pingDuration.p95", .seconds, "Ping time at the server, p95", "Time at the server that 95 % of Pings stay at or below.",
               missingWhen: "no Ping was answered", column: 23, .optionalFigure(\.pingDuration.p95)),
        Metric("pingDuration.max", .seconds, "Ping time at the server, max", "The longest time a Ping spent at the server.",
               missingWhen: "no Ping was answered", .optionalFigure(\.pingDuration.max)),
        Metric("syncDuration.count", .count, "Syncs timed", "Syncs timed at the server, from start on a thread to the response.", .count(\.syncDuration.count)),
        Metric("syncDuration.mean", .seconds, "Sync time at the server, mean", "Mean time a Sync spent at the server, from start on a thread to the response.",
               missingWhen: "no Sync was answered", column: 24, .optionalFigure(\.syncDuration.mean)),
        Metric("syncDuration.p50", .seconds, "Sync time at the server, p50", "Time at the server that half the Syncs stay at or below.",
               missingWhen: "no Sync was answered", .optionalFigure(\.syncDuration.p50)),
        Metric("syncDuration.p95", .seconds, "Sync time at the server, p95", "Time at the server that 95 % of Syncs stay at or below.",
               missingWhen: "no Sync was answered", column: 25, .optionalFigure(\.syncDuration.p95)),
        Metric("syncDuration.max", .seconds, "Sync time at the server, max", "The longest time a Sync spent at the server.",
               missingWhen: "no Sync was answered", .optionalFigure(\.syncDuration.max)),
        Metric("syncs.total", .count, "Syncs", "Syncs the devices sent.", column: 26, .count(\.syncs.total)),
        Metric("syncs.timeouts", .count, "Syncs timed out", "Syncs with no response in time.", column: 27, .count(\.syncs.timeouts)),
        Metric("syncs.rejected503", .count, "Syncs refused (503)", "Syncs refused because no thread was free and the queue was full, or the server was restarting.", column: 28, .count(\.syncs.rejected503)),
        Metric("syncs.reset", .count, "Syncs reset", "Syncs whose connection a restart reset.", .count(\.syncs.reset)),
        Metric("pushLatency.mailArrived", .count, "Mail arrived", "Mail that arrived at the server after warmup.", column: 56, .count(\.pushLatency.mailArrived)),
        Metric("pushLatency.delivered", .count, "Mail delivered", "Of it, mail that reached the device by the end of the run.", column: 57, .count(\.pushLatency.delivered)),
        Metric("pushLatency.undelivered", .count, "Mail undelivered", "Of it, mail not on the device at the end of the run.", column: 58, .count(\.pushLatency.undelivered)),
        Metric("pushLatency.undeliveredAgeMax", .seconds, "Oldest undelivered mail", "Age at the end of the run of the oldest undelivered mail.",
               missingWhen: "all mail was delivered", column: 59, .optionalFigure(\.pushLatency.undeliveredAgeMax)),
        Metric("pushLatency.mean", .seconds, "Push latency, mean", "Mean time from a mail's arrival at the server to its delivery on the phone.",
               missingWhen: "no mail was delivered", column: 29, .optionalFigure(\.pushLatency.mean)),
        Metric("pushLatency.p50", .seconds, "Push latency p50", "Push latency that half the delivered mail stays at or below.",
               missingWhen: "no mail was delivered", column: 30, .optionalFigure(\.pushLatency.p50)),
        Metric("pushLatency.p95", .seconds, "Push latency p95", "Push latency that 95 % of delivered mail stays at or below.",
               shortLabel: "push p95", missingWhen: "no mail was delivered", column: 31, .optionalFigure(\.pushLatency.p95)),
        Metric("pushLatency.p99", .seconds, "Push latency p99", "Push latency that 99 % of delivered mail stays at or below.",
               missingWhen: "no mail was delivered", column: 32, .optionalFigure(\.pushLatency.p99)),
        Metric("pushLatency.byPush", .share, "Mail by push", "Share of delivered mail that a Ping's answer brought.",
               missingWhen: "no mail was delivered", column: 33, .optionalFigure(\.pushLatency.byPush)),
        Metric("pushLatency.byUserOpen", .share, "Mail on opening", "Share of delivered mail that a Sync on the user opening Mail brought.",
               missingWhen: "no mail was delivered", column: 34, .optionalFigure(\.pushLatency.byUserOpen)),
        Metric("pushLatency.byFetch", .share, "Mail by fetch", "Share of delivered mail that a scheduled fetch brought.",
               missingWhen: "no mail was delivered", column: 35, .optionalFigure(\.pushLatency.byFetch)),
        Metric("pushLatency.byOutbox", .share, "Mail with the outbox", "Share of delivered mail that a Sync sending the outbox brought.",
               missingWhen: "no mail was delivered", column: 51, .optionalFigure(\.pushLatency.byOutbox)),
        Metric("pushLatency.afterLostPing", .share, "Mail late after a lost Ping", "Share of delivered mail that waited for the phone to ping again after a lost Ping.",
               missingWhen: "no mail was delivered", column: 36, .optionalFigure(\.pushLatency.afterLostPing)),
        Metric("pushLatency.bins", .count, "Push latency distribution", "Delivered mail by push latency, in bins of a quarter of a power of two: [low, high, count].", .structure(.latencyBins)),
        Metric("battery.joulesPerDeviceDay", .joulesPerDay, "Joules per device-day", "Mean radio energy a device spends on this traffic a day, above its idle floor.",
               missingWhen: "the group has no devices", column: 37, .optionalFigure(\.battery.joulesPerDeviceDay)),
        Metric("battery.joulesPerDeviceDayP95", .joulesPerDay, "Joules per device-day, p95", "Radio energy a day that 95 % of devices stay at or below.",
               missingWhen: "the group has no devices", column: 38, .optionalFigure(\.battery.joulesPerDeviceDayP95)),
        Metric("battery.percentPerDay", .percentPerDay, "Battery per day", "Energy the radio spends on this traffic, above its idle floor, as a share of the battery's capacity.",
               shortLabel: "battery/day", missingWhen: "the group has no devices", column: 39, .optionalFigure(\.battery.percentPerDay)),
        Metric("battery.radioActiveSecondsPerDay", .secondsPerDay, "Radio active per day", "Time a day the radio is out of its idle state for this traffic, per device.",
               missingWhen: "the group has no devices, or nothing was measured", column: 40, .optionalFigure(\.battery.radioActiveSecondsPerDay)),
        Metric("heartbeat.meanSeconds", .seconds, "Heartbeat, mean", "The heartbeat push devices asked for, time-weighted over the measured window.",
               missingWhen: "the group has no push devices, or nothing was measured", column: 41, .optionalFigure(\.heartbeat.meanSeconds)),
        Metric("heartbeat.final", .count, "Final heartbeats", "Push devices by the heartbeat they ended with: [{seconds, devices}], ascending.", .structure(.finalHeartbeats)),
        Metric("outbox.created", .count, "Outbox items", "Items the users put in the outbox.", column: 42, .count(\.outbox.created)),
        Metric("outbox.delivered", .count, "Outbox items delivered", "Distinct items the server delivered.", column: 43, .count(\.outbox.delivered)),
        Metric("outbox.duplicates", .count, "Duplicate deliveries", "Extra deliveries of an item the server had already delivered.", column: 44, .count(\.outbox.duplicates)),
        Metric("outbox.acknowledged", .count, "Outbox items acknowledged", "Items whose delivery the device learned of.", column: 54, .count(\.outbox.acknowledged)),
        Metric("outbox.conflicts", .count, "Outbox conflicts", "Items that ended in a conflict the user did not resend.", column: 45, .count(\.outbox.conflicts)),
        Metric("outbox.permanentErrors", .count, "Outbox errors", "Items that ended in a permanent error.", column: 46, .count(\.outbox.permanentErrors)),
        Metric("outbox.resent", .count, "Outbox items resent", "Conflicts the user sent again.", column: 47, .count(\.outbox.resent)),
        Metric("outbox.pendingAtEnd", .count, "Outbox items pending", "Items still in the outbox at the end of the run.", column: 48, .count(\.outbox.pendingAtEnd)),
        Metric("outbox.pendingAgeP95", .seconds, "Pending age p95", "How long items were pending (resolved ones), or had been at the end (the rest), p95.",
               missingWhen: "no outbox item was pending", column: 49, .optionalFigure(\.outbox.pendingAgeP95)),
        Metric("outbox.pendingAgeMax", .seconds, "Pending age, max", "The longest an item was pending.",
               missingWhen: "no outbox item was pending", column: 50, .optionalFigure(\.outbox.pendingAgeMax)),
        Metric("outbox.deliveryDelayMean", .seconds, "Delivery delay, mean", "Mean time from an item's creation to its acknowledgement.",
               missingWhen: "no outbox item was acknowledged", column: 52, .optionalFigure(\.outbox.deliveryDelayMean)),
        Metric("outbox.deliveryDelayP95", .seconds, "Delivery delay p95", "Time from creation to acknowledgement that 95 % of acknowledged items stay at or below.",
               missingWhen: "no outbox item was acknowledged", column: 53, .optionalFigure(\.outbox.deliveryDelayP95)),
    ]

    /// The members of each element of `restarts` (one graceful restart).
    public static let restart: [Metric<RestartFigures>] = [
        Metric("server", .count, "Server", "The server that restarted.", .name(\.server)),
        Metric("at", .seconds, "At", "When the restart began, in seconds from the start of the run.", .figure(\.at)),
        Metric("drainSeconds", .seconds, "Drain", "How long the server waited for requests in progress before it stopped.", .figure(\.drainSeconds)),
        Metric("waitedFor", .count, "Waited for", "Requests the drain let finish.", .count(\.waitedFor)),
        Metric("reset", .count, "Reset", "Requests whose connection the restart reset.", .count(\.reset)),
        Metric("refused", .count, "Refused", "Requests refused (503) while the server drained.", .count(\.refused)),
        Metric("unanswered", .count, "Unanswered", "Requests that reached the server while it was down (no answer; they time out).", .count(\.unanswered)),
        Metric("pushLatencyP95After", .seconds, "Push latency p95 in the hour after", "Push latency p95 of mail delivered in the hour after the restart began.",
               missingWhen: "no mail was delivered in that hour", .optionalFigure(\.pushLatencyP95After)),
    ]

    /// The scalars of summary.json that describe the run rather than measure it (top
    /// level), and `devices` of each population and server.
    public static let runFacts = ["seed", "replication", "devices", "simulatedSeconds", "measuredSeconds", "engine.events"]

    /// The figures of the sweep tables, in column order.
    public static let sweepColumns: [Metric<Figures>] = figures.filter { $0.column != nil }.sorted { $0.column! < $1.column! }

    /// The row for `path` (`pings.share409`), if any.
    public static func figure(_ path: String) -> Metric<Figures>? { figures.first { $0.path == path } }

    // MARK: The metric names of one scenario's summary

    /// Every key path of a number in this scenario's summary.json, in the summary's order:
    /// the overall figures, then each population's (`populations.<name>.<metric>`), then
    /// each server's in a pool of more than one (`servers.<name>.<metric>`).
    public let paths: [String]
    /// Objects keyed by numbers (`httpStatus`, `heartbeat.final` and their prefixed forms):
    /// any numeric member is a metric (a count, 0 when the run had none).
    public let countedMaps: Set<String>

    /// The metric names a `--target` may use for `scenario`: derived from the rows and the
    /// scenario's populations and servers, with no run. O(rows × (populations + servers)).
    public init(scenario: Scenario) {
        let scalars = Self.figures.filter(\.isScalar).map(\.path)
        let maps = Self.figures.filter { $0.kind == .structure && $0.path != "pushLatency.bins" }.map(\.path)
        var paths = Self.runFacts.filter { $0 != "seed" && $0 != "replication" } + scalars
        var counted = Set(maps)
        var prefixes = scenario.populations.map { "populations.\($0.name)." }
        if scenario.servers.count > 1 { prefixes += scenario.servers.map { "servers.\($0.name)." } }
        for prefix in prefixes {
            paths.append(prefix + "devices")
            paths += scalars.map { prefix + $0 }
            counted.formUnion(maps.map { prefix + $0 })
        }
        self.paths = paths
        self.countedMaps = counted
    }

    /// Whether `metric` names a number of this scenario's summary (or a member of a counted map).
    public func contains(_ metric: String) -> Bool {
        if paths.contains(metric) { return true }
        guard let dot = metric.lastIndex(of: ".") else { return false }
        let last = metric[metric.index(after: dot)...]
        return countedMaps.contains(String(metric[..<dot])) && !last.isEmpty && Double(last) != nil
    }
}
