/// The first key findings of a sweep whose best point is picked by targets or by the
/// heartbeat rule (`SweepChoice`): which point, its figures, and what the server did with
/// values beyond its bounds.
enum SweepChoiceText {
    static func sentences(_ choice: SweepChoice, _ d: SweepData) -> [String] {
        let battery = SweepMetric.metric(.battery), latency = SweepMetric.metric(.latencyP95), lost = SweepMetric.metric(.lostShare)
        let measured = d.stats.filter { $0.replications > 0 }
        var out: [String] = []
        let best = choice.best(d)
        switch choice {
        case .targets(let rule, _):
            let targets = ReportText.list(rule.targets.map(\.text))
            if let best {
                let figures = rule.targets.map { "\($0.metric) \(SizeFindings.figure(SweepChoice.interval($0.metric, best)))" }
                out.append("\(ReportText.sentence(rule.prefer.rawValue)) point meeting \(targets): \(d.label(best)) (\(ReportText.list(figures))).")
            } else {
                let closest = measured.filter { !$0.point.isClamped }.min { a, b in
                    let sa = rule.targets.map { $0.relativeShortfall(SweepChoice.mean($0.metric, a)) }.reduce(0, +)
                    let sb = rule.targets.map { $0.relativeShortfall(SweepChoice.mean($0.metric, b)) }.reduce(0, +)
                    return (sa, a.index) < (sb, b.index)
                }
                var text = "No point meets \(targets)"
                if let closest {
                    let figures = rule.targets.map { "\($0.metric) \(SizeFindings.figure(SweepChoice.interval($0.metric, closest)))" }
                    text += "; the closest is \(d.label(closest)) (\(ReportText.list(figures)))"
                }
                out.append(text + ".")
            }
        case .latencyThenBattery:
            if let best, let fastest = SweepChoice.lowestLatency(d) {
                var text = "Lowest battery use with push latency p95 within 1.5× the best (\(ReportText.duration(fastest))) and lost Pings under 1%: \(d.label(best)) (\(best.text(battery)) per day; push latency p95 \(best.text(latency)), lost Pings \(best.text(lost)))."
                if let cheapest = measured.filter({ !$0.point.isClamped }).min(by: { ($0.mean(.battery), $0.index) < ($1.mean(.battery), $1.index) }),
                   cheapest.index != best.index {
                    text += " " + ReportText.sentence(d.label(cheapest)) + " uses less (\(cheapest.text(battery))) but its push latency p95 is \(cheapest.text(latency)) and it loses \(cheapest.text(lost)) of its Pings."
                }
                out.append(text)
            } else if let fewest = measured.filter({ !$0.point.isClamped }).min(by: { ($0.mean(.lostShare), $0.index) < ($1.mean(.lostShare), $1.index) }) {
                var text = "No heartbeat keeps push latency p95 within 1.5× the best with lost Pings under 1%; the fewest lost are at \(d.label(fewest)) (\(fewest.text(lost)), push latency p95 \(fewest.text(latency)))."
                text += fewest.capacity > 0 && fewest.mean(.threadsP99) >= Double(fewest.capacity)
                    ? " The thread pool is full there, so Pings wait in the queue until the devices give up: give the server more threads."
                    : " Shorten the heartbeat below the firewall's idle timeout, or raise the timeout."
                out.append(text)
            }
        case .lostThenBattery:
            break
        }
        let clamped = measured.filter(\.point.isClamped)
        if !clamped.isEmpty {
            let shown = clamped.prefix(4).map { d.label($0) }
            out.append("The server replaced \(ReportText.list(shown))\(clamped.count > 4 ? " and \(clamped.count - 4) more" : ""): it answers a heartbeat beyond its bounds with Status 5 and the bound, so those points are the bound in disguise and are never recommended over it.")
        }
        return out
    }
}
