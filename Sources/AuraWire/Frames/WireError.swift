/// A connection-level protocol error: the peer broke the protocol, and the connection ends with
/// GOAWAY carrying `code` and `reason`.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The status code sent in GOAWAY.
    public var code: StatusCode
    /// What went wrong, sent as GOAWAY's reason.
    public var reason: String

    /// Creates an error.
    public init(_ code: StatusCode, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code.name): \(reason)" }
}
