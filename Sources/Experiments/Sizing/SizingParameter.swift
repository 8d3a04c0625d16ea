import DiscreteEvent
import Foundation
import JSON5
import PushSim
import ScenarioFile

/// Bad input to `pushsim size`, found before anything runs (exit status 2): each line a
/// located problem, in the style of the scenario file's messages.
public struct SizingInputError: Error, Sendable, CustomStringConvertible {
    public var lines: [String]
    public init(_ lines: [String]) { self.lines = lines }
    public init(_ line: String) { self.lines = [line] }
    public var description: String { lines.joined(separator: "\n") }
}

/// The parameter `pushsim size` searches: a key path that `--set` accepts a whole number or
/// a duration for, and the grid of values it may take.
///
/// Values are kept as whole numbers: the parameter's own value for a count, microseconds
/// for a duration. The grid is `low, low + step, …`, with `high` as its last value even
/// when the step does not divide the range, so both ends are always candidates.
public struct SizingParameter: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case integer, duration
    }

    public var keyPath: String
    public var kind: Kind
    public var low: Int64
    public var high: Int64
    public var step: Int64
    /// Why the range is narrower than asked (a heartbeat beyond the server's bounds), for messages.
    public var clampNote: String?

    /// The last grid index.
    public var lastIndex: Int { Int((high - low + step - 1) / step) }

    public func value(atIndex k: Int) -> Int64 { min(low + Int64(k) * step, high) }

    /// The value as `--set` would be given it: a number, or a duration text.
    public func json5(_ v: Int64) -> JSON5Value {
        switch kind {
        case .integer: .number(JSON5Number(integer: v))
        case .duration: .string(SimTime(microseconds: v).durationText)
        }
    }

    /// `612`, `14m50s` — also the name of the value's folder.
    public func label(_ v: Int64) -> String {
        switch kind {
        case .integer: String(v)
        case .duration: SimTime(microseconds: v).durationText
        }
    }

    /// The value in output files: the number, or seconds for a duration.
    public func number(_ v: Int64) -> Double {
        kind == .integer ? Double(v) : Double(v) / 1e6
    }

    /// Reads the parameter of `--find` against `loaded` (the scenario with its --set
    /// overrides), with the optional `--range LO..HI` and `--resolution STEP` texts.
    ///
    /// The kind comes from the value written in the file, else from which of a whole number
    /// and a duration the scenario accepts; both ends of the range are then applied as
    /// overrides, so an unknown key, a value the model refuses or a key that is neither gets
    /// the scenario file's located, did-you-mean message.
    public static func resolve(_ keyPath: String, in loaded: LoadedScenario, range: String?,
                               resolution: String?) throws(SizingInputError) -> SizingParameter {
        guard LoadedScenario.keyPathComponents(keyPath) != nil else {
            throw SizingInputError("--find \(keyPath): expected a key path such as server.threads or populations.iphone.count")
        }
        let kind = try self.kind(of: keyPath, in: loaded)
        var step: Int64 = kind == .duration ? 10_000_000 : 1
        if let resolution {
            guard let s = parse(resolution, kind), s > 0 else {
                throw SizingInputError("--resolution \(resolution): expected a positive \(kind == .duration ? "duration such as 10s" : "whole number")")
            }
            step = s
        }
        var low: Int64, high: Int64
        if let range {
            let parts = range.components(separatedBy: "..")
            guard parts.count == 2, let lo = parse(parts[0], kind), let hi = parse(parts[1], kind), lo <= hi else {
                let example = kind == .duration ? "5m..30m" : "100..2000"
                throw SizingInputError("--range \(range): expected LO..HI with LO ≤ HI, such as \(example)")
            }
            (low, high) = (lo, hi)
        } else {
            let last = LoadedScenario.keyPathComponents(keyPath)?.last ?? ""
            switch (kind, last) {
            case (.duration, _): (low, high) = (30_000_000, 3_600_000_000)
            case (.integer, "threads"): (low, high) = (1, 1_000_000)
            case (.integer, "count"): (low, high) = (1, 10_000_000)
            default:
                throw SizingInputError("--find \(keyPath): give --range LO..HI (defaults exist for threads, counts and durations)")
            }
        }
        var parameter = SizingParameter(keyPath: keyPath, kind: kind, low: low, high: high, step: step, clampNote: nil)
        try parameter.clampToHeartbeatBounds(loaded)
        for v in Set([parameter.low, parameter.high]).sorted() {
            do {
                _ = try loaded.applying([ScenarioOverride(keyPath: keyPath, value: parameter.json5(v))])
            } catch {
                throw SizingInputError(error.diagnostics.map { d in
                    var d = d
                    d.overrideOption = "--find"
                    return d.description
                })
            }
        }
        return parameter
    }

    static func parse(_ text: String, _ kind: Kind) -> Int64? {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .integer:
            return Int64(t.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: ""))
        case .duration:
            return (try? SimTime(parsing: t))?.microseconds
        }
    }

    static func kind(of keyPath: String, in loaded: LoadedScenario) throws(SizingInputError) -> Kind {
        switch loaded.writtenValue(at: keyPath) {
        case .number(let n)?:
            guard n.integer != nil else {
                throw SizingInputError("--find \(keyPath): \(n.text) is not a whole number; size searches whole numbers and durations")
            }
            return .integer
        case .string(let s)? where (try? SimTime(parsing: s)) != nil:
            return .duration
        case let v?:
            throw SizingInputError("--find \(keyPath): the file has \(v.typeName) \(v.displayText) there; size searches a whole number or a duration")
        case nil:
            break
        }
        // Not written: which kind of value does the scenario accept here?
        var firstFailure: ScenarioLoadError?
        for (kind, probe) in [(Kind.integer, JSON5Value.number(JSON5Number(integer: 1))), (.duration, .string("1m"))] {
            do {
                _ = try loaded.applying([ScenarioOverride(keyPath: keyPath, value: probe)])
                return kind
            } catch {
                if firstFailure == nil { firstFailure = error }
            }
        }
        let lines = (firstFailure?.diagnostics ?? []).map { d -> String in
            var d = d
            d.override = keyPath
            d.overrideOption = "--find"
            return d.description
        }
        throw SizingInputError(lines.isEmpty ? ["--find \(keyPath): expected a whole-number or duration parameter"] : lines)
    }

    /// A heartbeat beyond the server's bounds is answered Status 5 and replaced by the
    /// bound, so the values past it are the bound in disguise: the range stops there.
    mutating func clampToHeartbeatBounds(_ loaded: LoadedScenario) throws(SizingInputError) {
        guard kind == .duration, LoadedScenario.keyPathComponents(keyPath)?.contains("heartbeat") == true,
              let p = loaded.populationIndex(inKeyPath: keyPath) else { return }
        let population = loaded.scenario.populations[p]
        let servers = loaded.scenario.servers.filter { population.server == nil || $0.name == population.server }
        guard let lowest = servers.map(\.heartbeatMin).max(), let highest = servers.map(\.heartbeatMax).min() else { return }
        let (lo, hi) = (max(low, lowest.microseconds), min(high, highest.microseconds))
        guard lo != low || hi != high else { return }
        guard lo <= hi else {
            throw SizingInputError("--range: \(label(low))..\(label(high)) lies outside the server's heartbeat bounds \(lowest)…\(highest)")
        }
        clampNote = "clamped to the server's heartbeat bounds \(lowest)…\(highest) (\(label(low))..\(label(high)) asked)"
        (low, high) = (lo, hi)
    }
}
