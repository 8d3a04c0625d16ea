import Charts

import PushSim

/// "How to read this report": the terms in plain words, shared by the run and sweep reports.
///
/// Two kinds of term: the protocol's concepts (Ping, heartbeat, status codes), written
/// here, and the metrics the reports show, whose name and words are the rows of
/// ``MetricCatalog`` (label, description, and when the figure is missing), so that a
/// metric is described once.
enum ReportGlossary {
    /// The metrics with a term of their own, by key path, in glossary order.
    static let metricPaths = ["pings.share409", "threads.fullFraction", "queue.waitedShare", "pushLatency.p95",
                              "pushLatency.afterLostPing", "battery.percentPerDay"]

    /// A metric's term: its label, and its description with when it shows "—".
    static func term(_ metric: Metric<Figures>) -> (String, String) {
        var text = metric.description
        if let missing = metric.missingWhen { text += " Shown as — when \(missing)." }
        return (metric.label, text)
    }

    /// The report label of the metric at `path` (the path itself for one the catalog lacks).
    static func label(_ path: String) -> String { MetricCatalog.figure(path)?.label ?? path }

    static let metricTerms: [(String, String)] = metricPaths.compactMap { MetricCatalog.figure($0).map(term) }

    static let terms: [(String, String)] = concepts.dropLast() + metricTerms + concepts.suffix(1)

    static let concepts: [(String, String)] = [
        ("Ping", "The long HTTP request a phone keeps open so that the server can tell it about new mail at once."),
        ("Heartbeat", "How long the phone asks the server to hold a Ping before answering anyway."),
        ("Status 2", "The server answered the Ping because mail arrived; the phone then sends a Sync to fetch it."),
        ("Status 1", "The heartbeat ran out with no new mail; the phone sends its next Ping straight away."),
        ("Status 5", "The heartbeat asked for is outside the server's limits; the server sends the limit back and the phone pings again."),
        ("HTTP 409", "A phone that keeps one request at a time (iPhone) dropped its Ping to sync, for example because the user opened Mail. The server cannot see the dropped connection and answers the old Ping with 409 when the newer request arrives. Expected, not a fault."),
        ("Lost Ping", "The phone got no answer by the heartbeat plus a few seconds' grace, usually because a firewall or NAT dropped the idle connection before the server answered. Mail that arrives meanwhile waits until the phone pings again."),
        ("HTTP 503", "The server refused a request because no thread was free and the queue was full, or because it was restarting."),
        ("Held thread", "A server thread busy with a request. On Notes Traveler a pending Ping holds its thread for its whole life, so threads held ≈ devices with a Ping open."),
        ("p50 / p95 / p99", "The value that 50%, 95% or 99% of cases stay at or below."),
        ("Push latency", "Time from a mail's arrival at the server to its delivery on the phone."),
        ("95% confidence interval", "Mean ± half-width over independent replications: the range the true mean lies in with 95% confidence."),
    ]

    static func table(_ names: [String]) -> HTMLTable {
        HTMLTable(header: ["Term", "Meaning"], rows: terms.filter { names.contains($0.0) }.map { [$0.0, $0.1] },
                  alignments: [.left, .left])
    }

    /// Adds the section to a page, with the terms `names` in glossary order.
    static func add(to page: inout HTMLDocument, names: [String]) {
        page.section("How to read this report")
        page.table(table(names))
    }
}
