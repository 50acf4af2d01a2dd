/// The one error type of AuraRPC: a status code, a message, and trailing metadata.
///
/// Every failure a caller or a handler sees is one of these; a handler that throws anything else
/// answers the call with UNKNOWN and the error's description.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public var code: StatusCode
    /// A human-readable explanation.
    public var message: String
    /// Trailing metadata sent along with the status.
    public var metadata: Metadata

    /// Creates an error; `code` should not be OK.
    public init(_ code: StatusCode, _ message: String, metadata: Metadata = Metadata()) {
        self.code = code
        self.message = message
        self.metadata = metadata
    }

    /// "CODE: message", as the CLI prints it.
    public var description: String { message.isEmpty ? code.name : "\(code.name): \(message)" }
}

extension RPCError {
    /// Wraps any error: an `RPCError` stays as it is, anything else becomes UNKNOWN.
    public init(wrapping error: any Error) {
        if let error = error as? RPCError {
            self = error
        } else if error is CancellationError {
            self.init(.cancelled, "cancelled")
        } else {
            self.init(.unknown, String(describing: error))
        }
    }
}
