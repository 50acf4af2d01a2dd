import AuraPosix

/// A process's tracing: how new traces are sampled, where sampled spans are written, and the
/// ids of new spans.
///
/// Without a writer nothing is recorded, but contexts are still made, so a server still
/// returns a `traceparent` and passes traces on.
public final class Tracer: Sendable {
    /// How new traces are sampled.
    public let sampler: TraceSampler
    /// Where sampled spans go; nil: nowhere.
    public let writer: SpanFileWriter?
    private let ids: TraceIDGenerator

    /// Creates a tracer sampling new traces with `sampler` and writing sampled spans to `writer`.
    public init(sampler: TraceSampler, writer: SpanFileWriter?, ids: TraceIDGenerator = TraceIDGenerator()) {
        self.sampler = sampler
        self.writer = writer
        self.ids = ids
    }

    /// The span of a call that arrived with `traceparent` (its bytes, nil when none came): it
    /// continues the caller's trace, as a child of the caller's span, with the caller's sampling
    /// decision and `tracestate`; a missing or malformed `traceparent` starts a new trace
    /// (dropping any `tracestate`, as the specification asks) sampled by `sampler`.
    public func serverSpan(traceparent: [UInt8]?, tracestate: @autoclosure () -> String?) -> TraceContext {
        let spanID = ids.spanID()
        if let traceparent, let parent = TraceParent(bytes: traceparent) {
            return started(TraceContext(
                traceID: parent.traceID, spanID: spanID, parentSpanID: parent.parentID, isSampled: parent.isSampled,
                traceState: tracestate().flatMap(TraceState.carried) ?? ""))
        }
        let traceID = ids.traceID()
        return started(TraceContext(traceID: traceID, spanID: spanID, isSampled: sampler.samples(traceID)))
    }

    /// A new span inside `parent`'s trace, started now.
    public func childSpan(of parent: TraceContext) -> TraceContext {
        started(TraceContext(
            traceID: parent.traceID, spanID: ids.spanID(), parentSpanID: parent.spanID, isSampled: parent.isSampled,
            traceState: parent.traceState))
    }

    /// Writes a finished span; nothing without a writer.
    public func record(_ span: SpanRecord) { writer?.append(span) }

    private func started(_ context: TraceContext) -> TraceContext {
        guard context.isSampled, writer != nil else { return context }
        var context = context
        context.recorder = self
        context.startUnixNano = WallClock.nanoseconds()
        return context
    }
}
