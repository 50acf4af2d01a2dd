/// What a key may call. Each service needs one scope (see `AccessPolicy`); a key holds any set.
public enum Scope: String, CaseIterable, Sendable, Codable {
    /// aura.Sentiment, aura.Privacy, aura.Language: analysis calls.
    case analyze
    /// aura.Jobs, aura.DeadLetters: batch jobs and failed requests.
    case jobs
    /// aura.Plugins, aura.Keys, aura.Admin: changing the server.
    case admin

    /// The scope named `name`, or a message listing the names.
    public static func named(_ name: String) throws(KeyError) -> Scope {
        guard let scope = Scope(rawValue: name) else {
            throw .invalid("unknown scope \"\(name)\"; scopes are \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return scope
    }
}

/// A set of scopes, one bit each: checked on every call without touching memory.
public struct ScopeSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    /// A set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set holding exactly `scope`.
    public init(_ scope: Scope) {
        switch scope {
        case .analyze: rawValue = 1
        case .jobs: rawValue = 2
        case .admin: rawValue = 4
        }
    }

    /// The set holding `scopes`.
    public init(_ scopes: some Sequence<Scope>) {
        self = scopes.reduce(into: ScopeSet()) { $0.insert(ScopeSet($1)) }
    }

    /// Every scope.
    public static let all = ScopeSet(Scope.allCases)

    /// The scopes in the set, in `Scope.allCases` order.
    public var scopes: [Scope] { Scope.allCases.filter { contains(ScopeSet($0)) } }
}
