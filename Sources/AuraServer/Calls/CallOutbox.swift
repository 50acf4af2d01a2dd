import AuraBytes
import AuraEventLoop
import AuraWire

/// Sends one call's response messages through its connection, waiting while the client's
/// flow-control credit or the socket is exhausted. Loop-confined.
final class CallOutbox: @unchecked Sendable {  // loop-confined: `write` runs on the call's loop (asserted)
    private unowned let call: ServerCall
    private var waiter: CheckedContinuation<Void, any Error>?

    init(call: ServerCall) { self.call = call }

    /// Runs `body` on the call's event loop: directly from the handler's own task, with a hop
    /// from any other task (a handler may write from a task of its own). UNAVAILABLE once the
    /// loop has shut down.
    func onLoop<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await call.loop.runForCall(body)
    }

    /// Encodes and sends one response, then waits until the stream can take more.
    func write(_ response: some ProtoMessage, compress: Bool?) async throws {
        try Task.checkCancellation()
        call.loop.assertInEventLoop()
        let compress = (compress ?? call.context.compressResponses) && call.context.clientAcceptsCompression
        let canContinue = try call.send(response.encoded(), compress: compress)
        if !canContinue { try await waitUntilWritable() }
    }

    private func waitUntilWritable() async throws {
        let loop = call.loop
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { waiter = $0 }
        } onCancel: {
            loop.execute { self.fail(RPCError(.cancelled, "the call was cancelled")) }
        }
    }

    /// The stream can take more: resume a waiting writer.
    func resume() {
        guard let waiter else { return }
        self.waiter = nil
        waiter.resume()
    }

    /// The call ended: a waiting writer throws `error`.
    func fail(_ error: RPCError) {
        guard let waiter else { return }
        self.waiter = nil
        waiter.resume(throwing: error)
    }
}
