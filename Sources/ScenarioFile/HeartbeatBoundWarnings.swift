import JSON5
import PushSim

extension LoadedScenario {
    /// Things that are allowed but probably not meant, for `pushsim validate`: a fixed
    /// heartbeat outside the bounds of a server the population uses. The server answers such
    /// a Ping with Status 5 and the bound, and the device pings again with the bound, so the
    /// heartbeat written is not the one used. Each warning names the bound the server uses.
    public var warnings: [ScenarioDiagnostic] {
        var out: [ScenarioDiagnostic] = []
        for (index, population) in scenario.populations.enumerated() {
            guard case .fixed(let heartbeat) = population.heartbeat else { continue }
            let servers = scenario.servers.filter { population.server == nil || $0.name == population.server }
            let pool = scenario.servers.count > 1
            for server in servers {
                let which = pool ? "server \(server.name)'s" : "server's"
                let message: String
                if heartbeat > server.heartbeatMax {
                    message = "warning: \(heartbeat) is above the \(which) upper heartbeat bound (\(server.heartbeatMax)): it answers Status 5 and the devices use \(server.heartbeatMax)"
                } else if heartbeat < server.heartbeatMin {
                    message = "warning: \(heartbeat) is below the \(which) lower heartbeat bound (\(server.heartbeatMin)): it answers Status 5 and the devices use \(server.heartbeatMin)"
                } else {
                    continue
                }
                let components: [KeyPathComponent] = [.key("populations"), .index(index), .key("heartbeat"), .key("fixed")]
                let node = KeyPathLookup.nearestNode(components, in: tree)
                let name = KeyPath.isUsableName(population.name) ? population.name : String(index)
                out.append(ScenarioDiagnostic(file: file, location: node.location.line > 0 ? node.location : nil,
                                              keyPath: "populations.\(name).heartbeat.fixed", message: message))
            }
        }
        return out
    }
}
