/// A sweep table arranged for the report: readable parameter names, the x axis of the first
/// parameter, per-point statistics, and series by the values of the other parameters.
struct SweepData {
    let table: SweepTable
    /// Short names of the parameters ("heartbeat", "threads").
    let names: [String]
    let axis: SweepAxis
    let stats: [SweepPointStats]
    /// Points grouped by the values of every parameter after the first, in order of first
    /// appearance, each group sorted along the axis.
    let series: [(label: String, points: [SweepPointStats])]

    init(_ table: SweepTable) {
        self.table = table
        names = Self.displayNames(table.parameters)
        let stats = table.points.enumerated().map { SweepPointStats(index: $0.offset, point: $0.element) }
        self.stats = stats
        let axis = SweepAxis(stats.map { Self.value($0, 0) })
        self.axis = axis
        var keys: [String] = []
        var groups: [String: [SweepPointStats]] = [:]
        for p in stats {
            let key = Self.seriesLabel(p, names: names)
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(p)
        }
        let order = Dictionary(axis.values.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        series = keys.map { key in
            (key, groups[key]!.enumerated().sorted {
                (order[Self.value($0.element, 0)] ?? 0, $0.offset) < (order[Self.value($1.element, 0)] ?? 0, $1.offset)
            }.map(\.element))
        }
    }

    static func value(_ p: SweepPointStats, _ i: Int) -> String { i < p.values.count ? p.values[i] : "" }

    /// "threads 600, radio lte" for the parameters after the first; empty with one parameter.
    static func seriesLabel(_ p: SweepPointStats, names: [String]) -> String {
        names.indices.dropFirst().map { "\(names[$0]) \(value(p, $0))" }.joined(separator: ", ")
    }

    /// "heartbeat 25m, threads 600"; a value the server replaced reads
    /// "heartbeat 30m (clamped to 15m by the server)".
    func label(_ p: SweepPointStats) -> String {
        if names.isEmpty { return "point \(p.index + 1)" }
        return names.indices.map { "\(names[$0]) \(Self.shown(p, $0))" }.joined(separator: ", ")
    }

    /// The value as written, with what the server used instead when it differs.
    static func shown(_ p: SweepPointStats, _ i: Int) -> String {
        guard i < p.point.used.count, let used = p.point.used[i] else { return value(p, i) }
        return "\(value(p, i)) (clamped to \(used) by the server)"
    }

    /// The first parameter's value at `p` ("25m").
    func xText(_ p: SweepPointStats) -> String { Self.value(p, 0) }

    func x(_ p: SweepPointStats) -> Double? { axis.position(xText(p)) }

    var xName: String { names.first ?? "point" }

    /// The index of a parameter that sets the thread pool, if one was varied.
    var threadsParameter: Int? { table.parameters.firstIndex { $0.split(separator: ".").last == "threads" } }

    /// Key paths shortened for people: `populations.iphone.heartbeat.fixed` → "heartbeat",
    /// `server.threads` → "threads". The population or server name is kept when two
    /// parameters would otherwise read the same ("iphone heartbeat", "android heartbeat").
    static func displayNames(_ keyPaths: [String]) -> [String] {
        func name(_ path: String, keepOwner: Bool) -> String {
            var parts = path.split(separator: ".").map(String.init)
            if parts.count > 2, parts[0] == "populations" || parts[0] == "servers" {
                parts.removeFirst(keepOwner ? 1 : 2)
            } else if parts.count > 1, parts[0] == "server" {
                parts.removeFirst()
            }
            if parts.count > 1, let last = parts.last, ["fixed", "value", "constant"].contains(last) { parts.removeLast() }
            return parts.isEmpty ? path : parts.joined(separator: " ")
        }
        let short = keyPaths.map { name($0, keepOwner: false) }
        return keyPaths.indices.map { i in
            short.filter { $0 == short[i] }.count > 1 ? name(keyPaths[i], keepOwner: true) : short[i]
        }
    }
}
