import AuraCore

/// One span's place in a trace: its trace, its own id, its parent's, whether the trace is
/// sampled, the caller's `tracestate`, and (when its spans are written) the tracer to write
/// them with.
///
/// A server call's context is in its `ServerContext` and, while its handler runs, in
/// `TraceContext.current`, so plugin calls and jobs started by the handler find it without
/// being handed it.
public struct TraceContext: Sendable {
    /// The trace.
    public var traceID: TraceID
    /// This span.
    public var spanID: SpanID
    /// The span that caused this one; `.none` for a trace's first span.
    public var parentSpanID: SpanID
    /// Whether the trace is recorded (the `sampled` flag).
    public var isSampled: Bool
    /// The caller's `tracestate`, passed on unchanged; empty when none came.
    public var traceState: String
    /// Where this trace's spans go: set only when the trace is sampled and spans are written.
    public var recorder: Tracer?
    /// When this span started, in nanoseconds since the Unix epoch; 0 when not recording.
    public var startUnixNano: UInt64

    /// The context of the task that runs now: set around a server call's handler, a job's
    /// processing, and each traced span's body.
    @TaskLocal public static var current: TraceContext?

    /// Creates a context.
    public init(
        traceID: TraceID, spanID: SpanID, parentSpanID: SpanID = .none, isSampled: Bool, traceState: String = "",
        recorder: Tracer? = nil, startUnixNano: UInt64 = 0
    ) {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.isSampled = isSampled
        self.traceState = traceState
        self.recorder = recorder
        self.startUnixNano = startUnixNano
    }

    /// Whether this span is written when it ends.
    public var isRecording: Bool { recorder != nil }

    /// The `traceparent` a call made from this span sends (and a server returns to its caller):
    /// this trace, this span as the parent, this sampling decision.
    public var traceParent: TraceParent { TraceParent(traceID: traceID, parentID: spanID, isSampled: isSampled) }

    /// Adds `traceparent` (and `tracestate`, when one came) for a call made from this span,
    /// replacing nothing: a call that already carries a `traceparent` keeps it.
    public func propagate(into metadata: inout Metadata) {
        guard metadata.first(TraceParent.metadataKey) == nil else { return }
        metadata.add(TraceParent.metadataKey, bytes: traceParent.bytes)
        if !traceState.isEmpty { metadata.add(TraceState.metadataKey, traceState) }
    }

    /// The metadata of a call made from the current task's span (`TraceContext.current`), for
    /// a server that calls another (job forwarding): `traceparent` and `tracestate`, or none.
    public static func outgoingMetadata(_ metadata: Metadata = Metadata()) -> Metadata {
        var metadata = metadata
        current?.propagate(into: &metadata)
        return metadata
    }
}
