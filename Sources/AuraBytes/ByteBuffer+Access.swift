/// The order of an integer's bytes in memory or on the wire.
public enum Endianness: Sendable {
    /// Most significant byte first: network order, used by AuraRPC frame headers.
    case big
    /// Least significant byte first: used by protobuf's fixed32 and fixed64.
    case little
}

extension ByteBuffer {
    /// Appends `value` in the given byte order (big-endian, network order, unless told).
    @inlinable
    public mutating func writeInteger<T: FixedWidthInteger>(_ value: T, endianness: Endianness = .big) {
        let size = MemoryLayout<T>.size
        let ordered = endianness == .big ? value.bigEndian : value.littleEndian
        _ = writeWithUnsafeMutableBytes(minimumWritable: size) { out in
            out.storeBytes(of: ordered, toByteOffset: 0, as: T.self)
            return size
        }
    }

    /// Appends one byte.
    @inlinable
    public mutating func writeByte(_ byte: UInt8) { writeInteger(byte) }

    /// Appends a copy of `bytes`.
    public mutating func writeBytes(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        _ = writeWithUnsafeMutableBytes(minimumWritable: bytes.count) { out in
            out.copyMemory(from: bytes)
            return bytes.count
        }
    }

    /// Appends a copy of `bytes`.
    public mutating func writeBytes<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { writeBytes(UnsafeRawBufferPointer($0)) }
        if done == nil {
            for byte in bytes { writeByte(byte) }
        }
    }

    /// Appends the readable bytes of `other`, leaving `other` unchanged.
    public mutating func writeBuffer(_ other: ByteBuffer) {
        other.withUnsafeReadableBytes { writeBytes($0) }
    }

    /// Appends `string` as UTF-8 and returns the number of bytes written.
    @discardableResult
    public mutating func writeString(_ string: String) -> Int {
        var string = string
        return string.withUTF8 { utf8 in
            writeBytes(UnsafeRawBufferPointer(utf8))
            return utf8.count
        }
    }

    /// Returns the big-endian integer at `offset` bytes past the reader index, without
    /// consuming it, or nil when fewer bytes are readable.
    @inlinable
    public func getInteger<T: FixedWidthInteger>(
        at offset: Int = 0, endianness: Endianness = .big, as: T.Type = T.self
    ) -> T? {
        let size = MemoryLayout<T>.size
        guard offset >= 0, readableBytes - offset >= size else { return nil }
        let raw = withUnsafeReadableBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        return endianness == .big ? T(bigEndian: raw) : T(littleEndian: raw)
    }

    /// Reads an integer (big-endian unless told), or returns nil (consuming nothing) when too
    /// few bytes are readable.
    @inlinable
    public mutating func readInteger<T: FixedWidthInteger>(
        endianness: Endianness = .big, as: T.Type = T.self
    ) -> T? {
        guard let value = getInteger(at: 0, endianness: endianness, as: T.self) else { return nil }
        moveReaderIndex(forwardBy: MemoryLayout<T>.size)
        return value
    }

    /// Reads `count` bytes as a buffer that shares this one's storage instead of copying them,
    /// or returns nil (consuming nothing) when fewer are readable. As with `sharingSlice`, the
    /// slice keeps the whole storage alive, and whichever of the two is written to first copies
    /// its own readable bytes (see "When bytes are copied" on `ByteBuffer`).
    public mutating func readSlice(length count: Int) -> ByteBuffer? {
        guard count >= 0, count <= readableBytes else { return nil }
        let slice = sharingSlice(at: 0, count: count)
        moveReaderIndex(forwardBy: count)
        return slice
    }

    /// Reads `count` bytes as an array, or returns nil when fewer are readable.
    public mutating func readBytes(length count: Int) -> [UInt8]? {
        guard count >= 0, count <= readableBytes else { return nil }
        let bytes = withUnsafeReadableBytes { Array($0.prefix(count)) }
        moveReaderIndex(forwardBy: count)
        return bytes
    }

    /// Reads `count` bytes as UTF-8 (invalid sequences repaired), or nil when fewer are readable.
    public mutating func readString(length count: Int) -> String? {
        guard count >= 0, count <= readableBytes else { return nil }
        let string = withUnsafeReadableBytes {
            String(decoding: UnsafeRawBufferPointer(rebasing: $0.prefix(count)), as: UTF8.self)
        }
        moveReaderIndex(forwardBy: count)
        return string
    }

    /// The readable bytes as an array.
    public var readableBytesArray: [UInt8] { withUnsafeReadableBytes { Array($0) } }
}

extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hexadecimal digits, two per byte.
    public var hexString: String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
