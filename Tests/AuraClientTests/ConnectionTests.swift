import AuraMessages
@testable import AuraClient
import AuraConformance
import AuraEventLoop
import AuraServer
import AuraWire
import TestSupport
import Testing

@Suite struct ConnectionTests {
    @Test func callsFailUnavailableWhenNoServerListens() async throws {
        let port = try UnusedPort.next()
        var configuration = ClientConfiguration()
        configuration.connectAttempts = 2
        configuration.reconnectBackoff = .milliseconds(1)
        let client = AuraClient(address: "127.0.0.1:\(port)", configuration: configuration)
        let code = await rpcErrorCode { _ = try await client.unary(Method.empty, Empty(), as: Empty.self) }
        #expect(code == .unavailable)
        await client.shutdown()
    }

    @Test func reconnectsAfterTheServerClosesTheConnection() async throws {
        try await ClientTestServer.run(configure: {
            $0.idleTimeout = .milliseconds(100)
        }) { harness in
            let client = harness.client
            _ = try await client.unary(Method.empty, Empty(), as: Empty.self)
            // The server closes the idle connection; no event reaches the test, so poll (bounded).
            #expect(await eventually(within: .seconds(30)) { await !client.hasUsableConnection })
            _ = try await client.unary(Method.empty, Empty(), as: Empty.self)  // on a new connection
        }
    }

    @Test func callsAfterShutdownFailUnavailable() async throws {
        try await ClientTestServer.run { harness in
            let client = AuraClient(address: harness.address)
            _ = try await client.unary(Method.empty, Empty(), as: Empty.self)
            await client.shutdown()
            let code = await rpcErrorCode { _ = try await client.unary(Method.empty, Empty(), as: Empty.self) }
            #expect(code == .unavailable)
        }
    }

    /// A client on a loop it does not own: when that loop shuts down, calls fail at once.
    @Test func callsOnAShutDownLoopFailUnavailable() async throws {
        try await ClientTestServer.run { harness in
            let group = EventLoopGroup(loopCount: 1)
            let client = AuraClient(address: harness.address, loop: group.loops[0])
            _ = try await client.unary(Method.empty, Empty(), as: Empty.self)
            group.shutdown()
            let code = await rpcErrorCode { _ = try await client.unary(Method.empty, Empty(), as: Empty.self) }
            #expect(code == .unavailable)
        }
    }

    @Test func closeEndsOpenCallsWithUnavailableAndTheNextCallReconnects() async throws {
        try await ClientTestServer.run { harness in
            let client = harness.client
            let call: RPCCall<Empty, Empty> = try await client.makeCall(GateService.wait)
            try await call.send(Empty(), endStream: true)
            try await harness.gate.started.waitUntil(atLeast: 1)
            await client.close()
            let code = await rpcErrorCode { _ = try await call.response() }
            #expect(code == .unavailable)
            _ = try await client.unary(Method.empty, Empty(), as: Empty.self)
        }
    }

    /// A call the caller keeps after its connection closed (and was let go by the client) still
    /// answers: sending fails UNAVAILABLE and the status stays, rather than reading a connection
    /// that is gone.
    @Test func aCallKeptPastItsConnectionFailsCleanly() async throws {
        try await ClientTestServer.run { harness in
            let client = harness.client
            let call: RPCCall<Empty, Empty> = try await client.makeCall(GateService.wait)
            await client.close()
            #expect(await call.status().code == .unavailable)
            _ = try await client.unary(Method.empty, Empty(), as: Empty.self)  // a new connection replaced the old
            let code = await rpcErrorCode { try await call.send(Empty(), endStream: true) }
            #expect(code == .unavailable)
            await call.closeSend()
            call.cancel()
            #expect(await call.status().code == .unavailable)
        }
    }
}
