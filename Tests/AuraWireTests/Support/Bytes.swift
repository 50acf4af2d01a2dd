import AuraBytes
@testable import AuraWire

/// The generated message pattern shared with Protocol/vectors: byte i is (start + i) % 251.
func pattern(_ length: Int, start: Int = 0) -> [UInt8] {
    // Built from whole periods (a per-byte closure is slow in debug builds for 4 MiB).
    let offset = start % 251
    let period = (0..<251).map { UInt8(($0 + offset) % 251) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(length)
    while bytes.count < length { bytes.append(contentsOf: period.prefix(length - bytes.count)) }
    return bytes
}

/// Bytes from lowercase or uppercase hex digits; nil for an odd count or a non-hex digit.
func hexBytes(_ hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count % 2 == 0 else { return nil }
    func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x61...0x66: digit - 0x61 + 10
        case 0x41...0x46: digit - 0x41 + 10
        default: nil
        }
    }
    var out: [UInt8] = []
    out.reserveCapacity(digits.count / 2)
    for index in stride(from: 0, to: digits.count, by: 2) {
        guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
        out.append(high << 4 | low)
    }
    return out
}

extension ByteBuffer {
    /// A buffer holding `bytes`, for short test literals.
    static func of(_ bytes: [UInt8]) -> ByteBuffer { ByteBuffer(bytes: bytes) }
}

/// The frames encoded one after another.
func encode(_ frames: [Frame]) -> ByteBuffer {
    var buffer = ByteBuffer()
    for frame in frames { FrameEncoder.encode(frame, into: &buffer) }
    return buffer
}

/// Decodes every whole frame in `buffer` (leaving an incomplete tail there).
func decodeFrames(
    _ buffer: inout ByteBuffer, clientFrames: Bool, maxFrameSize: UInt32 = 65_536
) throws(WireError) -> [Frame] {
    let decoder = FrameDecoder(maxFrameSize: maxFrameSize, decodesClientFrames: clientFrames)
    var frames: [Frame] = []
    while let frame = try decoder.nextFrame(from: &buffer) { frames.append(frame) }
    return frames
}

/// Decodes `bytes`, which must hold whole frames only.
func decodeFrames(_ bytes: ByteBuffer, clientFrames: Bool, maxFrameSize: UInt32 = 16_777_215) throws(WireError) -> [Frame] {
    var buffer = bytes
    return try decodeFrames(&buffer, clientFrames: clientFrames, maxFrameSize: maxFrameSize)
}

extension Frame {
    /// The payload size and flags of a MESSAGE frame on `stream`, or nil for any other frame.
    func messageFragment(on stream: UInt32) -> (size: Int, flags: FrameFlags)? {
        guard case .message(let id, let payload, let flags) = self, id == stream else { return nil }
        return (payload.readableBytes, flags)
    }

    /// Whether this is a HEADERS frame.
    var isHeaders: Bool { if case .headers = self { true } else { false } }

    /// Whether this is a WINDOW_UPDATE frame.
    var isWindowUpdate: Bool { if case .windowUpdate = self { true } else { false } }

    /// The code of a GOAWAY frame.
    var goAwayCode: StatusCode? { if case .goAway(_, let code, _) = self { code } else { nil } }
}
