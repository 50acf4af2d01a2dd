import Glibc

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

    private let rules: [(service: [UInt8], requirement: Requirement)]
    /// What a service without a rule needs.
    public let fallback: Requirement

    /// A policy giving each service in `rules` its requirement, and others `fallback`.
    public init(_ rules: [String: Requirement], fallback: Requirement = .scope(.admin)) {
        self.rules = rules.sorted { $0.key < $1.key }.map { (service: Array($0.key.utf8), requirement: $0.value) }
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
        var method = method
        return method.withUTF8 { bytes in  // every call: bytes, not String comparisons
            guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return fallback }
            let service = UnsafeBufferPointer(rebasing: bytes[..<slash])
            for rule in rules where rule.service.count == service.count
                && rule.service.withUnsafeBufferPointer({ memcmp($0.baseAddress!, service.baseAddress!, service.count) == 0 }) {
                return rule.requirement
            }
            return fallback
        }
    }
}
