import AuraMessages
import AuraServer
import AuraWire

/// `aura.Sentiment`: one text, a batch of up to 25, or a streaming session.
public struct SentimentService: Service {
    public let name = "aura.Sentiment"
    /// The most texts one batch may hold (as Amazon Comprehend).
    public static let maxBatchSize = 25
    let engine: SentimentEngine

    /// Creates the service.
    public init(engine: SentimentEngine) { self.engine = engine }

    public func register(into registry: inout MethodRegistry) {
        let engine = engine
        registry.unary("aura.Sentiment/Analyze") { (request: AnalyzeRequest, _) in
            try await engine.analyze(request.text, options: request.options, method: "aura.Sentiment/Analyze")
        }
        registry.unary("aura.Sentiment/AnalyzeBatch") { (request: AnalyzeBatchRequest, _) in
            guard request.texts.count <= Self.maxBatchSize else {
                throw RPCError(.invalidArgument, "a batch holds at most \(Self.maxBatchSize) texts, got \(request.texts.count)")
            }
            guard !request.texts.isEmpty else { throw RPCError(.invalidArgument, "the batch has no texts") }
            // The texts the cache does not answer go to each plugin in one trip.
            let outcomes = await engine.analyzeEach(
                request.texts, options: request.options, method: "aura.Sentiment/AnalyzeBatch", usesCache: true)
            return AnalyzeBatchResponse(results: outcomes.enumerated().map { index, outcome in Self.item(UInt32(index), outcome) })
        }
        registry.bidirectional("aura.Sentiment/AnalyzeStream") { (requests: RequestStream<AnalyzeRequest>, responses: ResponseWriter<ItemResult>, _) in
            var index: UInt32 = 0
            for try await request in requests {
                try await responses.write(await Self.item(index) { () async throws(RPCError) in
                    try await engine.analyze(request.text, options: request.options, method: "aura.Sentiment/AnalyzeStream")
                })
                index += 1
            }
        }
        registry.unary("aura.Sentiment/Stats") { (_: Empty, _) in engine.stats }
    }

    /// One item's outcome: its result, or its error (the batch or stream goes on).
    static func item(_ index: UInt32, _ body: () async throws(RPCError) -> SentimentResult) async -> ItemResult {
        do {
            return ItemResult(index: index, result: try await body())
        } catch {
            return item(index, .failure(error))
        }
    }

    /// One item's outcome as an `ItemResult`.
    static func item(_ index: UInt32, _ outcome: Result<SentimentResult, RPCError>) -> ItemResult {
        switch outcome {
        case .success(let result): ItemResult(index: index, result: result)
        case .failure(let error): ItemResult(index: index, error: EchoStatus(code: Int32(error.code.rawValue), message: error.message))
        }
    }
}
