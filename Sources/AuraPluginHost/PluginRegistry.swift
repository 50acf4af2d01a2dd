import AuraCore
import Synchronization

/// The plugins a server has loaded and which one of each kind is active.
///
/// Thread-safe: calls take the current plugin under a lock and run outside it, so a swap
/// never waits for calls and a call in flight finishes on the version it started with (it holds
/// a reference). New calls go to the active version.
public final class PluginRegistry: Sendable {
    private struct State {
        var plugins: [String: Plugin] = [:]
        var active: [PluginKind: String] = [:]
        /// The version each kind had before its active one: what a quarantine restores.
        var previous: [PluginKind: String] = [:]
        /// Plugins quarantined after crashing too often in their worker process, with the reason.
        var quarantined: [String: String] = [:]

        mutating func makeActive(_ id: String, kind: PluginKind) {
            if let current = active[kind], current != id { previous[kind] = current }
            active[kind] = id
        }
    }

    /// A loaded plugin and whether it is the active one of its kind.
    public struct Entry: Sendable {
        /// Who it is.
        public let info: PluginInfo
        /// Whether new calls of its kind go to it.
        public let isActive: Bool
        /// Why its calls fail (quarantined after repeated crashes), nil when it is available.
        public var unavailableReason: String? = nil
    }

    /// Loads plugin files.
    public let loader: PluginLoader
    private let state = Mutex(State())

    /// Creates an empty registry.
    public init(loader: PluginLoader) { self.loader = loader }

    /// Loads the plugin at `path` with `config`. It becomes active when `activate` says so, or
    /// (when nil) if no plugin of its kind is active yet or it is a newer version of the active
    /// one. Loading the same name@version again replaces the old copy. `isolation` says where
    /// its code runs.
    @discardableResult
    public func load(path: String, config: String = "", activate: Bool? = nil, isolation: PluginIsolation = .inProcess) throws(RPCError) -> Entry {
        let plugin = try loader.load(path: path, config: config, isolation: isolation) { [weak self] plugin, reason in
            self?.quarantine(plugin.id, generation: plugin.generation, reason: reason)
        }
        let info = plugin.info
        return try state.withLock { (state) throws(RPCError) in
            if let existing = state.plugins[info.id], existing.info.kind != info.kind {
                throw RPCError(.alreadyExists, "\(info.id) is loaded already as a \(existing.info.kind.name); a \(info.kind.name) needs another name")
            }
            state.plugins[info.id] = plugin
            state.quarantined[info.id] = nil
            let current = state.active[info.kind].flatMap { state.plugins[$0]?.info }
            let becomesActive = activate ?? (current == nil || (current!.name == info.name && versionPrecedes(current!.version, info.version)))
            if becomesActive { state.makeActive(info.id, kind: info.kind) }
            return Entry(info: info, isActive: state.active[info.kind] == info.id)
        }
    }

    /// Makes `id` ("name@version") the active plugin of its kind.
    public func activate(_ id: String) throws(RPCError) {
        try state.withLock { (state) throws(RPCError) in
            guard let plugin = state.plugins[id] else { throw RPCError(.notFound, "no plugin \(id) is loaded") }
            state.makeActive(id, kind: plugin.info.kind)
        }
    }

    /// Marks `id` (of load `generation`) UNAVAILABLE after repeated crashes and, when it is the
    /// active plugin of its kind, makes the previously active version active again (if that one
    /// is still loaded and not quarantined too). Returns the restored id.
    @discardableResult
    func quarantine(_ id: String, generation: Int, reason: String) -> String? {
        state.withLock { state in
            guard let plugin = state.plugins[id], plugin.generation == generation else { return nil }
            state.quarantined[id] = reason
            let kind = plugin.info.kind
            guard state.active[kind] == id, let previous = state.previous[kind], state.plugins[previous] != nil,
                  state.quarantined[previous] == nil
            else { return nil }
            state.makeActive(previous, kind: kind)
            return previous
        }
    }

    /// Forgets `id`. The active plugin of a kind cannot be unloaded: activate another first.
    /// Calls in flight on it finish normally.
    public func unload(_ id: String) throws(RPCError) {
        try state.withLock { (state) throws(RPCError) in
            guard let plugin = state.plugins[id] else { throw RPCError(.notFound, "no plugin \(id) is loaded") }
            guard state.active[plugin.info.kind] != id else {
                throw RPCError(.failedPrecondition, "\(id) is the active \(plugin.info.kind.name); activate another version before unloading it")
            }
            state.plugins[id] = nil
        }
    }

    /// Every loaded plugin, by kind then id.
    public func list() -> [Entry] {
        state.withLock { state in
            state.plugins.values
                .map { Entry(info: $0.info, isActive: state.active[$0.info.kind] == $0.info.id, unavailableReason: state.quarantined[$0.info.id]) }
                .sorted { ($0.info.kind.rawValue, $0.info.id) < ($1.info.kind.rawValue, $1.info.id) }
        }
    }

    /// The plugin to use for a call: `id` if given (any loaded version), else the active one.
    public func plugin(_ kind: PluginKind, id: String? = nil) throws(RPCError) -> Plugin {
        let found: Plugin? = state.withLock { state in
            guard let key = id.flatMap({ $0.isEmpty ? nil : $0 }) ?? state.active[kind] else { return nil }
            return state.plugins[key]
        }
        guard let found else {
            if let id, !id.isEmpty { throw RPCError(.notFound, "no \(kind.name) \(id) is loaded") }
            throw RPCError(.failedPrecondition, "no \(kind.name) plugin is loaded")
        }
        guard found.info.kind == kind else {
            throw RPCError(.invalidArgument, "\(found.info.id) is a \(found.info.kind.name), not a \(kind.name)")
        }
        return found
    }
}
