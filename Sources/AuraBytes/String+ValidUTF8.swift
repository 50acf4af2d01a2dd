extension String {
    /// The string whose UTF-8 is exactly `bytes`, or nil when they are not valid UTF-8.
    ///
    /// What `String(validating:as:)` does, without the generic metadata it looks up at run time
    /// on every call (about 1,000 instructions a string; a unary call decodes three). Decoding
    /// repairs invalid input with U+FFFD, so the bytes come through unchanged only when valid:
    /// a replacement never equals what it replaced, which was not a valid sequence.
    public init?(validUTF8 bytes: UnsafeRawBufferPointer) {
        var decoded = String(decoding: bytes, as: UTF8.self)
        guard String.isASCII(bytes) || decoded.withUTF8({ $0.elementsEqual(bytes) }) else { return nil }
        self = decoded
    }

    /// Whether every byte is below 0x80 (ASCII, which is always valid UTF-8), 8 bytes a step.
    private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var high: UInt64 = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            high |= bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        while offset < bytes.count {
            high |= UInt64(bytes[offset])
            offset += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }
}
