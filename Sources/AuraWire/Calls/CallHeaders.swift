import AuraBytes

/// The payload of a HEADERS frame (`aura.CallHeaders`): what a call is and how it is encoded.
public struct CallHeaders: ProtoMessage, Hashable {
    /// The method, "package.Service/Method" (a leading "/" is accepted). Empty from a server.
    public var method: String
    /// Custom metadata.
    public var metadata: Metadata
    /// The caller's timeout in microseconds, or 0 for none. The deadline is relative because the
    /// two clocks may differ.
    public var timeoutMicros: UInt64
    /// The encoding of this sender's COMPRESSED messages: "identity" (or empty) or "deflate".
    public var messageEncoding: String
    /// The encodings this sender can decompress.
    public var acceptEncoding: [String]

    /// Creates headers.
    public init(
        method: String = "", metadata: Metadata = Metadata(), timeoutMicros: UInt64 = 0,
        messageEncoding: String = "", acceptEncoding: [String] = []
    ) {
        self.method = method
        self.metadata = metadata
        self.timeoutMicros = timeoutMicros
        self.messageEncoding = messageEncoding
        self.acceptEncoding = acceptEncoding
    }

    /// The method name without a leading slash.
    public var normalizedMethod: Substring {
        method.hasPrefix("/") ? method.dropFirst() : Substring(method)
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        self.init()
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: method = try reader.readString(field)
            case 2: try metadata.decodeEntry(reader.readBytes(field))
            case 3: timeoutMicros = try reader.readUInt(field)
            case 4: messageEncoding = try reader.readString(field)
            case 5: acceptEncoding.append(try reader.readString(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, method)
        metadata.encode(field: 2, to: &writer)
        writer.writeUInt(field: 3, timeoutMicros)
        writer.writeString(field: 4, messageEncoding)
        for encoding in acceptEncoding { writer.writeString(field: 5, encoding, always: true) }
    }
}
