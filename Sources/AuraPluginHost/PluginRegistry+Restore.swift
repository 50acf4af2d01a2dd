import AuraCore

extension PluginRegistry {
    /// Loads the plugins saved in the state file, inactive, then restores the active choices,
    /// the rollback history and the pins, and saves the result. A plugin whose file is gone,
    /// changed (another SHA-256) or refused is skipped with a log line; a state file that cannot
    /// be read is logged and left for the next change to replace. Call it before loading a
    /// plugin folder, so that the folder's files find their saved copies already loaded.
    public func restore() {
        guard let stateFile else { return }
        let saved: PluginState
        do {
            guard let read = try stateFile.read() else { return }
            saved = read
        } catch {
            log("plugins: not restoring the saved plugins: \(error.message)")
            return
        }
        for plugin in saved.plugins { restore(plugin) }
        let kinds = Dictionary(uniqueKeysWithValues: [PluginKind.analyzer, .redactor].map { ($0.name, $0) })
        _ = try? change({ state in
            state.selection.restore(
                active: Dictionary(uniqueKeysWithValues: saved.active.compactMap { key, id in kinds[key].map { ($0, id) } }),
                history: Dictionary(uniqueKeysWithValues: saved.history.compactMap { key, ids in kinds[key].map { ($0, ids) } }),
                pins: saved.pins)
            return state.selection.active.values.sorted()
        }, log: { active in "restored \(saved.plugins.count) saved plugins; active: \(active.isEmpty ? "none" : active.joined(separator: ", "))" })
    }

    private func restore(_ saved: PluginState.Loaded) {
        do {
            let file = try loader.read(saved.path)
            guard file.sha256 == saved.sha256 else {
                log("plugins: not restoring \(saved.id): \(saved.path) changed since it was loaded (sha256 \(file.sha256), was \(saved.sha256)); load it again by hand")
                return
            }
            let isolation = saved.isolation.flatMap(PluginIsolation.init(rawValue:)) ?? .inProcess
            let plugin = try guardedLoad(file, config: saved.config, isolation: isolation, unattended: true)
            guard plugin.info.id == saved.id else {
                log("plugins: not restoring \(saved.id): \(saved.path) now holds \(plugin.info.id)")
                return
            }
            try change(saves: false, { (state) throws(RPCError) in
                try state.selection.admit(plugin.info, activation: .never)
                state.plugins[plugin.info.id] = Loaded(plugin: plugin, config: saved.config, isolation: isolation)
            }, log: { "restored \(saved.id) from \(saved.path)" })
        } catch {
            log("plugins: not restoring \(saved.id): \(error.message)")
        }
    }
}
