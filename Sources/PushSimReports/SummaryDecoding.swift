import JSON5
import PushSim

/// Reading `summary.json` back (MODEL.md §6), e.g. to report on a finished run or to merge
/// shards. Every key the writer emits is read, so `Summary(jsonText: s.jsonText).jsonText`
/// is byte-for-byte `s.jsonText`. Keys the writer does not know are ignored, so files from
/// a newer build that appends keys still read.
extension Summary {
    /// Parses the text of a `summary.json`; throws `SummaryDecodingError` naming the missing
    /// or mistyped key, or the position of a syntax error.
    public init(jsonText: String) throws(SummaryDecodingError) {
        let root: JSON5Node
        do {
            root = try JSON5.parse(jsonText)
        } catch {
            throw SummaryDecodingError(path: "", message: "not valid JSON: \(error)")
        }
        try self.init(json: JSONField(node: root, path: ""))
    }

    init(json: JSONField) throws(SummaryDecodingError) {
        var s = Summary(scenario: "", seed: 0, replication: 0, devices: 0, simulatedSeconds: 0, measuredSeconds: 0,
                        overall: Figures(), populations: [], servers: [], restarts: [], events: 0)
        s.scenario = try json.string("scenario")
        // The writer stores the UInt64 seed as its Int64 bit pattern.
        s.seed = UInt64(bitPattern: Int64(try json.int("seed")))
        s.replication = try json.int("replication")
        s.devices = try json.int("devices")
        s.simulatedSeconds = try json.double("simulatedSeconds")
        s.measuredSeconds = try json.double("measuredSeconds")
        s.overall = try Figures(json: json)
        s.restarts = try json.member("restarts").elements().map { field throws(SummaryDecodingError) in
            try RestartFigures.decoded(field)
        }
        s.events = try json.member("engine").int("events")
        s.populations = try Self.namedFigures(json.member("populations"))
        s.servers = try json.optionalMember("servers").map { field throws(SummaryDecodingError) in
            try Self.namedFigures(field)
        } ?? []
        self = s
    }

    static func namedFigures(_ block: JSONField) throws(SummaryDecodingError) -> [NamedFigures] {
        var result: [NamedFigures] = []
        for (name, field) in try block.members() {
            let figures = try Figures(json: field)
            var named = NamedFigures(name: name, devices: try field.int("devices"), figures: figures)
            named.restarts = try field.optionalMember("restarts").map { list throws(SummaryDecodingError) in
                try list.elements().map { element throws(SummaryDecodingError) in try RestartFigures.decoded(element) }
            }
            result.append(named)
        }
        return result
    }
}

extension Figures {
    /// The metric blocks of one object of summary.json (the top level, a population or a
    /// server): every row of ``MetricCatalog/figures``, read as its kind says.
    init(json: JSONField) throws(SummaryDecodingError) {
        self.init()
        var blocks: [String: JSONField] = [:]
        for metric in MetricCatalog.figures {
            let (name, key) = metric.block
            let field: JSONField
            if let key {
                let block: JSONField
                if let known = blocks[name] { block = known } else { block = try json.member(name); blocks[name] = block }
                field = try block.member(key)
            } else {
                field = try json.member(name)
            }
            switch metric.kind {
            case .structure:
                try read(metric.path, field)
            case .name:
                break
            default:
                metric.set(try field.scalar(metric.kind), in: &self)
            }
        }
    }

    /// The members that are lists or maps, each in its own form.
    private mutating func read(_ path: String, _ field: JSONField) throws(SummaryDecodingError) {
        switch path {
        case "httpStatus":
            httpStatus = []
            for (key, member) in try field.members() {
                guard let code = Int(key) else { throw SummaryDecodingError(path: member.path, message: "\"\(key)\" is not an HTTP status code") }
                httpStatus.append((code, try member.intValue))
            }
        case "pushLatency.bins":
            pushLatency.bins = []
            for bin in try field.elements() {
                let parts = try bin.elements()
                guard parts.count == 3 else { throw bin.fail("should be [low, high, count], found \(parts.count) elements") }
                pushLatency.bins.append(HistogramBin(low: try parts[0].doubleValue, high: try parts[1].doubleValue, count: try parts[2].intValue))
            }
        case "heartbeat.final":
            heartbeat.final = [:]
            if field.node.value.objectMembers != nil {
                // Written before issue 16 (an object keyed by seconds as text): still read, so
                // that older sweep folders resume and merge.
                for (key, member) in try field.members() {
                    guard let seconds = Double(key), seconds.isFinite else {
                        throw SummaryDecodingError(path: member.path, message: "\"\(key)\" is not a heartbeat in seconds")
                    }
                    heartbeat.final[seconds, default: 0] += try member.intValue
                }
            } else {
                for entry in try field.elements() {
                    let seconds = try entry.double("seconds")
                    guard seconds.isFinite else { throw SummaryDecodingError(path: entry.child("seconds"), message: "is not a heartbeat in seconds") }
                    heartbeat.final[seconds, default: 0] += try entry.int("devices")
                }
            }
        default:
            throw field.fail("has no reader (a structured row of MetricCatalog without a case here)")
        }
    }
}

extension RestartFigures {
    static func decoded(_ field: JSONField) throws(SummaryDecodingError) -> RestartFigures {
        var f = RestartFigures()
        for metric in MetricCatalog.restart {
            let member = try field.member(metric.path)
            if metric.kind == .name {
                metric.set(name: try member.stringValue, in: &f)
            } else {
                metric.set(try member.scalar(metric.kind), in: &f)
            }
        }
        return f
    }
}

extension JSONField {
    /// A count or a figure as `kind` says: `null` only where the figure may be missing
    /// (and, as before, a `null` figure that should exist reads as NaN).
    func scalar(_ kind: MetricKind) throws(SummaryDecodingError) -> MetricReading {
        switch kind {
        case .count: return .count(try intValue)
        case .optionalCount: return .count(node.value.isNull ? nil : try intValue)
        case .optionalFigure: return .figure(node.value.isNull ? nil : try doubleValue)
        default: return .figure(try doubleValue)
        }
    }
}
