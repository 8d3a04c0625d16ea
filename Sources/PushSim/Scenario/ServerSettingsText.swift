import DiscreteEvent

extension ServerConfig {
    /// The settings that a preset decides, as `key value` in scenario-file terms.
    var presetSettings: [(key: String, value: String)] {
        [("threads", "\(threads)"), ("queueLimit", "\(queueLimit)"), ("pingHoldsThread", "\(pingHoldsThread)"),
         ("heartbeatBounds", hasHeartbeatBounds ? "\(heartbeatMin)…\(heartbeatMax)" : "none"),
         ("onNewerRequest", onNewerRequest.rawValue), ("checkInterval", "\(checkInterval)")]
    }

    /// One line that says what this server will do: its preset, the preset's settings as
    /// they apply, and which of them the scenario changed, e.g.
    /// `zpush preset: threads 150, … checkInterval 30s; from the file: threads 400`.
    public var effectiveSettings: String {
        let preset = ServerConfig(name: name, kind: kind).presetSettings
        let mine = presetSettings
        var text = "\(kind.rawValue) preset: " + mine.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let changed = zip(preset, mine).filter { $0.value != $1.value }.map { "\($1.key) \($1.value)" }
        if !changed.isEmpty { text += "; from the file: " + changed.joined(separator: ", ") }
        return text
    }
}
