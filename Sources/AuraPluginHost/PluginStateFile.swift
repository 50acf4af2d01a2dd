import AuraCore
import AuraPosix
import Synchronization

/// What a registry keeps across restarts: the loaded set (file, config, hash), the active
/// choices, the rollback history and the pins. Stored as a small JSON file.
public struct PluginState: Sendable, Equatable {
    /// One loaded plugin.
    public struct Loaded: Sendable, Equatable {
        /// name@version.
        public var id: String
        /// The file it was loaded from.
        public var path: String
        /// The config it was created with.
        public var config: String
        /// The SHA-256 of the bytes loaded: a file changed since is not restored.
        public var sha256: String
        /// Where its code runs, when not in process (`PluginIsolation`'s raw value).
        public var isolation: String? = nil
    }

    /// The format's version, for later changes.
    public var format = 1
    /// Every loaded plugin, in load order.
    public var plugins: [Loaded] = []
    /// The active id per kind name ("analyzer", "redactor").
    public var active: [String: String] = [:]
    /// The earlier active ids per kind name, most recent last.
    public var history: [String: [String]] = [:]
    /// The pinned version per plugin name.
    public var pins: [String: String] = [:]

    /// An empty state.
    public init() {}
}

/// The file at `<data-dir>/plugins.json` holding a `PluginState`, replaced atomically (a temporary
/// file written and fsynced, renamed over the old one, the folder fsynced), so a crash leaves the
/// old state or the new one, never a mix. Thread-safe; a save older than the last one written is
/// dropped, so concurrent changes cannot leave a stale state on disk.
public final class PluginStateFile: Sendable {
    /// The file.
    public let path: String
    private let lastWritten = Mutex(0)

    private let folder: String

    /// A state file at `path` (not read or created yet).
    public init(path: String) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    }

    /// The saved state, or nil when there is none. Throws when the file cannot be read or parsed.
    public func read() throws(RPCError) -> PluginState? {
        let bytes: [UInt8]?
        do {
            bytes = try Files.read(path)
        } catch {
            throw RPCError(.internal, "cannot read \(path): \(error)")
        }
        guard let bytes else { return nil }
        do {
            return try PluginState(json: JSONReader().parse(bytes))
        } catch {
            throw RPCError(.dataLoss, "\(path) is not a plugin state file: \(error)")
        }
    }

    /// Writes `state` as change number `sequence`, unless a later change was written already.
    public func write(_ state: PluginState, sequence: Int) throws(RPCError) {
        let bytes = state.json.encoded()
        try lastWritten.withLock { (last) throws(RPCError) in
            guard sequence > last else { return }
            let temporary = path + ".tmp"
            do {
                try Files.write(bytes, to: temporary)
                try Files.rename(temporary, to: path)
                try Files.synchronizeDirectory(folder)
            } catch {
                throw RPCError(.internal, "cannot save the plugin state to \(path): \(error)")
            }
            last = sequence
        }
    }
}

extension PluginState {
    /// The state as the file holds it.
    var json: JSONValue {
        let plugins = plugins.map { loaded in
            var members: [String: JSONValue] = [
                "id": .string(loaded.id), "path": .string(loaded.path), "config": .string(loaded.config), "sha256": .string(loaded.sha256),
            ]
            if let isolation = loaded.isolation { members["isolation"] = .string(isolation) }
            return JSONValue.object(members)
        }
        return .object([
            "format": .integer(Int64(format)), "plugins": .array(plugins), "active": .object(active.mapValues { .string($0) }),
            "history": .object(history.mapValues { .array($0.map { .string($0) }) }), "pins": .object(pins.mapValues { .string($0) }),
        ])
    }

    /// The state a file holds.
    init(json: JSONValue) throws(JSONError) {
        let file = try JSONFields(json)
        format = try file.integer("format")
        for element in try file.array("plugins") {
            let loaded = try JSONFields(element.value, path: element.path)
            plugins.append(Loaded(
                id: try loaded.string("id"), path: try loaded.string("path"), config: try loaded.string("config"),
                sha256: try loaded.string("sha256"), isolation: try loaded.optionalString("isolation")))
        }
        active = try file.byName("active") { (object, kind) throws(JSONError) in try object.string(kind) }
        history = try file.byName("history") { (object, kind) throws(JSONError) in try object.strings(kind) }
        pins = try file.byName("pins") { (object, name) throws(JSONError) in try object.string(name) }
    }
}
