import AuraCore

extension PluginRegistry {
    /// Loads the plugin at `path` with `config`. It becomes active when `activate` says so
    /// (true: at once, false: never), or when nil as the name's version policy says
    /// (`PluginSelection`). The same file with the same config loaded already is not loaded
    /// again. The same name@version from other bytes or with another config is refused
    /// (ALREADY_EXISTS) unless `replace`: then the new copy takes the old one's place (and its
    /// active role). `unattended`: nobody asked for this load (a plugin folder), so a file
    /// whose load stopped the server before is skipped (`PluginLoadGuard`).
    @discardableResult
    public func load(
        path: String, config: String = "", activate: Bool? = nil, replace: Bool = false,
        isolation: PluginIsolation = .inProcess, unattended: Bool = false
    ) throws(RPCError) -> Entry {
        let file = try loader.read(path)
        let activation: PluginSelection.Activation = activate.map { $0 ? .now : .never } ?? .byPolicy
        if let same = try sameFile(file, config: config, activation: activation) { return same }
        let plugin = try guardedLoad(file, config: config, isolation: isolation, unattended: unattended)
        let info = plugin.info
        return try change({ (state) throws(RPCError) -> (Entry, replaced: Bool?) in
            if let existing = state.plugins[info.id], existing.plugin.info.kind == info.kind {
                if existing.plugin.info.sha256 == info.sha256 && existing.config == config {  // loaded meanwhile by another caller
                    if activation == .now { try state.selection.activate(info.id) }
                    return (entry(info.id, in: state)!, nil)
                }
                guard replace else {
                    let what = existing.plugin.info.sha256 == info.sha256 ? "with another config" : "from other bytes (sha256 \(existing.plugin.info.sha256))"
                    throw RPCError(.alreadyExists, "\(info.id) is loaded already \(what); load it with replace (--replace) to replace it")
                }
            }
            try state.selection.admit(info, activation: activation)
            let replaced = state.plugins.updateValue(Loaded(plugin: plugin, config: config, isolation: isolation), forKey: info.id)
            state.quarantined[info.id] = nil
            return (entry(info.id, in: state)!, replaced != nil)
        }, log: { entry, replaced in
            guard let replaced else { return nil }
            return "loaded \(info.kind.name) \(info.id) from \(path)\(replaced ? " (replacing the loaded copy)" : ""), sha256 \(info.sha256), \(entry.isActive ? "active" : "inactive")"
        }).0
    }

    /// Makes `id` ("name@version") the active plugin of its kind.
    public func activate(_ id: String) throws(RPCError) {
        try change({ (state) throws(RPCError) in
            let previous = state.plugins[id].flatMap { state.selection.active[$0.plugin.info.kind] }
            try state.selection.activate(id)
            return previous
        }, log: { previous in "activated \(id)\(previous.map { " (was \($0))" } ?? "")" })
    }

    /// Makes the previously active plugin of `target`'s kind active again (`target`: a kind or
    /// the name of an active plugin) and returns it. Each rollback goes one step further back.
    @discardableResult
    public func rollback(_ target: String) throws(RPCError) -> Entry {
        try change({ (state) throws(RPCError) in
            let before = state.selection.active
            let info = try state.selection.rollback(target)
            return (entry(info.id, in: state)!, before[info.kind] ?? "none")
        }, log: { entry, previous in "rolled back the \(entry.info.kind.name) to \(entry.info.id) (was \(previous))" }).0
    }

    /// Pins `name` to `version`: only that version of `name` may become active; if it is loaded
    /// and a version of `name` is active, it becomes active now.
    public func pin(_ name: String, to version: String) throws(RPCError) {
        try change({ (state) throws(RPCError) in try state.selection.pin(name, to: version) }, log: { activated in
            "pinned \(name) to \(version)\(activated.map { "; \($0) is active" } ?? "")"
        })
    }

    /// Puts `name` back on the `latest` policy (the active plugin stays until a newer load).
    public func unpin(_ name: String) throws(RPCError) {
        try change({ (state) throws(RPCError) in try state.selection.unpin(name) }, log: { "unpinned \(name) (latest)" })
    }

    /// Forgets `id`. The active plugin of a kind cannot be unloaded: activate another first.
    /// Calls in flight on it finish normally.
    public func unload(_ id: String) throws(RPCError) {
        try change({ (state) throws(RPCError) in
            try state.selection.remove(id)
            state.plugins[id] = nil
        }, log: { "unloaded \(id)" })
    }

    /// The entry of an already loaded plugin with the same bytes and config, activated if asked.
    private func sameFile(_ file: PluginFile, config: String, activation: PluginSelection.Activation) throws(RPCError) -> Entry? {
        let id: String? = state.withLock { state in
            state.plugins.first { $0.value.plugin.info.sha256 == file.sha256 && $0.value.config == config }?.key
        }
        guard let id else { return nil }
        if activation == .now { try activate(id) }
        return state.withLock { entry(id, in: $0) }
    }
}
