import DiscreteEvent
import Foundation
import PushSim
import PushSimReports

/// The few numbers a run prints: the 409 share, threads held, refusals, push latency and
/// battery, overall and per population, and across replications.
///
/// Every column is a figure named by its catalog path (or a derived figure's,
/// ``DerivedMetrics``): the header is its short label, the cell its value in the terminal's
/// format of its unit (``format(_:unit:decimals:)``).
enum SummaryTable {
    /// The columns after the threads: the same in both tables.
    static let tail = ReportMetric.named(["refused", "pings.lost", "pushLatency.p95", "battery.percentPerDay"])
    static let share409 = ReportMetric.named(["pings.share409"])
    /// Threads held, mean / p99 / max, in one column ("threads mean/p99/max").
    static let threads = ReportMetric.named(["threads.mean", "threads.p99", "threads.max"])
    /// The replications table's columns.
    static let replicationColumns = share409 + ReportMetric.named(["threads.p99"]) + tail

    /// The header of the threads column: the first short label, then the last word of the others.
    static var threadsHeader: String {
        guard let first = threads.first else { return "" }
        return ([first.terminalLabel] + threads.dropFirst().map { $0.terminalLabel.split(separator: " ").last.map(String.init) ?? $0.terminalLabel })
            .joined(separator: "/")
    }

    static func text(_ s: Summary) -> String {
        let header = [""] + ["devices"] + share409.map(\.terminalLabel) + [threadsHeader] + tail.map(\.terminalLabel)
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
        let columns = replicationColumns
        let header = [""] + columns.map(\.terminalLabel)
        let values = summaries.map { s in columns.map { $0.value(in: s.overall) ?? .nan } }
        var rows = values.enumerated().map { i, x in ["replication \(i)"] + columns.indices.map { format(x[$0], unit: columns[$0].unit) } }
        let intervals = columns.indices.map { i in ConfidenceInterval(values.map { $0[i] }) }
        rows.append(["mean ± 95 %"] + columns.indices.map {
            format(intervals[$0].mean, halfWidth: intervals[$0].halfWidth, unit: columns[$0].unit)
        })
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
        // The mean with a decimal: a level averaged over time; p99 and max are whole threads.
        let held = threads.enumerated().map { i, m in format(m.value(in: f), unit: m.unit, decimals: i == 0 ? 1 : nil) }
        let threadsCell = held.joined(separator: " / ") + (capacity.map { " of \($0)" } ?? "")
        return [name, String(devices)] + share409.map { format($0.value(in: f), unit: $0.unit) } + [threadsCell]
            + tail.map { format($0.value(in: f), unit: $0.unit) }
    }

    /// A figure as the terminal writes a figure of its unit, "—" when it does not exist;
    /// with `halfWidth`, "mean ± half-width" in the same format. Shares as percent with one
    /// decimal, battery percent with two, seconds as ms / s / min, the rest whole.
    static func format(_ x: Double?, halfWidth: Double? = nil, unit: MetricUnit, decimals: Int? = nil) -> String {
        guard let x, x.isFinite else { return "—" }
        switch unit {
        case .seconds, .secondsPerDay:
            return seconds(x) + (halfWidth.map { " ± " + seconds($0) } ?? "")
        default:
            let (scale, places, suffix): (Double, Int, String) = switch unit {
            case .share: (100, 1, " %")
            case .percentPerDay: (1, 2, " %")
            case .joulesPerDay: (1, 0, " J")
            default: (1, 0, "")
            }
            let digits = "%.\(decimals ?? places)f"
            return String(format: digits, x * scale) + (halfWidth.map { " ± " + String(format: digits, $0 * scale) } ?? "") + suffix
        }
    }

    static func seconds(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "—" }
        return x < 1 ? String(format: "%.0f ms", x * 1000) : x < 120 ? String(format: "%.1f s", x) : String(format: "%.1f min", x / 60)
    }
}
