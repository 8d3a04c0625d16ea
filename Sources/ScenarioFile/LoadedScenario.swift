import JSON5
import PushSim

/// A scenario read from a file, with its sweep and the tree it was decoded from.
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    /// The file's `sweep` block, if it has one.
    public var sweep: SweepSpec?
    /// The JSON5 tree after the overrides; nodes an override created or replaced are
    /// located at line 0, column = the override's position in `overrides` + 1.
    public var tree: JSON5Node
    /// The file as it was named.
    public var file: String
    /// The overrides applied to `tree`, in order.
    public var overrides: [ScenarioOverride]

    /// A loaded scenario as `ScenarioLoader` makes one; mainly for tests of code that uses it.
    public init(scenario: Scenario, sweep: SweepSpec?, tree: JSON5Node, file: String, overrides: [ScenarioOverride] = []) {
        self.scenario = scenario
        self.sweep = sweep
        self.tree = tree
        self.file = file
        self.overrides = overrides
    }

    /// This scenario with more overrides applied (e.g. one point of a sweep), checked and
    /// reported like `--set`. The `sweep` block is not checked again.
    public func applying(_ more: [ScenarioOverride]) throws(ScenarioLoadError) -> LoadedScenario {
        try ScenarioLoader.load(tree: tree, file: file, overrides: more, earlier: overrides, checkSweep: false)
    }
}
