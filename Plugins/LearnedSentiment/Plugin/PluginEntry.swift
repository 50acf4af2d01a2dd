import AuraPluginKit
import CAuraPlugin
import Glibc
import LearnedSentimentCore
import LexiconSentimentCore

// The AuraStream plugin ABI shell around LearnedSentimentCore (see aura_plugin.h). Every
// function here is non-capturing, so it converts to a C function pointer. An instance is
// read-only after `create`, so the host may call `analyze` on it from several threads at once.

/// The plugin's one exported symbol.
@_cdecl("aura_plugin_entry")
public func auraPluginEntry() -> UnsafePointer<aura_plugin_descriptor> {
    pluginDescriptor
}

/// Built once (a global's initializer runs exactly once, thread-safely) and never written after.
nonisolated(unsafe) private let pluginDescriptor = PluginABI.descriptor(
    kind: AURA_PLUGIN_ANALYZER, name: "learned-sentiment", version: "1.0.0", languages: "en,es,fr,de,pt,it,nl",
    create: pluginCreate, destroy: pluginDestroy, analyze: pluginAnalyze)

/// One plugin instance: an analyzer with its model.
private final class PluginInstance {
    let analyzer: LearnedAnalyzer
    init(_ analyzer: LearnedAnalyzer) { self.analyzer = analyzer }
}

/// Where SwiftPM puts the model it builds with this plugin: a resource folder beside the
/// executable that loads the plugin (aura-server, aura-plugin-worker, the test runner).
private func defaultModelPath() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let executable = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "."
    let folder = executable.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    return "\(folder)/AuraStream_AuraPluginLearnedSentiment.resources/learned-sentiment.model"
}

private func pluginCreate(_ config: UnsafePointer<CChar>?, _ length: Int,
                          _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int) -> OpaquePointer? {
    PluginABI.create(config: config, length: length, error: errorBuffer, capacity: capacity) { bytes throws(ConfigError) in
        if let problem = SentimentAnalyzer.lexiconProblem { throw ConfigError(problem) }
        let path = try LearnedConfiguration(json: bytes).modelPath ?? defaultModelPath()
        do {
            return PluginInstance(LearnedAnalyzer(model: try LearnedModel(path: path)))
        } catch {
            throw ConfigError("\(error)")
        }
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
