import AuraBytes

/// The payload of a server's TRAILERS frame (`aura.CallTrailers`): the call's status.
public struct CallTrailers: ProtoMessage, Hashable {
    /// The status code.
    public var code: StatusCode
    /// The status message.
    public var message: String
    /// Trailing metadata.
    public var metadata: Metadata

    /// Creates trailers.
    public init(code: StatusCode = .ok, message: String = "", metadata: Metadata = Metadata()) {
        self.code = code
        self.message = message
        self.metadata = metadata
    }

    /// Trailers for a failed call.
    public init(error: RPCError) {
        self.init(code: error.code, message: error.message, metadata: error.metadata)
    }

    /// The call's outcome as an error, or nil when the code is OK.
    public var error: RPCError? {
        code == .ok ? nil : RPCError(code, message, metadata: metadata)
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        self.init()
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            // Unsigned: any value above 16, including a negative int32 sent as a 10-byte varint
            // and values past 32 bits, is UNKNOWN (never truncated into a valid code).
            case 1: code = StatusCode(wireValue: UInt32(clamping: try reader.readUInt(field)))
            case 2: message = try reader.readString(field)
            case 3: try metadata.decodeEntry(reader.readBytes(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(code.rawValue))
        writer.writeString(field: 2, message)
        metadata.encode(field: 3, to: &writer)
    }
}
