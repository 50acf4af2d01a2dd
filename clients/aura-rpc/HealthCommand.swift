import AuraMessages

/// `aura-rpc health [SERVICE]`: aura.Health/Check, printing the serving status.
struct HealthCommand {
    let invocation: Invocation

    func run() async throws {
        guard invocation.operands.count <= 1 else {
            throw CLIFailure.usage("health takes at most one service name", topic: .health)
        }
        let request = HealthCheckRequest(service: invocation.operands.first ?? "")
        let reply = try await invocation.unary("aura.Health/Check", request, as: HealthCheckResponse.self)
        let status = reply.status.name ?? "UNRECOGNIZED(\(reply.status.rawValue))"
        Output.line(invocation.json ? Output.jsonObject(["status": status]) : status)
    }
}
