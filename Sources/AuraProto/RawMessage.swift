import AuraBytes

/// A message kept as its encoded bytes: for generic callers (the CLI, proxies) that encode and
/// decode through a schema at run time instead of a Swift type.
public struct RawMessage: ProtoMessage, Equatable {
    /// The encoded message.
    public var bytes: ByteBuffer

    /// Wraps encoded bytes.
    public init(bytes: ByteBuffer) { self.bytes = bytes }

    public init(decoding buffer: ByteBuffer) { bytes = buffer }

    /// The bytes themselves, shared rather than copied.
    public func encoded() -> ByteBuffer { bytes }

    public func encode(to writer: inout ProtoWriter) {
        bytes.withUnsafeReadableBytes { raw in writer.appendRaw(raw) }
    }
}
