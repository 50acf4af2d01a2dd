import AuraCore
import CAuraPlugin

/// A plugin's descriptor as far as its `struct_size` promises: a field the plugin's struct does
/// not cover is absent (nil), never read, so a plugin built against an older, smaller header
/// loads, and a newer, larger one is read up to the fields this host knows.
struct PluginDescriptor {
    /// The fields every descriptor must cover: up to and including `destroy`.
    static let requiredSize = offset(\.destroy) + MemoryLayout<UnsafeRawPointer>.size

    var abiMinor: UInt32
    var structSize: Int
    var kind: UInt32
    var name: String?
    var version: String?
    var languages: String?
    var functions: PluginFunctions

    /// Reads the descriptor at `raw`, whose `abi_major` has been checked. Throws when
    /// `struct_size` does not cover the required fields or `create` or `destroy` is NULL.
    init(_ raw: UnsafeRawPointer, path: String) throws(RPCError) {
        let size = Int(raw.load(fromByteOffset: Self.offset(\.struct_size), as: UInt32.self))
        guard size >= Self.requiredSize else {
            throw RPCError(
                .failedPrecondition,
                "\(path): its descriptor's struct_size is \(size) bytes, smaller than the \(Self.requiredSize) bytes every ABI \(AURA_PLUGIN_ABI_MAJOR).x descriptor has (up to destroy)")
        }
        func field<T>(_ path: KeyPath<aura_plugin_descriptor, T>, as type: T.Type) -> T? {
            let offset = Self.offset(path)
            guard offset + MemoryLayout<T>.size <= size else { return nil }
            return raw.load(fromByteOffset: offset, as: T.self)
        }
        structSize = size
        abiMinor = raw.load(fromByteOffset: Self.offset(\.abi_minor), as: UInt32.self)
        kind = raw.load(fromByteOffset: Self.offset(\.kind), as: UInt32.self)
        name = field(\.name, as: UnsafePointer<CChar>?.self).flatMap { $0 }.map { String(cString: $0) }
        version = field(\.version, as: UnsafePointer<CChar>?.self).flatMap { $0 }.map { String(cString: $0) }
        languages = field(\.languages, as: UnsafePointer<CChar>?.self).flatMap { $0 }.map { String(cString: $0) }
        guard let create = field(\.create, as: PluginFunctions.Create?.self).flatMap({ $0 }) else {
            throw RPCError(.invalidArgument, "\(path): the descriptor's create function is NULL")
        }
        guard let destroy = field(\.destroy, as: PluginFunctions.Destroy?.self).flatMap({ $0 }) else {
            throw RPCError(.invalidArgument, "\(path): the descriptor's destroy function is NULL")
        }
        functions = PluginFunctions(
            create: create, destroy: destroy,
            analyze: field(\.analyze, as: PluginFunctions.Analyze?.self).flatMap { $0 },
            detect: field(\.detect, as: PluginFunctions.Detect?.self).flatMap { $0 },
            freeEntities: field(\.free_entities, as: PluginFunctions.FreeEntities?.self).flatMap { $0 })
    }

    private static func offset<T>(_ path: KeyPath<aura_plugin_descriptor, T>) -> Int {
        MemoryLayout<aura_plugin_descriptor>.offset(of: path)!
    }
}

/// A plugin's functions, checked for NULL once at load: the ones its kind needs are there.
struct PluginFunctions {
    typealias Create = @convention(c) (UnsafePointer<CChar>?, Int, UnsafeMutablePointer<CChar>?, Int) -> OpaquePointer?
    typealias Destroy = @convention(c) (OpaquePointer?) -> Void
    typealias Analyze = @convention(c) (
        OpaquePointer?, UnsafePointer<CChar>?, Int, UnsafePointer<CChar>?, UnsafeMutablePointer<aura_sentiment>?,
        UnsafeMutablePointer<CChar>?, Int
    ) -> UInt32
    typealias Detect = @convention(c) (
        OpaquePointer?, UnsafePointer<CChar>?, Int, UnsafeMutablePointer<UnsafeMutablePointer<aura_entity>?>?,
        UnsafeMutablePointer<Int>?, UnsafeMutablePointer<CChar>?, Int
    ) -> UInt32
    typealias FreeEntities = @convention(c) (OpaquePointer?, UnsafeMutablePointer<aura_entity>?, Int) -> Void

    var create: Create
    var destroy: Destroy
    var analyze: Analyze?
    var detect: Detect?
    var freeEntities: FreeEntities?
}
