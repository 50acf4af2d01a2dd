import AuraCore
import AuraPosix

/// Keeps a plugin whose loading killed the server from killing it again at every start.
///
/// `dlopen` runs a library's initializers and the host calls its `create`: code that can crash
/// or `exit()` the process, which no check before loading can rule out. Before running that
/// code the guard writes a marker named after the file's SHA-256 in `<folder>/loading`, and
/// removes it after. A marker found at start means that file's load never returned: it moves
/// to `<folder>/crashed`, and from then on loads nobody asked for (the plugin folder, the saved
/// state) skip that file. Loading it by hand (`aura-rpc plugins load`) tries again and, when it
/// works, clears the mark.
public final class PluginLoadGuard: Sendable {
    /// The folder holding `loading` and `crashed`.
    public let folder: String
    /// The SHA-256s of files whose load killed an earlier run, found when this guard started.
    public let crashedAtStart: [String]

    /// Opens the guard in `folder` (created if missing) and moves markers left by a run that
    /// died while loading to `crashed`.
    public init(folder: String) {
        self.folder = folder
        try? Files.createDirectories(folder + "/loading")
        try? Files.createDirectories(folder + "/crashed")
        let left = (try? Files.names(inDirectory: folder + "/loading")) ?? []
        for sha256 in left { try? Files.rename("\(folder)/loading/\(sha256)", to: "\(folder)/crashed/\(sha256)") }
        crashedAtStart = left.sorted()
    }

    /// Whether loading the file with `sha256` killed the server before (and nobody loaded it
    /// by hand since).
    public func crashedBefore(_ sha256: String) -> Bool {
        (try? Files.checkReadable("\(folder)/crashed/\(sha256)")) != nil
    }

    /// Runs `body` (which runs the plugin's code) with a marker for `file` in place. No fsync:
    /// the marker must outlive the process, not the machine, and the page cache does that.
    func loading<T>(_ file: PluginFile, _ body: () throws(RPCError) -> T) throws(RPCError) -> T {
        let marker = "\(folder)/loading/\(file.sha256)"
        do {
            try Files.write(Array(file.path.utf8), to: marker, synchronize: false)
        } catch {
            throw RPCError(.internal, "cannot mark \(file.path) as loading in \(folder): \(error)")
        }
        defer { try? Files.remove(marker) }
        return try body()
    }

    /// Clears the mark of a file that loaded by hand.
    func clear(_ sha256: String) {
        try? Files.remove("\(folder)/crashed/\(sha256)")
    }
}
