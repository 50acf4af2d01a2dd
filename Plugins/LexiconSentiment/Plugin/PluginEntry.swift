import CAuraPlugin
import LexiconSentimentCore

// The AuraStream plugin ABI shell around LexiconSentimentCore (see aura_plugin.h): a static
// descriptor whose functions convert the C arguments and call the core. Every function here is
// non-capturing, so it converts to a C function pointer. An instance is a retained Swift object
// passed to the host as an opaque pointer; it is read-only after `create`, so the host may call
// `analyze` on it from several threads at once.

/// The plugin's one exported symbol.
@_cdecl("aura_plugin_entry")
public func auraPluginEntry() -> UnsafePointer<aura_plugin_descriptor> {
    UnsafePointer(pluginDescriptor)
}

/// Built once (a global's initializer runs exactly once, thread-safely) and never freed: the
/// host may keep the pointer as long as the library is loaded. Never written after that, which
/// is why sharing it is safe.
nonisolated(unsafe) private let pluginDescriptor: UnsafeMutablePointer<aura_plugin_descriptor> = {
    let descriptor = UnsafeMutablePointer<aura_plugin_descriptor>.allocate(capacity: 1)
    descriptor.initialize(to: aura_plugin_descriptor(
        abi_major: AURA_PLUGIN_ABI_MAJOR,
        abi_minor: AURA_PLUGIN_ABI_MINOR,
        struct_size: UInt32(MemoryLayout<aura_plugin_descriptor>.size),
        kind: UInt32(AURA_PLUGIN_ANALYZER.rawValue),
        name: cString("lexicon-sentiment"),
        version: cString("1.0.0"),
        languages: cString("en,es,fr,de,pt,it,nl"),
        create: pluginCreate,
        destroy: pluginDestroy,
        analyze: pluginAnalyze,
        detect: nil,
        free_entities: nil))
    return descriptor
}()

/// A static string as a C string (string literals are NUL-terminated and live forever).
private func cString(_ s: StaticString) -> UnsafePointer<CChar> {
    UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// One plugin instance: an analyzer with the instance's settings.
private final class PluginInstance {
    let analyzer: SentimentAnalyzer
    init(_ analyzer: SentimentAnalyzer) { self.analyzer = analyzer }
}

private let invalidArgument: UInt32 = 3

private func pluginCreate(_ config: UnsafePointer<CChar>?, _ length: Int,
                          _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int) -> OpaquePointer? {
    let configuration: AnalyzerConfiguration
    do throws(ConfigurationError) {
        if let config, length > 0 {
            configuration = try AnalyzerConfiguration(json: UnsafeRawBufferPointer(start: config, count: length))
        } else {
            configuration = AnalyzerConfiguration()
        }
    } catch {
        writeError(error.message, into: errorBuffer, capacity)
        return nil
    }
    let instance = PluginInstance(SentimentAnalyzer(labeling: configuration.labeling))
    return OpaquePointer(Unmanaged.passRetained(instance).toOpaque())
}

private func pluginDestroy(_ instance: OpaquePointer?) {
    guard let instance else { return }
    Unmanaged<PluginInstance>.fromOpaque(UnsafeRawPointer(instance)).release()
}

private func pluginAnalyze(_ instance: OpaquePointer?, _ text: UnsafePointer<CChar>?, _ length: Int,
                           _ hint: UnsafePointer<CChar>?, _ result: UnsafeMutablePointer<aura_sentiment>?,
                           _ error: UnsafeMutablePointer<CChar>?, _ capacity: Int) -> UInt32 {
    guard let instance, let result else {
        writeError("analyze needs an instance and a result", into: error, capacity)
        return invalidArgument
    }
    guard text != nil || length == 0 else {
        writeError("text is NULL but its length is \(length)", into: error, capacity)
        return invalidArgument
    }
    let plugin = Unmanaged<PluginInstance>.fromOpaque(UnsafeRawPointer(instance)).takeUnretainedValue()
    let languageHint = hint.map { String(cString: $0) }
    let sentiment = plugin.analyzer.analyze(UnsafeRawBufferPointer(start: text, count: length),
                                            languageHint: languageHint)
    result.pointee.label = sentiment.label.rawValue
    result.pointee.positive = sentiment.positive
    result.pointee.negative = sentiment.negative
    result.pointee.neutral = sentiment.neutral
    result.pointee.mixed = sentiment.mixed
    result.pointee.compound = sentiment.compound
    result.pointee.language_score = sentiment.languageScore
    withUnsafeMutableBytes(of: &result.pointee.language) { field in
        let code = Array(sentiment.language.utf8.prefix(field.count - 1))
        field.copyBytes(from: code)
        field[code.count] = 0
    }
    return 0
}

/// Writes a NUL-terminated message of at most `capacity` bytes (cut at a UTF-8 boundary).
private func writeError(_ message: String, into buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int) {
    guard let buffer, capacity > 0 else { return }
    var bytes = Array(message.utf8.prefix(capacity - 1))
    while String(validating: bytes, as: UTF8.self) == nil { bytes.removeLast() }
    for (i, b) in bytes.enumerated() { buffer[i] = CChar(bitPattern: b) }
    buffer[bytes.count] = 0
}
