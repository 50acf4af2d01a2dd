import AuraMessages

/// `aura-rpc health [SERVICE]`: aura.Health/Check, printing the serving status and the
/// server's firing alerts.
struct HealthCommand {
    let invocation: Invocation

    func run() async throws {
        guard invocation.operands.count <= 1 else {
            throw CLIFailure.usage("health takes at most one service name", topic: .health)
        }
        let request = HealthCheckRequest(service: invocation.operands.first ?? "")
        let reply = try await invocation.unary("aura.Health/Check", request, as: HealthCheckResponse.self)
        if invocation.json { return try Output.json(reply, responseOf: "aura.Health/Check") }
        Output.line(reply.status.name ?? "UNRECOGNIZED(\(reply.status.rawValue))")
        for alert in reply.alerts { Output.line("alert \(alert.name): \(alert.message)") }
    }
}
