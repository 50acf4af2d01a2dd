import AuraMessages
import AuraWire
import Foundation

/// `aura-rpc plugins list | load PATH | activate NAME@VERSION | rollback KIND|NAME |
/// pin NAME VERSION | unpin NAME | unload NAME@VERSION`: the aura.Plugins methods, to see and
/// swap the plugins of a running server.
struct PluginsCommand {
    let invocation: Invocation

    /// What to do with the plugins.
    enum Action: String, CaseIterable {
        case list, load, activate, rollback, pin, unpin, unload
    }

    func run() async throws {
        guard let name = invocation.operands.first else {
            throw CLIFailure.usage("plugins needs an action: list, load, activate, rollback, pin, unpin or unload", topic: .plugins)
        }
        guard let action = Action(rawValue: name) else {
            throw CLIFailure.usage("unknown plugins action \"\(name)\"; the actions are list, load, activate, rollback, pin, unpin and unload", topic: .plugins)
        }
        let arguments = Array(invocation.operands.dropFirst())
        let options = invocation.parsed
        if action != .load, options.options["config"] != nil || options.options["isolation"] != nil || !options.flags.isDisjoint(with: ["activate", "inactive", "replace"]) {
            throw CLIFailure.usage("--config, --isolation, --activate, --inactive and --replace go with plugins load", topic: .plugins)
        }
        if action != .list, options.flags.contains("stats") {
            throw CLIFailure.usage("--stats goes with plugins list", topic: .plugins)
        }
        switch action {
        case .list:
            guard arguments.isEmpty else { throw CLIFailure.usage("plugins list takes no arguments", topic: .plugins) }
            let list = try await invocation.unary("aura.Plugins/List", Empty(), as: PluginList.self)
            if invocation.json { return try Output.json(list, responseOf: "aura.Plugins/List") }
            if options.flags.contains("stats") { return Self.statsTable(list.plugins).forEach(Output.line) }
            Self.table(list.plugins).forEach(Output.line)
            list.pins.forEach { Output.line("pinned  \($0.name)@\($0.version)") }
        case .load:
            guard !(options.flags.contains("activate") && options.flags.contains("inactive")) else {
                throw CLIFailure.usage("plugins load takes --activate or --inactive, not both", topic: .plugins)
            }
            let request = LoadPluginRequest(
                path: try Self.path(arguments), config: try Self.config(options.options["config"]),
                activate: options.flags.contains("activate"), isolation: try Self.isolation(options.options["isolation"]),
                replace: options.flags.contains("replace"), inactive: options.flags.contains("inactive"))
            let info = try await invocation.unary("aura.Plugins/Load", request, as: PluginInfo.self)
            try show(info, responseOf: "aura.Plugins/Load")
        case .activate:
            let ref = PluginRef(id: try Self.pluginID(arguments, action: action))
            let info = try await invocation.unary("aura.Plugins/Activate", ref, as: PluginInfo.self)
            try show(info, responseOf: "aura.Plugins/Activate")
        case .rollback:
            guard arguments.count == 1, let target = arguments.first, !target.contains("@") else {
                throw CLIFailure.usage("plugins rollback takes a KIND (analyzer, redactor) or the NAME of the active plugin", topic: .plugins)
            }
            let info = try await invocation.unary("aura.Plugins/Rollback", RollbackRequest(target: target), as: PluginInfo.self)
            try show(info, responseOf: "aura.Plugins/Rollback")
        case .pin, .unpin:
            let pin = try Self.pin(arguments, action: action)
            let method = action == .pin ? "aura.Plugins/Pin" : "aura.Plugins/Unpin"
            let empty = try await invocation.unary(method, pin, as: Empty.self)
            if invocation.json { return try Output.json(empty, responseOf: method) }
            Output.line(action == .pin ? "pinned \(pin.name) to \(pin.version)" : "unpinned \(pin.name): it follows the latest version")
        case .unload:
            let ref = PluginRef(id: try Self.pluginID(arguments, action: action))
            let empty = try await invocation.unary("aura.Plugins/Unload", ref, as: Empty.self)
            if invocation.json { return try Output.json(empty, responseOf: "aura.Plugins/Unload") }
            Output.line("unloaded \(ref.id)")
        }
    }

    private func show(_ info: PluginInfo, responseOf method: String) throws(RPCError) {
        if invocation.json { return try Output.json(info, responseOf: method) }
        Self.table([info]).forEach(Output.line)
    }

    /// One line per plugin, in aligned columns: kind, id, active or inactive (with "process"
    /// when it runs in a worker process, "inline" when on the event loops, "UNAVAILABLE" when
    /// quarantined), languages, SHA-256 of
    /// the file, path.
    static func table(_ plugins: [PluginInfo]) -> [String] {
        let rows = plugins.map { plugin in
            let state = [plugin.active ? "active" : "inactive", ["process", "inline"].contains(plugin.isolation) ? plugin.isolation : "",
                         plugin.status.hasPrefix("UNAVAILABLE") ? "UNAVAILABLE" : ""].filter { !$0.isEmpty }
            return [plugin.kind, plugin.id, state.joined(separator: ","),
                    plugin.languages.isEmpty ? "-" : plugin.languages.joined(separator: ","),
                    plugin.sha256.isEmpty ? "-" : "sha256:\(plugin.sha256)", plugin.path]
        }
        let aligned = 5
        let widths = (0..<aligned).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<aligned).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[aligned]
        }
    }

    /// The NAME and VERSION of `pin` (NAME VERSION or NAME@VERSION) or the NAME of `unpin`.
    private static func pin(_ arguments: [String], action: Action) throws(CLIFailure) -> PluginPin {
        let parts = arguments.count == 1 ? arguments[0].split(separator: "@", maxSplits: 1).map(String.init) : arguments
        switch (action, parts.count) {
        case (.pin, 2): return PluginPin(name: parts[0], version: parts[1])
        case (.unpin, 1) where !parts[0].isEmpty: return PluginPin(name: parts[0])
        case (.pin, _): throw .usage("plugins pin takes a NAME and a VERSION, e.g. lexicon-sentiment 1.2.0", topic: .plugins)
        default: throw .usage("plugins unpin takes a plugin NAME, e.g. lexicon-sentiment", topic: .plugins)
        }
    }

    /// One line per plugin with its figures, under a header: id, calls, failures, timeouts,
    /// rejected, crashes, p50 and p99 latency in microseconds.
    static func statsTable(_ plugins: [PluginInfo]) -> [String] {
        let header = ["plugin", "calls", "failures", "timeouts", "rejected", "crashes", "p50_us", "p99_us"]
        let rows = [header] + plugins.map { plugin in
            let stats = plugin.stats
            return [plugin.id] + [stats.calls, stats.failures, stats.timeouts, stats.rejected, stats.crashes, stats.p50Micros, stats.p99Micros].map(String.init)
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { column in
                column == 0 ? row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - row[column].count) + row[column]
            }.joined(separator: "  ")
        }
    }

    /// The PATH of `load`, made absolute from the current directory (the server opens it, and
    /// its own directory may differ).
    private static func path(_ arguments: [String]) throws(CLIFailure) -> String {
        guard arguments.count == 1, let path = arguments.first, !path.isEmpty else {
            throw .usage("plugins load takes one PATH, a plugin .so the server can read", topic: .plugins)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The --config text, checked to be a JSON object; empty when not given.
    private static func config(_ text: String?) throws(CLIFailure) -> String {
        guard let text else { return "" }
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any] else {
            throw .input("--config must be a JSON object, got \(text)", hint: #"e.g. --config '{"keywords":["acme"]}'"#)
        }
        return text
    }

    /// The --isolation value: "" (the server's default, in process), "in-process", "process" or
    /// "inline".
    private static func isolation(_ text: String?) throws(CLIFailure) -> String {
        guard let text else { return "" }
        guard ["in-process", "process", "inline"].contains(text) else {
            throw .usage("--isolation takes in-process, process or inline, got \"\(text)\"", topic: .plugins)
        }
        return text
    }

    /// The NAME@VERSION of `activate` and `unload`.
    private static func pluginID(_ arguments: [String], action: Action) throws(CLIFailure) -> String {
        guard arguments.count == 1, let id = arguments.first, id.contains("@") else {
            throw .usage(
                "plugins \(action.rawValue) takes one NAME@VERSION, e.g. lexicon-sentiment@1.0.0 (plugins list shows them)",
                topic: .plugins)
        }
        return id
    }
}
