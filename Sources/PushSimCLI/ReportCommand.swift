import Experiments

/// `pushsim report DIR`: rebuild the report of a run or a sweep folder.
struct ReportCommand: Command {
    static let name = "report"
    static let abstract = "Rebuild report.html from a run or sweep folder."
    static let usage = "report DIR"
    static let discussion = """
    Reads the results in DIR (summary.json and timeseries.csv of a run, or the runs of a
    complete sweep) and writes DIR/report.html: a self-contained page with inline SVG
    charts and no scripts. `run` and `sweep` write it already; use this after merging by
    hand or to refresh a report made by an older version.
      pushsim report Results/quickstart
    """
    static let options: [OptionSpec] = []

    var folder: String

    init(_ a: ParsedArguments) throws(UsageError) {
        guard a.positionals.count == 1 else { throw UsageError("expected one results folder") }
        folder = a.positionals[0]
    }

    func run(_ console: Console) -> Int32 {
        do {
            guard try ReportRebuild.rebuild(inFolder: folder) != nil else {
                console.err("pushsim report: \(folder) holds neither summary.json (a run) nor sweep.json (a sweep)\n")
                return ExitStatus.badInput
            }
            console.out("Wrote \(folder)/report.html\n")
            return ExitStatus.success
        } catch {
            console.err("pushsim report: \(error)\n")
            return ExitStatus.failure
        }
    }
}
