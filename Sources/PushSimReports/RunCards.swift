import Charts
import PushSim

/// The headline figures at the top of a run report. A card's title and value are a catalog
/// (or derived) figure's label and its value in the format of its unit; the details beside
/// them are sentences of their own.
enum RunCards {
    /// A card whose title and value are the figure at `path`.
    static func card(_ path: String, _ f: Figures, detail: String) -> HTMLCard? {
        ReportMetric.named(path).map { HTMLCard($0.label, value: ReportText.format($0.value(in: f), unit: $0.unit), detail: detail) }
    }

    static func cards(_ s: Summary) -> [HTMLCard] {
        let o = s.overall
        let capacity = o.threads.capacity
        var cards: [HTMLCard?] = []
        cards.append(card("pings.share409", o,
                          detail: "\(ReportText.count(o.pings.conflict409)) of \(ReportText.count(o.pings.total)) Pings"))
        // Two figures against each other: a title of its own.
        cards.append(HTMLCard(s.servers.isEmpty ? "Threads p99 / capacity" : "Threads p99 / capacity per server",
                              value: "\(ReportText.number(o.threads.p99, decimals: 0)) / \(ReportText.count(capacity))",
                              detail: "max \(ReportText.count(o.threads.max)) · full \(ReportText.share(o.threads.fullFraction)) of the time"))
        cards.append(card(DerivedMetrics.refused.path, o,
                          detail: "\(ReportText.count(o.pings.rejected503)) Pings · \(ReportText.count(o.syncs.rejected503)) Syncs"))
        cards.append(card("pings.lost", o,
                          detail: "\(ReportText.share(o.lostShare)) of Pings · \(ReportText.share(o.pushLatency.afterLostPing)) of mail late"))
        let l = o.pushLatency
        cards.append(card("pushLatency.p95", o,
                          detail: l.delivered == 0 ? RunFindings.nothingDelivered(l)
                              : "p50 \(ReportText.duration(l.p50)) · \(ReportText.count(l.delivered)) mails"
                                + (l.undelivered > 0 ? " · \(ReportText.count(l.undelivered)) undelivered" : "")))
        cards.append(card("battery.percentPerDay", o,
                          detail: "\(ReportText.number(o.battery.joulesPerDeviceDay, decimals: 0)) J per device-day"))
        return cards.compactMap { $0 }
    }
}
