import AccessLogs
import JSON5
import PushSimReports

/// `devices.csv` and `hourly.csv`: one type per column, times in seconds since the epoch
/// (UTC), shares in 0…1, empty cells where a figure does not exist.
public enum LogsCSV {
    static func cell(_ x: Double?) -> String { x.map { JSONText.format($0) } ?? "" }
    static func cell(_ x: Int?) -> String { x.map(String.init) ?? "" }

    public static func devices(_ f: LogFigures, anonymizer: Anonymizer) -> String {
        var out = "user,deviceId,deviceType,requests,pings,conflict409,superseded,share409,pingMeanSeconds,syncs,firstSeen,lastSeen\n"
        for d in f.devices {
            let fields = [CSVField.quoted(anonymizer.user(d.user)), CSVField.quoted(anonymizer.device(d.deviceID)), CSVField.quoted(d.deviceType),
                          String(d.requests), String(d.pings), String(d.conflict409), String(d.superseded), cell(d.share409),
                          cell(d.pingMeanSeconds), String(d.syncs), cell(d.firstSeen), cell(d.lastSeen)]
            out += fields.joined(separator: ",") + "\n"
        }
        return out
    }

    public static func hourly(_ f: LogFigures) -> String {
        var out = "hour,requests,pings,conflict409,superseded,share409,observedSeconds,concurrencyMean,concurrencyMax\n"
        for h in f.hourly {
            out += [String(h.hour), String(h.requests), String(h.pings), String(h.conflict409), String(h.superseded), cell(h.share409),
                    cell(h.observedSeconds), cell(h.concurrencyMean), cell(h.concurrencyMax)].joined(separator: ",") + "\n"
        }
        return out
    }
}
