import PushSim
import ScenarioFile

/// Every point of a sweep loaded before anything runs: a bad value at one point is bad
/// input, refused whole, not a failure half-way through a long sweep.
public struct SweepPointProblems: Error, Sendable {
    /// One line per problem, each naming its point by its values ("point 30m, 450: …").
    public var lines: [String]
}

extension SweepRunner {
    /// Loads the scenario of every point of `plan` (the file `text` with its `overrides`,
    /// then the point's values) and returns the memory estimate of the largest, for the
    /// memory check before the runs start; nil for a plan without points.
    ///
    /// - Throws: ``SweepPointProblems`` with every problem of every point, when any fails to load.
    /// - Complexity: one scenario load per point; nothing is simulated.
    public static func preload(_ plan: SweepPlan, text: String, file: String,
                               overrides: [ScenarioOverride]) throws(SweepPointProblems) -> MemoryEstimate? {
        var problems: [String] = []
        var largest: MemoryEstimate?
        for point in 0..<plan.pointCount {
            do {
                let scenario = try loadPoint(plan, point: point, text: text, file: file, overrides: overrides)
                let estimate = scenario.memoryEstimate
                if largest.map({ estimate.bytes > $0.bytes }) ?? true { largest = estimate }
            } catch let error as ScenarioLoadError {
                problems += error.diagnostics.map { "point \(plan.labels(ofPoint: point).joined(separator: ", ")): \($0)" }
            } catch {
                problems.append("point \(point): \(error)")
            }
        }
        guard problems.isEmpty else { throw SweepPointProblems(lines: problems) }
        return largest
    }
}
