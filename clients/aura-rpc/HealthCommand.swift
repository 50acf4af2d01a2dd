import AuraClient
import AuraHealth
import AuraWire

/// `aura-rpc health [SERVICE]`: aura.Health/Check, printing the serving status.
struct HealthCommand {
    let invocation: Invocation

    func run() async throws {
        guard invocation.operands.count <= 1 else {
            throw CLIFailure.usage("health takes at most one service name", topic: .health)
        }
        let request = HealthCheckRequest(service: invocation.operands.first ?? "")
        let client = invocation.makeClient()
        let reply: UnaryResponse<HealthCheckResponse>
        do {
            reply = try await client.unaryWithMetadata(
                "aura.Health/Check", request, as: HealthCheckResponse.self, options: invocation.callOptions)
            await client.shutdown()
        } catch {
            await client.shutdown()
            throw error
        }
        if invocation.showsMetadata {
            Output.metadata(reply.metadata.initial, label: "initial-metadata")
            Output.metadata(reply.metadata.trailing, label: "trailing-metadata")
        }
        let status = reply.message.status.name
        Output.line(invocation.json ? Output.jsonObject(["status": status]) : status)
    }
}

extension HealthCheckResponse.ServingStatus {
    /// The name aura.proto gives the value, e.g. "NOT_SERVING".
    var name: String {
        switch self {
        case .unknown: return "UNKNOWN"
        case .serving: return "SERVING"
        case .notServing: return "NOT_SERVING"
        case .serviceUnknown: return "SERVICE_UNKNOWN"
        }
    }
}
