/// The four call shapes: how many messages each side sends.
public enum MethodKind: Sendable {
    /// One request, one response.
    case unary
    /// A stream of requests, one response.
    case clientStreaming
    /// One request, a stream of responses.
    case serverStreaming
    /// Streams both ways.
    case bidirectional

    /// Whether the client sends exactly one message (the server waits for it before running
    /// the handler).
    var takesSingleRequest: Bool { self == .unary || self == .serverStreaming }
}
