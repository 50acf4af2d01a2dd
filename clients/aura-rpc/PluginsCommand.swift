import AuraMessages
import AuraWire
import Foundation

/// `aura-rpc plugins list | load PATH | activate NAME@VERSION | unload NAME@VERSION`: the
/// aura.Plugins methods, to see and swap the plugins of a running server.
struct PluginsCommand {
    let invocation: Invocation

    /// What to do with the plugins.
    enum Action: String, CaseIterable {
        case list, load, activate, unload
    }

    func run() async throws {
        guard let name = invocation.operands.first else {
            throw CLIFailure.usage("plugins needs an action: list, load PATH, activate NAME@VERSION or unload NAME@VERSION", topic: .plugins)
        }
        guard let action = Action(rawValue: name) else {
            throw CLIFailure.usage("unknown plugins action \"\(name)\"; the actions are list, load, activate and unload", topic: .plugins)
        }
        let arguments = Array(invocation.operands.dropFirst())
        let options = invocation.parsed
        if action != .load, options.options["config"] != nil || options.options["isolation"] != nil || options.flags.contains("activate") {
            throw CLIFailure.usage("--config, --isolation and --activate go with plugins load", topic: .plugins)
        }
        switch action {
        case .list:
            guard arguments.isEmpty else { throw CLIFailure.usage("plugins list takes no arguments", topic: .plugins) }
            let list = try await invocation.unary("aura.Plugins/List", Empty(), as: PluginList.self)
            if invocation.json { return try Output.json(list, responseOf: "aura.Plugins/List") }
            Self.table(list.plugins).forEach(Output.line)
        case .load:
            let request = LoadPluginRequest(
                path: try Self.path(arguments), config: try Self.config(options.options["config"]),
                activate: options.flags.contains("activate"), isolation: try Self.isolation(options.options["isolation"]))
            let info = try await invocation.unary("aura.Plugins/Load", request, as: PluginInfo.self)
            try show(info, responseOf: "aura.Plugins/Load")
        case .activate:
            let ref = PluginRef(id: try Self.pluginID(arguments, action: action))
            let info = try await invocation.unary("aura.Plugins/Activate", ref, as: PluginInfo.self)
            try show(info, responseOf: "aura.Plugins/Activate")
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
    /// when it runs in a worker process, "UNAVAILABLE" when quarantined), languages, path.
    static func table(_ plugins: [PluginInfo]) -> [String] {
        let rows = plugins.map { plugin in
            let state = [plugin.active ? "active" : "inactive", plugin.isolation == "process" ? "process" : "",
                         plugin.status.hasPrefix("UNAVAILABLE") ? "UNAVAILABLE" : ""].filter { !$0.isEmpty }
            return [plugin.kind, plugin.id, state.joined(separator: ","),
                    plugin.languages.isEmpty ? "-" : plugin.languages.joined(separator: ","), plugin.path]
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[4]
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

    /// The --isolation value: "" (the server's default, in process), "in-process" or "process".
    private static func isolation(_ text: String?) throws(CLIFailure) -> String {
        guard let text else { return "" }
        guard ["in-process", "process"].contains(text) else {
            throw .usage("--isolation takes in-process or process, got \"\(text)\"", topic: .plugins)
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
