import AuraPosix
import AuraCore
import CAuraPlugin

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

    /// Creates a plugin over a created instance.
    public init(info: PluginInfo, generation: Int, instance: any PluginInstance) {
        self.info = info
        self.generation = generation
        self.instance = instance
    }

    /// name@version and the load generation: what a cache of this plugin's results is keyed by.
    public var cacheIdentity: String { "\(info.id)#\(generation)" }

    /// Runs the analyzer on UTF-8 `text`. Throws the plugin's error with its status code.
    public func analyze(_ text: UnsafeRawBufferPointer, languageHint: String) throws(RPCError) -> SentimentAnalysis {
        try instance.analyze(text, languageHint: languageHint)
    }

    /// Runs the redactor on UTF-8 `text`. Throws the plugin's error with its status code.
    public func detect(_ text: UnsafeRawBufferPointer) throws(RPCError) -> [DetectedEntity] {
        try instance.detect(text)
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
        let language = withUnsafeBytes(of: result.language) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return SentimentAnalysis(
            sentiment: Sentiment(rawValue: result.label) ?? .neutral, positive: result.positive,
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
        guard count > 0 else { return [] }
        return (0..<count).map { index in
            let entity = entities[index]
            return DetectedEntity(
                type: entity.type.map { String(cString: $0) } ?? "UNKNOWN", begin: Int(entity.begin),
                end: Int(entity.end), score: entity.score)
        }
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
        let text = String(cString: buffer.baseAddress!)
        return RPCError(StatusCode(wireValue: code), "\(id): \(text.isEmpty ? "the plugin gave no reason" : text)")
    }
    if let failure { throw failure }
}
