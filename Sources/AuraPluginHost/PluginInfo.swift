/// What a plugin is: the two kinds the ABI defines.
public enum PluginKind: UInt32, Sendable {
    case analyzer = 1
    case redactor = 2

    /// "analyzer" or "redactor".
    public var name: String { self == .analyzer ? "analyzer" : "redactor" }
}

/// A loaded plugin's identity, as `aura-rpc plugins list` shows it.
public struct PluginInfo: Sendable, Equatable {
    /// Its kind.
    public var kind: PluginKind
    /// Its name, e.g. "lexicon-sentiment".
    public var name: String
    /// Its version, e.g. "1.0.0": a semantic version (`SemanticVersion`).
    public var version: String
    /// The languages it supports.
    public var languages: [String]
    /// The file it was loaded from.
    public var path: String
    /// The ABI version it was built against, "major.minor".
    public var abi: String
    /// The SHA-256 of the file's bytes as loaded, in hex.
    public var sha256: String = ""
    /// Where its code runs.
    public var isolation: PluginIsolation = .inProcess

    /// Creates an identity.
    public init(kind: PluginKind, name: String, version: String, languages: [String], path: String, abi: String, sha256: String = "") {
        self.kind = kind
        self.name = name
        self.version = version
        self.languages = languages
        self.path = path
        self.abi = abi
        self.sha256 = sha256
    }

    /// "name@version", the id the CLI and results use.
    public var id: String { "\(name)@\(version)" }
}
