import Charts

/// "How to read this report": the terms in plain words, shared by the run and sweep reports.
enum ReportGlossary {
    static let terms: [(String, String)] = [
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
        ("Battery per day", "Energy the radio spends on this traffic, above its idle floor, as a share of the battery's capacity."),
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
