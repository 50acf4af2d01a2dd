import AuraBytes

/// Metadata limits and rules (SPEC.md sections 4.1 and 4.2), on input and output, and HEADERS
/// and TRAILERS that must fit in one frame of the peer's MAX_FRAME_SIZE (there are no
/// continuation frames).
extension ConnectionCore {
    /// The most bytes of a status message a server sends; longer ones are cut.
    public static let maxStatusMessageBytes = 1_024

    /// The metadata limit enforced on input: until the peer acknowledges our SETTINGS it may
    /// still be using the default, so the larger of the two applies.
    var enforcedMaxMetadataSize: Int {
        Int(localSettingsAcknowledged ? localSettings.maxMetadataSize : max(localSettings.maxMetadataSize, Settings().maxMetadataSize))
    }

    /// Checks metadata the peer sent: nil when it is acceptable, else the error that ends its
    /// stream: RESOURCE_EXHAUSTED above our limit, and for broken rules INVALID_ARGUMENT from a
    /// client (its request is bad) or INTERNAL from a server (its response is).
    func checkReceived(_ metadata: Metadata) -> RPCError? {
        if metadata.isEmpty { return nil }
        let size = metadata.limitedSize
        guard size <= enforcedMaxMetadataSize else {
            return RPCError(.resourceExhausted, "metadata of \(size) bytes exceeds the limit of \(enforcedMaxMetadataSize) (MAX_METADATA_SIZE)")
        }
        guard let violation = metadata.firstViolation else { return nil }
        return RPCError(role == .server ? .invalidArgument : .internal, role == .server ? violation : "the server sent invalid metadata: \(violation)")
    }

    /// Checks metadata we are about to send against the rules and the peer's limit.
    func checkSending(_ metadata: Metadata) -> RPCError? {
        if metadata.isEmpty { return nil }
        if let violation = metadata.firstViolation { return RPCError(role == .server ? .internal : .invalidArgument, violation) }
        let size = metadata.limitedSize
        guard size <= Int(peerSettings.maxMetadataSize) else {
            return RPCError(.resourceExhausted, "metadata of \(size) bytes exceeds the peer's limit of \(peerSettings.maxMetadataSize) (MAX_METADATA_SIZE)")
        }
        return nil
    }

    /// Queues a HEADERS frame, or throws (queueing nothing) when its metadata breaks a rule or
    /// the peer's limit, or the frame would exceed the peer's MAX_FRAME_SIZE.
    func writeHeaders(_ id: UInt32, _ headers: CallHeaders, endStream: Bool) throws(RPCError) {
        if let error = checkSending(headers.metadata) { throw error }
        try writeFitting(.headers(streamID: id, headers, endStream: endStream))
    }

    /// Queues a server's TRAILERS. The status message is cut to `maxStatusMessageBytes`; trailers
    /// whose metadata breaks a rule or a limit become INTERNAL without metadata, which always fit.
    func writeTrailers(_ id: UInt32, _ trailers: CallTrailers) {
        var trailers = trailers
        if trailers.message.utf8.count > Self.maxStatusMessageBytes {
            trailers.message = PeerText.excerpt(trailers.message, maxBytes: Self.maxStatusMessageBytes)
        }
        do throws(RPCError) {
            if let error = checkSending(trailers.metadata) { throw error }
            try writeFitting(.trailers(streamID: id, trailers))
        } catch {
            let fallback = CallTrailers(code: .internal, message: "the call's trailers could not be sent: \(error.message)")
            FrameEncoder.encode(.trailers(streamID: id, fallback), into: &output.current)
        }
    }

    /// Encodes `frame` into the output unless its payload exceeds the peer's MAX_FRAME_SIZE.
    private func writeFitting(_ frame: Frame) throws(RPCError) {
        let start = output.current.readableBytes
        FrameEncoder.encode(frame, into: &output.current)
        let length = output.current.readableBytes - start - FrameHeader.size
        guard length <= Int(peerSettings.maxFrameSize) else {
            output.current.dropLast(output.current.readableBytes - start)
            throw RPCError(.resourceExhausted, "a \(length)-byte frame exceeds the peer's MAX_FRAME_SIZE of \(peerSettings.maxFrameSize)")
        }
    }
}
