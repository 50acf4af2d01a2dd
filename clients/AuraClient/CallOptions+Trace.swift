import AuraTracing

extension CallOptions {
    /// These options with the current task's trace added to the metadata (`traceparent`, and
    /// `tracestate` when the trace has one), so that the called server's span is a child of the
    /// caller's: for a server handler that calls another server. A `traceparent` already in the
    /// metadata is kept; outside a traced task the options are returned unchanged.
    ///
    /// Call it in the calling task: interceptors run on the client's event loop, where the
    /// caller's `TraceContext.current` is not visible.
    public func propagatingCurrentTrace() -> CallOptions {
        var options = self
        options.metadata = TraceContext.outgoingMetadata(metadata)
        return options
    }
}
