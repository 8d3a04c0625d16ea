import Experiments
import Foundation
import PushSim
import PushSimReports

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
            if let planText = AtomicFile.read(folder + "/sweep.json") {
                let plan = try SweepPlan(jsonText: planText)
                try SweepRunner.finish(plan, folder: folder)
            } else if let summaryText = AtomicFile.read(folder + "/summary.json") {
                let summary = try Summary(jsonText: summaryText)
                let series = try AtomicFile.read(folder + "/timeseries.csv").map(TimeseriesCSV.parse) ?? []
                var replications: [Summary] = []
                var r = 0
                while let text = AtomicFile.read("\(folder)/replications/r\(r)/summary.json") {
                    replications.append(try Summary(jsonText: text))
                    r += 1
                }
                try AtomicFile.write(RunReport.html(summary: summary, timeseries: series,
                                                    description: RunToFolder.recordedDescription(inFolder: folder),
                                                    replications: replications,
                                                    queueLimits: RunToFolder.recordedQueueLimits(inFolder: folder)),
                                     to: folder + "/report.html")
            } else {
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
