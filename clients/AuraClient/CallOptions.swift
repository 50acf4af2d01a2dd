import AuraWire

/// Per-call settings.
public struct CallOptions: Sendable {
    /// How long the call may take; the server ends it with DEADLINE_EXCEEDED after that.
    public var timeout: Duration?
    /// Metadata sent with the call.
    public var metadata: Metadata
    /// Whether request messages are compressed with deflate.
    public var compressRequests: Bool

    /// Creates options.
    public init(timeout: Duration? = nil, metadata: Metadata = Metadata(), compressRequests: Bool = false) {
        self.timeout = timeout
        self.metadata = metadata
        self.compressRequests = compressRequests
    }

    func headers(method: String) -> CallHeaders {
        let micros: UInt64 = timeout.map { timeout in
            let (seconds, attoseconds) = timeout.components
            let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000)
            guard !overflow else { return seconds > 0 ? UInt64.max : 1 }
            return UInt64(clamping: max(1, whole.addingReportingOverflow(attoseconds / 1_000_000_000_000).partialValue))
        } ?? 0
        return CallHeaders(
            method: method, metadata: metadata, timeoutMicros: micros,
            messageEncoding: compressRequests ? MessageEncoding.deflate.rawValue : "",
            acceptEncoding: Self.acceptEncoding)
    }

    /// The encodings a client decompresses, one array for every call.
    private static let acceptEncoding = [MessageEncoding.deflate.rawValue]
}

/// The outcome of a call besides its messages: the server's metadata.
public struct CallMetadata: Sendable {
    /// Metadata the server sent before its messages.
    public var initial: Metadata
    /// Metadata the server sent with the status.
    public var trailing: Metadata
}

/// A unary or client-streaming call's response with the server's metadata.
public struct UnaryResponse<Response: Sendable>: Sendable {
    /// The response message.
    public var message: Response
    /// The server's metadata.
    public var metadata: CallMetadata

    @usableFromInline
    init(message: Response, metadata: CallMetadata) {
        self.message = message
        self.metadata = metadata
    }
}
