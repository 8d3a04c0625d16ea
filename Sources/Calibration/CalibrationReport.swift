import AccessLogs
import Charts
import Foundation

/// calibrate's `report.html`, built with the Charts module like the reports of `run` and
/// `logs`: the log, the estimates per device type with their intervals and evidence, the
/// heartbeat, the profile, the server and its threads, the check (or a note that it was not
/// run), and how to use the scenario. Self-contained (inline CSS and SVG, no script, nothing
/// fetched); the same calibration and check give the same bytes.
public enum CalibrationReport {
    static let profileColor = "#0072B2", pingColor = "#0072B2"

    static func number(_ x: Double?, _ digits: Int = 1) -> String { x.map { Calibration.fixed($0, digits) } ?? "—" }
    static func interval(_ r: RateEstimate) -> String { "\(number(r.ci95.low))–\(number(r.ci95.high))" }
    static func seconds(_ x: Double?) -> String { x.map { NumberFormat.duration($0, maxDecimals: 2) } ?? "—" }

    /// - Parameters:
    ///   - scenarioFile: the scenario's path as the user gave `--out`, for the "how to use".
    ///   - check: the check run, or nil when it was not run.
    ///   - notRun: why there is no check (default: `--no-check` skipped it).
    public static func html(_ c: Calibration, check: CalibrationCheck?, scenarioFile: String, logFiles: [String],
                            notRun: String = "--no-check") -> String {
        let f = c.figures
        let days = f.spanSeconds / 86_400
        var page = HTMLDocument(title: "Calibration: \(c.name)",
                                subtitle: "\(f.format.rawValue) log · \(Calibration.plural(f.requests, "request")) · \(Calibration.plural(f.devices.count, "device")) · \(Calibration.fixed(days, 2)) days",
                                footer: "PushSim calibration report · \(Calibration.plural(logFiles.count, "log file")): \(logFiles.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", ")) · format \(f.format.rawValue) (\(f.formatReason)).")
        let flagged = check?.rows.filter(\.flagged).count
        page.cards([
            HTMLCard("Device types", value: "\(c.types.count)", detail: Calibration.plural(c.types.reduce(0) { $0 + $1.devices }, "device")),
            HTMLCard("Server", value: c.serverKind, detail: "\(Calibration.plural(c.threads, "thread")) (log's peak)"),
            HTMLCard("Check", value: flagged.map { $0 == 0 ? "within noise" : "\($0) flagged" } ?? "not run",
                     detail: check.map { "over \(Calibration.fixed($0.simulatedDeviceDays, 2)) simulated device-days" } ?? (notRun == "--no-check" ? notRun : "too large here")),
        ])

        page.section("The log")
        page.table(HTMLTable(header: ["format", "requests", "devices", "Pings", "span", "from", "to"],
                             rows: [[f.format.rawValue, "\(f.requests)", "\(f.devices.count)", "\(f.pings.total)",
                                     NumberFormat.durationCompound(f.spanSeconds), stamp(f.spanStart), stamp(f.spanEnd)]],
                             caption: "Times in UTC. Rates below are per device per day over the time the devices' Pings were open (device-days)."))

        page.section("Estimates by device type")
        page.paragraph("A Ping ends at the first of mail, an open and the heartbeat H (competing risks): with T the Pings' total open time, λ = 200 Pings ended before H ÷ T and μ = superseded Pings (for a dual client, Syncs beside an open Ping) ÷ T, with 95 % intervals ± 1.96 √n ÷ T.")
        page.table(HTMLTable(header: ["device type", "devices", "client", "H", "λ mail/day [95 %]", "μ opens/day [95 %]", "outbox/day", "device-days"],
                             rows: c.types.map { e in
                                 [e.deviceType, "\(e.devices)", e.client.rawValue, NumberFormat.duration(e.heartbeatSeconds),
                                  "\(number(e.mail.value)) [\(interval(e.mail))]", "\(number(e.opens.value)) [\(interval(e.opens))]",
                                  e.outbox.map { number($0.value, 2) } ?? "0", number(e.mail.days, 2)]
                             }, alignments: [.left, .right, .left, .right, .right, .right, .right, .right]))
        page.table(HTMLTable(header: ["device type", "Pings", "superseded", "mail Pings", "Syncs beside a Ping", "outbox items", "Syncs"],
                             rows: c.types.map { e in
                                 ["\(e.deviceType)", "\(e.pings)", "\(e.superseded)", "\(e.mail.count) (< \(e.mailCutoffSeconds) s)", "\(e.syncsDuringPing)",
                                  "\(e.outbox?.count ?? 0)", "\(e.syncs)"]
                             }, caption: "The evidence: the counts each estimate rests on. Mail Pings: 200 Pings shorter than H less the heartbeat margin.",
                             alignments: [.left, .right, .right, .right, .right, .right, .right]))
        if let note = c.setAsideNote { page.note(note) }

        page.section("Heartbeat")
        page.table(HTMLTable(header: ["device type", "H", "source", "Hb tokens", "share at H"],
                             rows: c.types.map { e in
                                 [e.deviceType, NumberFormat.duration(e.heartbeatSeconds), e.heartbeatSource,
                                  e.heartbeatTokenRange.map { $0.min == $0.max ? "\($0.min) s" : "\($0.min)–\($0.max) s" } ?? "none",
                                  e.heartbeatTokenRange.map { NumberFormat.percent($0.shareAtH) } ?? "—"]
                             }, caption: "H is the most frequent Hb token, else the cluster of the longest 200 Pings. Share at H: tokened Pings asking for H ± 5 s; below \(Int(Estimator.minimumShareAtHeartbeat * 100)) % the log is refused, below \(Int(Estimator.steadyShareAtHeartbeat * 100)) % it counts as a heartbeat that varies."))
        if let ping = f.commands.first(where: { $0.command == .ping }), !ping.histogram.isEmpty {
            let total = Double(ping.count)
            let bins = ping.histogram.filter { $0.high > 0.001 }.map { (max($0.low, 0.001), $0.high, Double($0.count) / total) }
            let hs = Set(c.types.map { Int($0.heartbeatSeconds.rounded()) }).sorted()
            page.figure(HistogramChart(title: "Ping duration", summary: "Distribution of the log's Ping durations, with each device type's heartbeat.",
                                       bins: bins, xAxis: Axis("time held", scale: .log10, format: .duration), yAxis: Axis("share of Pings", format: .percent),
                                       markers: hs.map { ReferenceLine(Double($0), label: "H \(NumberFormat.duration(Double($0)))") }, color: pingColor),
                        height: 320, caption: "Mail ends Pings at spread-out times; the heartbeat gathers the rest at H. A second spike below H is a firewall cutting Pings or a second heartbeat.")
        }

        page.section("Time-of-day profile")
        if let p = c.profile {
            page.figure(BarChart(title: "Hourly weights", summary: "Hourly weights (mean 1) of mail and opens per Ping-open hour.",
                                 categories: (0..<24).map { $0 < 10 ? "0\($0)" : "\($0)" },
                                 series: [BarChart.Series("weight", values: p, color: profileColor)],
                                 valueAxis: Axis("weight (mean 1)", includesZero: true), categoryAxisLabel: "hour of day",
                                 referenceLines: [ReferenceLine(1, label: "mean")], showsLegend: false),
                        height: 300, caption: "From \(c.profileEvents) Ping-ending events (mail and superseded Pings), per hour of the log's local time; the scenario's profile.")
        } else {
            page.note("Flat: the log covers less than a day (or an hour has no Ping time), so the scenario has no time-of-day profile.")
        }

        page.section("Server and threads")
        page.table(HTMLTable(header: ["", "value", "why"],
                             rows: [["server kind", c.serverKind, c.serverKindNote],
                                    ["threads", "\(c.threads)", c.threadsEvidence],
                                    ["concurrency p99 / max", "\(number(f.concurrency.p99)) / \(f.concurrency.max.map(String.init) ?? "—")", "requests in progress in the log, from their start and duration"],
                                    ["rule of thumb", "\(c.threadsRuleOfThumb)", "1.2 × devices"],
                                    ["Sync work", "median \(seconds(c.syncMedianSeconds)), p95 \(seconds(c.syncP95Seconds))", "lognormal fit of \(Calibration.plural(c.syncs200, "Sync")) answered 200"]],
                             alignments: [.left, .left, .left]))
        if c.plateau {
            page.note("The log's peak concurrency looks like a ceiling: the server was likely starved at its pool size. The scenario reproduces that server; size it with more threads to see the demand.")
        }

        page.section("Check: the scenario against its log")
        if let check {
            page.paragraph("The calibrated scenario run over the log's span, its figures beside the log's. Counts are flagged beyond 3 Poisson standard errors, the Ping duration mean beyond 3 standard errors of the mean (the log's standard deviation), the p95 beyond the log's durations at the shares 0.95 ± 3 standard errors of a share; concurrency p99 is not flagged. A log's durations run from a request's arrival, the simulation's Ping duration from the thread that takes it: the same where requests do not queue.")
            page.table(HTMLTable(header: ["figure", "log", "simulation", "difference", "noise (3 SE)", "verdict"],
                                 rows: check.rows.map { r in
                                     [r.name, r.log.map { NumberFormat.compact($0, significantDigits: 4) } ?? "—",
                                      r.simulation.map { NumberFormat.compact($0, significantDigits: 4) } ?? "—",
                                      r.relativeDifference.map { String(format: "%+.1f %%", $0 * 100) } ?? "—",
                                      r.tolerance.map { String(format: "± %.1f %%", $0 * 100) } ?? "not flagged",
                                      r.flagged ? "⚠ beyond the noise" : "ok"]
                                 }, alignments: [.left, .right, .right, .right, .right, .left]))
            if check.reasons.isEmpty {
                page.note("No figure is beyond the noise.")
            } else {
                page.keyFindings(check.reasons.map { r in "\(r.code.rawValue)\(r.deviceType.map { " (\($0))" } ?? ""): \(r.evidence)" },
                                 title: "Likely reasons, from the log")
            }
        } else {
            page.note("The check was not run (\(notRun)): the scenario has not been compared with its log.")
        }

        page.section("How to use it")
        page.paragraph("Run the scenario as it is to see the server of the log: pushsim run \(scenarioFile). Its report and summary.json give what the log cannot: push latency, lost Pings, battery.")
        page.paragraph("Then size it: vary what you plan to change (devices, threads, heartbeat, a firewall) with pushsim sweep or pushsim size on a copy of the scenario. Every estimated value in the scenario has a comment giving its evidence.")
        return page.render()
    }

    /// Same text as the `logs` report's times.
    static func stamp(_ seconds: Double?) -> String { seconds.map { LogTime.text(Int64(($0 * 1e6).rounded(.down))) } ?? "—" }
}
