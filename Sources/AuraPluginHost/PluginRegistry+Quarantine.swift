import AuraCore

extension PluginRegistry {
    /// Marks `id` (of load `generation`) UNAVAILABLE after repeated crashes in its worker
    /// process and, when it is the active plugin of its kind, rolls that kind back to the
    /// previously active version (as `rollback` does). Returns the id made active instead.
    @discardableResult
    func quarantine(_ id: String, generation: Int, reason: String) -> String? {
        let restored = try? change({ (state) throws(RPCError) -> String? in
            guard let loaded = state.plugins[id], loaded.plugin.generation == generation else { return nil }
            state.quarantined[id] = reason
            let kind = loaded.plugin.info.kind
            guard state.selection.active[kind] == id else { return nil }
            return try? state.selection.rollback(kind.name).id
        }, log: { _ in nil })  // the worker's supervisor logs it, naming the signal and the version restored
        return restored ?? nil
    }
}
