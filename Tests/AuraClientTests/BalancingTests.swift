@testable import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import TestSupport
import Testing

/// One client over two real servers: calls spread, a server that goes away is taken out.
@Suite struct BalancingTests {
    @Test func callsSpreadOverTwoServersAndAvoidOneThatStopped() async throws {
        try await withTimeout(.seconds(60), "balancing over two servers") {
            let servers = (0..<2).map { _ in
                var configuration = ServerConfiguration()
                configuration.address = "127.0.0.1:0"
                configuration.loopCount = 1
                return Server(configuration: configuration, services: [TestService()])
            }
            for server in servers { try server.start() }
            var configuration = ClientConfiguration()
            configuration.reconnectBackoff = .seconds(30)  // a server that stopped stays out for the rest of the test
            let client = AuraClient(addresses: servers.map { "127.0.0.1:\($0.port)" }, configuration: configuration)
            do {
                for _ in 0..<4 { _ = try await client.unary(Method.empty, Empty(), as: Empty.self) }
                #expect(servers.map(\.connectionCount) == [1, 1])
                #expect(await client.endpoints == [.ready, .ready])

                await servers[1].shutdown(gracePeriod: .seconds(1))
                for _ in 0..<4 { _ = try await client.unary(Method.empty, Empty(), as: Empty.self) }
                let endpoints = await client.endpoints
                #expect(endpoints[0] == .ready)
                guard case .down(failures: 1, _) = endpoints[1] else {
                    Issue.record("the stopped server's connection is \(endpoints[1])")
                    return
                }
            } catch {
                await client.shutdown()
                await servers[0].shutdown(gracePeriod: .seconds(1))
                throw error
            }
            await client.shutdown()
            await servers[0].shutdown(gracePeriod: .seconds(1))
        }
    }
}
