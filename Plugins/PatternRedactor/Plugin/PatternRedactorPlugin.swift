import CAuraPlugin
import Glibc
import PatternRedactorCore

// The pattern redactor as an AuraStream plugin (ABI 1.0): a REDACTOR named "pattern-redactor".
// Languages: "en". The patterns themselves are language-neutral (e-mail, IBAN, IP, keys), but
// US_SSN and the national phone forms are US conventions; the ABI has no "any language" value.

/// One instance: an immutable detector, so concurrent `detect` calls share it safely.
final class PatternRedactorInstance {
    let detector: PIIDetector
    init(detector: PIIDetector) { self.detector = detector }
}

/// The descriptor, built once (thread-safe lazy global) and never freed; read-only after.
nonisolated(unsafe) private let descriptor: UnsafeMutablePointer<aura_plugin_descriptor> = {
    let pointer = UnsafeMutablePointer<aura_plugin_descriptor>.allocate(capacity: 1)
    pointer.initialize(to: aura_plugin_descriptor(
        abi_major: AURA_PLUGIN_ABI_MAJOR, abi_minor: AURA_PLUGIN_ABI_MINOR,
        struct_size: UInt32(MemoryLayout<aura_plugin_descriptor>.size), kind: UInt32(AURA_PLUGIN_REDACTOR.rawValue),
        name: CStrings.name, version: CStrings.version, languages: CStrings.languages,
        create: createInstance, destroy: destroyInstance, analyze: nil,
        detect: detectEntities, free_entities: freeEntities))
    return pointer
}()

/// The plugin's one exported symbol.
@_cdecl("aura_plugin_entry")
public func auraPluginEntry() -> UnsafePointer<aura_plugin_descriptor> {
    UnsafePointer(descriptor)
}

/// gRPC status codes the functions return.
private let ok: UInt32 = 0, invalidArgument: UInt32 = 3, internalError: UInt32 = 13

private func createInstance(
    _ config: UnsafePointer<CChar>?, _ length: Int, _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int
) -> OpaquePointer? {
    var parsed = RedactorConfig()
    if let config, length > 0 {
        do {
            parsed = try config.withMemoryRebound(to: UInt8.self, capacity: length) { bytes throws(ConfigJSONReader.Failure) in
                try RedactorConfig(json: UnsafeBufferPointer(start: bytes, count: length))
            }
        } catch {
            writeError(error.message, to: errorBuffer, capacity: capacity)
            return nil
        }
    }
    let instance = PatternRedactorInstance(detector: PIIDetector(types: parsed.types))
    return OpaquePointer(Unmanaged.passRetained(instance).toOpaque())
}

private func destroyInstance(_ instance: OpaquePointer?) {
    guard let instance else { return }
    Unmanaged<PatternRedactorInstance>.fromOpaque(UnsafeRawPointer(instance)).release()
}

private func detectEntities(
    _ instance: OpaquePointer?, _ text: UnsafePointer<CChar>?, _ length: Int,
    _ entities: UnsafeMutablePointer<UnsafeMutablePointer<aura_entity>?>?, _ count: UnsafeMutablePointer<Int>?,
    _ errorBuffer: UnsafeMutablePointer<CChar>?, _ capacity: Int
) -> UInt32 {
    guard let instance, let entities, let count else {
        writeError("detect needs an instance and places for the entities and their count", to: errorBuffer, capacity: capacity)
        return invalidArgument
    }
    entities.pointee = nil
    count.pointee = 0
    guard text != nil || length == 0 else {
        writeError("text is NULL but its length is \(length)", to: errorBuffer, capacity: capacity)
        return invalidArgument
    }
    guard length <= Int(UInt32.max) else {
        writeError("text of \(length) bytes is too long: entity offsets are 32-bit", to: errorBuffer, capacity: capacity)
        return invalidArgument
    }
    let detector = Unmanaged<PatternRedactorInstance>.fromOpaque(UnsafeRawPointer(instance)).takeUnretainedValue().detector
    let found = detector.detect(UnsafeRawBufferPointer(start: text, count: length))
    guard !found.isEmpty else { return ok }
    guard let memory = malloc(found.count * MemoryLayout<aura_entity>.stride) else {
        writeError("out of memory for \(found.count) entities", to: errorBuffer, capacity: capacity)
        return internalError
    }
    let array = memory.bindMemory(to: aura_entity.self, capacity: found.count)
    for (index, entity) in found.enumerated() {
        (array + index).initialize(to: aura_entity(
            type: CStrings.typeName(entity.type), begin: UInt32(clamping: entity.begin),
            end: UInt32(clamping: entity.end), score: entity.score))
    }
    entities.pointee = array
    count.pointee = found.count
    return ok
}

private func freeEntities(_ instance: OpaquePointer?, _ entities: UnsafeMutablePointer<aura_entity>?, _ count: Int) {
    free(entities)
}
