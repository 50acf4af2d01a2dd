import AuraEventLoop
import AuraWire
import Synchronization

/// The client's event loop and whether the client was shut down: every public method hops onto
/// the loop through here, and after `shutdown()` (or once the loop itself has shut down) fails
/// with UNAVAILABLE instead of waiting for a loop that no longer runs.
struct ClientLoop: Sendable {
    /// The loop.
    let loop: EventLoop
    private let shutDown: ShutDownFlag

    init(loop: EventLoop) {
        self.loop = loop
        shutDown = ShutDownFlag()
    }

    /// Marks the client shut down.
    func markShutDown() { shutDown.flag.store(true, ordering: .sequentiallyConsistent) }

    /// Whether the client was shut down.
    var isShutDown: Bool { shutDown.flag.load(ordering: .sequentiallyConsistent) }

    /// Runs `body` on the loop, or throws UNAVAILABLE once the client or its loop is shut down.
    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard !isShutDown else { throw RPCError(.unavailable, "the client was shut down") }
        do {
            return try await loop.run(body)
        } catch EventLoopError.shutDown {
            throw RPCError(.unavailable, "the client's event loop has shut down")
        }
    }

    private final class ShutDownFlag: Sendable {
        let flag = Atomic<Bool>(false)
    }
}
