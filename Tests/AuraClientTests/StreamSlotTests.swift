import AuraMessages
@testable import AuraClient
import AuraConformance
import AuraEventLoop
import AuraServer
import AuraWire
import TestSupport
import Testing

/// Calls beyond the server's MAX_CONCURRENT_STREAMS wait in line for a free stream; the wait
/// honours the call's deadline and its task's cancellation, and the line stays in order.
@Suite struct StreamSlotTests {
    static let oneStream: @Sendable (inout ServerConfiguration) -> Void = { $0.settings.maxConcurrentStreams = 1 }

    /// Holds the server's only stream with a call to the gate, once the server's limit is known.
    static func holdTheOnlyStream(_ harness: ClientTestServer) async throws -> RPCCall<Empty, Empty> {
        _ = try await harness.client.unary(Method.empty, Empty(), as: Empty.self)  // SETTINGS have arrived
        let holder: RPCCall<Empty, Empty> = try await harness.client.makeCall(GateService.wait)
        try await holder.send(Empty(), endStream: true)
        try await harness.gate.started.waitUntil(atLeast: 1)
        return holder
    }

    @Test func waitingForAStreamHonoursTheDeadline() async throws {
        try await ClientTestServer.run(configure: Self.oneStream) { harness in
            let holder = try await Self.holdTheOnlyStream(harness)
            let code = await rpcErrorCode {
                _ = try await harness.client.unary(
                    Method.empty, Empty(), as: Empty.self, options: CallOptions(timeout: .milliseconds(50)))
            }
            #expect(code == .deadlineExceeded)
            #expect(harness.gate.started.count == 1)  // it never reached the server
            harness.gate.open()
            _ = try await holder.response()
            _ = try await harness.client.unary(Method.empty, Empty(), as: Empty.self)
        }
    }

    @Test func aCallCancelledBeforeItWaitsFailsCancelled() async throws {
        try await ClientTestServer.run(configure: Self.oneStream) { harness in
            let holder = try await Self.holdTheOnlyStream(harness)
            let client = harness.client
            let code = await rpcErrorCode {
                _ = try await Task {
                    withUnsafeCurrentTask { $0?.cancel() }
                    return try await client.unary(Method.empty, Empty(), as: Empty.self)
                }.value
            }
            #expect(code == .cancelled)
            harness.gate.open()
            _ = try await holder.response()
        }
    }

    @Test func waitingForAStreamHonoursCancellation() async throws {
        try await ClientTestServer.run(configure: Self.oneStream) { harness in
            let holder = try await Self.holdTheOnlyStream(harness)
            let client = harness.client
            let waiting = Task { try await client.unary(Method.empty, Empty(), as: Empty.self) }
            #expect(await eventually(within: .seconds(30)) { await client.slotWaiterCount == 1 })  // no event for "queued"
            waiting.cancel()
            let code = await rpcErrorCode { _ = try await waiting.value }
            #expect(code == .cancelled)
            harness.gate.open()
            _ = try await holder.response()
            _ = try await harness.client.unary(Method.empty, Empty(), as: Empty.self)
        }
    }

    /// Waiters that left (deadline, cancel) are out of the line: the freed stream goes to the
    /// one still waiting, which then succeeds.
    @Test func theLineStaysCorrectAfterWaitersLeave() async throws {
        try await ClientTestServer.run(configure: Self.oneStream) { harness in
            let holder = try await Self.holdTheOnlyStream(harness)
            let client = harness.client
            let cancelled = Task { try await client.unary(Method.empty, Empty(), as: Empty.self) }
            let patient = Task { try await client.unary(Method.empty, Empty(), as: Empty.self) }
            #expect(await eventually(within: .seconds(30)) { await client.slotWaiterCount == 2 })
            let timedOut = await rpcErrorCode {
                _ = try await client.unary(Method.empty, Empty(), as: Empty.self, options: CallOptions(timeout: .milliseconds(30)))
            }
            #expect(timedOut == .deadlineExceeded)
            #expect(await client.slotWaiterCount == 2)  // the one that timed out left the line
            cancelled.cancel()
            #expect(await rpcErrorCode { _ = try await cancelled.value } == .cancelled)
            #expect(await client.slotWaiterCount == 1)
            harness.gate.open()
            _ = try await holder.response()
            _ = try await patient.value
        }
    }
}
