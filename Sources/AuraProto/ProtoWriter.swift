import AuraBytes

/// Encodes protobuf fields into a byte buffer.
///
/// Write fields in field-number order; default values (0, "", empty bytes) may be skipped, as
/// proto3 does. Nested messages are written through `writeMessage(field:_:)`, which back-patches
/// the length so the nested bytes are produced once.
public struct ProtoWriter: Sendable {
    /// The encoded bytes so far.
    public private(set) var buffer: ByteBuffer

    /// Creates a writer appending to a new buffer.
    public init(capacity: Int = 64) { buffer = ByteBuffer(capacity: capacity) }

    /// Creates a writer appending to `buffer`.
    public init(appendingTo buffer: ByteBuffer) { self.buffer = buffer }

    /// Runs `body` with a writer that appends to `buffer` in place: the buffer moves into the
    /// writer and back, so its storage stays uniquely owned (no copy, no placeholder buffer).
    public static func append(to buffer: inout ByteBuffer, _ body: (inout ProtoWriter) -> Void) {
        var writer = ProtoWriter(appendingTo: consume buffer)
        body(&writer)
        buffer = writer.buffer
    }

    /// Appends a raw varint.
    public mutating func writeVarint(_ value: UInt64) {
        guard value >= 0x80 else { return buffer.writeByte(UInt8(value)) }
        _ = buffer.writeWithUnsafeMutableBytes(minimumWritable: 10) { out in  // one write, not one a byte
            var value = value, count = 0
            while value >= 0x80 {
                out[count] = UInt8(truncatingIfNeeded: value) | 0x80
                value >>= 7
                count += 1
            }
            out[count] = UInt8(value)
            return count + 1
        }
    }

    /// Appends a field tag.
    public mutating func writeTag(field: Int, wireType: ProtoWireType) {
        writeVarint(UInt64(field) << 3 | UInt64(wireType.rawValue))
    }

    /// Writes an unsigned integer field (uint32, uint64, enum); skips 0 unless `always`.
    public mutating func writeUInt(field: Int, _ value: UInt64, always: Bool = false) {
        guard value != 0 || always else { return }
        writeTag(field: field, wireType: .varint)
        writeVarint(value)
    }

    /// Writes a signed integer field as int32/int64 do (two's complement, ten bytes if negative).
    public mutating func writeInt(field: Int, _ value: Int64, always: Bool = false) {
        writeUInt(field: field, UInt64(bitPattern: value), always: always)
    }

    /// Writes a sint32/sint64 field (zigzag encoded).
    public mutating func writeSInt(field: Int, _ value: Int64, always: Bool = false) {
        writeUInt(field: field, ZigZag.encode(value), always: always)
    }

    /// Writes a bool field; skips false unless `always`.
    public mutating func writeBool(field: Int, _ value: Bool, always: Bool = false) {
        writeUInt(field: field, value ? 1 : 0, always: always)
    }

    /// Writes a double field as fixed64; skips 0 unless `always`.
    public mutating func writeDouble(field: Int, _ value: Double, always: Bool = false) {
        guard value.bitPattern != 0 || always else { return }  // -0.0 is not the default
        writeTag(field: field, wireType: .fixed64)
        buffer.writeInteger(value.bitPattern, endianness: .little)
    }

    /// Writes a fixed64 field; skips 0 unless `always`.
    public mutating func writeFixed64(field: Int, _ value: UInt64, always: Bool = false) {
        guard value != 0 || always else { return }
        writeTag(field: field, wireType: .fixed64)
        buffer.writeInteger(value, endianness: .little)
    }

    /// Writes a float field as fixed32; skips 0 unless `always`.
    public mutating func writeFloat(field: Int, _ value: Float, always: Bool = false) {
        guard value.bitPattern != 0 || always else { return }  // -0.0 is not the default
        writeFixed32(field: field, value.bitPattern, always: true)
    }

    /// Writes a fixed32 field; skips 0 unless `always`.
    public mutating func writeFixed32(field: Int, _ value: UInt32, always: Bool = false) {
        guard value != 0 || always else { return }
        writeTag(field: field, wireType: .fixed32)
        buffer.writeInteger(value, endianness: .little)
    }

    /// Writes a string field; skips "" unless `always`.
    public mutating func writeString(field: Int, _ value: String, always: Bool = false) {
        guard !value.isEmpty || always else { return }
        writeTag(field: field, wireType: .lengthDelimited)
        writeVarint(UInt64(value.utf8.count))
        buffer.writeString(value)
    }

    /// Writes a bytes field; skips empty bytes unless `always`.
    public mutating func writeBytes(field: Int, _ value: ByteBuffer, always: Bool = false) {
        guard value.readableBytes > 0 || always else { return }
        writeTag(field: field, wireType: .lengthDelimited)
        writeVarint(UInt64(value.readableBytes))
        buffer.writeBuffer(value)
    }

    /// Writes a bytes field from raw bytes; skips empty bytes unless `always`.
    public mutating func writeBytes(field: Int, _ value: UnsafeRawBufferPointer, always: Bool = false) {
        guard value.count > 0 || always else { return }
        writeTag(field: field, wireType: .lengthDelimited)
        writeVarint(UInt64(value.count))
        buffer.writeBytes(value)
    }

    /// Appends bytes that are already protobuf-encoded fields.
    public mutating func appendRaw(_ bytes: UnsafeRawBufferPointer) {
        buffer.writeBytes(bytes)
    }

    /// Writes a nested message field: `body` writes the nested fields into this same writer.
    /// The nested message is always written, even when empty (it is "present").
    public mutating func writeMessage(field: Int, _ body: (inout ProtoWriter) -> Void) {
        writeTag(field: field, wireType: .lengthDelimited)
        // Reserve a 1-byte length, enough for the nested messages under 128 bytes that most
        // are (metadata entries, scores); a longer one moves its bytes up to make room.
        let lengthAt = buffer.readableBytes
        buffer.writeByte(0)
        let start = buffer.readableBytes
        body(&self)
        let length = buffer.readableBytes - start
        buffer.patchVarint(UInt64(length), overByteAt: lengthAt)
    }

    /// Writes a length-delimited field whose bytes `body` writes: a packed run of numbers or a
    /// map entry. Always written, even when `body` writes nothing.
    public mutating func writeLengthDelimited(field: Int, _ body: (inout ProtoWriter) -> Void) {
        writeMessage(field: field, body)
    }

    /// Appends four little-endian bytes without a tag (an element of a packed fixed32 run).
    public mutating func writeRawFixed32(_ value: UInt32) {
        buffer.writeInteger(value, endianness: .little)
    }

    /// Appends eight little-endian bytes without a tag (an element of a packed fixed64 run).
    public mutating func writeRawFixed64(_ value: UInt64) {
        buffer.writeInteger(value, endianness: .little)
    }

    /// Writes a message field from a value that knows how to encode itself.
    public mutating func writeMessage<M: ProtoMessage>(field: Int, _ message: M) {
        writeMessage(field: field) { message.encode(to: &$0) }
    }
}

extension ByteBuffer {
    /// Writes `value` as a varint over the one byte reserved at `offset` (counted from the reader
    /// index), moving the bytes after it up when the varint needs more than that byte.
    mutating func patchVarint(_ value: UInt64, overByteAt offset: Int) {
        var size = 1
        while value >> (7 * UInt64(size)) != 0 { size += 1 }
        let tailStart = offset + 1
        let tailCount = readableBytes - tailStart
        if size > 1 { _ = writeWithUnsafeMutableBytes(minimumWritable: size - 1) { _ in size - 1 } }
        withUnsafeMutableReadableBytes { readable in
            let base = readable.baseAddress!
            if size > 1 { (base + offset + size).copyMemory(from: base + tailStart, byteCount: tailCount) }  // memmove: may overlap
            var rest = value
            for index in 0..<size {
                let more: UInt8 = index == size - 1 ? 0 : 0x80
                base.storeBytes(of: UInt8(truncatingIfNeeded: rest) & 0x7f | more, toByteOffset: offset + index, as: UInt8.self)
                rest >>= 7
            }
        }
    }
}
