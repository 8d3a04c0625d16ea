import Charts
import DiscreteEvent

/// The report of `pushsim size`: the answer and the value next to it that fails, the rules
/// of thumb beside it, and the search itself — each evaluated value against each target,
/// with the 95 % interval, the target line and the boundary marked.
public enum SizeReport {
    /// The page for `table`; the same table gives the same bytes.
    public static func html(_ t: SizeTable) -> String {
        var page = HTMLDocument(title: t.title.isEmpty ? "PushSim size" : "\(t.title): \(t.parameter)",
                                subtitle: subtitle(t),
                                footer: "PushSim size report · \(ReportText.plural(t.points.count, "value")) × \(ReportText.plural(t.replications, "replication")). Means over replications with 95% confidence intervals (Student's t).")
        if !t.description.isEmpty { page.paragraph(t.description) }
        page.keyFindings(SizeFindings.sentences(t))
        page.cards(cards(t))
        if !t.points.isEmpty {
            page.section("The search, target by target")
            page.paragraph("Each chart shows one target's metric at every value the search evaluated (mean over the replications, with the 95% confidence band). The dashed horizontal line is the target; the vertical lines mark the answer and the neighbour that fails.")
            for (i, target) in t.targets.enumerated() {
                page.figure(chart(t, i), height: 300, caption: "\(target.text): a value meets it when the mean does.")
            }
            page.section("Every value evaluated")
            page.table(table(t))
        }
        ReportGlossary.add(to: &page, names: ["Held thread", "p50 / p95 / p99", "Push latency", "95% confidence interval"])
        return page.render()
    }

    static func subtitle(_ t: SizeTable) -> String {
        var parts = ["\(ReportText.sentence(t.direction)) \(t.parameter) in \(t.rangeLabels.low)..\(t.rangeLabels.high)"]
        parts.append("targets: " + t.targets.map(\.text).joined(separator: ", "))
        parts.append(ReportText.plural(t.replications, "replication") + " per value")
        return parts.joined(separator: " · ")
    }

    static func cards(_ t: SizeTable) -> [HTMLCard] {
        var cards: [HTMLCard] = []
        if let a = t.answer {
            cards.append(HTMLCard(t.parameter, value: t.points[a].label, detail: "\(t.direction) meeting \(ReportText.plural(t.targets.count, "target"))"))
            if let n = t.next, let failed = t.points[n].missed.first {
                cards.append(HTMLCard("Fails at", value: t.points[n].label,
                                      detail: "\(t.targets[failed].metric) \(SizeFindings.figure(t.points[n].figures[failed]))"))
            }
        } else {
            cards.append(HTMLCard(t.parameter, value: NumberFormat.missing, detail: "no value in the range meets the targets"))
        }
        for rule in t.rules.prefix(2) {
            cards.append(HTMLCard(rule.name, value: ReportText.number(rule.value, decimals: 0), detail: "rule of thumb"))
        }
        cards.append(HTMLCard("Evaluated", value: "\(t.points.count) × \(t.replications)", detail: "values × replications"))
        return cards
    }

    static func chart(_ t: SizeTable, _ i: Int) -> LineChart {
        let target = t.targets[i]
        var points: [(x: Double, y: Double)] = []
        var band: [(x: Double, low: Double, high: Double)] = []
        var meeting: [(x: Double, y: Double)] = []
        for p in t.points {
            guard let ci = p.figures[i], ci.mean.isFinite else { continue }
            points.append((p.value, ci.mean))
            if p.meets[i] { meeting.append((p.value, ci.mean)) }
            if ci.count > 1 { band.append((p.value, ci.mean - ci.halfWidth, ci.mean + ci.halfWidth)) }
        }
        var vertical: [ReferenceLine] = []
        if let a = t.answer { vertical.append(ReferenceLine(t.points[a].value, label: "answer \(t.points[a].label)", color: RunCharts.status2Color)) }
        if let n = t.next { vertical.append(ReferenceLine(t.points[n].value, label: "fails \(t.points[n].label)", color: RunCharts.refusedColor)) }
        return LineChart(title: target.metric, summary: "\(target.metric) against \(t.parameter) at every evaluated value; target \(target.text).",
                         xAxis: Axis(t.parameter, format: t.isDuration ? .duration : .number),
                         yAxis: Axis(target.metric, includesZero: true),
                         series: [.init(target.metric, points: points, band: band, showsMarkers: true),
                                  .init("meets \(target.relation.rawValue) \(MetricTarget.number(target.value))", points: meeting,
                                        showsMarkers: true, color: RunCharts.status2Color)],
                         horizontalReferences: [ReferenceLine(target.value, label: target.text)],
                         verticalReferences: vertical, showsLegend: true)
    }

    static func table(_ t: SizeTable) -> HTMLTable {
        let header = [t.parameter] + t.targets.map(\.text) + ["Meets all", "Evaluated", ""]
        let rows = t.points.enumerated().map { index, p -> [String] in
            let marks = p.figures.indices.map { SizeFindings.figure(p.figures[$0]) + (p.meets[$0] ? " ✓" : " ✗") }
            let note = index == t.answer ? "◀ answer" : index == t.next ? "◀ fails" : ""
            return [p.label] + marks + [p.meetsAll ? "yes" : "no", "#\(p.order + 1)", note]
        }
        let alignments: [HTMLTable.Alignment] = [.right] + Array(repeating: .right, count: t.targets.count) + [.left, .right, .left]
        return HTMLTable(header: header, rows: rows, caption: "Mean ± 95% confidence interval over the replications of each value; ✓ meets the target, ✗ does not.",
                         alignments: alignments)
    }
}
