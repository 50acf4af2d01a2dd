/// Which scope each service needs: the rule `AuthInterceptor` enforces.
public struct AccessPolicy: Sendable {
    /// What a call to a service needs.
    public enum Requirement: Sendable, Equatable {
        /// Nothing: the call is served without a key (health checks).
        case open
        /// A valid key, whatever its scopes (the conformance test service).
        case anyKey
        /// A valid key holding the scope.
        case scope(Scope)
    }

    private let rules: [(service: String, requirement: Requirement)]
    /// What a service without a rule needs.
    public let fallback: Requirement

    /// A policy giving each service in `rules` its requirement, and others `fallback`.
    public init(_ rules: [String: Requirement], fallback: Requirement = .scope(.admin)) {
        self.rules = rules.sorted { $0.key < $1.key }.map { (service: $0.key, requirement: $0.value) }
        self.fallback = fallback
    }

    /// AuraStream's services: analysis needs `analyze`, jobs and dead letters `jobs`, plugins,
    /// keys and the admin service `admin`; health is open and the conformance service takes
    /// any key. A service not listed needs `admin`.
    public static let aura = AccessPolicy([
        "aura.Health": .open,
        "aura.Sentiment": .scope(.analyze), "aura.Privacy": .scope(.analyze), "aura.Language": .scope(.analyze),
        "aura.Jobs": .scope(.jobs), "aura.DeadLetters": .scope(.jobs),
        "aura.Plugins": .scope(.admin), "aura.Keys": .scope(.admin), "aura.Admin": .scope(.admin),
        "aura.TestService": .anyKey,
    ])

    /// The requirement of `method` ("service/Method"): its service's rule, or the fallback.
    public func requirement(for method: String) -> Requirement {
        let utf8 = method.utf8
        guard let slash = utf8.firstIndex(of: UInt8(ascii: "/")) else { return fallback }
        let length = utf8.distance(from: utf8.startIndex, to: slash)
        for rule in rules where rule.service.utf8.count == length && utf8.starts(with: rule.service.utf8) {
            return rule.requirement
        }
        return fallback
    }
}
