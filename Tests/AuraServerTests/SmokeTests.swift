import AuraClient
import AuraConformance
import AuraHealth
import AuraMessages
import AuraWire
import Testing

@Suite struct SmokeTests {
    @Test func healthCheckAnswersServing() async throws {
        try await TestServer.run { harness in
            let reply = try await harness.client.unary(
                "aura.Health/Check", HealthCheckRequest(), as: HealthCheckResponse.self)
            #expect(reply.status == .serving)
        }
    }
}
