import AuraPluginKit
import CAuraPlugin
import PatternRedactorCore

// The pattern redactor as an AuraStream plugin (ABI 1.0), on the shared AuraPluginKit: a
// REDACTOR named "pattern-redactor". Languages: "en". The patterns themselves are
// language-neutral (e-mail, IBAN, IP, keys), but US_SSN and the national phone forms are US
// conventions; the ABI has no "any language" value.

/// One instance: an immutable detector, so concurrent `detect` calls share it safely.
final class PatternRedactorInstance {
    let detector: PIIDetector
    init(detector: PIIDetector) { self.detector = detector }
}

/// Built once (thread-safe lazy global) and never written after.
nonisolated(unsafe) private let descriptor = PluginABI.descriptor(
    kind: AURA_PLUGIN_REDACTOR, name: "pattern-redactor", version: "1.0.0", languages: "en",
    create: createInstance, destroy: destroyInstance, detect: detectEntities, freeEntities: freeEntities)

/// The wire name of every type as a permanent C string (entities point at them).
nonisolated(unsafe) private let typeNames: [PIIType: UnsafePointer<CChar>] = Dictionary(
    uniqueKeysWithValues: PIIType.allCases.map { ($0, PluginABI.permanentCString($0.rawValue)) })

/// The plugin's one exported symbol.
@_cdecl("aura_plugin_entry")
public func auraPluginEntry() -> UnsafePointer<aura_plugin_descriptor> {
    descriptor
}

private func createInstance(
    _ config: UnsafePointer<CChar>?, _ length: Int, _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int
) -> OpaquePointer? {
    PluginABI.create(config: config, length: length, error: errorBuffer, capacity: capacity) { bytes throws(ConfigError) in
        PatternRedactorInstance(detector: PIIDetector(types: try RedactorConfig(json: bytes).types))
    }
}

private func destroyInstance(_ instance: OpaquePointer?) {
    PluginABI.destroy(instance, as: PatternRedactorInstance.self)
}

private func detectEntities(
    _ instance: OpaquePointer?, _ text: UnsafePointer<CChar>?, _ length: Int,
    _ entities: UnsafeMutablePointer<UnsafeMutablePointer<aura_entity>?>?, _ count: UnsafeMutablePointer<Int>?,
    _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int
) -> UInt32 {
    guard let instance, let entities, let count else {
        PluginABI.writeError("detect needs an instance and places for the entities and their count", into: errorBuffer, capacity: capacity)
        return PluginABI.invalidArgument
    }
    entities.pointee = nil
    count.pointee = 0
    guard let bytes = PluginABI.text(text, length: length) else {
        PluginABI.writeError("text is NULL but its length is \(length)", into: errorBuffer, capacity: capacity)
        return PluginABI.invalidArgument
    }
    guard length <= Int(UInt32.max) else {
        PluginABI.writeError("text of \(length) bytes is too long: entity offsets are 32-bit", into: errorBuffer, capacity: capacity)
        return PluginABI.invalidArgument
    }
    let found = PluginABI.instance(instance, as: PatternRedactorInstance.self).detector.detect(bytes)
    guard !found.isEmpty else { return PluginABI.ok }
    guard let array = PluginABI.allocateEntities(found.count) else {
        PluginABI.writeError("out of memory for \(found.count) entities", into: errorBuffer, capacity: capacity)
        return PluginABI.internalError
    }
    for (index, entity) in found.enumerated() {
        (array + index).initialize(to: aura_entity(
            type: typeNames[entity.type]!, begin: UInt32(clamping: entity.begin),
            end: UInt32(clamping: entity.end), score: entity.score))
    }
    entities.pointee = array
    count.pointee = found.count
    return PluginABI.ok
}

private func freeEntities(_ instance: OpaquePointer?, _ entities: UnsafeMutablePointer<aura_entity>?, _ count: Int) {
    PluginABI.freeEntities(entities)
}
