import PushSim
import PushSimReports

/// `report.html` rebuilt from what `RunToFolder` or `SweepRunner` wrote into a folder (after
/// merging by hand, or to refresh a report of an older version). The folder's layout is
/// theirs; this only reads it back.
public enum ReportRebuild {
    /// What a results folder holds.
    public enum Folder: Sendable, Equatable {
        /// `summary.json` (and `timeseries.csv`, `run.json`, `replications/r<k>/summary.json`).
        case run
        /// `sweep.json` and its points.
        case sweep
    }

    /// Rewrites `folder/report.html` from the folder's results; a sweep folder must be complete.
    ///
    /// - Returns: what the folder holds, or nil when it holds neither `sweep.json` (a sweep)
    ///   nor `summary.json` (a run); then nothing is written.
    /// - Throws: when a file is unreadable or malformed, or the report cannot be written.
    public static func rebuild(inFolder folder: String) throws -> Folder? {
        if let planText = AtomicFile.read(folder + "/sweep.json") {
            try SweepRunner.finish(try SweepPlan(jsonText: planText), folder: folder)
            return .sweep
        }
        guard let summaryText = AtomicFile.read(folder + "/summary.json") else { return nil }
        let summary = try Summary(jsonText: summaryText)
        let series = try AtomicFile.read(folder + "/timeseries.csv").map(TimeseriesCSV.parse) ?? []
        var replications: [Summary] = []
        while let text = AtomicFile.read(folder + "/" + RunToFolder.replicationSummaryPath(replications.count)) {
            replications.append(try Summary(jsonText: text))
        }
        try AtomicFile.write(RunReport.html(summary: summary, timeseries: series,
                                            description: RunToFolder.recordedDescription(inFolder: folder),
                                            replications: replications,
                                            queueLimits: RunToFolder.recordedQueueLimits(inFolder: folder)),
                             to: folder + "/report.html")
        return .run
    }
}
