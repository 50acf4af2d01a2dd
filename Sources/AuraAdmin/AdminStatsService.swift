import AuraMessages
import AuraServer

/// `aura.Admin/Stats`: the server's figures (`ServerObservability.stats()`). The API-key check
/// gives `aura.Admin` the admin scope.
public struct AdminStatsService: Service {
    public let name = "aura.Admin"
    private let observability: ServerObservability

    /// The methods it registers, for building `CallMetrics` before the service exists.
    public static let methods: [(name: String, kind: MethodKind)] = [("aura.Admin/Stats", .unary)]

    /// Answers from `observability`.
    public init(observability: ServerObservability) { self.observability = observability }

    public func register(into registry: inout MethodRegistry) {
        registry.unary("aura.Admin/Stats") { [observability] (_: Empty, _) in observability.stats() }
    }
}
