import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import AuraWire
import TestSupport
import Testing

extension Integration {
    /// Graceful shutdown: GOAWAY, calls in flight finish, new calls are refused.
    @Suite struct Shutdown {
        @Test func callInFlightCompletesDuringGracefulShutdown() async throws {
            try await TestServer.bounded { harness in
                let client = harness.client
                let inFlight = try await harness.startCall(Method.sleep, SleepRequest(durationMs: 300), as: Empty.self)
                let server = harness.server
                let shutdown = Task { await server.shutdown(gracePeriod: .seconds(3)) }
                #expect(try await inFlight.response().message == Empty())
                await shutdown.value
                #expect(harness.server.connectionCount == 0)

                await expectRPCError(.unavailable) {
                    _ = try await client.unary(Method.empty, Empty(), as: Empty.self)
                }
            }
        }

        @Test func newCallsWhileDrainingAreRefused() async throws {
            try await TestServer.bounded { harness in
                let client = harness.client
                let inFlight = try await harness.startCall(Method.sleep, SleepRequest(durationMs: 600), as: Empty.self)
                let observer = try RawConnection(port: harness.server.port)
                try await observer.handshake()
                try await observer.roundTrip()
                let server = harness.server
                let shutdown = Task { await server.shutdown(gracePeriod: .seconds(3)) }
                // GOAWAY on another connection: the listener is closed and GOAWAYs are out.
                #expect(try await observer.goAway()?.code == .ok)

                // The same client: its connection is going away and the listener is closed.
                await expectRPCError(.unavailable) {
                    _ = try await client.unary(Method.empty, Empty(), as: Empty.self)
                }
                // A new client cannot connect.
                await expectRPCError(.unavailable) {
                    _ = try await harness.withClient { try await $0.unary(Method.empty, Empty(), as: Empty.self) }
                }
                #expect(try await inFlight.response().message == Empty())
                await shutdown.value
            }
        }

        /// On the wire: GOAWAY OK naming the last stream, a later stream refused with CANCEL
        /// UNAVAILABLE, the open stream finished, then the connection closed.
        @Test func goAwayOnTheWire() async throws {
            try await TestServer.bounded { harness in
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                try await raw.call(1, Method.sleep, messages: [SleepRequest(durationMs: 300).encoded()])
                try await raw.call(3, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(3)?.code == .ok)  // the server has read stream 1
                let server = harness.server
                let shutdown = Task { await server.shutdown(gracePeriod: .seconds(3)) }

                let goAway = try await raw.goAway()
                #expect(goAway?.code == .ok)
                #expect(goAway?.lastStreamID == 3)
                try await raw.call(5, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnds([1, 5]) == [1: .ok, 5: .unavailable])
                #expect(await raw.waitForClose())
                await shutdown.value
            }
        }

        /// Calls that outlast the grace period are cancelled (the handler sees it) and fail
        /// with UNAVAILABLE; the shutdown itself stays bounded.
        @Test func gracePeriodExpires() async throws {
            try await TestServer.bounded { harness in
                let before = harness.testService.cancelledSleepCount
                let inFlight = try await harness.startCall(Method.sleep, SleepRequest(durationMs: 10_000), as: Empty.self)
                await harness.server.shutdown(gracePeriod: .milliseconds(200))
                await expectRPCError(.unavailable) { _ = try await inFlight.response() }
                #expect(await eventually { harness.testService.cancelledSleepCount > before })
                #expect(harness.server.connectionCount == 0)
            }
        }

        /// A client that never reads cannot hold the shutdown up: its call is cut off when the
        /// grace period ends, although its socket will not take the final frames.
        @Test func stalledReaderDoesNotHoldUpShutdown() async throws {
            try await TestServer.bounded { harness in
                var settings = Settings()
                settings.initialStreamWindow = UInt32(Int32.max)
                settings.connectionWindow = UInt32(Int32.max)
                let raw = try RawConnection(port: harness.server.port)
                raw.setReceiveBufferSize(16 * 1024)
                try await raw.handshake(settings: settings)
                try await raw.call(1, Method.streamingOutput, messages: [Backpressure.manyLargeResponses.encoded()])
                // The server is streaming; with nothing read from now on, its writes back up.
                #expect(try await raw.frame { if case .message(1, _, _) = $0 { true } else { false } } != nil)
                await harness.server.shutdown(gracePeriod: .milliseconds(200))
                #expect(harness.server.connectionCount == 0)
                raw.close()
            }
        }

        /// A client that was shut down fails its calls at once instead of waiting forever.
        @Test
        func callOnAShutDownClientFails() async throws {
            try await TestServer.bounded { harness in
                let client = AuraClient(address: harness.address)
                try await harness.expectServing(client)
                await client.shutdown()
                do {
                    try await withTimeout(.seconds(1), "a call on a shut-down client") {
                        _ = try await client.unary(Method.empty, Empty(), as: Empty.self)
                    }
                    Issue.record("a call on a shut-down client succeeded")
                } catch let error as TimeoutError {
                    Issue.record("\(error)")
                } catch {
                    // Any prompt error is right.
                }
            }
        }

        /// Shutdown returns when the last connection closes, not when the grace period ends: it
        /// waits on the connections, it does not poll.
        @Test func shutdownEndsWithTheLastConnectionNotTheGracePeriod() async throws {
            try await TestServer.bounded { harness in
                try await harness.expectServing()
                let inFlight = try await harness.startCall(Method.sleep, SleepRequest(durationMs: 100), as: Empty.self)
                try await withTimeout(.seconds(4), "shutdown with a grace period of an hour") {
                    await harness.server.shutdown(gracePeriod: .seconds(3600))
                }
                #expect(try await inFlight.response().message == Empty())
                #expect(harness.server.connectionCount == 0)
            }
        }

        @Test func idleConnectionsCloseAtOnce() async throws {
            try await TestServer.bounded { harness in
                try await harness.expectServing()
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                try await raw.roundTrip()  // the server has read the preface
                let server = harness.server
                let shutdown = Task { await server.shutdown(gracePeriod: .seconds(3)) }
                #expect(try await raw.goAway()?.code == .ok)
                #expect(await raw.waitForClose())
                await shutdown.value
                #expect(harness.server.connectionCount == 0)
            }
        }
    }
}
