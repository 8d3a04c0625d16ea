import DiscreteEvent
import JSON5
import PushSim

/// What decoding a whole tree gives: the scenario (best effort when there were problems)
/// and what later steps need to point back into the tree.
struct DecodedDocument {
    var scenario: Scenario
    var sweep: SweepSpec?
    /// The `sweep.vary` axes with their nodes, to check each value in place.
    var sweepAxes: [SweepAxisSource] = []
    /// The key path that names each population and server in messages, by position.
    var populationPaths: [String] = []
    var serverPaths: [String] = []
    /// `"server"`, `"servers"`, or nil when the file declares neither (the default server).
    var serversKey: String?
}

/// The top level of a scenario file.
extension DecodeContext {
    static let rootKeys = ["name", "description", "seed", "duration", "warmup", "profile", "sampleInterval",
                           "server", "servers", "populations", "sweep"]
    static let profileNames = ["flat", "office"]

    /// Nil (after reporting) when the document is not an object.
    func document(_ root: JSON5Node, defaultName: String) -> DecodedDocument? {
        guard let reader = ObjectReader(root, path: "", known: Self.rootKeys, context: self,
                                        expected: "an object (the scenario)") else { return nil }
        reader.require("populations")
        var scenario = Scenario(name: defaultName, populations: [])
        if let name = reader.read("name", scenarioName) { scenario.name = name }
        if let text = reader.string("description") { scenario.description = text }
        if let seed = reader.integer("seed", in: 0...Int.max) { scenario.seed = UInt64(seed) }
        if let duration = reader.duration("duration") { scenario.duration = duration }
        if let warmup = reader.duration("warmup") { scenario.warmup = warmup }
        if let interval = reader.duration("sampleInterval") { scenario.sampleInterval = interval }
        if let profile = reader.read("profile", profile) {
            (scenario.profile, scenario.profileName) = profile
        }
        var document = DecodedDocument(scenario: scenario)
        decodeServers(reader, into: &document)
        decodePopulations(reader, into: &document)
        if let sweep = reader.read("sweep", sweep) {
            document.sweep = sweep.spec
            document.sweepAxes = sweep.axes
        }
        return document
    }

    private func profile(_ node: JSON5Node, _ path: String) -> (DailyProfile, String)? {
        let expected = "\"flat\", \"office\" or an array of 24 hourly weights"
        switch node.value {
        case .string("flat"):
            return (.flat, "flat")
        case .string("office"):
            return (.office, "office")
        case .string(let name):
            mismatch(node, path, expected: expected, hint: Suggestions.hint(for: name, among: Self.profileNames))
            return nil
        case .array(let elements):
            let weights = elements.enumerated().map { index, element in
                number(element, KeyPath.appending(index: index, to: path), .nonNegative)
            }
            let valid = weights.compactMap { $0 }
            guard valid.count == weights.count else { return nil }
            do {
                return (try DailyProfile(hourlyWeights: valid), "custom")
            } catch {
                report(node, path, "\(error)")
                return nil
            }
        default:
            mismatch(node, path, expected: expected)
            return nil
        }
    }

    /// `server` (one) or `servers` (a pool), never both.
    private func decodeServers(_ reader: ObjectReader, into document: inout DecodedDocument) {
        let single = reader.member("server")
        let pool = reader.member("servers")
        if let single, let pool {
            let later = single.keyLocation < pool.keyLocation ? pool : single
            report(at: later.keyLocation, later.key,
                   "\"server\" and \"servers\" cannot both be given; use \"server\" for one server or \"servers\" for a pool")
        }
        var servers: [ServerConfig] = []
        if let single {
            document.serversKey = "server"
            document.serverPaths = ["server"]
            if let server = server(single.value, "server", inPool: false) { servers = [server] }
        }
        if let pool {
            document.serversKey = document.serversKey ?? "servers"
            if let elements = reader.array("servers", expected: "an array of servers such as [{ name: \"eu-1\", share: 1 }]") {
                if elements.isEmpty { report(pool.value, "servers", "expected at least one server") }
                let paths = elementPaths(elements, in: "servers")
                reportDuplicateNames(elements, paths: paths, kind: "server")
                let pooled = zip(elements, paths).compactMap { server($0, $1, inPool: true) }
                if single == nil {
                    document.serverPaths = paths
                    servers = pooled
                }
            }
        }
        if !servers.isEmpty { document.scenario.servers = servers }
    }

    private func decodePopulations(_ reader: ObjectReader, into document: inout DecodedDocument) {
        guard let elements = reader.array("populations",
                                          expected: "an array of populations such as [{ name: \"iphone\", count: 500 }]")
        else { return }
        if elements.isEmpty, let node = reader["populations"] {
            report(node, "populations", "expected at least one population")
        }
        let paths = elementPaths(elements, in: "populations")
        reportDuplicateNames(elements, paths: paths, kind: "population")
        let serverNames = declaredServerNames(reader)
        for (element, path) in zip(elements, paths) {
            guard let population = population(element, path) else { continue }
            document.scenario.populations.append(population)
            document.populationPaths.append(path)
            if let wanted = population.server, let node = element["server"], !serverNames.contains(wanted) {
                let fallback = serverNames.isEmpty ? "" : "; the servers are \(Suggestions.quotedList(serverNames, conjunction: "and"))"
                report(node, KeyPath.appending("server", to: path),
                       "no server named \(Found.quoted(wanted))" + Suggestions.hint(for: wanted, among: serverNames, fallback: fallback))
            }
        }
    }

    /// The server names a population may refer to, read from the tree itself so that a
    /// server with some other mistake still counts as declared.
    private func declaredServerNames(_ reader: ObjectReader) -> [String] {
        if let single = reader["server"] { return [single["name"]?.value.stringValue ?? ServerConfig().name] }
        if let pool = reader["servers"]?.value.arrayElements { return pool.compactMap { $0["name"]?.value.stringValue } }
        return [ServerConfig().name]
    }

    /// `populations.iphone` for an element with a usable, not yet taken name; else `populations[2]`.
    func elementPaths(_ elements: [JSON5Node], in arrayPath: String) -> [String] {
        var taken = Set<String>()
        return elements.enumerated().map { index, element in
            if let name = element["name"]?.value.stringValue, KeyPath.isUsableName(name), taken.insert(name).inserted {
                return KeyPath.appending(name, to: arrayPath)
            }
            return KeyPath.appending(index: index, to: arrayPath)
        }
    }

    private func reportDuplicateNames(_ elements: [JSON5Node], paths: [String], kind: String) {
        var seen = Set<String>()
        for (element, path) in zip(elements, paths) {
            guard let node = element["name"], let name = node.value.stringValue, !name.isEmpty else { continue }
            if !seen.insert(name).inserted {
                report(node, KeyPath.appending("name", to: path), "a second \(kind) with the name \(Found.quoted(name))")
            }
        }
    }
}
