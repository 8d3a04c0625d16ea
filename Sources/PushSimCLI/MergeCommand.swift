import Experiments

/// `pushsim merge DIR… --out DIR`: combine the shards of a sweep.
struct MergeCommand: Command {
    static let name = "merge"
    static let abstract = "Combine the shard folders of one sweep into one."
    static let usage = "merge DIR… --out DIR"
    static let discussion = """
    Copies every run of the shard folders into the output folder (which may be one of
    them), checks that they belong to the same sweep, and writes sweep.csv, sweep-summary.csv and report.html
    once every run is there: byte for byte what one machine would have written.
      pushsim merge shard-1 shard-2 shard-3 --out Results/heartbeat-vs-firewall
    """
    static let options: [OptionSpec] = [.value("out", "DIR", help: "The merged folder (required).")]

    var inputs: [String]
    var out: String

    init(_ a: ParsedArguments) throws(UsageError) {
        guard !a.positionals.isEmpty else { throw UsageError("expected at least one shard folder") }
        guard let out = a.value("out") else { throw UsageError("--out DIR is required") }
        inputs = a.positionals
        self.out = out
    }

    func run(_ console: Console) -> Int32 {
        do {
            let o = try SweepMerge.merge(inputs, into: out)
            console.out("merged \(inputs.count) folder\(inputs.count == 1 ? "" : "s"): \(o.present) of \(o.total) runs in \(out)/\n"
                        + (o.complete ? "Wrote \(out)/sweep.csv, \(out)/sweep-summary.csv and \(out)/report.html\n" : "Runs are still missing: merge again when the other shards are done.\n"))
            return ExitStatus.success
        } catch {
            console.err("pushsim merge: \(error)\n")
            return ExitStatus.badInput
        }
    }
}
