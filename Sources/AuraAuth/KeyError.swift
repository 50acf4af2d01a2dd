/// Why a keys file, a token or a key change was refused.
public enum KeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value that breaks a rule (a scope name, a limit, an id), with the rule.
    case invalid(String)
    /// The keys file cannot be trusted or read; the server must not start over it.
    case badFile(path: String, reason: String)
    /// No key has this id.
    case notFound(String)

    public var description: String {
        switch self {
        case .invalid(let message): return message
        case .badFile(let path, let reason): return "\(path): \(reason)"
        case .notFound(let id): return "no key \(id)"
        }
    }
}
