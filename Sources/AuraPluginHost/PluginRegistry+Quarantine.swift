import AuraCore

extension PluginRegistry {
    /// Marks `id` (of load `generation`) UNAVAILABLE after repeated crashes in its worker
    /// process and, when it is the active plugin of its kind, rolls that kind back to the
    /// previously active version (as `rollback` does). Returns the id made active instead.
    @discardableResult
    func quarantine(_ id: String, generation: Int, reason: String) -> String? {
        let outcome = try? change({ (state) throws(RPCError) -> (applies: Bool, restored: String?) in
            guard let loaded = state.plugins[id], loaded.plugin.generation == generation else { return (false, nil) }
            state.quarantined[id] = reason
            let kind = loaded.plugin.info.kind
            guard state.selection.active[kind] == id else { return (true, nil) }
            return (true, try? state.selection.rollback(kind.name).id)
        }, log: { outcome in
            guard outcome.applies else { return nil }
            return "quarantined \(id): \(reason)\(outcome.restored.map { "; \($0) is active again" } ?? "; no earlier version to restore")"
        })
        return outcome?.restored
    }
}
