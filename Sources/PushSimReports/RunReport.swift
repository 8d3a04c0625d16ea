import Charts
import PushSim

/// The report of one run (`report.html`, MODEL.md §6): a self-contained page — inline CSS
/// and SVG, no scripts, no external resources — that shows in a minute whether the server is
/// sized right and why Pings end the way they do. The same inputs give the same bytes.
public enum RunReport {
    /// The page for `summary` and its time series.
    ///
    /// - Parameters:
    ///   - description: what question the scenario answers, shown under the title.
    ///   - replications: summaries of several replications of the same scenario; with more
    ///     than one, the page adds their spread (mean ± 95 % confidence interval).
    public static func html(summary: Summary, timeseries: [ServerTimeseries], description: String = "",
                            replications: [Summary] = [], queueLimits: [Int] = []) -> String {
        let s = summary
        var page = HTMLDocument(title: s.scenario.isEmpty ? "PushSim run" : s.scenario, subtitle: subtitle(s),
                                footer: "PushSim run report · seed \(s.seed) · replication \(s.replication) · \(ReportText.count(s.events)) events simulated. Times are simulated time.")
        if !description.isEmpty { page.paragraph(description) }
        page.keyFindings(RunFindings.sentences(s, replications: replications))
        // Two rows of three read as a deliberate grid; six in a row wrap unevenly.
        let cards = RunCards.cards(s)
        page.cards(Array(cards.prefix(3)))
        page.cards(Array(cards.dropFirst(3)))

        page.section("Server threads")
        page.paragraph("Every request holds an HTTP thread while the server works on it, and on Notes Traveler a pending Ping holds one for its whole life. When every thread is held, new requests queue; when the queue is full they are refused with 503.")
        if let chart = RunCharts.threads(s, timeseries) {
            page.figure(chart, height: 340, caption: timeseries.count > 1
                        ? "Highest number of threads held in each sample interval, per server, against each server's pool size."
                        : "Threads held in each sample interval (highest and time-weighted mean), against the pool size.")
        } else {
            page.note("No time series was given, so threads over time are not shown.")
        }
        if let chart = RunCharts.queue(s, timeseries, queueLimits: queueLimits) {
            page.figure(chart, height: 300, caption: "Requests waiting for a free thread in each sample interval.")
        } else if !timeseries.isEmpty {
            page.note("No request ever waited for a thread.")
        }
        page.note("Threads and queue are time-weighted over the measured window; waits and durations are per request.")
        page.table(RunTables.server(s))

        page.section("How Pings end")
        if let chart = RunCharts.outcomes(s) {
            page.figure(chart, height: barHeight(rows: RunCharts.groups(s).count, perRow: 44),
                        caption: "Outcome of every Ping that ended at the server. Lost Pings are the devices' view: the server answered them, but the answer never arrived, so they are shown separately.")
        } else {
            page.note("No Ping ended at the server in the measured window.")
        }
        if let chart = RunCharts.outcomesOverTime(s, timeseries) {
            page.figure(chart, height: 300, caption: "Pings ending in each hour of simulated time, over all servers.")
        }
        if let chart = RunCharts.lost(s) {
            page.figure(chart, height: barHeight(rows: RunCharts.groups(s).count, perRow: 50),
                        caption: "Pings lost (no answer by heartbeat plus grace) and mail that reached the device only after such a loss.")
        } else if s.overall.pings.total > 0 {
            page.note("No Ping was lost: every answer reached its device.")
        }
        page.note("Per population, over the measured window: 409 and lost Pings as shares of Pings, push latency percentiles, the radio's battery use and energy per device-day (above its idle floor), and the time-weighted mean heartbeat.")
        page.table(RunTables.populations(s))
        if let table = RunTables.finalHeartbeats(s) { page.table(table) }

        page.section("Push latency")
        if let chart = RunCharts.latency(s) {
            page.figure(chart, height: 320, caption: "Time from a mail's arrival at the server to its delivery on the device, with p50, p95 and p99 marked.")
        } else {
            page.note("No mail was delivered in the measured window.")
        }
        page.table(RunTables.delivery(s))

        page.section("Battery")
        if let chart = RunCharts.battery(s) {
            page.figure(chart, height: barHeight(rows: s.populations.count, perRow: 40),
                        caption: "Radio energy for this traffic per device and day, as a share of battery capacity.")
        }
        page.paragraph(batteryText(s))

        if s.overall.outbox.created > 0 {
            page.section("Outbox")
            page.table(RunTables.outbox(s))
        }
        if !s.restarts.isEmpty {
            page.section("Restarts")
            page.table(RunTables.restarts(s))
        }
        if let table = ReplicationFigures.table(replications) {
            page.section("Replications")
            page.table(table)
        }
        ReportGlossary.add(to: &page, names: ReportGlossary.terms.map(\.0).filter { $0 != "95% confidence interval" || replications.count > 1 })
        return page.render()
    }

    /// Height of a horizontal bar chart: room for the title, legend and axis, then a band per
    /// row; never so short that one bar turns into a sliver without its value label.
    static func barHeight(rows: Int, perRow: Int) -> Int { max(190, 110 + perRow * rows) }

    static func subtitle(_ s: Summary) -> String {
        var parts = ["Seed \(s.seed)", "replication \(s.replication)"]
        let populations = s.populations.count
        parts.append("\(ReportText.plural(s.devices, "device")) in \(ReportText.plural(populations, "population"))")
        var time = "\(ReportText.duration(s.simulatedSeconds)) simulated"
        if s.warmupSeconds > 0 { time += ", \(ReportText.duration(s.measuredSeconds)) measured after \(ReportText.duration(s.warmupSeconds)) warmup" }
        parts.append(time)
        if s.servers.isEmpty {
            parts.append("1 server with \(ReportText.plural(s.overall.threads.capacity, "thread"))")
        } else {
            parts.append("\(s.servers.count) servers with \(ReportText.plural(s.totalThreads, "thread")) in all")
        }
        return parts.joined(separator: " · ")
    }

    static func batteryText(_ s: Summary) -> String {
        let b = s.overall.battery
        guard s.devices > 0 else { return "There are no devices." }
        return "On average a device spends \(ReportText.number(b.joulesPerDeviceDay, decimals: 0)) J a day on this traffic (p95 over devices \(ReportText.number(b.joulesPerDeviceDayP95, decimals: 0)) J), \(ReportText.percentValue(b.percentPerDay)) of its battery, with the radio active \(ReportText.duration(b.radioActiveSecondsPerDay)) a day. Every heartbeat wakes the radio, which then stays in a high-power tail for several seconds, so fewer, longer heartbeats save battery — as long as the firewall keeps the connection open."
    }
}
