import JSON5
import DiscreteEvent
import PushSim
import PushSimReports

/// `size.json`: the answer, the neighbour that fails, every evaluated value, the rules of
/// thumb. Values are numbers (seconds for a duration) with their text beside them; figures
/// are `{mean, ci95}` with `null` where a figure does not exist (a `null` metric, or the
/// interval of a single replication). A pure function of the search, so a resumed search
/// writes the same bytes.
enum SizeJSON {
    static func render(_ t: SizeTable, parameter: SizingParameter) -> String {
        func figures(_ p: SizePoint) -> JSONText {
            var seen = Set<String>()
            var members: [(String, JSONText)] = []
            for (target, ci) in zip(t.targets, p.figures) where seen.insert(target.metric).inserted {
                members.append((target.metric, .object([
                    ("mean", ci.map { .number($0.mean) } ?? .null),
                    ("ci95", ci.flatMap { $0.count > 1 ? .number($0.halfWidth) : nil } ?? .null),
                ])))
            }
            return .object(members)
        }
        let answer = t.answer.map { t.points[$0] }
        let next: JSONText = t.next.map { n in
            let p = t.points[n]
            return .object([("value", .number(p.value)), ("text", .string(p.label)), ("figures", figures(p)),
                            ("fails", .array(p.missed.map { .string(t.targets[$0].text) }))])
        } ?? .null
        let rules: [JSONText] = t.rules.map { rule in
            .object([("rule", .string(rule.name)), ("value", .number(rule.value)),
                     ("difference", answer.map { .number($0.value - rule.value) } ?? .null)])
        }
        return JSONText.object([
            ("scenario", .string(t.title)),
            ("parameter", .string(t.parameter)),
            ("kind", .string(parameter.kind.rawValue)),
            ("direction", .string(t.direction)),
            ("targets", .array(t.targets.map {
                .object([("metric", .string($0.metric)), ("op", .string($0.relation.rawValue)), ("value", .number($0.value)), ("text", .string($0.text))])
            })),
            ("range", .object([("low", .number(parameter.number(parameter.low))), ("high", .number(parameter.number(parameter.high))),
                               ("resolution", .number(parameter.number(parameter.step)))])),
            ("replications", .int(t.replications)),
            ("answer", answer.map { .number($0.value) } ?? .null),
            ("answerText", answer.map { .string($0.label) } ?? .null),
            ("answerFigures", answer.map(figures) ?? .null),
            ("nextValue", next),
            ("points", .array(t.points.map { p in
                .object([("value", .number(p.value)), ("text", .string(p.label)), ("figures", figures(p)),
                         ("meets", .bool(p.meetsAll)), ("order", .int(p.order))])
            })),
            ("evaluations", .int(t.points.count)),
            ("monotone", .bool(t.contradictions.isEmpty)),
            ("contradictions", .array(t.contradictions.map { .object([("meets", .string($0.meets)), ("fails", .string($0.fails))]) })),
            ("ruleOfThumb", .array(rules)),
        ]).rendered()
    }
}
