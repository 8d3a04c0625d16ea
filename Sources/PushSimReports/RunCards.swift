import Charts
import PushSim

/// The headline figures at the top of a run report.
enum RunCards {
    static func cards(_ s: Summary) -> [HTMLCard] {
        let o = s.overall
        let capacity = o.threads.capacity
        var cards: [HTMLCard] = []
        cards.append(HTMLCard(ReportGlossary.label("pings.share409"), value: ReportText.share(o.pings.share409),
                              detail: "\(ReportText.count(o.pings.conflict409)) of \(ReportText.count(o.pings.total)) Pings"))
        cards.append(HTMLCard(s.servers.isEmpty ? "Threads p99 / capacity" : "Threads p99 / capacity per server",
                              value: "\(ReportText.number(o.threads.p99, decimals: 0)) / \(ReportText.count(capacity))",
                              detail: "max \(ReportText.count(o.threads.max)) · full \(ReportText.share(o.threads.fullFraction)) of the time"))
        cards.append(HTMLCard("Refused (503)", value: ReportText.count(o.refused),
                              detail: "\(ReportText.count(o.pings.rejected503)) Pings · \(ReportText.count(o.syncs.rejected503)) Syncs"))
        cards.append(HTMLCard("Lost Pings", value: ReportText.count(o.pings.lost),
                              detail: "\(ReportText.share(o.lostShare)) of Pings · \(ReportText.share(o.pushLatency.afterLostPing)) of mail late"))
        let l = o.pushLatency
        cards.append(HTMLCard(ReportGlossary.label("pushLatency.p95"), value: ReportText.duration(l.p95),
                              detail: l.delivered == 0 ? RunFindings.nothingDelivered(l)
                                  : "p50 \(ReportText.duration(l.p50)) · \(ReportText.count(l.delivered)) mails"
                                    + (l.undelivered > 0 ? " · \(ReportText.count(l.undelivered)) undelivered" : "")))
        cards.append(HTMLCard(ReportGlossary.label("battery.percentPerDay"), value: ReportText.percentValue(o.battery.percentPerDay),
                              detail: "\(ReportText.number(o.battery.joulesPerDeviceDay, decimals: 0)) J per device-day"))
        return cards
    }
}
