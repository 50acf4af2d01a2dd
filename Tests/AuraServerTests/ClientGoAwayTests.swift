import AuraConformance
import AuraMessages
import AuraWire
import TestSupport
import Testing

extension Integration {
    /// What a server does after a client's GOAWAY (SPEC.md section 4.8).
    @Suite struct ClientGoAwayTests {
        /// GOAWAY OK: the server answers with its own GOAWAY, the call in flight finishes, a
        /// later stream is refused, then the server closes.
        @Test func callsInFlightFinishThenTheServerCloses() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                try await raw.call(1, Method.sleep, messages: [SleepRequest(durationMs: 200).encoded()])
                try await raw.roundTrip()  // the call is open before the GOAWAY
                try await raw.write(frames: [
                    .goAway(lastStreamID: 0, code: .ok, reason: "done"),
                    .headers(streamID: 3, CallHeaders(method: Method.empty), endStream: true),
                ])
                let ends = try await raw.streamEnds([1, 3])
                #expect(ends[1] == .ok)
                #expect(ends[3] == .unavailable)
                #expect(raw.received.contains { if case .goAway(_, .ok, _) = $0 { true } else { false } })
                #expect(await raw.waitForClose())
            }
        }

        /// Any other code: the client is closing after an error; the server stops its calls and closes.
        @Test func anErrorGoAwayClosesAtOnce() async throws {
            try await TestServer.withRawConnection { raw, harness in
                let before = harness.testService.cancelledSleepCount
                try await raw.handshake()
                try await raw.call(1, Method.sleep, messages: [SleepRequest(durationMs: 10_000).encoded()])
                try await raw.roundTrip()
                try await raw.write(frames: [.goAway(lastStreamID: 0, code: .internal, reason: "client bug")])
                #expect(await raw.waitForClose())
                #expect(await eventually { harness.testService.cancelledSleepCount > before })
            }
        }

        /// A TCP half-close ends the connection (SPEC.md section 8): the server cancels the call
        /// in flight and closes, rather than holding a half-open connection.
        @Test func endOfFileEndsTheConnection() async throws {
            try await TestServer.withRawConnection { raw, harness in
                let before = harness.testService.cancelledSleepCount
                try await raw.handshake()
                try await raw.call(1, Method.sleep, messages: [SleepRequest(durationMs: 10_000).encoded()])
                try await raw.roundTrip()
                raw.shutdownWrite()
                #expect(await raw.waitForClose())
                #expect(await eventually { harness.testService.cancelledSleepCount > before })
            }
        }
    }
}
