import AuraPosix
import AuraCore
import Glibc

/// A directory of plugin files: loaded at start, then watched so that a new file dropped in is
/// loaded (and becomes active when it is a newer version of the active plugin).
public final class PluginDirectory: Sendable {
    /// The directory.
    public let path: String
    /// Which file names count as plugins (the default directory holds other build outputs).
    /// A plugin file `NAME.so` may have its config in `NAME.json` beside it, with
    /// `"isolation": "process"` to run it in a worker process.
    public let accepts: @Sendable (String) -> Bool
    private let registry: PluginRegistry
    private let log: @Sendable (String) -> Void
    private let watch: DirectoryWatch?

    /// Prepares `path`; nothing is loaded until `loadAll()`.
    public init(
        path: String, registry: PluginRegistry, accepts: @escaping @Sendable (String) -> Bool = { $0.hasSuffix(".so") },
        log: @escaping @Sendable (String) -> Void
    ) {
        self.path = path
        self.registry = registry
        self.accepts = accepts
        self.log = log
        watch = try? DirectoryWatch(path: path)
    }

    /// Loads every plugin file in the directory, logging each success and refusal; a bad file
    /// never stops the others.
    public func loadAll() {
        let names: [String]
        do {
            names = try Files.names(inDirectory: path).filter(accepts)
        } catch {
            log("plugins: cannot read \(path): \(error.reason)")
            return
        }
        for name in names.sorted() { load(name) }
    }

    /// Starts a thread that loads files as they appear, until `stop()`.
    public func startWatching() {
        guard let watch else {
            log("plugins: cannot watch \(path); new files will not load by themselves")
            return
        }
        do {
            let thread = try PosixThread.spawn(name: "aura-plugin-watch") { [self] in
                while let names = watch.nextNames() {
                    for name in names where accepts(name) { load(name) }
                }
            }
            thread.detach()
        } catch {
            log("plugins: cannot start the watcher thread: \(error)")
        }
    }

    /// The text of the file at `path`, or nil when there is none.
    static func readConfig(_ path: String) throws(RPCError) -> String? {
        do {
            return try Files.read(path).map { String(decoding: $0, as: UTF8.self) }
        } catch {
            throw RPCError(.invalidArgument, "cannot read the plugin config \(path): \(error)")
        }
    }

    /// Stops watching.
    public func stop() { watch?.stopWatching() }

    /// Loads one file, with the config in `NAME.json` beside it when there is one (a plugin
    /// such as the keyword redactor needs one). The registry logs a load; a refusal is logged
    /// here and the file skipped.
    private func load(_ name: String) {
        do {
            let configPath = "\(path)/\(name.hasSuffix(".so") ? String(name.dropLast(3)) : name).json"
            let file = try PluginConfigFile(text: try Self.readConfig(configPath) ?? "", path: configPath)
            try registry.load(path: "\(path)/\(name)", config: file.config, isolation: file.isolation, unattended: true)
        } catch {
            log("plugins: refused \(name), skipped: \(error.message)")
        }
    }
}
