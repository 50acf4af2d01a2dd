extension RPCError {
    /// The metadata key a client puts on the error of a call the server refused before
    /// processing it (the server's CANCEL, SPEC.md section 3). Local only: never sent.
    public static let refusedStreamKey = "aura-refused-stream"

    /// Whether the server refused the call without processing it, so that retrying it (on this
    /// connection after a RESOURCE_EXHAUSTED, on another after an UNAVAILABLE) is safe. A
    /// handler's own RESOURCE_EXHAUSTED, which comes in TRAILERS, is not marked.
    public var isRefusedStream: Bool { metadata.first(Self.refusedStreamKey) != nil }
}
