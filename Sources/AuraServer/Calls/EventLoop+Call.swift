import AuraEventLoop
import AuraWire

extension EventLoop {
    /// Runs a call's `body` on this loop (see `run(_:)`); UNAVAILABLE once the loop has shut
    /// down, the status a client should see for a server going away.
    func runForCall<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await run(body)
        } catch EventLoopError.shutDown {
            throw RPCError(.unavailable, "the server shut down")
        }
    }
}
