import AuraPluginKit
import CAuraPlugin
import LexiconSentimentCore

// The AuraStream plugin ABI shell around LexiconSentimentCore (see aura_plugin.h), on the shared
// AuraPluginKit. Every function here is non-capturing, so it converts to a C function pointer.
// An instance is read-only after `create`, so the host may call `analyze` on it from several
// threads at once.

/// The plugin's one exported symbol.
@_cdecl("aura_plugin_entry")
public func auraPluginEntry() -> UnsafePointer<aura_plugin_descriptor> {
    pluginDescriptor
}

/// Built once (a global's initializer runs exactly once, thread-safely) and never written after.
nonisolated(unsafe) private let pluginDescriptor = PluginABI.descriptor(
    kind: AURA_PLUGIN_ANALYZER, name: "lexicon-sentiment", version: "1.0.0", languages: "en,es,fr,de,pt,it,nl",
    create: pluginCreate, destroy: pluginDestroy, analyze: pluginAnalyze)

/// One plugin instance: an analyzer with the instance's settings.
private final class PluginInstance {
    let analyzer: SentimentAnalyzer
    init(_ analyzer: SentimentAnalyzer) { self.analyzer = analyzer }
}

private func pluginCreate(_ config: UnsafePointer<CChar>?, _ length: Int,
                          _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int) -> OpaquePointer? {
    PluginABI.create(config: config, length: length, error: errorBuffer, capacity: capacity) { bytes throws(ConfigError) in
        if let problem = SentimentAnalyzer.lexiconProblem { throw ConfigError(problem) }
        let configuration = try AnalyzerConfiguration(json: bytes)
        return PluginInstance(SentimentAnalyzer(labeling: configuration.labeling, languagePolicy: configuration.language))
    }
}

private func pluginDestroy(_ instance: OpaquePointer?) {
    PluginABI.destroy(instance, as: PluginInstance.self)
}

private func pluginAnalyze(_ instance: OpaquePointer?, _ text: UnsafePointer<CChar>?, _ length: Int,
                           _ hint: UnsafePointer<CChar>?, _ result: UnsafeMutablePointer<aura_sentiment>?,
                           _ error: UnsafeMutablePointer<CChar>?, _ capacity: Int) -> UInt32 {
    PluginABI.analyze(instance, text, length, hint, result, error, capacity) { instance, text, languageHint in
        PluginABI.instance(instance, as: PluginInstance.self).analyzer.analyze(text, languageHint: languageHint)
    }
}
