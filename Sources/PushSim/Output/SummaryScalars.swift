/// The scalar figures of a summary, flattened with dotted names ("pings.share409"): the
/// columns of `sweep.csv`, the metrics a sweep report can chart, and what replications are
/// averaged over. They are ``MetricCatalog/sweepColumns``, in column order (stable; new
/// metrics are only ever appended). A figure that does not exist (a latency when no mail
/// was delivered) is NaN here, an empty cell in CSV and null in JSON.
extension Figures {
    public var scalars: [(name: String, value: Double)] {
        MetricCatalog.sweepColumns.map { ($0.path, $0.value(in: self) ?? .nan) }
    }
}
