import AuraPosix

extension TraceContext {
    /// Runs `body` as a span named `name`, a child of the current task's span, when that one is
    /// recorded; otherwise just runs `body` (one task-local read, nothing allocated). Inside,
    /// `TraceContext.current` is the new span, so work it starts nests under it. A thrown
    /// error marks the span failed with the error's text.
    @inlinable
    public static func span<Value, Failure: Error>(
        _ name: @autoclosure () -> String, kind: SpanKind = .internal, attributes: @autoclosure () -> [SpanAttribute] = [],
        _ body: () async throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        guard let parent = current, let tracer = parent.recorder else { return try await body() }
        return try await tracer.run(tracer.childSpan(of: parent), name: name(), kind: kind, attributes: attributes(), body)
    }
}

extension Tracer {
    /// Runs `body` with `context` as the current span and writes the span when it ends.
    public func run<Value, Failure: Error>(
        _ context: TraceContext, name: String, kind: SpanKind, attributes: [SpanAttribute], _ body: () async throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let outcome: Result<Value, Failure> = await TraceContext.$current.withValue(context) {
            do throws(Failure) {
                return .success(try await body())
            } catch {
                return .failure(error)
            }
        }
        var failure: String?
        if case .failure(let error) = outcome { failure = String(describing: error) }
        record(SpanRecord(context, name: name, kind: kind, endUnixNano: WallClock.nanoseconds(), attributes: attributes, errorMessage: failure))
        return try outcome.get()
    }
}
