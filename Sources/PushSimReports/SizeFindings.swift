import DiscreteEvent

/// The words of a `pushsim size` result: the terminal line, the sentence when no value
/// meets the targets, and the report's key findings. Every figure is a mean over the
/// replications with its 95 % interval ("0.013 ± 0.002").
public enum SizeFindings {
    /// `server.threads = 612 — smallest meeting 2 targets (611: threads.fullFraction 0.013 ± 0.002 > 0.01)`,
    /// or the no-value sentence.
    public static func line(_ t: SizeTable) -> String {
        guard let a = t.answer else { return noValueSentence(t) }
        let answer = t.points[a]
        var text = "\(t.parameter) = \(answer.label) — \(t.direction) meeting \(plural(t.targets.count, "target"))"
        if let n = t.next {
            let next = t.points[n]
            if let failed = next.missed.first {
                text += " (\(next.label): \(t.targets[failed].metric) \(figure(next.figures[failed])) \(t.targets[failed].relation.negation) \(MetricTarget.number(t.targets[failed].value)))"
            }
        } else {
            text += t.direction == "smallest" ? " (\(answer.label) is the bottom of the range)" : " (\(answer.label) is the top of the range)"
        }
        if !t.contradictions.isEmpty { text += "; the evaluations are not monotone (see report.html)" }
        return text
    }

    /// "No value of server.threads in 1..64 meets the targets; the closest, 64, has …".
    public static func noValueSentence(_ t: SizeTable) -> String {
        var text = "No value of \(t.parameter) in \(t.rangeLabels.low)..\(t.rangeLabels.high) meets \(t.targets.count == 1 ? "the target" : "every target")"
        guard let c = t.closest else { return text + "; nothing was evaluated." }
        let p = t.points[c]
        let parts = t.targets.indices.map { i -> String in
            let target = t.targets[i]
            guard let ci = p.figures[i] else { return "\(target.metric) does not exist there (null)" }
            if p.meets[i] { return "\(target.metric) \(figure(ci)) meets \(target.relation.rawValue) \(MetricTarget.number(target.value))" }
            return "\(target.metric) \(figure(ci)), \(MetricTarget.number(target.shortfall(ci.mean), digits: 3)) from \(target.relation.rawValue) \(MetricTarget.number(target.value))"
        }
        return text + "; the closest is \(p.label): " + parts.joined(separator: "; ") + "."
    }

    /// The report's key findings.
    public static func sentences(_ t: SizeTable) -> [String] {
        var out: [String] = []
        if let a = t.answer {
            let answer = t.points[a]
            let margins = t.targets.indices.map { "\(t.targets[$0].metric) \(figure(answer.figures[$0])) (target \(t.targets[$0].relation.rawValue) \(MetricTarget.number(t.targets[$0].value)))" }
            out.append("\(ReportText.sentence(t.direction)) \(t.parameter) that meets \(t.targets.count == 1 ? "the target" : "all \(t.targets.count) targets"): \(answer.label), with \(ReportText.list(margins)).")
            if let n = t.next {
                let next = t.points[n]
                let fails = next.missed.map { "\(t.targets[$0].metric) \(figure(next.figures[$0])) \(t.targets[$0].relation.negation) \(MetricTarget.number(t.targets[$0].value))" }
                out.append("One step \(t.direction == "smallest" ? "below" : "above"), \(next.label) fails: \(ReportText.list(fails)).")
            } else {
                out.append("\(answer.label) is the \(t.direction == "smallest" ? "bottom" : "top") of the range searched (\(t.rangeLabels.low)..\(t.rangeLabels.high)); the answer may lie beyond it.")
            }
            for rule in t.rules {
                let difference = answer.value - rule.value
                let relative = rule.value != 0 ? difference / rule.value : .nan
                let how = difference == 0 ? "the same as the answer"
                    : "\(difference > 0 ? "the answer is" : "the answer is") \(ReportText.number(abs(difference), decimals: 0)) \(difference > 0 ? "more" : "fewer")\(relative.isFinite ? " (\(ReportText.share(abs(relative))))" : "")"
                out.append("\(rule.name): \(ReportText.number(rule.value, decimals: 0)) — \(how). \(rule.basis)")
            }
        } else {
            out.append(noValueSentence(t))
        }
        if !t.contradictions.isEmpty {
            let pairs = t.contradictions.prefix(5).map { "\($0.meets) meets but \($0.fails) fails" }
            var text = "The evaluations are not monotone in \(t.parameter): \(ReportText.list(pairs))\(t.contradictions.count > 5 ? " and \(t.contradictions.count - 5) more" : "")."
            if let s = t.scanned { text += " Instead of bisecting, every value from \(s) was evaluated, and the answer is the \(t.direction) of those that meet." }
            if let s = t.scanSkipped { text += " The span \(s) was too wide to scan value by value; treat the answer with care." }
            out.append(text)
        }
        if let note = t.clampNote { out.append("The range was \(note): a heartbeat past the bound is answered Status 5 and replaced by the bound.") }
        out.append("\(plural(t.points.count, "value")) evaluated × \(plural(t.replications, "replication")) with the seeds and common random numbers of a sweep; a value meets a target when the mean over its replications does. Search: bracket from the bottom of the range, then bisect.")
        return out
    }

    /// "0.013 ± 0.002", "0.013" for one replication, "null" when it does not exist.
    public static func figure(_ ci: ConfidenceInterval?) -> String {
        guard let ci else { return "null" }
        guard ci.count > 1, ci.halfWidth > 0 else { return MetricTarget.number(ci.mean, digits: 3) }
        return MetricTarget.number(ci.mean, digits: 3) + " ± " + MetricTarget.number(ci.halfWidth, digits: 2)
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
