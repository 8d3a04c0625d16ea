import DiscreteEvent
import JSON5
import PushSim

/// A server object: the HTTP thread pool and how it treats Pings (MODEL.md §2, "Server").
extension DecodeContext {
    static let serverKeys = ["name", "kind", "share", "threads", "queueLimit", "pingHoldsThread", "heartbeatBounds",
                             "onNewerRequest", "checkInterval", "pingWork", "syncWork", "restarts"]
    static let restartKeys = ["at", "drainTimeout", "downtime"]
    /// Counts (devices, threads, bytes) stay below `Int32.max` so that no sum over them can
    /// overflow and the model's own limit (fewer than 2³¹ − 1 devices) is met per group.
    static let maximumCount = Int(Int32.max) - 1

    /// Nil (after reporting) when `node` is not an object; otherwise the server with every
    /// valid member applied. A member of a pool (`servers`) must have a name.
    func server(_ node: JSON5Node, _ path: String, inPool: Bool) -> ServerConfig? {
        guard let reader = ObjectReader(node, path: path, known: Self.serverKeys, context: self) else { return nil }
        if inPool { reader.require("name") }
        // The product's preset first; every other key the file gives wins over it.
        var server = ServerConfig()
        if let kind = reader.keyword("kind", ServerKind.allCases.map(\.rawValue)), let value = ServerKind(rawValue: kind) {
            server = ServerConfig(kind: value)
        }
        if let name = reader.name("name") { server.name = name }
        if let share = reader.number("share", .positive) { server.share = share }
        if let threads = reader.integer("threads", in: 1...Self.maximumCount) { server.threads = threads }
        if let limit = reader.integer("queueLimit", in: 0...Self.maximumCount) { server.queueLimit = limit }
        if let holds = reader.bool("pingHoldsThread") { server.pingHoldsThread = holds }
        if let bounds = reader.read("heartbeatBounds", heartbeatBounds) {
            (server.heartbeatMin, server.heartbeatMax) = bounds
        }
        if let policy = reader.keyword("onNewerRequest", NewerRequestPolicy.allCases.map(\.rawValue)),
           let value = NewerRequestPolicy(rawValue: policy) {
            server.onNewerRequest = value
        }
        if let interval = reader.duration("checkInterval") { server.checkInterval = interval }
        if let work = reader.distribution("pingWork") { server.pingWork = work }
        if let work = reader.distribution("syncWork") { server.syncWork = work }
        if let elements = reader.array("restarts", expected: "an array of restarts such as [{ at: \"12h\" }]") {
            server.restarts = elements.enumerated().compactMap { index, element in
                restart(element, KeyPath.appending(index: index, to: reader.path("restarts")))
            }
        }
        return server
    }

    private func heartbeatBounds(_ node: JSON5Node, _ path: String) -> (SimTime, SimTime)? {
        let expected = "two durations [min, max] such as [\"30s\", \"15m\"], or \"none\""
        if case .string("none") = node.value { return ServerConfig.unboundedHeartbeats }
        guard case .array(let elements) = node.value else {
            mismatch(node, path, expected: expected)
            return nil
        }
        guard elements.count == 2 else {
            report(node, path, "expected \(expected), found \(elements.count) value\(elements.count == 1 ? "" : "s")")
            return nil
        }
        let min = duration(elements[0], KeyPath.appending(index: 0, to: path))
        let max = duration(elements[1], KeyPath.appending(index: 1, to: path))
        guard let min, let max else { return nil }
        guard min <= max else {
            reportMinAboveMax(min: "\(min)", max: "\(max)", at: node, path)
            return nil
        }
        return (min, max)
    }

    private func restart(_ node: JSON5Node, _ path: String) -> Restart? {
        guard let reader = ObjectReader(node, path: path, known: Self.restartKeys, context: self,
                                        expected: "an object such as { at: \"12h\", drainTimeout: \"10m\", downtime: \"2m\" }")
        else { return nil }
        reader.require("at")
        let at = reader.duration("at")
        let drain = reader.duration("drainTimeout")
        let downtime = reader.duration("downtime")
        guard let at else { return nil }
        var restart = Restart(at: at)
        if let drain { restart.drainTimeout = drain }
        if let downtime { restart.downtime = downtime }
        return restart
    }
}
