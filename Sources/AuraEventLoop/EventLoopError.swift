/// Errors of the event loop itself (socket failures are `SystemError`s).
public enum EventLoopError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The loop has shut down (or is shutting down), so the work could not run.
    case shutDown

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .shutDown: "the event loop has shut down"
        }
    }
}
