/// What kind of metric a family is, as Prometheus's `# TYPE` line names it.
public enum MetricType: String, Sendable {
    /// Only goes up (until the process restarts); its name ends in `_total`.
    case counter
    /// Goes up and down: a level sampled when read.
    case gauge
    /// Latencies in `LatencyBuckets`, exported as `_bucket`, `_sum` and `_count` series.
    case histogram
}

/// One label of a sample, e.g. `method="aura.Health/Check"`.
public struct MetricLabel: Sendable, Equatable {
    /// The label's name: `[a-zA-Z_][a-zA-Z0-9_]*`.
    public var name: String
    /// Any text; the exposition escapes it.
    public var value: String

    /// A label.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One series of a family at one moment: its labels and its value.
public struct MetricSample: Sendable, Equatable {
    /// What a sample holds.
    public enum Value: Sendable, Equatable {
        /// A counter's or gauge's value.
        case number(Double)
        /// A histogram's buckets.
        case histogram(HistogramSnapshot)
    }

    /// The labels, in the order they are written.
    public var labels: [MetricLabel]
    /// The value.
    public var value: Value

    /// A counter or gauge sample.
    public init(_ labels: [MetricLabel] = [], _ value: Double) {
        self.labels = labels
        self.value = .number(value)
    }

    /// A histogram sample.
    public init(_ labels: [MetricLabel] = [], histogram: HistogramSnapshot) {
        self.labels = labels
        self.value = .histogram(histogram)
    }
}

/// A metric's name, help text and type: what `# HELP` and `# TYPE` say.
public struct MetricDescriptor: Sendable, Equatable {
    /// The name: `[a-zA-Z_:][a-zA-Z0-9_:]*`, counters ending in `_total`, e.g. `aura_rpc_calls_total`.
    public var name: String
    /// One line saying what it measures.
    public var help: String
    /// Counter, gauge or histogram.
    public var type: MetricType

    /// A descriptor; the name is checked, since a bad one would break every scrape.
    public init(_ name: String, _ type: MetricType, help: String) {
        precondition(MetricName.isValid(name), "invalid metric name \(name)")
        self.name = name
        self.type = type
        self.help = help
    }
}

/// A family's series at one moment.
public struct MetricFamily: Sendable, Equatable {
    /// Name, help and type.
    public var descriptor: MetricDescriptor
    /// Its series.
    public var samples: [MetricSample]

    /// A family.
    public init(_ descriptor: MetricDescriptor, samples: [MetricSample]) {
        self.descriptor = descriptor
        self.samples = samples
    }
}

/// The rules for metric and label names.
public enum MetricName {
    /// Whether `name` is a valid metric name.
    public static func isValid(_ name: String) -> Bool { matches(name, allowsColon: true) }

    /// Whether `name` is a valid label name (and not one reserved, starting with `__`).
    public static func isValidLabel(_ name: String) -> Bool { matches(name, allowsColon: false) && !name.hasPrefix("__") }

    private static func matches(_ name: String, allowsColon: Bool) -> Bool {
        guard let first = name.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
                || (allowsColon && byte == 0x3A)
        }
    }
}
