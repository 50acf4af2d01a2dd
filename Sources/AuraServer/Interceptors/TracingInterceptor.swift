import AuraTracing
import AuraWire

/// Gives every call a span in a W3C trace: it continues the trace of the `traceparent` the
/// client sent (a child of the client's span, with its sampling decision and `tracestate`), or
/// starts a new one sampled at the tracer's rate. The span is in `ServerContext.trace` and, while
/// the handler runs, in `TraceContext.current`; its `traceparent` (this server's span id) goes
/// back in the trailing metadata, sampled or not. A sampled call's span is written when it ends.
///
/// When the call is not sampled this costs an id, a parse, and the trailer's 55 bytes.
public struct TracingInterceptor: ServerInterceptor {
    private let tracer: Tracer

    /// Traces with `tracer`.
    public init(tracer: Tracer) { self.tracer = tracer }

    public func callStarted(_ context: inout ServerContext) throws(RPCError) {
        let metadata = context.requestMetadata
        let trace = tracer.serverSpan(
            traceparent: metadata.first(TraceParent.metadataKey)?.value, tracestate: metadata[TraceState.metadataKey])
        context.trace = trace
        context.trailingMetadata.add(TraceParent.metadataKey, bytes: trace.traceParent.bytes)
    }

    public func callEnded(_ context: ServerContext, outcome: CallOutcome) {
        guard let trace = context.trace, let recorder = trace.recorder else { return }
        let (seconds, attoseconds) = outcome.duration.components
        let nanoseconds = UInt64(clamping: seconds) &* 1_000_000_000 &+ UInt64(clamping: attoseconds / 1_000_000_000)
        recorder.record(SpanRecord(
            trace, name: context.method, kind: .server, endUnixNano: trace.startUnixNano &+ nanoseconds,
            attributes: Self.attributes(context, outcome),
            errorMessage: outcome.code == .ok ? nil : "\(outcome.code.name): \(outcome.message)"))
    }

    /// OpenTelemetry's RPC attributes, with the request id and the peer.
    static func attributes(_ context: ServerContext, _ outcome: CallOutcome) -> [SpanAttribute] {
        let slash = context.method.lastIndex(of: "/") ?? context.method.endIndex
        return [
            SpanAttribute("rpc.system", "aurarpc"),
            SpanAttribute("rpc.service", String(context.method[..<slash])),
            SpanAttribute("rpc.method", String(context.method[slash...].dropFirst())),
            SpanAttribute("rpc.grpc.status_code", Int64(outcome.code.rawValue)),
            SpanAttribute("aura.request_id", context.requestID ?? ""),
            SpanAttribute("network.peer.address", context.peer),
        ]
    }
}
