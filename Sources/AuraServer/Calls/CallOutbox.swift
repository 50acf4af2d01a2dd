import AuraBytes
import AuraEventLoop
import AuraWire

/// Sends one call's response messages through its connection, waiting while the client's
/// flow-control credit or the socket is exhausted. A view of its call, which holds the waiting
/// writer: a call allocates nothing for it. `write` runs on the call's loop (asserted). It
/// holds the call strongly, so a writer kept past the call's end fails cleanly instead of
/// reading a freed object.
struct CallOutbox: Sendable {
    let call: ServerCall

    /// Runs `body` on the call's event loop: directly from the handler's own task, with a hop
    /// from any other task (a handler may write from a task of its own). UNAVAILABLE once the
    /// loop has shut down.
    func onLoop<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await call.loop.runForCall(body)
    }

    /// Encodes and sends one response, then waits until the stream can take more.
    func write(_ response: some ProtoMessage, compress: Bool?) async throws {
        if try !writeLast(response, compress: compress) { try await call.waitUntilWritable() }
    }

    /// Encodes and sends the call's last response (of a unary or client-streaming call), without
    /// waiting: the status follows it in the stream's queue, and what the queue holds counts
    /// against the connection's memory share like any reply. (An `await` here cost every unary
    /// call a task frame and an executor check.) Returns whether the stream took it all at once.
    @discardableResult
    func writeLast(_ response: some ProtoMessage, compress: Bool?) throws -> Bool {
        try Task.checkCancellation()
        call.loop.assertInEventLoop()
        let facts = call.context.facts
        let compress = (compress ?? facts.compressResponses) && facts.clientAcceptsCompression
        return try call.send(response.encoded(), compress: compress)
    }
}
