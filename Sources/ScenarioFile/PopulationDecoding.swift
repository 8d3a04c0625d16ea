import DiscreteEvent
import JSON5
import PushSim

/// A population object: a group of devices with one profile (MODEL.md §2, "Population").
extension DecodeContext {
    static let populationKeys = ["name", "count", "client", "mode", "fetchInterval", "heartbeat", "pingGrace",
                                 "syncTimeout", "mail", "userOpens", "outbox", "firewall", "network", "radio",
                                 "battery", "traffic", "server"]
    static let outboxKeys = ["perDay", "conflictProbability", "permanentErrorProbability", "resendProbability",
                             "resendDelay", "serverDeduplicates"]
    // Computed: key paths are not Sendable, so they cannot be a stored static.
    static var trafficByteKeys: [(key: String, field: WritableKeyPath<TrafficSizes, Int>)] { [
        ("pingRequestBytes", \.pingRequestBytes), ("pingResponseBytes", \.pingResponseBytes),
        ("syncRequestBytes", \.syncRequestBytes), ("syncResponseBytes", \.syncResponseBytes),
        ("bytesPerMailItem", \.bytesPerMailItem), ("bytesPerOutboxItem", \.bytesPerOutboxItem),
    ] }
    static let trafficKeys = trafficByteKeys.map(\.key) + ["uplinkMbps", "downlinkMbps"]
    static let radioNames = ["lte", "3g", "wifi"]

    /// Nil (after reporting) when `node` is not an object; otherwise the population with
    /// every valid member applied (a missing name or count is reported and left empty).
    func population(_ node: JSON5Node, _ path: String) -> Population? {
        guard let reader = ObjectReader(node, path: path, known: Self.populationKeys, context: self) else { return nil }
        reader.require("name", "count")
        var population = Population(name: reader.name("name") ?? "",
                                    count: reader.integer("count", in: 0...Self.maximumCount) ?? 0)
        if let client = reader.keyword("client", ClientKind.allCases.map(\.rawValue)).flatMap(ClientKind.init(rawValue:)) {
            population.client = client
        }
        if let mode = reader.keyword("mode", SyncMode.allCases.map(\.rawValue)).flatMap(SyncMode.init(rawValue:)) {
            population.mode = mode
        }
        if let interval = reader.duration("fetchInterval") { population.fetchInterval = interval }
        if let heartbeat = reader.read("heartbeat", heartbeat) { population.heartbeat = heartbeat }
        if let grace = reader.duration("pingGrace") { population.pingGrace = grace }
        if let timeout = reader.duration("syncTimeout") { population.syncTimeout = timeout }
        if let mail = reader.object("mail", known: ["perDay"], expected: "an object such as { perDay: 75 }"),
           let perDay = mail.number("perDay", .ratePerDay) {
            population.mailPerDay = perDay
        }
        if let opens = reader.object("userOpens", known: ["perDay", "afterNotify"],
                                     expected: "an object such as { perDay: 20 }") {
            userOpens(opens, into: &population)
        }
        if let outbox = reader.object("outbox", known: Self.outboxKeys, expected: "an object such as { perDay: 30 }") {
            self.outbox(outbox, into: &population.outbox)
        }
        if let firewall = reader.object("firewall", known: ["idleTimeout"],
                                        expected: "an object such as { idleTimeout: \"30m\" }"),
           let timeout = firewall.read("idleTimeout", idleTimeout) {
            population.firewallIdleTimeout = timeout
        }
        if let network = reader.object("network", known: ["delay", "lossProbability"],
                                       expected: "an object such as { delay: \"50ms\" }") {
            if let delay = network.distribution("delay") { population.networkDelay = delay }
            if let loss = network.number("lossProbability", .probability) { population.lossProbability = loss }
        }
        if let radio = reader.keyword("radio", Self.radioNames).flatMap({ RadioModel.builtIn[$0] }) {
            population.radio = radio
        }
        if let battery = reader.object("battery", known: ["mAh", "volts"],
                                       expected: "an object such as { mAh: 3000, volts: 3.85 }") {
            if let capacity = battery.number("mAh", .positive) { population.batteryMilliampHours = capacity }
            if let volts = battery.number("volts", .positive) { population.batteryVolts = volts }
        }
        if let traffic = reader.object("traffic", known: Self.trafficKeys, expected: "an object such as { uplinkMbps: 1 }") {
            for (key, field) in Self.trafficByteKeys {
                if let bytes = traffic.integer(key, in: 0...Self.maximumCount) { population.traffic[keyPath: field] = bytes }
            }
            if let up = traffic.number("uplinkMbps", .positive) { population.traffic.uplinkMbps = up }
            if let down = traffic.number("downlinkMbps", .positive) { population.traffic.downlinkMbps = down }
        }
        if let server = reader.name("server") { population.server = server }
        return population
    }

    private func userOpens(_ reader: ObjectReader, into population: inout Population) {
        if let perDay = reader.number("perDay", .ratePerDay) { population.userOpensPerDay = perDay }
        guard let notify = reader.object("afterNotify", known: ["probability", "delay"],
                                         expected: "an object such as { probability: 0.3, delay: \"2m\" }") else { return }
        if let probability = notify.number("probability", .probability) { population.afterNotifyProbability = probability }
        if let delay = notify.distribution("delay") { population.afterNotifyDelay = delay }
    }

    private func outbox(_ reader: ObjectReader, into outbox: inout OutboxConfig) {
        if let perDay = reader.number("perDay", .ratePerDay) { outbox.perDay = perDay }
        if let p = reader.number("conflictProbability", .probability) { outbox.conflictProbability = p }
        if let p = reader.number("permanentErrorProbability", .probability) { outbox.permanentErrorProbability = p }
        if let p = reader.number("resendProbability", .probability) { outbox.resendProbability = p }
        if let delay = reader.distribution("resendDelay") { outbox.resendDelay = delay }
        if let flag = reader.bool("serverDeduplicates") { outbox.serverDeduplicates = flag }
    }

    /// A distribution, or `"none"` for a path with no idle timeout (an optional of an optional:
    /// nil when invalid, `.some(nil)` for none).
    private func idleTimeout(_ node: JSON5Node, _ path: String) -> DurationDistribution?? {
        if case .string(let text) = node.value {
            if text == "none" { return .some(nil) }
            if (try? SimTime(parsing: text)) == nil {
                _ = duration(node, path, alternatives: ["none"])
                return nil
            }
        }
        guard let distribution = distribution(node, path) else { return nil }
        return .some(distribution)
    }
}
