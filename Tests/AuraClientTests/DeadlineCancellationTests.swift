import AuraMessages
import AuraClient
import AuraConformance
import AuraEventLoop
import AuraServer
import AuraWire
import TestSupport
import Testing

@Suite struct DeadlineCancellationTests {
    @Test func deadlineEndsTheCallWithDeadlineExceeded() async throws {
        try await ClientTestServer.run { harness in
            let code = await rpcErrorCode {
                _ = try await harness.client.unary(
                    GateService.wait, Empty(), as: Empty.self, options: CallOptions(timeout: .milliseconds(50)))
            }
            #expect(code == .deadlineExceeded)
            try await harness.gate.cancelled.waitUntil(atLeast: 1)  // the handler saw it too
        }
    }

    @Test func cancellingTheTaskEndsTheCallWithCancelled() async throws {
        try await ClientTestServer.run { harness in
            let client = harness.client
            let task = Task { try await client.unary(GateService.wait, Empty(), as: Empty.self) }
            try await harness.gate.started.waitUntil(atLeast: 1)
            task.cancel()
            let code = await rpcErrorCode { _ = try await task.value }
            #expect(code == .cancelled)
            try await harness.gate.cancelled.waitUntil(atLeast: 1)
        }
    }
}
