/// The key findings of a sweep report: which point to choose and why, computed from the
/// means over replications.
///
/// Rules (stated on the page as well):
/// - Best point: among points whose lost-Ping share stays under 1 %, the one with the lowest
///   battery use per day (ties go to the earlier point). A lost Ping is a wasted wake-up and
///   late mail, so a heartbeat that saves battery by losing Pings is not a saving.
/// - Threads: the smallest pool whose threads held at p99 stay at or under 90 % of its size
///   (10 % headroom), per combination of the other parameters.
enum SweepFindings {
    static let lostLimit = 0.01
    static let headroom = 0.10

    /// The best point by the sweep's rule (`SweepChoice`: --best targets, else the default
    /// for the first parameter), or nil when no point qualifies.
    static func best(_ d: SweepData) -> SweepPointStats? {
        SweepChoice.rule(for: d.table).best(d)
    }

    static func sentences(_ d: SweepData) -> [String] {
        let measured = d.stats.filter { $0.replications > 0 }
        guard !measured.isEmpty else {
            return [d.stats.isEmpty ? "This sweep has no points." : "No point of this sweep has results yet."]
        }
        var out: [String] = []
        let battery = SweepMetric.metric(.battery)
        let lost = SweepMetric.metric(.lostShare)
        let latency = SweepMetric.metric(.latencyP95)
        let choice = SweepChoice.rule(for: d.table)
        if !choice.isLostRule {
            out += SweepChoiceText.sentences(choice, d)
        } else if let best = best(d) {
            var text = "Lowest battery use with lost Pings under 1%: \(d.label(best)) (\(best.text(battery)) per day; lost Pings \(best.text(lost)), push latency p95 \(best.text(latency)))."
            if let cheapest = measured.min(by: { ($0.mean(.battery), $0.index) < ($1.mean(.battery), $1.index) }),
               cheapest.index != best.index {
                text += " " + ReportText.sentence(d.label(cheapest)) + " uses less (\(best.text(battery) == cheapest.text(battery) ? "about the same" : cheapest.text(battery))) but loses \(cheapest.text(lost)) of its Pings."
            }
            out.append(text)
        } else if let fewest = measured.min(by: { ($0.mean(.lostShare), $0.index) < ($1.mean(.lostShare), $1.index) }) {
            var text = "No point keeps lost Pings under 1%; the fewest are at \(d.label(fewest)) (\(fewest.text(lost)), battery \(fewest.text(battery)) per day)."
            // A full pool loses Pings by itself (they wait past the device's timer); otherwise the
            // usual cause is a firewall that drops idle connections before the heartbeat ends.
            if fewest.capacity > 0 && fewest.mean(.threadsP99) >= Double(fewest.capacity) {
                text += " The thread pool is full there, so Pings wait in the queue until the devices give up: give the server more threads."
            } else {
                text += " Shorten the heartbeat below the firewall's idle timeout, or raise the timeout."
            }
            out.append(text)
        }
        out += lostTrend(d)
        if let threads = threads(d) { out.append(threads) }
        if let conflicts = conflicts(d) { out.append(conflicts) }
        out.append(choice.statement)
        return out
    }

    /// How lost Pings change along the first parameter, per series.
    static func lostTrend(_ d: SweepData) -> [String] {
        let metric = SweepMetric.metric(.lostShare)
        var out: [String] = []
        for (label, points) in d.series.prefix(4) {
            let measured = points.filter { $0.replications > 0 }
            guard let first = measured.first else { continue }
            let prefix = label.isEmpty ? "Lost Pings" : "With \(label), lost Pings"
            let under = measured.prefix { $0.mean(.lostShare) < lostLimit }
            let top = measured.max { ($0.mean(.lostShare), -$0.index) < ($1.mean(.lostShare), -$1.index) } ?? first
            if under.count == measured.count {
                out.append("\(prefix) stay below 1% at every point (at most \(top.text(metric)), at \(d.xName) \(d.xText(top))).")
            } else if let last = under.last {
                let next = measured[under.count]
                var text = "\(prefix) stay below 1% up to \(d.xName) \(d.xText(last)) and reach \(next.text(metric)) at \(d.xText(next))"
                if top.index != next.index { text += " (\(top.text(metric)) at \(d.xText(top)))" }
                out.append(text + ".")
            } else {
                let highest = top.index == first.index ? "" : "; highest \(top.text(metric)) at \(d.xText(top))"
                out.append("\(prefix) are at 1% or more from the first point (\(first.text(metric)) at \(d.xName) \(d.xText(first))\(highest)).")
            }
        }
        return out
    }

    static func hasHeadroom(_ p: SweepPointStats) -> Bool {
        p.capacity > 0 && p.mean(.threadsP99) <= (1 - headroom) * Double(p.capacity)
    }

    static func usage(_ p: SweepPointStats) -> String {
        "p99 \(ReportText.number(p.mean(.threadsP99), decimals: 0)) of \(ReportText.count(p.capacity)), \(ReportText.share(ReportText.ratio(p.mean(.threadsP99), Double(p.capacity))))"
    }

    static func threads(_ d: SweepData) -> String? {
        let measured = d.stats.filter { $0.replications > 0 && $0.capacity > 0 }
        guard !measured.isEmpty else { return nil }
        guard let t = d.threadsParameter else {
            let tight = measured.filter { !hasHeadroom($0) }
            if tight.isEmpty {
                let top = measured.max { ($0.mean(.threadsP99), -$0.index) < ($1.mean(.threadsP99), -$1.index) }!
                return "Threads held leave at least 10% headroom at every point (highest \(usage(top)) at \(d.label(top)))."
            }
            let shown = tight.prefix(5).map { "\(d.label($0)) (\(usage($0)))" }
            return "Threads held at p99 exceed 90% of the pool at \(ReportText.list(shown))\(tight.count > 5 ? " and \(tight.count - 5) more" : ""): give the server more threads there."
        }
        // Group by every parameter except the thread count, in order of appearance.
        var keys: [String] = []
        var groups: [String: [SweepPointStats]] = [:]
        for p in measured {
            let key = d.names.indices.filter { $0 != t }.map { "\(d.names[$0]) \(SweepData.value(p, $0))" }.joined(separator: ", ")
            if groups[key] == nil { keys.append(key) }
            groups[key, default: []].append(p)
        }
        let parts = keys.prefix(6).map { key -> String in
            let points = groups[key]!.sorted { ($0.capacity, $0.index) < ($1.capacity, $1.index) }
            let prefix = key.isEmpty ? "" : "for \(key): "
            if let ok = points.first(where: hasHeadroom) {
                return prefix + "\(ReportText.count(ok.capacity)) threads (\(usage(ok)))"
            }
            let largest = points.last!
            return prefix + "none of the pools tried (largest \(ReportText.count(largest.capacity)), \(usage(largest)))"
        }
        return "Smallest pool that leaves 10% headroom at p99: " + parts.joined(separator: "; ") + (keys.count > 6 ? "; …" : "") + "."
    }

    /// The range of the 409 share over the sweep.
    static func conflicts(_ d: SweepData) -> String? {
        let measured = d.stats.filter { $0.replications > 0 && $0.mean(.share409).isFinite }
        guard let low = measured.min(by: { ($0.mean(.share409), $0.index) < ($1.mean(.share409), $1.index) }),
              let high = measured.max(by: { ($0.mean(.share409), -$0.index) < ($1.mean(.share409), -$1.index) }),
              high.mean(.share409) > 0 else { return nil }
        let metric = SweepMetric.metric(.share409)
        if measured.count == 1 || high.mean(.share409) - low.mean(.share409) < 0.01 {
            return "The 409 share barely moves across the sweep (\(ReportText.share(low.mean(.share409)))–\(ReportText.share(high.mean(.share409))))."
        }
        return "The 409 share ranges from \(low.text(metric)) at \(d.label(low)) to \(high.text(metric)) at \(d.label(high))."
    }
}
