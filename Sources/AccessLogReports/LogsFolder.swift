import AccessLogs
import Experiments
import Foundation

/// Writes the outputs of `pushsim logs` into a folder: logs.json, devices.csv, hourly.csv,
/// report.html. Everything is rendered first, then the four are written whole or not at all
/// (`AtomicFile.writeAll`).
public enum LogsFolder {
    public static func write(_ f: LogFigures, files: [String], to folder: String, anonymize: Bool) throws {
        let anonymizer = Anonymizer(enabled: anonymize)
        let outputs = [
            ("logs.json", LogsJSON.json(f).rendered(pretty: true)),
            ("devices.csv", LogsCSV.devices(f, anonymizer: anonymizer)),
            ("hourly.csv", LogsCSV.hourly(f)),
            ("report.html", LogsReport.html(f, files: files, anonymizer: anonymizer)),
        ]
        try AtomicFile.writeAll(outputs.map { (folder + "/" + $0.0, $0.1) })
    }
}
