/// What a span is to OpenTelemetry (`SpanKind` in opentelemetry-proto).
public enum SpanKind: Int, Sendable {
    /// Work inside the server: a plugin call, a job's processing.
    case `internal` = 1
    /// The server's side of a call.
    case server = 2
    /// A call this process makes to another.
    case client = 3
}

/// One key and value of a span or its resource.
public struct SpanAttribute: Sendable, Equatable {
    /// A value: OTLP's `stringValue` or `intValue`.
    public enum Value: Sendable, Equatable {
        /// Text (`stringValue`).
        case string(String)
        /// A 64-bit integer (`intValue`, written as a string as OTLP/JSON asks).
        case int(Int64)
    }

    /// The key, e.g. "rpc.method".
    public var key: String
    /// The value.
    public var value: Value

    /// A text attribute.
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = .string(value)
    }

    /// An integer attribute.
    public init(_ key: String, _ value: Int64) {
        self.key = key
        self.value = .int(value)
    }
}

/// A finished span, as it is written.
public struct SpanRecord: Sendable {
    /// The span's trace.
    public var traceID: TraceID
    /// The span's id.
    public var spanID: SpanID
    /// Its parent; `.none` for a root.
    public var parentSpanID: SpanID
    /// The `tracestate` it carried, or empty.
    public var traceState: String
    /// What it did, e.g. "aura.Sentiment/Analyze".
    public var name: String
    /// Server, internal or client.
    public var kind: SpanKind
    /// When it started, in nanoseconds since the Unix epoch.
    public var startUnixNano: UInt64
    /// When it ended.
    public var endUnixNano: UInt64
    /// Its attributes.
    public var attributes: [SpanAttribute]
    /// Why it failed, or nil when it did not.
    public var errorMessage: String?

    /// A finished span of `context`.
    public init(
        _ context: TraceContext, name: String, kind: SpanKind, endUnixNano: UInt64, attributes: [SpanAttribute],
        errorMessage: String? = nil
    ) {
        traceID = context.traceID
        spanID = context.spanID
        parentSpanID = context.parentSpanID
        traceState = context.traceState
        self.name = name
        self.kind = kind
        startUnixNano = context.startUnixNano
        self.endUnixNano = endUnixNano
        self.attributes = attributes
        self.errorMessage = errorMessage
    }
}
