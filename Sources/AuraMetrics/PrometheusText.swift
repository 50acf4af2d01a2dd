/// Writes metric families in Prometheus's text exposition format, version 0.0.4: a `# HELP`
/// and a `# TYPE` line per family, then one line per series; histograms as cumulative
/// `_bucket` series with an `le` label (ending at `+Inf`), `_sum` (seconds) and `_count`.
public enum PrometheusText {
    /// The Content-Type of the format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The exposition of `families`.
    public static func render(_ families: [MetricFamily]) -> String {
        var text = ""
        text.reserveCapacity(families.count * 256)
        for family in families { append(family, to: &text) }
        return text
    }

    private static func append(_ family: MetricFamily, to text: inout String) {
        let name = family.descriptor.name
        text += "# HELP \(name) \(escapeHelp(family.descriptor.help))\n"
        text += "# TYPE \(name) \(family.descriptor.type.rawValue)\n"
        for sample in family.samples {
            switch sample.value {
            case .number(let value):
                appendLine(name, sample.labels, number(value), to: &text)
            case .histogram(let histogram):
                var cumulative: UInt64 = 0
                for (index, count) in histogram.counts.enumerated() {
                    cumulative += count
                    let bound = index < LatencyBuckets.boundLabels.count ? LatencyBuckets.boundLabels[index] : "+Inf"
                    appendLine(name + "_bucket", sample.labels + [MetricLabel("le", bound)], String(cumulative), to: &text)
                }
                appendLine(name + "_sum", sample.labels, number(histogram.sumSeconds), to: &text)
                appendLine(name + "_count", sample.labels, String(cumulative), to: &text)
            }
        }
    }

    private static func appendLine(_ name: String, _ labels: [MetricLabel], _ value: String, to text: inout String) {
        text += name
        if !labels.isEmpty {
            text += "{"
            for (index, label) in labels.enumerated() {
                if index > 0 { text += "," }
                text += label.name + "=\"" + escapeLabelValue(label.value) + "\""
            }
            text += "}"
        }
        text += " " + value + "\n"
    }

    /// A value as the format writes it: integers without a fraction, `NaN`, `+Inf`, `-Inf`.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A label value with `\`, `"` and line feeds escaped.
    public static func escapeLabelValue(_ value: String) -> String { escape(value, quotes: true) }

    /// Help text with `\` and line feeds escaped.
    static func escapeHelp(_ help: String) -> String { escape(help, quotes: false) }

    private static func escape(_ text: String, quotes: Bool) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || (quotes && $0 == 0x22) }) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\"" where quotes: escaped += "\\\""
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
