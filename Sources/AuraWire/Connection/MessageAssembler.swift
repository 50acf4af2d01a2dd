import AuraBytes

/// Joins the MESSAGE frames of one stream into whole messages and inflates compressed ones,
/// never holding more than the message size limit.
struct MessageAssembler: Sendable {
    /// The largest message accepted, after decompression.
    let maxMessageSize: Int
    /// Whether the peer announced an encoding, which allows COMPRESSED messages.
    let compressionAllowed: Bool
    private(set) var partial: ByteBuffer?
    private var partialCompressed = false

    init(maxMessageSize: Int, compressionAllowed: Bool) {
        self.maxMessageSize = maxMessageSize
        self.compressionAllowed = compressionAllowed
    }

    /// Whether a message has begun but not ended.
    var isMidMessage: Bool { partial != nil }

    /// Takes one MESSAGE frame's payload; returns the whole message once its last fragment
    /// arrives. Throws RESOURCE_EXHAUSTED past the size limit and INTERNAL for a compressed
    /// message that is not allowed or does not inflate.
    mutating func append(_ payload: ByteBuffer, flags: FrameFlags) throws(RPCError) -> ByteBuffer? {
        let compressed = flags.contains(.compressed)
        if compressed && !compressionAllowed {
            throw RPCError(.internal, "compressed message on a stream whose headers named no message encoding")
        }
        var message: ByteBuffer
        if var started = partial {
            guard compressed == partialCompressed else {
                throw RPCError(.internal, "fragments of one message disagree on the COMPRESSED flag")
            }
            partial = nil  // keep `started` uniquely owned while appending
            try checkSize(started.readableBytes + payload.readableBytes)
            // Grow geometrically, but never past the limit: doubling alone could reserve nearly
            // twice the largest message allowed.
            started.reserveWritable(payload.readableBytes, capacityLimit: maxMessageSize)
            started.writeBuffer(payload)
            message = started
        } else {
            try checkSize(payload.readableBytes)
            message = payload
        }
        if flags.contains(.more) {
            partial = message
            partialCompressed = compressed
            return nil
        }
        return compressed ? try MessageEncoding.inflate(message, limit: maxMessageSize) : message
    }

    private func checkSize(_ size: Int) throws(RPCError) {
        guard size <= maxMessageSize else {
            throw RPCError(.resourceExhausted, "message larger than the limit of \(maxMessageSize) bytes")
        }
    }
}
