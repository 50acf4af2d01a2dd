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
    /// Its version, e.g. "1.0.0".
    public var version: String
    /// The languages it supports.
    public var languages: [String]
    /// The file it was loaded from.
    public var path: String
    /// The ABI version it was built against, "major.minor".
    public var abi: String
    /// Where its code runs.
    public var isolation: PluginIsolation = .inProcess

    /// "name@version", the id the CLI and results use.
    public var id: String { "\(name)@\(version)" }
}

/// Compares dotted version strings numerically ("1.10.0" > "1.9.2"); non-numeric parts compare
/// as text.
public func versionPrecedes(_ a: String, _ b: String) -> Bool {
    let left = a.split(separator: "."), right = b.split(separator: ".")
    for index in 0..<max(left.count, right.count) {
        let l = index < left.count ? left[index] : "0", r = index < right.count ? right[index] : "0"
        if let ln = Int(l), let rn = Int(r) {
            if ln != rn { return ln < rn }
        } else if l != r {
            return l < r
        }
    }
    return false
}
