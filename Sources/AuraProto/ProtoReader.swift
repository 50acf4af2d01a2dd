import AuraBytes

/// Decodes protobuf fields from a byte buffer, one at a time.
///
/// ```
/// var reader = ProtoReader(buffer)
/// while let field = try reader.nextField() {
///     switch field.number {
///     case 1: name = try reader.readString(field)
///     default: try reader.skip(field)
///     }
/// }
/// ```
/// Every length is checked against the bytes left before anything is read or allocated.
public struct ProtoReader: Sendable {
    /// A field tag: its number and wire type.
    public struct Field: Sendable, Equatable {
        /// The field number from the schema.
        public let number: Int
        /// How the field's value is encoded.
        public let wireType: ProtoWireType

        /// A tag for field `number` encoded as `wireType`.
        public init(number: Int, wireType: ProtoWireType) {
            self.number = number
            self.wireType = wireType
        }
    }

    private var buffer: ByteBuffer

    /// Creates a reader over the readable bytes of `buffer`.
    public init(_ buffer: ByteBuffer) { self.buffer = buffer }

    /// Whether every byte has been consumed.
    public var isAtEnd: Bool { buffer.readableBytes == 0 }

    /// Reads the next field tag, or returns nil at the end of the message.
    public mutating func nextField() throws(ProtoDecodingError) -> Field? {
        guard buffer.readableBytes > 0 else { return nil }
        let tag = try readVarint()
        let number = tag >> 3
        guard number > 0, number <= 0x1fff_ffff,
              let wireType = ProtoWireType(rawValue: UInt8(tag & 7))
        else { throw .invalidTag(tag) }
        return Field(number: Int(number), wireType: wireType)
    }

    /// Reads a raw varint.
    public mutating func readVarint() throws(ProtoDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard let byte = buffer.readInteger(as: UInt8.self) else { throw .truncated }
            if shift == 63 && byte > 1 { throw .malformedVarint }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw .malformedVarint }
        }
    }

    /// Reads a uint32/uint64/enum/int64 value as its unsigned bit pattern.
    public mutating func readUInt(_ field: Field) throws(ProtoDecodingError) -> UInt64 {
        try expect(field, .varint)
        return try readVarint()
    }

    /// Reads an int32/int64 value (a uint32 keeps its bits; callers narrow as the schema says).
    public mutating func readInt(_ field: Field) throws(ProtoDecodingError) -> Int64 {
        Int64(bitPattern: try readUInt(field))
    }

    /// Reads a sint32/sint64 (zigzag) value.
    public mutating func readSInt(_ field: Field) throws(ProtoDecodingError) -> Int64 {
        ZigZag.decode(try readUInt(field))
    }

    /// Reads a bool value.
    public mutating func readBool(_ field: Field) throws(ProtoDecodingError) -> Bool {
        try readUInt(field) != 0
    }

    /// Reads a fixed64 value.
    public mutating func readFixed64(_ field: Field) throws(ProtoDecodingError) -> UInt64 {
        try expect(field, .fixed64)
        guard let value = buffer.readInteger(endianness: .little, as: UInt64.self) else { throw .truncated }
        return value
    }

    /// Reads a double value.
    public mutating func readDouble(_ field: Field) throws(ProtoDecodingError) -> Double {
        Double(bitPattern: try readFixed64(field))
    }

    /// Reads a fixed32 value.
    public mutating func readFixed32(_ field: Field) throws(ProtoDecodingError) -> UInt32 {
        try expect(field, .fixed32)
        guard let value = buffer.readInteger(endianness: .little, as: UInt32.self) else { throw .truncated }
        return value
    }

    /// Reads a float value.
    public mutating func readFloat(_ field: Field) throws(ProtoDecodingError) -> Float {
        Float(bitPattern: try readFixed32(field))
    }

    /// Reads a length-delimited value's bytes (a bytes field, or a nested message to decode),
    /// sharing the message's storage rather than copying.
    public mutating func readBytes(_ field: Field) throws(ProtoDecodingError) -> ByteBuffer {
        try expect(field, .lengthDelimited)
        let length = try readVarint()
        guard length <= UInt64(buffer.readableBytes) else { throw .truncated }
        let slice = buffer.sharingSlice(at: 0, count: Int(length))
        buffer.moveReaderIndex(forwardBy: Int(length))
        return slice
    }

    /// Reads a string value, which must be valid UTF-8.
    public mutating func readString(_ field: Field) throws(ProtoDecodingError) -> String {
        try expect(field, .lengthDelimited)
        let length = try readVarint()
        guard length <= UInt64(buffer.readableBytes) else { throw .truncated }
        let count = Int(length)
        let string: String? = buffer.withUnsafeReadableBytes {
            String(validUTF8: UnsafeRawBufferPointer(rebasing: $0.prefix(count)))
        }
        guard let string else { throw .invalidUTF8(field: field.number) }
        buffer.moveReaderIndex(forwardBy: count)
        return string
    }

    /// Reads a nested message.
    public mutating func readMessage<M: ProtoMessage>(_ field: Field, as: M.Type = M.self) throws(ProtoDecodingError) -> M {
        try M(decoding: readBytes(field))
    }

    /// Reads one value of a repeated number field into `values`, or all of them when the field
    /// came packed (one length-delimited run of values), which a reader must accept either way.
    public mutating func readRepeated<Value>(
        _ field: Field, packedAs elementWireType: ProtoWireType, into values: inout [Value],
        _ readValue: (inout ProtoReader, Field) throws(ProtoDecodingError) -> Value
    ) throws(ProtoDecodingError) {
        guard field.wireType == .lengthDelimited, elementWireType != .lengthDelimited else {
            values.append(try readValue(&self, field))
            return
        }
        var packed = ProtoReader(try readBytes(field))
        let element = Field(number: field.number, wireType: elementWireType)
        while !packed.isAtEnd { values.append(try readValue(&packed, element)) }
    }

    /// Skips a field's value (for fields this schema version does not know).
    public mutating func skip(_ field: Field) throws(ProtoDecodingError) {
        switch field.wireType {
        case .varint: _ = try readVarint()
        case .fixed64: try skipBytes(8)
        case .fixed32: try skipBytes(4)
        case .lengthDelimited:
            let length = try readVarint()
            guard length <= UInt64(buffer.readableBytes) else { throw .truncated }
            buffer.moveReaderIndex(forwardBy: Int(length))
        }
    }

    private mutating func skipBytes(_ count: Int) throws(ProtoDecodingError) {
        guard buffer.readableBytes >= count else { throw .truncated }
        buffer.moveReaderIndex(forwardBy: count)
    }

    private func expect(_ field: Field, _ wireType: ProtoWireType) throws(ProtoDecodingError) {
        guard field.wireType == wireType else {
            throw .wrongWireType(field: field.number, got: field.wireType)
        }
    }
}
