import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import AuraWire
import TestSupport
import Testing

extension Integration {
    /// Idle connections are closed with GOAWAY "idle timeout"; silent ones are pinged.
    @Suite struct Keepalive {
        /// A short idle timeout; keepalive PINGs far off.
        static let shortIdle: @Sendable (inout ServerConfiguration) -> Void = {
            $0.idleTimeout = .milliseconds(200)
        }

        @Test func idleConnectionGetsGoAwayAndCloses() async throws {
            try await TestServer.bounded(configure: Self.shortIdle) { harness in
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                let goAway = try await raw.goAway()
                #expect(goAway?.code == .ok)
                #expect(goAway?.reason == "idle timeout")
                #expect(await raw.waitForClose())
            }
        }

        /// A connection with a call open is not idle, however long the call.
        @Test func longCallIsNotIdle() async throws {
            try await TestServer.bounded(configure: Self.shortIdle) { harness in
                let reply = try await harness.client.unary(Method.sleep, SleepRequest(durationMs: 600), as: Empty.self)
                #expect(reply == Empty())
            }
        }

        /// SPEC.md section 8: idle means no open stream for longer than the idle timeout. A
        /// connection making a short call every 30 ms is never idle for 200 ms.
        @Test
        func connectionWithFrequentShortCallsIsNotIdle() async throws {
            try await TestServer.bounded(configure: Self.shortIdle) { harness in
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                var id: UInt32 = 1
                let end = ContinuousClock.now + .milliseconds(800)
                while ContinuousClock.now < end {
                    try await raw.call(id, Method.empty, messages: [Empty().encoded()])
                    let status = try await raw.streamEnd(id)
                    #expect(status?.code == .ok)
                    guard status != nil else { break }
                    id += 2
                    try await Task.sleep(for: .milliseconds(30))
                }
                let goAways = raw.received.filter { if case .goAway = $0 { true } else { false } }
                #expect(goAways.isEmpty, "\(goAways)")
            }
        }

        @Test func unansweredPingClosesTheConnection() async throws {
            try await TestServer.bounded(configure: {
                $0.keepaliveInterval = .milliseconds(100)
                $0.keepaliveTimeout = .milliseconds(100)
            }) { harness in
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                let ping = try await raw.frame { if case .ping(_, false) = $0 { true } else { false } }
                #expect(ping != nil)
                #expect(try await raw.goAway() != nil)
                #expect(await raw.waitForClose())
                try await harness.expectServing()
            }
        }

        @Test func answeredPingsKeepTheConnection() async throws {
            try await TestServer.bounded(configure: {
                $0.keepaliveInterval = .milliseconds(60)
                $0.keepaliveTimeout = .milliseconds(400)  // room for a loaded machine to answer
            }) { harness in
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake(acknowledge: true)
                var pings = 0
                let end = ContinuousClock.now + .milliseconds(1500)  // several timeouts long
                while ContinuousClock.now < end {
                    guard let frame = try? await raw.nextFrame(within: .milliseconds(50)) else {
                        if raw.peerClosed { break }
                        continue
                    }
                    if case .ping(let data, false) = frame {
                        pings += 1
                        try await raw.write(frames: [.ping(data, ack: true)])
                    }
                }
                #expect(pings >= 2)
                #expect(!raw.peerClosed)
                #expect(!raw.receivedGoAway)
                try await raw.call(1, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(1)?.code == .ok)
            }
        }

        /// AuraClient answers keepalive PINGs itself.
        @Test func auraClientAnswersPings() async throws {
            try await TestServer.bounded(configure: {
                $0.keepaliveInterval = .milliseconds(60)
                $0.keepaliveTimeout = .milliseconds(100)
            }) { harness in
                let reply = try await harness.client.unary(Method.sleep, SleepRequest(durationMs: 500), as: Empty.self)
                #expect(reply == Empty())
                #expect(harness.server.connectionCount == 1)
            }
        }
    }
}
