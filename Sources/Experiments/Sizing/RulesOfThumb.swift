import PushSimReports
import ScenarioFile

/// The rules planners use instead of a simulation, computed for the scenario so that the
/// report can say how far the simulated answer is from each:
///
/// - threads (`server.threads`, `servers.<name>.threads`): 1.2 threads per device (Notes
///   Traveler's sizing guidance), and Little's law — the mean number of threads held equals
///   the arrival rate times the holding time, read off the run itself at the largest pool
///   tried (the least constrained), rounded up;
/// - a device count (`populations.<name>.count`): the inverse of both, for the pool the
///   population's server has, less the server's other devices.
///
/// Other parameters have no rule; a pool population without a named server has none either.
enum RulesOfThumb {
    static let threadsPerDevice = 1.2

    /// Without the binary rounding of 1.2 (1.2 × 500 is 600.0000000000001 in a Double, which
    /// would round up to 601).
    static func clean(_ x: Double) -> Double { (x * 1e9).rounded() / 1e9 }

    /// `points`: each evaluated value (in the parameter's unit) with its replications' scalars.
    static func rules(_ parameter: SizingParameter, loaded: LoadedScenario,
                      points: [(value: Int64, scalars: [SummaryScalarPaths])]) -> [SizeRule] {
        guard parameter.kind == .integer, let components = LoadedScenario.keyPathComponents(parameter.keyPath),
              let smallest = points.min(by: { $0.value < $1.value }), let largest = points.max(by: { $0.value < $1.value })
        else { return [] }
        let scenario = loaded.scenario
        let pool = scenario.servers.count > 1
        func mean(_ path: String, _ p: [SummaryScalarPaths]) -> Double? {
            let values = p.compactMap { $0.value(path) }
            return values.count == p.count && !values.isEmpty ? values.reduce(0, +) / Double(values.count) : nil
        }
        func serverPrefix(_ name: String?) -> String? {
            if !pool { return "" }
            guard let name, scenario.servers.contains(where: { $0.name == name }) else { return nil }
            return "servers.\(name)."
        }

        if components.last == "threads", components.count == 2 || (components.count == 3 && components[0] == "servers") {
            let name: String? = components.count == 3
                ? (scenario.servers.first { $0.name == components[1] }?.name ?? Int(components[1]).flatMap { scenario.servers.indices.contains($0) ? scenario.servers[$0].name : nil })
                : nil
            guard let prefix = serverPrefix(name), let devices = mean(prefix + "devices", largest.scalars) else { return [] }
            var rules = [SizeRule(name: "1.2 threads per device (Traveler)", value: clean(threadsPerDevice * devices).rounded(.up),
                                  basis: "Notes Traveler's sizing guidance for \(MetricTarget.number(devices)) devices.")]
            if let held = mean(prefix + "threads.mean", largest.scalars) {
                rules.append(SizeRule(name: "Little's law", value: held.rounded(.up),
                                      basis: "Threads held on average at the largest pool tried (\(parameter.label(largest.value))): arrival rate × holding time. A pool of that size is full whenever the load is above its mean, so it is a floor, not a size."))
            }
            return rules
        }

        if components.count == 3, components[0] == "populations", components[2] == "count",
           let index = loaded.populationIndex(inKeyPath: parameter.keyPath) {
            let population = scenario.populations[index]
            guard let prefix = serverPrefix(population.server ?? (pool ? nil : scenario.servers.first?.name)) else { return [] }
            let own = "populations.\(population.name).devices"
            guard let capacity = mean(prefix + "threads.capacity", smallest.scalars),
                  let all = mean(prefix + "devices", smallest.scalars), let mine = mean(own, smallest.scalars) else { return [] }
            let others = all - mine
            var rules = [SizeRule(name: "1.2 threads per device (Traveler), inverted", value: max(0, clean(capacity / threadsPerDevice).rounded(.down) - others),
                                  basis: "\(MetricTarget.number(capacity)) threads ÷ 1.2\(others > 0 ? ", less the server's \(MetricTarget.number(others)) other devices" : "").")]
            if let held = mean(prefix + "threads.mean", smallest.scalars), all > 0, held > 0 {
                let perDevice = held / all
                rules.append(SizeRule(name: "Little's law, inverted", value: max(0, (capacity / perDevice).rounded(.down) - others),
                                      basis: "Each device held \(MetricTarget.number(perDevice, digits: 3)) threads on average at the smallest count tried (\(parameter.label(smallest.value))); the pool of \(MetricTarget.number(capacity)) carries that many devices on average, with no room for peaks."))
            }
            return rules
        }
        return []
    }
}
