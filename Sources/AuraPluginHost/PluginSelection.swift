import AuraCore

/// Which loaded plugin is active for each kind, what was active before (for rollback), and the
/// version policy per name: the model-control rules as a value, tested without loading plugins.
///
/// Policy per name: `latest` (no pin), under which a newly loaded version becomes active when it
/// is newer (semver precedence) than the active version of the same name; or pinned to one
/// version, which is the only version of that name that may become active (by loading, by
/// `activate` or by rollback). A plugin of another name never takes over by itself. The first
/// plugin of a kind becomes active when its policy allows it.
public struct PluginSelection: Sendable, Equatable {
    /// How a load chooses whether the new plugin becomes active.
    public enum Activation: Sendable, Equatable {
        /// As the name's policy says (see the type's comment).
        case byPolicy
        /// At once (refused when its name is pinned to another version).
        case now
        /// Never: loaded and inactive.
        case never
    }

    /// How many earlier active choices per kind rollback remembers.
    public static let historyLimit = 16

    /// Every loaded plugin, by id.
    public private(set) var loaded: [String: PluginInfo] = [:]
    /// The active plugin's id per kind.
    public private(set) var active: [PluginKind: String] = [:]
    /// The earlier active ids per kind, most recent last.
    public private(set) var history: [PluginKind: [String]] = [:]
    /// The pinned version per plugin name; a name without a pin follows `latest`.
    public private(set) var pins: [String: String] = [:]

    /// An empty selection.
    public init() {}

    /// Whether `id` is the active plugin of its kind.
    public func isActive(_ id: String) -> Bool { loaded[id].map { active[$0.kind] == id } ?? false }

    /// Adds (or replaces, same id) `info` and activates it as `activation` says; returns whether
    /// it is active. Throws, changing nothing, when `.now` conflicts with a pin or the id is
    /// loaded as the other kind.
    @discardableResult
    public mutating func admit(_ info: PluginInfo, activation: Activation) throws(RPCError) -> Bool {
        if let existing = loaded[info.id], existing.kind != info.kind {
            throw RPCError(.alreadyExists, "\(info.id) is loaded already as a \(existing.kind.name); a \(info.kind.name) needs another name")
        }
        let becomesActive: Bool
        switch activation {
        case .never: becomesActive = false
        case .now:
            try checkPin(allows: info)
            becomesActive = true
        case .byPolicy: becomesActive = policyActivates(info)
        }
        loaded[info.id] = info
        if becomesActive { makeActive(info) }
        return isActive(info.id)
    }

    /// Makes `id` active. Throws NOT_FOUND when it is not loaded, FAILED_PRECONDITION when its
    /// name is pinned to another version.
    public mutating func activate(_ id: String) throws(RPCError) {
        guard let info = loaded[id] else { throw RPCError(.notFound, "no plugin \(id) is loaded") }
        try checkPin(allows: info)
        makeActive(info)
    }

    /// Makes the previously active plugin of `target`'s kind active again, and returns it.
    /// `target` is a kind ("analyzer", "redactor") or the name of the active plugin of a kind.
    /// Each rollback goes one step further back; versions unloaded since are skipped.
    public mutating func rollback(_ target: String) throws(RPCError) -> PluginInfo {
        let kind = try kind(of: target)
        var earlier = history[kind] ?? []
        while let id = earlier.popLast() {
            guard let info = loaded[id] else { continue }
            try checkPin(allows: info)
            history[kind] = earlier
            active[kind] = id
            return info
        }
        history[kind] = []
        throw RPCError(.failedPrecondition, "no earlier \(kind.name) is loaded to roll back to")
    }

    /// Pins `name` to `version` (a semantic version); when a plugin of that name is active and
    /// that version is loaded, it becomes active. Returns the id made active, if any.
    @discardableResult
    public mutating func pin(_ name: String, to version: String) throws(RPCError) -> String? {
        guard !name.isEmpty, !name.contains("@") else { throw RPCError(.invalidArgument, "pin takes a plugin NAME (without @VERSION), got \"\(name)\"") }
        guard SemanticVersion(version) != nil else {
            throw RPCError(.invalidArgument, "\"\(version)\" is not a semantic version (MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD])")
        }
        pins[name] = version
        guard let pinned = loaded["\(name)@\(version)"], let current = active[pinned.kind].flatMap({ loaded[$0] }),
              current.name == name, current.id != pinned.id
        else { return nil }
        makeActive(pinned)
        return pinned.id
    }

    /// Puts `name` back on the `latest` policy for later loads (the active plugin stays).
    public mutating func unpin(_ name: String) throws(RPCError) {
        guard pins.removeValue(forKey: name) != nil else { throw RPCError(.notFound, "\(name) is not pinned") }
    }

    /// Forgets `id`. The active plugin of a kind cannot be removed: activate another first.
    public mutating func remove(_ id: String) throws(RPCError) {
        guard let info = loaded[id] else { throw RPCError(.notFound, "no plugin \(id) is loaded") }
        guard active[info.kind] != id else {
            throw RPCError(.failedPrecondition, "\(id) is the active \(info.kind.name); activate another version before unloading it")
        }
        loaded[id] = nil
        history[info.kind]?.removeAll { $0 == id }
    }

    /// Restores active choices, history and pins saved earlier, keeping only ids loaded now.
    public mutating func restore(active saved: [PluginKind: String], history savedHistory: [PluginKind: [String]], pins savedPins: [String: String]) {
        pins = savedPins.filter { SemanticVersion($0.value) != nil }
        for (kind, id) in saved where loaded[id]?.kind == kind { active[kind] = id }
        for (kind, ids) in savedHistory { history[kind] = ids.filter { loaded[$0]?.kind == kind }.suffix(Self.historyLimit) }
    }

    private func policyActivates(_ info: PluginInfo) -> Bool {
        let current = active[info.kind].flatMap { loaded[$0] }
        if let pinned = pins[info.name] {
            return info.version == pinned && (current == nil || current!.name == info.name)
        }
        guard let current else { return true }
        guard current.name == info.name, let old = SemanticVersion(current.version), let new = SemanticVersion(info.version) else { return false }
        return old < new
    }

    private func checkPin(allows info: PluginInfo) throws(RPCError) {
        if let pinned = pins[info.name], pinned != info.version {
            throw RPCError(.failedPrecondition, "\(info.name) is pinned to \(pinned), so \(info.id) cannot become active; pin it or unpin \(info.name) first")
        }
    }

    private mutating func makeActive(_ info: PluginInfo) {
        if let previous = active[info.kind], previous != info.id {
            var earlier = history[info.kind] ?? []
            earlier.removeAll { $0 == previous || $0 == info.id }
            earlier.append(previous)
            history[info.kind] = Array(earlier.suffix(Self.historyLimit))
        }
        active[info.kind] = info.id
    }

    private func kind(of target: String) throws(RPCError) -> PluginKind {
        if let kind = [PluginKind.analyzer, .redactor].first(where: { $0.name == target }) { return kind }
        if let kind = active.first(where: { loaded[$0.value]?.name == target })?.key { return kind }
        if loaded.values.contains(where: { $0.name == target }) {
            throw RPCError(.failedPrecondition, "no version of \(target) is active: rollback works on the active plugin")
        }
        throw RPCError(.notFound, "\(target) is neither a kind (analyzer, redactor) nor the name of a loaded plugin")
    }
}
