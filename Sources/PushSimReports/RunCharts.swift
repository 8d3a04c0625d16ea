import Charts
import PushSim

/// The run report's figures. Each returns nil when there is nothing to draw, and the report
/// then says so in words instead of showing an empty frame.
enum RunCharts {
    /// One colour per Ping outcome, the same in every chart.
    static let status2Color = "#009E73"
    static let status1Color = "#0072B2"
    static let conflictColor = "#E69F00"
    static let status5Color = "#56B4E9"
    static let refusedColor = "#D55E00"
    static let resetColor = "#CC79A7"
    static let lostColor = "#555555"

    /// A level sampled per interval as a step line: each row's value holds over its interval,
    /// which ends at the row's time, so it is drawn from the previous row's time.
    static func steps(_ rows: [TimeseriesRow], _ value: (TimeseriesRow) -> Double) -> [(x: Double, y: Double)] {
        guard let first = rows.first else { return [] }
        let interval = rows.count > 1 ? rows[1].time - rows[0].time : first.time
        var points: [(x: Double, y: Double)] = []
        var start = max(first.time - interval, 0)
        for r in rows {
            points.append((start, value(r)))
            start = r.time
        }
        if let last = rows.last { points.append((last.time, value(last))) }
        return points
    }

    /// Lines at the end of warmup and at each restart.
    static func timeMarks(_ s: Summary) -> [ReferenceLine] {
        var marks: [ReferenceLine] = []
        if s.warmupSeconds > 0 { marks.append(ReferenceLine(s.warmupSeconds, label: "end of warmup")) }
        for r in s.restarts { marks.append(ReferenceLine(r.at, label: "restart" + (r.server.isEmpty || s.servers.isEmpty ? "" : " (\(r.server))"))) }
        return marks
    }

    static func capacities(_ s: Summary) -> [ReferenceLine] {
        if s.servers.isEmpty {
            return s.overall.threads.capacity > 0 ? [ReferenceLine(Double(s.overall.threads.capacity), label: "pool size \(ReportText.count(s.overall.threads.capacity))", color: refusedColor)] : []
        }
        let distinct = Set(s.servers.map(\.figures.threads.capacity)).filter { $0 > 0 }.sorted()
        return distinct.map { ReferenceLine(Double($0), label: "\(ReportText.count($0)) threads per server", color: refusedColor) }
    }

    /// From 0 to the run's end, so that every time chart ends where the run did (not at
    /// the last sample's tick, nor at a rounded-up tick beyond it).
    static func timeAxis(_ s: Summary) -> Axis {
        Axis("simulated time", format: .duration, minimum: 0, maximum: s.simulatedSeconds > 0 ? s.simulatedSeconds : nil)
    }

    /// The queue limit of each server (distinct values), beyond which requests get 503 at once.
    static func queueLimits(_ limits: [Int]) -> [ReferenceLine] {
        let distinct = Set(limits).filter { $0 > 0 }.sorted()
        let perServer = limits.count > 1 ? " per server" : ""
        return distinct.map { ReferenceLine(Double($0), label: "queue limit \(ReportText.count($0))\(perServer)", color: refusedColor) }
    }

    static func threads(_ s: Summary, _ series: [ServerTimeseries]) -> LineChart? {
        let withRows = series.filter { !$0.rows.isEmpty }
        guard !withRows.isEmpty else { return nil }
        var lines: [LineChart.Series] = []
        if withRows.count == 1 {
            let rows = withRows[0].rows
            lines.append(.init("max in interval", points: steps(rows) { Double($0.threadsMax) }, interpolation: .stepAfter, color: status1Color))
            lines.append(.init("mean in interval", points: steps(rows) { $0.threadsMean }, interpolation: .stepAfter, color: status2Color))
        } else {
            for (i, server) in withRows.enumerated() {
                lines.append(.init(server.server, points: steps(server.rows) { Double($0.threadsMax) }, interpolation: .stepAfter, color: Palette.color(at: i)))
            }
        }
        return LineChart(title: withRows.count == 1 ? "Threads held" : "Threads held per server (max in each interval)",
                         summary: "HTTP threads held over simulated time, with the pool size.",
                         xAxis: timeAxis(s), yAxis: Axis("threads", includesZero: true), series: lines,
                         horizontalReferences: capacities(s), verticalReferences: timeMarks(s))
    }

    /// The queue over time with the queue limit as a line (when `queueLimits` is known:
    /// `run` passes the scenario's, and `report` reads them back from run.json).
    static func queue(_ s: Summary, _ series: [ServerTimeseries], queueLimits limits: [Int] = []) -> LineChart? {
        let withRows = series.filter { !$0.rows.isEmpty }
        guard withRows.contains(where: { $0.rows.contains { $0.queueMax > 0 } }) else { return nil }
        var lines: [LineChart.Series] = []
        if withRows.count == 1 {
            let rows = withRows[0].rows
            // The colours of the threads chart (the limit line is vermillion, as the pool size is there).
            lines.append(.init("max in interval", points: steps(rows) { Double($0.queueMax) }, interpolation: .stepAfter, color: status1Color))
            lines.append(.init("mean in interval", points: steps(rows) { $0.queueMean }, interpolation: .stepAfter, color: status2Color))
        } else {
            for (i, server) in withRows.enumerated() {
                lines.append(.init(server.server, points: steps(server.rows) { Double($0.queueMax) }, interpolation: .stepAfter, color: Palette.color(at: i)))
            }
        }
        return LineChart(title: "Requests waiting for a thread", summary: "Queue length over simulated time.",
                         xAxis: timeAxis(s), yAxis: Axis("requests queued", includesZero: true), series: lines,
                         horizontalReferences: queueLimits(limits), verticalReferences: timeMarks(s))
    }

    /// Ping outcomes per hour over all servers: when in the day 409s and losses happen.
    static func outcomesOverTime(_ s: Summary, _ series: [ServerTimeseries]) -> LineChart? {
        let rows = series.flatMap(\.rows)
        guard let end = rows.map(\.time).max(), end >= 2 * 3_600 else { return nil }
        let hours = Int((end / 3_600).rounded(.up))
        var buckets = Array(repeating: [0, 0, 0, 0, 0], count: hours)
        for r in rows {
            // A row belongs to the hour its interval ends in (times are interval ends).
            let h = min(max(Int(((r.time - 1e-9) / 3_600).rounded(.down)), 0), hours - 1)
            buckets[h][0] += r.status2
            buckets[h][1] += r.status1
            buckets[h][2] += r.conflict409
            buckets[h][3] += r.lost
            buckets[h][4] += r.rejected503
        }
        let names = ["Status 2 (mail)", "Status 1 (heartbeat)", "409 (abandoned)", "lost", "503 (refused)"]
        let colors = [status2Color, status1Color, conflictColor, lostColor, refusedColor]
        var lines: [LineChart.Series] = []
        for k in names.indices where buckets.contains(where: { $0[k] > 0 }) {
            var points = buckets.indices.map { (x: Double($0) * 3_600, y: Double(buckets[$0][k])) }
            points.append((Double(hours) * 3_600, Double(buckets[hours - 1][k])))
            lines.append(.init(names[k], points: points, interpolation: .stepAfter, color: colors[k]))
        }
        guard !lines.isEmpty else { return nil }
        return LineChart(title: "Ping outcomes per hour", summary: "Pings ending each hour, by outcome, over all servers.",
                         xAxis: timeAxis(s), yAxis: Axis("Pings per hour", includesZero: true), series: lines,
                         verticalReferences: timeMarks(s), showsLegend: true)
    }

    /// Rows of the per-population charts: each population, then all devices when there are several.
    static func groups(_ s: Summary) -> [(name: String, figures: Figures)] {
        var rows = s.populations.map { ($0.name, $0.figures) }
        if s.populations.count != 1 { rows.append(("all devices", s.overall)) }
        return rows
    }

    static func outcomes(_ s: Summary) -> BarChart? {
        guard s.overall.pings.total > 0 else { return nil }
        let rows = groups(s)
        let parts: [(String, String, (PingFigures) -> Int)] = [
            ("Status 2 (mail)", status2Color, { $0.status2 }), ("Status 1 (heartbeat)", status1Color, { $0.status1 }),
            ("409 (abandoned)", conflictColor, { $0.conflict409 }), ("Status 5 (bounds)", status5Color, { $0.status5 }),
            ("503 (refused)", refusedColor, { $0.rejected503 }), ("reset", resetColor, { $0.reset }),
        ]
        let series = parts.filter { part in rows.contains { part.2($0.figures.pings) > 0 } }.map { name, color, count in
            BarChart.Series(name, values: rows.map { ReportText.ratio(Double(count($0.figures.pings)), Double($0.figures.pings.total)) }, color: color)
        }
        return BarChart(title: "How Pings ended at the server", summary: "Share of Pings by outcome, per population.",
                        categories: rows.map(\.name), series: series, mode: .stacked, orientation: .horizontal,
                        valueAxis: Axis("share of Pings", format: .percent, maximum: 1), showsValueLabels: true, showsLegend: true)
    }

    static func lost(_ s: Summary) -> BarChart? {
        guard s.overall.pings.lost > 0 else { return nil }
        let rows = groups(s)
        return BarChart(title: "Lost Pings and late mail", summary: "Share of Pings lost and of mail delivered after a lost Ping, per population.",
                        categories: rows.map(\.name),
                        series: [BarChart.Series("Pings lost", values: rows.map { $0.figures.lostShare }, color: lostColor),
                                 BarChart.Series("mail delivered after a lost Ping", values: rows.map { $0.figures.pushLatency.afterLostPing ?? .nan }, color: conflictColor)],
                        mode: .grouped, orientation: .horizontal, valueAxis: Axis("share", format: .percent),
                        showsValueLabels: true, showsLegend: true)
    }

    static func latency(_ s: Summary) -> HistogramChart? {
        let l = s.overall.pushLatency
        let total = l.bins.reduce(0) { $0 + $1.count }
        guard total > 0 else { return nil }
        let quantiles: [(String, Double?)] = [("p50", l.p50), ("p95", l.p95), ("p99", l.p99)]
        let markers = quantiles.compactMap { name, value -> ReferenceLine? in
            guard let value, value > 0 else { return nil }
            return ReferenceLine(value, label: "\(name) \(ReportText.duration(value))")
        }
        return HistogramChart(title: "Push latency: mail arrival to delivery on the device",
                              summary: "Distribution of push latency over all delivered mail, log time axis.",
                              bins: l.bins.map { (low: $0.low, high: $0.high, weight: Double($0.count) / Double(total)) },
                              xAxis: Axis("latency", scale: .log10, format: .duration),
                              yAxis: Axis("share of mail", format: .percent), markers: markers, color: status1Color)
    }

    static func battery(_ s: Summary) -> BarChart? {
        let rows = s.populations.filter { $0.devices > 0 }
        guard rows.contains(where: { ($0.figures.battery.percentPerDay ?? 0) > 0 }) else { return nil }
        return BarChart(title: "Battery used by the radio, per day", summary: "Mean share of battery capacity per device and day, per population.",
                        categories: rows.map(\.name),
                        series: [BarChart.Series("", values: rows.map { ($0.figures.battery.percentPerDay ?? .nan) / 100 }, color: status2Color)],
                        orientation: .horizontal, valueAxis: Axis("battery per device-day", format: .percent),
                        showsValueLabels: true, showsLegend: false)
    }
}
