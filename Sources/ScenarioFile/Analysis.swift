import JSON5
import PushSim

/// Decoding a tree, then the model's own checks: every problem, located.
enum Analysis {
    /// The decoded document (nil when the root is not an object) and every issue: the
    /// decoder's, or, when the decoder found none, `Scenario.validate()`'s. The model's
    /// checks run only on a fully decoded scenario, so that a default standing in for a
    /// rejected value never produces a second, misleading message.
    static func analyze(_ root: JSON5Node, defaultName: String) -> (document: DecodedDocument?, issues: [Issue]) {
        let context = DecodeContext()
        guard let document = context.document(root, defaultName: defaultName) else { return (nil, context.issues) }
        if context.hasIssues { return (document, context.issues) }
        return (document, KeyPathLookup.issues(for: document.scenario.validate(), in: document, root: root))
    }

    /// Checks every value of every axis of the `sweep` block by applying it to a copy of
    /// the tree and decoding that: the problems the value adds are reported at the value
    /// (or inside it, or at the axis key when the key path itself is at fault).
    static func sweepIssues(_ document: DecodedDocument, root: JSON5Node, baseIssues: [Issue],
                            defaultName: String) -> [Issue] {
        let base = Set(baseIssues)
        var issues: [Issue] = []
        let axes = document.sweepAxes
        let repeated = SweepSpec.repeatedKeyPaths(axes.map(\.keyPath), populations: document.scenario.populations.map(\.name),
                                                  servers: document.scenario.servers.map(\.name))
        for r in repeated {
            issues.append(Issue(location: axes[r.index].keyLocation, keyPath: "sweep.vary[\(Found.quoted(r.keyPath))]",
                                message: SweepSpec.repeatedKeyMessage(r.keyPath, first: axes[r.first].keyPath)))
        }
        for axis in document.sweepAxes {
            for value in axis.values {
                var copy = root
                do {
                    try OverrideApplier.apply(axis.components, value: value, to: &copy, stamp: axis.keyLocation)
                } catch {
                    issues.append(Issue(location: axis.keyLocation, keyPath: error.keyPath, message: error.message))
                    break  // the path is at fault, not this value: once per axis is enough
                }
                var inPlace = Set([axis.keyLocation.offset])
                collectOffsets(value, into: &inPlace)
                for var issue in analyze(copy, defaultName: defaultName).issues where !base.contains(issue) {
                    if !inPlace.contains(issue.location.offset) { issue.location = value.location }
                    if !issues.contains(issue) { issues.append(issue) }
                }
            }
        }
        return issues
    }

    private static func collectOffsets(_ node: JSON5Node, into offsets: inout Set<Int>) {
        offsets.insert(node.location.offset)
        switch node.value {
        case .array(let elements):
            for element in elements { collectOffsets(element, into: &offsets) }
        case .object(let members):
            for member in members {
                offsets.insert(member.keyLocation.offset)
                collectOffsets(member.value, into: &offsets)
            }
        default:
            break
        }
    }
}
