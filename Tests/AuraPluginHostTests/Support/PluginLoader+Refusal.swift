import AuraPluginHost
import AuraWire

extension PluginLoader {
    /// The error loading `path` fails with, or nil when it loads.
    func refusal(_ path: String) -> RPCError? {
        do {
            _ = try load(path: path)
            return nil
        } catch {
            return error
        }
    }
}
