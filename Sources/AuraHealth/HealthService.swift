import AuraMessages
import AuraServer
import AuraWire
import Synchronization

/// `aura.Health`, modeled on grpc.health.v1: reports SERVING or NOT_SERVING per service.
public final class HealthService: Service {
    public let name = "aura.Health"
    private let statuses: Mutex<[String: HealthCheckResponse.ServingStatus]>

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

    /// Every service's status now, by name ("" is the server as a whole).
    public var servingStatuses: [String: HealthCheckResponse.ServingStatus] { statuses.withLock { $0 } }

    /// Answers the status of a service, or NOT_FOUND for an unknown one.
    public func check(_ request: HealthCheckRequest) throws(RPCError) -> HealthCheckResponse {
        guard let status = statuses.withLock({ $0[request.service] }) else {
            throw RPCError(.notFound, "unknown service \"\(PeerText.excerpt(request.service))\"")
        }
        return HealthCheckResponse(status: status)
    }

    public func register(into registry: inout MethodRegistry) {
        registry.unary("aura.Health/Check") { [self] (request: HealthCheckRequest, _) in try check(request) }
    }
}
