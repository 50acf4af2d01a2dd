import AuraMessages
import AuraPluginHost
import AuraWire

/// The sync path's work, shared by the services: validate a text, redact it if asked, answer
/// from the cache or run the analyzer, and record plugin failures as dead letters.
public final class SentimentEngine: Sendable {
    /// The loaded plugins.
    public let plugins: PluginRegistry
    /// The result cache.
    public let cache: ResultCache<SentimentResult>
    /// Failed requests.
    public let deadLetters: DeadLetterQueue
    /// How personal data is replaced.
    public let redaction: Redaction

    /// Creates an engine.
    public init(plugins: PluginRegistry, cache: ResultCache<SentimentResult>, deadLetters: DeadLetterQueue, redaction: Redaction) {
        self.plugins = plugins
        self.cache = cache
        self.deadLetters = deadLetters
        self.redaction = redaction
    }

    /// Analyzes one text for `method`; throws INVALID_ARGUMENT for a bad text, NOT_FOUND or
    /// FAILED_PRECONDITION for a missing plugin, INTERNAL when a plugin fails.
    ///
    /// `usesCache: false` neither reads nor fills the result cache: the records of a large job
    /// are mostly seen once, and would otherwise push the sync path's hot entries out.
    public func analyze(_ text: String, options: AnalyzeOptions, method: String, usesCache: Bool = true) throws(RPCError) -> SentimentResult {
        try TextInput.validate(text)
        let analyzer = try plugins.plugin(.analyzer, id: options.analyzer)
        let redactor = options.redactPii ? try plugins.plugin(.redactor, id: options.redactor) : nil
        let key = usesCache ? CacheKey.make(
            text: text, exact: redactor != nil, analyzer: analyzer.cacheIdentity, languageHint: options.languageHint,
            redactor: redactor?.cacheIdentity ?? "") : nil
        if let key, var hit = cache.get(key) {
            hit.cached = true
            return hit
        }
        var result = SentimentResult()
        var analyzed = text
        if let redactor {
            let entities = try guarded(method, text) { () throws(RPCError) in try redactor.detect(text) }
            result.redactor = redactor.info.id
            result.redactions = entities.map(PiiEntity.init)
            if !entities.isEmpty {
                analyzed = redaction.apply(to: text, entities: entities, mode: .replaceWithType)
            }
        }
        let analysis = try guarded(method, text) { () throws(RPCError) in
            try analyzer.analyze(analyzed, languageHint: options.languageHint)
        }
        result.fill(from: analysis)
        result.analyzer = analyzer.info.id
        if let key { cache.put(key, result, cost: result.estimatedCost) }
        return result
    }

    /// Runs a plugin call; a failure becomes INTERNAL and a dead letter.
    public func guarded<T>(_ method: String, _ text: String, _ body: () throws(RPCError) -> T) throws(RPCError) -> T {
        do {
            return try body()
        } catch {
            let requestID = deadLetters.nextRequestID()
            deadLetters.record(
                requestID: requestID, method: method, code: error.code.rawValue, error: error.message,
                text: text)
            pluginFailures.add(1, ordering: .relaxed)
            // UNAVAILABLE (an isolated plugin's worker is down) tells the client to retry.
            throw RPCError(error.code == .unavailable ? .unavailable : .internal, "plugin failure (request \(requestID)): \(error.message)")
        }
    }

    private let pluginFailures = Atomic<Int>(0)

    /// Cache counters and plugin failures.
    public var stats: AnalyzerStats {
        let cacheStats = cache.stats
        var stats = AnalyzerStats()
        stats.cacheHits = UInt64(cacheStats.hits)
        stats.cacheMisses = UInt64(cacheStats.misses)
        stats.cacheEntries = UInt64(cacheStats.entries)
        stats.cacheBytes = UInt64(cacheStats.bytes)
        stats.pluginFailures = UInt64(pluginFailures.load(ordering: .relaxed))
        return stats
    }
}

extension SentimentResult {
    mutating func fill(from analysis: SentimentAnalysis) {
        sentiment = SentimentLabel(rawValue: Int32(analysis.sentiment.rawValue) + 1)
        scores = SentimentScores(
            positive: analysis.positive, negative: analysis.negative, neutral: analysis.neutral, mixed: analysis.mixed)
        compound = analysis.compound
        language = analysis.language
        languageScore = analysis.languageScore
    }

    /// Roughly what the result costs in the cache, in bytes.
    var estimatedCost: Int { 160 + analyzer.utf8.count + redactor.utf8.count + language.utf8.count + redactions.count * 64 }
}

extension PiiEntity {
    init(_ entity: DetectedEntity) {
        self.init(
            type: entity.type, beginOffset: UInt32(clamping: entity.begin), endOffset: UInt32(clamping: entity.end),
            score: entity.score)
    }
}

import Synchronization
