import DiscreteEvent
import Foundation
import PushSim

/// The few numbers a run prints: the 409 share, threads held, refusals, push latency and
/// battery, overall and per population, and across replications.
enum SummaryTable {
    static func text(_ s: Summary) -> String {
        let header = ["", "devices", "409 share", "threads mean/p99/max", "503s", "lost Pings", "push p95", "battery/day"]
        var rows = [row("all", s.devices, s.overall, capacity: s.overall.threads.capacity)]
        if s.populations.count > 1 {
            rows += s.populations.map { row($0.name, $0.devices, $0.figures, capacity: nil) }
        }
        if s.servers.count > 1 {
            rows += s.servers.map { row("server " + $0.name, $0.devices, $0.figures, capacity: $0.figures.threads.capacity) }
        }
        return aligned([header] + rows)
    }

    /// `run --replications R`: one labelled row per replication of the overall figures,
    /// then their mean ± the half-width of the 95 % confidence interval.
    static func replications(_ summaries: [Summary]) -> String {
        let header = ["", "409 share", "threads p99", "503s", "lost Pings", "push p95", "battery/day"]
        func figures(_ s: Summary) -> [Double] {
            let f = s.overall
            return [(f.pings.share409 ?? .nan) * 100, f.threads.p99 ?? .nan, Double(f.pings.rejected503 + f.syncs.rejected503),
                    Double(f.pings.lost), f.pushLatency.p95 ?? .nan, f.battery.percentPerDay ?? .nan]
        }
        func cells(_ x: [Double], _ ci: [Double]?) -> [String] {
            func pm(_ i: Int, _ format: String) -> String {
                guard x[i].isFinite else { return "—" }
                return String(format: format, x[i]) + (ci.map { " ± " + String(format: format, $0[i]) } ?? "")
            }
            let latency = ci.map { seconds(x[4]) + " ± " + seconds($0[4]) } ?? seconds(x[4])
            return [pm(0, "%.1f") + " %", pm(1, "%.0f"), pm(2, "%.0f"), pm(3, "%.0f"), latency, pm(5, "%.2f") + " %"]
        }
        let values = summaries.map(figures)
        var rows = values.enumerated().map { ["replication \($0)"] + cells($1, nil) }
        let intervals = header.indices.dropFirst().map { i in ConfidenceInterval(values.map { $0[i - 1] }) }
        rows.append(["mean ± 95 %"] + cells(intervals.map(\.mean), intervals.map(\.halfWidth)))
        return aligned([header] + rows)
    }

    /// The first column left-aligned, the others right-aligned.
    static func aligned(_ table: [[String]]) -> String {
        let widths = table[0].indices.map { i in table.map { $0[i].count }.max() ?? 0 }
        return table.map { r in
            r.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func row(_ name: String, _ devices: Int, _ f: Figures, capacity: Int?) -> [String] {
        let p99 = f.threads.p99.map { String(format: "%.0f", $0) } ?? "—"
        let threads = String(format: "%.1f", f.threads.mean) + " / \(p99) / \(f.threads.max.map(String.init) ?? "—")"
            + (capacity.map { " of \($0)" } ?? "")
        return [name, String(devices), percent(f.pings.share409.map { $0 * 100 }, "%.1f %%"), threads,
                String(f.pings.rejected503 + f.syncs.rejected503), String(f.pings.lost),
                seconds(f.pushLatency.p95), percent(f.battery.percentPerDay, "%.2f %%")]
    }

    /// A figure that may not exist: "—" when it does not.
    static func percent(_ x: Double?, _ format: String) -> String {
        guard let x, x.isFinite else { return "—" }
        return String(format: format, x)
    }

    static func seconds(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "—" }
        return x < 1 ? String(format: "%.0f ms", x * 1000) : x < 120 ? String(format: "%.1f s", x) : String(format: "%.1f min", x / 60)
    }
}
