import Foundation
import PushSim

/// Refuses, before anything is allocated, a run that cannot fit in memory: the scenario's
/// `MemoryEstimate` against the machine's memory (or its container's limit), or against
/// `--max-memory`.
struct MemoryCheck {
    /// The limit in bytes and how a message names it ("this machine has 23 GiB").
    var limit: Int
    var limitText: String

    static let option = OptionSpec.value("max-memory", "SIZE",
                                         help: "Refuse runs estimated above SIZE (8G, 512M; default: this machine's memory).")

    /// `--max-memory` when given, else physical memory, or the cgroup's `memory.max` when lower.
    init(_ arguments: ParsedArguments) throws(UsageError) {
        if let text = arguments.value("max-memory") {
            guard let bytes = Self.parseSize(text) else {
                throw UsageError("--max-memory expects a size such as 8G, 512M or 2.5G, found \"\(text)\"")
            }
            limit = bytes
            limitText = "--max-memory is \(Self.size(bytes))"
            return
        }
        var bytes = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        var text = "this machine has \(Self.size(bytes))"
        if let cgroup = Self.containerLimit(), cgroup < bytes {
            bytes = cgroup
            text = "this container may use \(Self.size(bytes))"
        }
        limit = bytes
        limitText = text
    }

    /// "8G", "8GiB", "512m", "1.5T", "1000000" (bytes); binary units. Nil when not a size.
    static func parseSize(_ text: String) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where t.hasSuffix(suffix) && t.count > suffix.count { t.removeLast(suffix.count); break }
        let units: [Character: Double] = ["K": 1024, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776]
        var factor = 1.0
        if let last = t.last, let f = units[last] { factor = f; t.removeLast() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let x = Double(t), x > 0 else { return nil }
        let bytes = x * factor
        return bytes < 9e18 ? Int(bytes) : nil
    }

    /// cgroup v2's `memory.max` (Kubernetes, Slurm, Docker), when it is a number.
    static func containerLimit() -> Int? {
        guard let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The sentence that refuses `estimate` run `concurrent` at a time with `retained`
    /// time series kept, or nil when it fits.
    func refusal(_ estimate: MemoryEstimate, concurrent: Int = 1, retained: Int = 1) -> String? {
        let bytes = estimate.bytes(concurrent: concurrent, retained: retained)
        guard bytes > limit else { return nil }
        var text = "needs about \(Self.size(bytes)) for "
        if estimate.samplesDominate {
            text += "\(Self.grouped(estimate.samples.multipliedReportingOverflow(by: max(1, retained)).partialValue)) time-series samples; "
                + "\(limitText); use a longer sampleInterval or a shorter duration"
        } else {
            text += concurrent > 1 ? "\(concurrent) runs at once of \(Self.grouped(estimate.devices)) devices" : "\(Self.grouped(estimate.devices)) devices"
            text += "; \(limitText); "
            text += concurrent > 1 ? "use fewer --jobs, or " : ""
            text += "split the fleet across servers and shards (README: Sweeps across machines)"
        }
        return text
    }

    /// "about" sizes: "25 MiB", "3.4 GiB", "540 GiB".
    static func size(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var x = Double(bytes)
        var unit = 0
        while x >= 1024 && unit < units.count - 1 {
            x /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : String(format: x < 10 ? "%.1f " : "%.0f ", x) + units[unit]
    }

    /// 2000000000 → "2,000,000,000".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
