import JSON5

/// `summary.json` (MODEL.md §6): stable names, fixed order, deterministic numbers. The
/// figures' members and their order come from ``MetricCatalog``.
extension Summary {
    /// The summary as JSON text.
    public var jsonText: String { json.rendered(pretty: true) }

    public var json: JSONText {
        var members: [(String, JSONText)] = [
            ("scenario", .string(scenario)),
            ("seed", .int(Int(truncatingIfNeeded: seed))),
            ("replication", .int(replication)),
            ("devices", .int(devices)),
            ("simulatedSeconds", .number(simulatedSeconds)),
            ("measuredSeconds", .number(measuredSeconds)),
        ]
        members += overall.jsonMembers
        members.append(("restarts", .array(restarts.map(\.json))))
        members.append(("engine", .object([("events", .int(events))])))
        members.append(("populations", .object(populations.map { ($0.name, $0.json) })))
        if !servers.isEmpty {
            members.append(("servers", .object(servers.map { ($0.name, $0.json) })))
        }
        return .object(members)
    }
}

extension Figures {
    /// One member per block of the catalog (`pings`, `httpStatus`, …), each block's
    /// members in the catalog's order.
    var jsonMembers: [(String, JSONText)] {
        var blocks: [(name: String, members: [(String, JSONText)]?, value: JSONText)] = []
        for metric in MetricCatalog.figures {
            let (name, key) = metric.block
            let value = metric.json(in: self)
            guard let key else { blocks.append((name, nil, value)); continue }
            if let last = blocks.last, last.name == name, let members = last.members {
                blocks[blocks.count - 1].members = members + [(key, value)]
            } else {
                blocks.append((name, [(key, value)], .null))
            }
        }
        return blocks.map { ($0.name, $0.members.map { .object($0) } ?? $0.value) }
    }
}

extension RestartFigures {
    var json: JSONText { .object(MetricCatalog.restart.map { ($0.path, $0.json(in: self)) }) }
}

extension NamedFigures {
    /// A population's or a server's figures, with its device count first (and a server's
    /// restarts last).
    var json: JSONText {
        var members = [("devices", JSONText.int(devices))] + figures.jsonMembers
        if let restarts { members.append(("restarts", .array(restarts.map(\.json)))) }
        return .object(members)
    }
}
