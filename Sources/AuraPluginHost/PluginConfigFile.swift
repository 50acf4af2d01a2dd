import AuraCore
import Foundation

/// A plugin's `NAME.json` beside `NAME.so`: the config its `create` gets, minus the keys that
/// are the host's: `"isolation"` ("in-process", the default, or "process"), taken out before
/// the plugin sees the config.
struct PluginConfigFile {
    /// The config for the plugin ("" for its defaults).
    var config: String
    /// Where the plugin runs.
    var isolation: PluginIsolation

    /// Reads `text` (the file's contents) from `path` (for messages).
    init(text: String, path: String) throws(RPCError) {
        guard text.contains("\"isolation\"") else {
            config = text
            isolation = .inProcess
            return
        }
        guard let data = text.data(using: .utf8),
              var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { throw RPCError(.invalidArgument, "\(path) is not a JSON object") }
        guard let name = object.removeValue(forKey: "isolation") as? String, let isolation = PluginIsolation(rawValue: name) else {
            throw RPCError(.invalidArgument, "\(path): \"isolation\" is \"in-process\" or \"process\"")
        }
        self.isolation = isolation
        if object.isEmpty {
            config = ""
        } else {
            guard let rest = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
                throw RPCError(.invalidArgument, "\(path): the config cannot be written back without \"isolation\"")
            }
            config = String(decoding: rest, as: UTF8.self)
        }
    }
}
