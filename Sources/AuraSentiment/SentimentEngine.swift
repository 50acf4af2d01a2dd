import AuraCrypto
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
    /// Results by sentiment label, for metrics.
    public let sentiments = SentimentTally()

    /// Creates an engine.
    public init(plugins: PluginRegistry, cache: ResultCache<SentimentResult>, deadLetters: DeadLetterQueue, redaction: Redaction) {
        self.plugins = plugins
        self.cache = cache
        self.deadLetters = deadLetters
        self.redaction = redaction
    }

    /// Analyzes one text for `method`; throws INVALID_ARGUMENT for a bad text, NOT_FOUND or
    /// FAILED_PRECONDITION for a missing plugin, and a plugin's failure with its code (see
    /// `guarded`). The plugins run on their own workers: the caller only waits.
    ///
    /// `usesCache: false` neither reads nor fills the result cache: the records of a large job
    /// are mostly seen once, and would otherwise push the sync path's hot entries out.
    public func analyze(_ text: String, options: AnalyzeOptions, method: String, usesCache: Bool = true) async throws(RPCError) -> SentimentResult {
        try TextInput.validate(text)
        let analyzer = try plugins.plugin(.analyzer, id: options.analyzer)
        let redactor = options.redactPii ? try plugins.plugin(.redactor, id: options.redactor) : nil
        let key = usesCache ? cacheKey(text, analyzer: analyzer, redactor: redactor, options: options) : nil
        if let hit = cachedResult(key, analyzer: analyzer, redactor: redactor) {
            sentiments.record(hit.sentiment)
            return hit
        }
        var result = SentimentResult()
        var analyzed = text
        if let redactor {
            let entities = try await guarded(method, text) { () async throws(RPCError) in try await redactor.entities(in: text) }
            result.redactor = redactor.info.id
            result.redactions = entities.map(PiiEntity.init)
            if !entities.isEmpty {
                analyzed = try redaction.apply(to: text, entities: entities, mode: .replaceWithType)
            }
        }
        let analysis = try await guarded(method, text) { () async throws(RPCError) in
            try await analyzer.analysis(of: analyzed, languageHint: options.languageHint)
        }
        result.fill(from: analysis)
        sentiments.record(result.sentiment)
        store(result, under: key)
        result.analyzer = analyzer.info.id
        return result
    }

    /// The cache key of `text` under these plugins and options; nil with the cache off, so
    /// that no text is hashed (hashing is a tenth of an uncached call).
    func cacheKey(_ text: String, analyzer: Plugin, redactor: Plugin?, options: AnalyzeOptions) -> SHA256Digest? {
        guard cache.isEnabled else { return nil }
        return CacheKey.make(
            text: text, exact: redactor != nil, analyzer: analyzer.cacheIdentity, languageHint: options.languageHint,
            redactor: redactor?.cacheIdentity ?? "")
    }

    /// The cached result under `key`, marked cached, with the plugin ids put back: entries are
    /// stored without them (the key already pins them down), or every entry would carry its
    /// own heap copy of the analyzer's id.
    func cachedResult(_ key: SHA256Digest?, analyzer: Plugin, redactor: Plugin?) -> SentimentResult? {
        guard let key, var hit = cache.get(key) else { return nil }
        hit.cached = true
        hit.analyzer = analyzer.info.id
        if let redactor { hit.redactor = redactor.info.id }
        return hit
    }

    /// Stores `result` under `key` (when there is one) without its plugin ids.
    func store(_ result: SentimentResult, under key: SHA256Digest?) {
        guard let key else { return }
        var stored = result
        stored.analyzer = ""
        stored.redactor = ""
        cache.put(key, stored, cost: stored.cacheCost)
    }

    /// Runs a plugin call; a failure becomes a dead letter and reaches the caller with its own
    /// code (a plugin's status code, INTERNAL for a result the host refused, RESOURCE_EXHAUSTED
    /// for a full queue) and the request id. A call its caller abandoned is not a dead letter.
    public func guarded<T>(_ method: String, _ text: String, _ body: () async throws(RPCError) -> T) async throws(RPCError) -> T {
        do {
            return try await body()
        } catch {
            throw recordFailure(error, method: method, text: text)
        }
    }

    /// Records a plugin's failure as a dead letter (unless the caller gave up) and returns the
    /// error the caller sees: the same code, with the request id.
    func recordFailure(_ error: RPCError, method: String, text: String) -> RPCError {
        if Task.isCancelled { return error }
        let requestID = deadLetters.nextRequestID()
        deadLetters.record(requestID: requestID, method: method, code: error.code.rawValue, error: error.message, text: text)
        pluginFailures.add(1, ordering: .relaxed)
        return RPCError(error.code, "plugin failure (request \(requestID)): \(error.message)")
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

    /// What the result costs in the cache, in resident bytes: the entry's fixed size and
    /// overhead, plus what its strings and redactions hold on the heap.
    var cacheCost: Int {
        ResultCache<SentimentResult>.entryOverhead + Self.heapBytes(analyzer) + Self.heapBytes(redactor) + Self.heapBytes(language)
            + (redactions.isEmpty ? 0 : Self.mallocSize(32 + redactions.count * MemoryLayout<PiiEntity>.stride))
            + redactions.reduce(0) { $0 + Self.heapBytes($1.type) }
    }

    /// A string's heap allocation: none up to 15 UTF-8 bytes (stored inline), else a
    /// 32-byte header and the bytes with a terminator, as malloc rounds it.
    static func heapBytes(_ string: String) -> Int {
        let count = string.utf8.count
        return count <= 15 ? 0 : mallocSize(32 + count + 1)
    }

    /// What malloc takes for `size` bytes: 8 bytes of header, rounded up to 16.
    static func mallocSize(_ size: Int) -> Int { (size + 8 + 15) / 16 * 16 }
}

extension PiiEntity {
    init(_ entity: DetectedEntity) {
        self.init(
            type: entity.type, beginOffset: UInt32(clamping: entity.begin), endOffset: UInt32(clamping: entity.end),
            score: entity.score)
    }
}

import Synchronization
