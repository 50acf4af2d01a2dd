/// Why a blocking pool refused work.
///
/// Neither case ran the work. As gRPC statuses: `queueFull` is RESOURCE_EXHAUSTED (retry later,
/// or shed load), `shutDown` is UNAVAILABLE (the process is stopping).
public enum BlockingPoolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `tryRun` found every queue slot taken.
    case queueFull
    /// The pool is shutting down or has shut down; it accepts no more work.
    case shutDown

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .queueFull: "the blocking pool's queue is full"
        case .shutDown: "the blocking pool is shut down"
        }
    }
}
