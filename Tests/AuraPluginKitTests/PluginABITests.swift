import AuraPluginKit
import CAuraPlugin
import Testing

/// The text of a NUL-terminated C buffer.
private func text(_ buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// The ABI helpers the Swift plugin shells share.
@Suite struct PluginABITests {
    @Test func errorsAreCutOnACharacterBoundaryAndTerminated() {
        var buffer = [CChar](repeating: 0x7f, count: 6)
        PluginABI.writeError("abcd😀", into: &buffer, capacity: buffer.count)  // the emoji does not fit
        #expect(text(buffer) == "abcd")
        PluginABI.writeError("ok", into: &buffer, capacity: buffer.count)
        #expect(text(buffer) == "ok")
        PluginABI.writeError("ignored", into: nil, capacity: 10)  // no buffer: nothing to do
        var one: [CChar] = [0x41]
        PluginABI.writeError("xyz", into: &one, capacity: 1)
        #expect(one == [0])
    }

    @Test func createRetainsTheInstanceOrReportsTheConfigError() throws {
        final class Box { let value: Int; init(_ value: Int) { self.value = value } }
        let pointer = try #require(PluginABI.create(config: nil, length: 0, error: nil, capacity: 0) { bytes throws(ConfigError) in
            Box(bytes.count)
        })
        #expect(PluginABI.instance(pointer, as: Box.self).value == 0)
        PluginABI.destroy(pointer, as: Box.self)

        var error = [CChar](repeating: 0, count: 64)
        let config = Array("{\"x\": 1}".utf8CString)
        let refused = config.withUnsafeBufferPointer { raw in
            PluginABI.create(config: raw.baseAddress, length: raw.count - 1, error: &error, capacity: error.count) { bytes throws(ConfigError) -> Box in
                _ = try ConfigJSON.parseConfig(bytes)?.configMembers(known: ["y"])
                return Box(1)
            }
        }
        #expect(refused == nil)
        #expect(text(error) == "unknown config key \"x\"; known: y")
    }

    @Test func aNullTextIsAcceptedOnlyEmpty() {
        #expect(PluginABI.text(nil, length: 0)?.count == 0)
        #expect(PluginABI.text(nil, length: 3) == nil)
    }

    @Test func sentimentResultsKeepALanguageCodeInItsSixteenBytes() {
        var result = aura_sentiment()
        result.set(label: 3, positive: 0.1, negative: 0.2, neutral: 0.3, mixed: 0.4, compound: -0.5,
                   language: "a-very-long-language-tag", languageScore: 0.9)
        let language = withUnsafeBytes(of: result.language) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        #expect(language == "a-very-long-lan")
        #expect(result.label == 3 && result.mixed == 0.4 && result.compound == -0.5 && result.language_score == 0.9)
    }

    @Test func theDescriptorIsForThisABI() {
        let descriptor = PluginABI.descriptor(
            kind: AURA_PLUGIN_ANALYZER, name: "n", version: "1.2.3", languages: "en",
            create: { _, _, _, _ in nil }, destroy: { _ in })
        #expect(descriptor.pointee.abi_major == AURA_PLUGIN_ABI_MAJOR)
        #expect(descriptor.pointee.struct_size == UInt32(MemoryLayout<aura_plugin_descriptor>.size))
        #expect(String(cString: descriptor.pointee.version) == "1.2.3")
        #expect(descriptor.pointee.detect == nil)
    }
}
