import CAuraPlugin
import Glibc

/// What every Swift plugin shell does at the C ABI (`aura_plugin.h`), written once: the
/// descriptor, permanent C strings, error messages, instances behind opaque pointers, configs,
/// and results in the host's structs.
public enum PluginABI {
    /// gRPC status codes a plugin function returns.
    public static let ok: UInt32 = 0
    /// See `ok`.
    public static let invalidArgument: UInt32 = 3
    /// See `ok`.
    public static let internalError: UInt32 = 13

    /// A descriptor for the current ABI, allocated once and never freed (the host may keep the
    /// pointer for as long as the library is loaded; a Swift plugin is never unmapped).
    public static func descriptor(
        kind: aura_plugin_kind, name: String, version: String, languages: String,
        create: @escaping @convention(c) (UnsafePointer<CChar>?, Int, UnsafeMutablePointer<CChar>?, Int) -> OpaquePointer?,
        destroy: @escaping @convention(c) (OpaquePointer?) -> Void,
        analyze: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int, UnsafePointer<CChar>?, UnsafeMutablePointer<aura_sentiment>?, UnsafeMutablePointer<CChar>?, Int) -> UInt32)? = nil,
        detect: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int, UnsafeMutablePointer<UnsafeMutablePointer<aura_entity>?>?, UnsafeMutablePointer<Int>?, UnsafeMutablePointer<CChar>?, Int) -> UInt32)? = nil,
        freeEntities: (@convention(c) (OpaquePointer?, UnsafeMutablePointer<aura_entity>?, Int) -> Void)? = nil
    ) -> UnsafePointer<aura_plugin_descriptor> {
        let pointer = UnsafeMutablePointer<aura_plugin_descriptor>.allocate(capacity: 1)
        pointer.initialize(to: aura_plugin_descriptor(
            abi_major: AURA_PLUGIN_ABI_MAJOR, abi_minor: AURA_PLUGIN_ABI_MINOR,
            struct_size: UInt32(MemoryLayout<aura_plugin_descriptor>.size), kind: kind.rawValue,
            name: permanentCString(name), version: permanentCString(version), languages: permanentCString(languages),
            create: create, destroy: destroy, analyze: analyze, detect: detect, free_entities: freeEntities))
        return UnsafePointer(pointer)
    }

    /// A copy of `text` as a C string that is never freed (names the host may keep).
    public static func permanentCString(_ text: String) -> UnsafePointer<CChar> {
        UnsafePointer(strdup(text)!)
    }

    /// Writes `message` into a host-owned error buffer of `capacity` bytes, NUL-terminated and
    /// cut on a UTF-8 character boundary. Does nothing without a buffer.
    public static func writeError(_ message: String, into buffer: UnsafeMutablePointer<CChar>?, capacity: Int) {
        guard let buffer, capacity > 0 else { return }
        var utf8 = Array(message.utf8)
        if utf8.count > capacity - 1 {
            var cut = capacity - 1
            while cut > 0, utf8[cut] & 0xC0 == 0x80 { cut -= 1 }
            utf8.removeSubrange(cut...)
        }
        utf8.withUnsafeBytes { raw in
            if let base = raw.baseAddress { memcpy(buffer, base, raw.count) }
        }
        buffer[utf8.count] = 0
    }

    /// `create`'s common part: reads the config (NULL or empty: `parse` sees no bytes) and
    /// returns the new instance retained as an opaque pointer, or writes the config error and
    /// returns NULL.
    public static func create<Instance: AnyObject>(
        config: UnsafePointer<CChar>?, length: Int, error errorBuffer: UnsafeMutablePointer<CChar>?, capacity: Int,
        _ make: (UnsafeRawBufferPointer) throws(ConfigError) -> Instance
    ) -> OpaquePointer? {
        let bytes = UnsafeRawBufferPointer(start: length > 0 ? config : nil, count: config == nil ? 0 : length)
        do {
            return OpaquePointer(Unmanaged.passRetained(try make(bytes)).toOpaque())
        } catch {
            writeError(error.message, into: errorBuffer, capacity: capacity)
            return nil
        }
    }

    /// The instance behind an opaque pointer `create` returned.
    public static func instance<Instance: AnyObject>(_ pointer: OpaquePointer, as: Instance.Type = Instance.self) -> Instance {
        Unmanaged<Instance>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
    }

    /// `destroy`: releases what `create` retained.
    public static func destroy<Instance: AnyObject>(_ pointer: OpaquePointer?, as: Instance.Type) {
        guard let pointer else { return }
        Unmanaged<Instance>.fromOpaque(UnsafeRawPointer(pointer)).release()
    }

    /// The text a call received, checked: NULL is accepted only with length 0.
    public static func text(_ text: UnsafePointer<CChar>?, length: Int) -> UnsafeRawBufferPointer? {
        guard text != nil || length == 0 else { return nil }
        return UnsafeRawBufferPointer(start: text, count: length)
    }
}

extension aura_sentiment {
    /// Fills the result: `label` an `aura_sentiment_label` number, `language` cut to fit its
    /// NUL-terminated 16 bytes.
    public mutating func set(
        label: UInt32, positive: Double, negative: Double, neutral: Double, mixed: Double, compound: Double,
        language: String, languageScore: Double
    ) {
        self.label = label
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.mixed = mixed
        self.compound = compound
        self.language_score = languageScore
        withUnsafeMutableBytes(of: &self.language) { field in
            let code = Array(language.utf8.prefix(field.count - 1))
            field.copyBytes(from: code)
            field[code.count] = 0
        }
    }
}

extension PluginABI {
    /// `detect`'s result: `count` entities in a `malloc`ed array the host returns through
    /// `free_entities` (which calls `freeEntities`), or nil when memory runs out.
    public static func allocateEntities(_ count: Int) -> UnsafeMutablePointer<aura_entity>? {
        malloc(count * MemoryLayout<aura_entity>.stride)?.bindMemory(to: aura_entity.self, capacity: count)
    }

    /// Frees an array from `allocateEntities`.
    public static func freeEntities(_ entities: UnsafeMutablePointer<aura_entity>?) {
        free(entities)
    }
}
