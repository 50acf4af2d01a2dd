import AuraClient
import AuraConformance
import AuraMessages
import AuraWire
import Testing

extension Integration {
    /// Timeouts at the edges of their range.
    @Suite struct TimeoutRange {
        /// Large timeouts mean "no deadline soon": the call must run to completion.
        @Test(arguments: [UInt64.max, 1_000_000_000_000_000])
        func hugeTimeoutOnTheWire(_ micros: UInt64) async throws {
            try await TestServer.bounded { harness in
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                try await raw.call(
                    1, Method.sleep, messages: [SleepRequest(durationMs: 50).encoded()],
                    headers: CallHeaders(timeoutMicros: micros))
                #expect(try await raw.streamEnd(1)?.code == .ok)
            }
        }

        /// About 584 years: the deadline in nanoseconds is just below 2^64, and adding the
        /// monotonic clock's current reading wraps around into the past.
        @Test
        func timeoutNearTwoToTheSixtyFourNanoseconds() async throws {
            try await TestServer.bounded { harness in
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                try await raw.call(
                    1, Method.sleep, messages: [SleepRequest(durationMs: 50).encoded()],
                    headers: CallHeaders(timeoutMicros: 18_446_744_073_000_000))
                let end = try await raw.streamEnd(1)
                #expect(end?.code == .ok, "\(String(describing: end))")
            }
        }

        /// CallOptions converts the timeout to microseconds without trapping on overflow: a
        /// timeout of centuries clamps (a trapping multiply used to crash the client).
        @Test
        func hugeTimeoutFromTheClient() async throws {
            try await TestServer.bounded { harness in
                let reply = try await harness.client.unary(
                    Method.sleep, SleepRequest(durationMs: 20), as: Empty.self,
                    options: CallOptions(timeout: .seconds(Int64.max / 1_000)))
                #expect(reply == Empty())
            }
        }
    }
}
