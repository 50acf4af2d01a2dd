import AuraClient
import AuraConformance
import AuraHealth
import AuraMessages
import AuraServer
import AuraWire
import TestSupport

/// A server on 127.0.0.1 with an ephemeral port, the conformance and health services, and a
/// client connected to it; `run` stops both whatever the test does.
struct TestServer {
    let server: Server
    let testService: TestService
    let client: AuraClient

    var address: String { "127.0.0.1:\(server.port)" }

    static func run<T>(
        configure: (inout ServerConfiguration) -> Void = { _ in },
        extraServices: [any Service] = [],
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        var configuration = ServerConfiguration()
        configuration.address = "127.0.0.1:0"
        configuration.loopCount = 2
        configure(&configuration)
        let testService = TestService()
        let server = Server(
            configuration: configuration,
            services: [HealthService(serving: [testService.name]), testService] + extraServices)
        return try await withRunningServer(server) { client in
            try await body(TestServer(server: server, testService: testService, client: client))
        }
    }
}
