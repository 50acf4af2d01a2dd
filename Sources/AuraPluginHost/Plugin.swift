import AuraBytes
import AuraPosix
import AuraCore
import CAuraPlugin
import Glibc

/// A loaded plugin: who it is, which load it came from, and the instance that runs its calls.
/// The instance is destroyed when the last reference goes, so a call in flight keeps the
/// version it started with alive.
public final class Plugin: Sendable {
    /// Who it is.
    public let info: PluginInfo
    /// Which load this instance came from: a file rebuilt and loaded again under the same
    /// name@version gets a new number.
    public let generation: Int
    /// What runs its calls.
    public let instance: any PluginInstance
    /// How its calls are run.
    public let limits: PluginLimits
    /// Its figures: calls, failures, timeouts, crashes, latency.
    public let stats: PluginStats
    /// Its worker threads: every call of a plugin that does not run inline, and batches of all.
    let executor: PluginExecutor

    /// Creates a plugin over a created instance, with its own workers, counting into `stats`.
    public init(
        info: PluginInfo, generation: Int, instance: any PluginInstance, limits: PluginLimits = PluginLimits(),
        stats: PluginStats = PluginStats()
    ) {
        self.info = info
        self.stats = stats
        self.generation = generation
        self.instance = instance
        self.limits = limits
        executor = PluginExecutor(id: info.id, limits: limits, stats: stats)
    }

    /// name@version and the load generation: what a cache of this plugin's results is keyed by.
    public var cacheIdentity: String { "\(info.id)#\(generation)" }

    /// Runs the analyzer on UTF-8 `text` on the calling thread (which may block as long as the
    /// plugin does), checks the result and counts the call. Throws the plugin's error with its
    /// status code, or INTERNAL naming the plugin for a result the host refuses.
    public func analyze(_ text: UnsafeRawBufferPointer, languageHint: String) throws(RPCError) -> SentimentAnalysis {
        try counted { () throws(RPCError) in
            let analysis = try instance.analyze(text, languageHint: languageHint)
            if let reason = ResultCheck.reason(refusing: analysis) { throw invalidResult(reason) }
            return analysis
        }
    }

    /// Runs the redactor on UTF-8 `text` on the calling thread, checks the entities against the
    /// text and counts the call. Throws as `analyze` does.
    public func detect(_ text: UnsafeRawBufferPointer) throws(RPCError) -> [DetectedEntity] {
        try counted { () throws(RPCError) in
            let entities = try instance.detect(text)
            if !entities.isEmpty, let reason = ResultCheck.reason(refusing: entities, scalarCount: ResultCheck.scalarCount(text)) {
                throw invalidResult(reason)
            }
            return entities
        }
    }

    private func counted<Value>(_ body: () throws(RPCError) -> Value) throws(RPCError) -> Value {
        let start = MonotonicClock.nanoseconds()
        do {
            let value = try body()
            stats.recordCall(nanoseconds: MonotonicClock.nanoseconds() &- start, failed: false)
            return value
        } catch {
            stats.recordCall(nanoseconds: MonotonicClock.nanoseconds() &- start, failed: true)
            throw error
        }
    }

    private func invalidResult(_ reason: String) -> RPCError {
        RPCError(.internal, "\(info.id) returned an invalid result: \(reason)")
    }
}

/// A plugin instance created from a library mapped into this process: calls are direct C calls.
final class LibraryInstance: PluginInstance, @unchecked Sendable {  // immutable; the plugin ABI requires thread-safe calls
    private let id: String
    private let library: DynamicLibrary
    private let functions: PluginFunctions
    private let instance: OpaquePointer

    init(info: PluginInfo, library: DynamicLibrary, functions: PluginFunctions, instance: OpaquePointer) {
        id = info.id
        self.library = library
        self.functions = functions
        self.instance = instance
    }

    deinit { functions.destroy(instance) }

    /// Runs the analyzer on UTF-8 `text`. Throws the plugin's error with its status code.
    func analyze(_ text: UnsafeRawBufferPointer, languageHint: String) throws(RPCError) -> SentimentAnalysis {
        guard let analyze = functions.analyze else {
            throw RPCError(.failedPrecondition, "\(id) is not an analyzer")
        }
        var result = aura_sentiment()
        try callPlugin(id) { buffer, capacity in
            analyze(instance, text.baseAddress?.assumingMemoryBound(to: CChar.self), text.count, languageHint, &result, buffer, capacity)
        }
        guard let sentiment = Sentiment(rawValue: result.label) else {
            throw RPCError(.internal, "\(id) returned an invalid result: label \(result.label) is not one of 0-3")
        }
        let language = try withUnsafeBytes(of: result.language) { (raw) throws(RPCError) -> String in
            guard let end = raw.firstIndex(of: 0), let text = String(validUTF8: UnsafeRawBufferPointer(rebasing: raw[..<end])) else {
                throw RPCError(.internal, "\(id) returned an invalid result: the language is not NUL-terminated UTF-8")
            }
            return text
        }
        return SentimentAnalysis(
            sentiment: sentiment, positive: result.positive,
            negative: result.negative, neutral: result.neutral, mixed: result.mixed, compound: result.compound,
            language: language.isEmpty ? "und" : language, languageScore: result.language_score)
    }

    /// Runs the redactor on UTF-8 `text`. Throws the plugin's error with its status code.
    func detect(_ text: UnsafeRawBufferPointer) throws(RPCError) -> [DetectedEntity] {
        guard let detect = functions.detect, let free = functions.freeEntities else {
            throw RPCError(.failedPrecondition, "\(id) is not a redactor")
        }
        var entities: UnsafeMutablePointer<aura_entity>?
        var count = 0
        try callPlugin(id) { buffer, capacity in
            detect(instance, text.baseAddress?.assumingMemoryBound(to: CChar.self), text.count, &entities, &count, buffer, capacity)
        }
        guard let entities else { return [] }
        defer { free(instance, entities, count) }
        guard count <= ResultLimits.maxEntities else {  // checked before copying anything
            throw RPCError(.internal, "\(id) returned an invalid result: \(count) entities, more than the limit of \(ResultLimits.maxEntities)")
        }
        var found: [DetectedEntity] = []
        found.reserveCapacity(count)
        for index in 0..<count {
            let entity = entities[index]
            guard let type = entity.type, let name = Self.typeName(type) else {
                throw RPCError(.internal, "\(id) returned an invalid result: entity \(index) has no type name of 1 to \(ResultLimits.maxTypeBytes) bytes of UTF-8")
            }
            found.append(DetectedEntity(type: name, begin: Int(entity.begin), end: Int(entity.end), score: entity.score))
        }
        return found
    }

    /// A plugin's NUL-terminated type name when it is 1 to `ResultLimits.maxTypeBytes` bytes of
    /// UTF-8, read without running past that bound.
    private static func typeName(_ pointer: UnsafePointer<CChar>) -> String? {
        let length = strnlen(pointer, ResultLimits.maxTypeBytes + 1)
        guard length > 0, length <= ResultLimits.maxTypeBytes else { return nil }
        return String(validUTF8: UnsafeRawBufferPointer(start: pointer, count: length))
    }
}

/// Calls a plugin function with a host-owned error buffer on the stack (no allocation on the
/// hot path); throws the plugin's status code and message when it fails.
func callPlugin(_ id: String, _ body: (UnsafeMutablePointer<CChar>, Int) -> UInt32) throws(RPCError) {
    let capacity = 256
    let failure: RPCError? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
        buffer[0] = 0
        let code = body(buffer.baseAddress!, capacity)
        guard code != 0 else { return nil }
        buffer[capacity - 1] = 0  // a plugin that ignored the capacity still ends in NUL
        let text = String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: strlen(buffer.baseAddress!)), as: UTF8.self)
        let reason = text.isEmpty ? "the plugin gave no reason" : text
        guard code <= 16 else { return RPCError(.internal, "\(id) failed with code \(code), not a status code: \(reason)") }
        return RPCError(StatusCode(wireValue: code), "\(id): \(reason)")
    }
    if let failure { throw failure }
}
