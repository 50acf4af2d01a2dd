import AuraMessages
import AuraServer
import AuraWire
import Synchronization

/// `aura.Health`, modeled on grpc.health.v1: reports SERVING or NOT_SERVING per service, and
/// the server's firing alerts with every answer.
public final class HealthService: Service {
    public let name = "aura.Health"
    private let statuses: Mutex<[String: HealthCheckResponse.ServingStatus]>
    private let alertSource = Mutex<(@Sendable () -> [ServerAlert])?>(nil)

    /// Creates the service with every service in `serving` (and the server, "") SERVING.
    public init(serving services: [String]) {
        var initial: [String: HealthCheckResponse.ServingStatus] = ["": .serving]
        for service in services { initial[service] = .serving }
        statuses = Mutex(initial)
    }

    /// Sets a service's status (for example NOT_SERVING while it drains).
    public func setStatus(_ status: HealthCheckResponse.ServingStatus, for service: String) {
        statuses.withLock { $0[service] = status }
    }

    /// Reads the firing alerts each answer carries from `source` (the server's `AlertMonitor`,
    /// which exists only after this service). Alerts are warnings: they leave the status alone.
    public func showAlerts(from source: @escaping @Sendable () -> [ServerAlert]) {
        alertSource.withLock { $0 = source }
    }

    /// Every service's status now, by name ("" is the server as a whole).
    public var servingStatuses: [String: HealthCheckResponse.ServingStatus] { statuses.withLock { $0 } }

    /// Answers the status of a service and the firing alerts, or NOT_FOUND for an unknown service.
    public func check(_ request: HealthCheckRequest) throws(RPCError) -> HealthCheckResponse {
        guard let status = statuses.withLock({ $0[request.service] }) else {
            throw RPCError(.notFound, "unknown service \"\(PeerText.excerpt(request.service))\"")
        }
        return HealthCheckResponse(status: status, alerts: alertSource.withLock { $0 }?() ?? [])
    }

    public func register(into registry: inout MethodRegistry) {
        registry.unary("aura.Health/Check") { [self] (request: HealthCheckRequest, _) in try check(request) }
    }
}
