import AuraCore
import AuraTracing

/// The asynchronous calls the server uses: each runs on the plugin's workers, so the awaiting
/// task (a call handler on an event loop, a job) never blocks. A single call of a plugin that
/// runs inline runs on the caller's thread, and so does a batch of a sync call's size
/// (`inlineBatchLimit`); a job's larger batch takes milliseconds and goes to the workers. See
/// `PluginExecutor` for the queue and what a cancelled caller gets.
extension Plugin {
    /// The analyzer's checked verdict on `text`.
    public func analysis(of text: String, languageHint: String = "") async throws(RPCError) -> SentimentAnalysis {
        try await traced("analyze", texts: 1) { () async throws(RPCError) in
            // Inline without an escaping closure: one would be allocated for every call.
            if limits.runsInline { return try analyze(text, languageHint: languageHint) }
            return try await onWorkers { () throws(RPCError) in try self.analyze(text, languageHint: languageHint) }
        }
    }

    /// The redactor's checked entities in `text`.
    public func entities(in text: String) async throws(RPCError) -> [DetectedEntity] {
        try await traced("detect", texts: 1) { () async throws(RPCError) in
            if limits.runsInline { return try detect(text) }
            return try await onWorkers { () throws(RPCError) in try self.detect(text) }
        }
    }

    /// The analyzer's verdict on each of `texts`, in one trip to a worker; each text fails or
    /// succeeds alone. Throws only when the trip itself fails (queue full, caller gone).
    public func analyses(of texts: [String], languageHint: String = "") async throws(RPCError) -> [Result<SentimentAnalysis, RPCError>] {
        try await traced("analyze", texts: texts.count) { () async throws(RPCError) in
            if limits.runsInline && texts.count <= Self.inlineBatchLimit { return analyzeEach(texts, languageHint: languageHint) }
            return try await onWorkers { () throws(RPCError) in self.analyzeEach(texts, languageHint: languageHint) }
        }
    }

    /// The redactor's entities in each of `texts`, in one trip to a worker.
    public func entities(inEach texts: [String]) async throws(RPCError) -> [Result<[DetectedEntity], RPCError>] {
        try await traced("detect", texts: texts.count) { () async throws(RPCError) in
            if limits.runsInline && texts.count <= Self.inlineBatchLimit { return detectEach(texts) }
            return try await onWorkers { () throws(RPCError) in self.detectEach(texts) }
        }
    }

    /// The most texts a batch of an inline plugin may hold to run on the caller's thread: a
    /// sync `AnalyzeBatch` (25 texts, tens of microseconds of work).
    public static var inlineBatchLimit: Int { 25 }

    /// Runs `body` as a span "OPERATION NAME@VERSION" of the current trace when it is recorded
    /// (docs/TRACING.md); otherwise only runs it.
    private func traced<Value>(
        _ operation: StaticString, texts: Int, _ body: () async throws(RPCError) -> Value
    ) async throws(RPCError) -> Value {
        try await TraceContext.span(
            "\(operation) \(info.id)",
            attributes: [
                SpanAttribute("aura.plugin.name", info.name), SpanAttribute("aura.plugin.version", info.version),
                SpanAttribute("aura.plugin.kind", info.kind.name), SpanAttribute("aura.plugin.texts", Int64(texts)),
            ], body)
    }

    private func analyzeEach(_ texts: [String], languageHint: String) -> [Result<SentimentAnalysis, RPCError>] {
        texts.map { text in Result { () throws(RPCError) in try analyze(text, languageHint: languageHint) } }
    }

    private func detectEach(_ texts: [String]) -> [Result<[DetectedEntity], RPCError>] {
        texts.map { text in Result { () throws(RPCError) in try detect(text) } }
    }

    private func onWorkers<Value: Sendable>(_ work: @escaping @Sendable () throws(RPCError) -> Value) async throws(RPCError) -> Value {
        try await executor.run { Result { () throws(RPCError) in try work() } }
    }
}
