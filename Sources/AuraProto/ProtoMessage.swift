import AuraBytes

/// A message with a protobuf binary encoding.
///
/// Conforming types encode their fields with a `ProtoWriter` and decode them with a
/// `ProtoReader`, skipping fields they do not know so that schemas can grow.
public protocol ProtoMessage: Sendable {
    /// Decodes a message from the readable bytes of `buffer`.
    init(decoding buffer: ByteBuffer) throws(ProtoDecodingError)
    /// Appends the message's fields to `writer`.
    func encode(to writer: inout ProtoWriter)
    /// The message's encoding in a new buffer (a type that already holds its encoding returns
    /// it without copying).
    func encoded() -> ByteBuffer
}

extension ProtoMessage {
    /// The message's encoding in a new buffer.
    public func encoded() -> ByteBuffer {
        var writer = ProtoWriter()
        encode(to: &writer)
        return writer.buffer
    }
}
