import AuraCore
import Synchronization

/// The plugins a server has loaded, which one of each kind is active, and the model-control
/// rules (`PluginSelection`): load with or without activating, activate, roll back, pin, unload.
/// Every change is logged and, with a state file, saved so that `restore()` brings it back.
///
/// Thread-safe: calls take the current plugin under a lock and run outside it, so a swap
/// never waits for calls and a call in flight finishes on the version it started with (it holds
/// a reference). New calls go to the active version. Loading and saving block (file reads,
/// `dlopen`, fsync): call the changing methods off the event loops.
public final class PluginRegistry: Sendable {
    struct Loaded {
        var plugin: Plugin
        var config: String
        var isolation: PluginIsolation = .inProcess
    }

    struct State {
        var plugins: [String: Loaded] = [:]
        var selection = PluginSelection()
        /// Bumped at every change, so the state file keeps the latest.
        var changes = 0
        /// Plugins quarantined after crashing too often in their worker process, with the reason.
        var quarantined: [String: String] = [:]
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
    let stateFile: PluginStateFile?
    let loadGuard: PluginLoadGuard?
    let log: @Sendable (String) -> Void
    let state = Mutex(State())

    /// Creates an empty registry. With `stateFile`, every change is saved there (and `restore()`
    /// reads it back); with `loadGuard`, a file whose load killed the server is not loaded
    /// again unless by hand; `log` receives one line per change.
    public init(
        loader: PluginLoader, stateFile: PluginStateFile? = nil, loadGuard: PluginLoadGuard? = nil,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.loader = loader
        self.stateFile = stateFile
        self.loadGuard = loadGuard
        self.log = log
        for sha256 in loadGuard?.crashedAtStart ?? [] {
            log("plugins: the server stopped while loading the file with sha256 \(sha256) last time; it is skipped until loaded by hand")
        }
    }

    /// Runs the plugin's code (`dlopen`, `create`) under the load guard. A load nobody asked
    /// for (`unattended`) of a file that killed the server before is refused; one by hand that
    /// works clears that mark.
    func guardedLoad(_ file: PluginFile, config: String, isolation: PluginIsolation = .inProcess, unattended: Bool) throws(RPCError) -> Plugin {
        if isolation == .process {  // its code runs in a worker process: it cannot stop the server
            return try loader.load(file, config: config, isolation: .process) { [weak self] plugin, reason in
                self?.quarantine(plugin.id, generation: plugin.generation, reason: reason)
            }
        }
        let inline = isolation == .inline
        guard let loadGuard else { return try loader.load(file, config: config, inline: inline) }
        if unattended && loadGuard.crashedBefore(file.sha256) {
            throw RPCError(.failedPrecondition, "loading \(file.path) (sha256 \(file.sha256)) stopped the server before; it is skipped until loaded by hand (aura-rpc plugins load)")
        }
        let plugin = try loadGuard.loading(file) { () throws(RPCError) in try loader.load(file, config: config, inline: inline) }
        if !unattended { loadGuard.clear(file.sha256) }
        return plugin
    }

    /// Every loaded plugin, by kind then id.
    public func list() -> [Entry] {
        state.withLock { state in
            state.plugins.values
                .map { entry($0.plugin.info.id, in: state)! }
                .sorted { ($0.info.kind.rawValue, $0.info.id) < ($1.info.kind.rawValue, $1.info.id) }
        }
    }

    /// The pinned version per plugin name (names without a pin follow `latest`).
    public func pins() -> [String: String] { state.withLock { $0.selection.pins } }

    /// The plugin to use for a call: `id` if given (any loaded version), else the active one.
    public func plugin(_ kind: PluginKind, id: String? = nil) throws(RPCError) -> Plugin {
        let found: Plugin? = state.withLock { state in
            guard let key = id.flatMap({ $0.isEmpty ? nil : $0 }) ?? state.selection.active[kind] else { return nil }
            return state.plugins[key]?.plugin
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

    func entry(_ id: String, in state: State) -> Entry? {
        state.plugins[id].map {
            Entry(info: $0.plugin.info, isActive: state.selection.isActive(id), unavailableReason: state.quarantined[id])
        }
    }

    /// Runs `change` on the state under the lock; then, if it did not throw, logs `line` (made
    /// from its result) and, when `saves`, saves the new state.
    @discardableResult
    func change<T>(saves: Bool = true, _ change: (inout State) throws(RPCError) -> T, log line: (T) -> String?) throws(RPCError) -> T {
        let (result, snapshot, sequence) = try state.withLock { (state) throws(RPCError) in
            let result = try change(&state)
            state.changes += 1
            return (result, stateFile == nil || !saves ? nil : Self.snapshot(state), state.changes)
        }
        if let text = line(result) { log("plugins: \(text)") }
        if let stateFile, let snapshot {
            do {
                try stateFile.write(snapshot, sequence: sequence)
            } catch {
                log("plugins: \(error.message); the change holds until the server stops")
            }
        }
        return result
    }

    private static func snapshot(_ state: State) -> PluginState {
        var saved = PluginState()
        saved.plugins = state.plugins.values
            .sorted { $0.plugin.generation < $1.plugin.generation }
            .map {
                PluginState.Loaded(
                    id: $0.plugin.info.id, path: $0.plugin.info.path, config: $0.config, sha256: $0.plugin.info.sha256,
                    isolation: $0.isolation == .inProcess ? nil : $0.isolation.rawValue)
            }
        saved.active = Dictionary(uniqueKeysWithValues: state.selection.active.map { ($0.key.name, $0.value) })
        saved.history = Dictionary(uniqueKeysWithValues: state.selection.history.map { ($0.key.name, $0.value) })
        saved.pins = state.selection.pins
        return saved
    }
}
