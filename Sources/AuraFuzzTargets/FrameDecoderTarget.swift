import AuraBytes
import AuraWire

/// The frame decoder on any bytes, as both sides read them: the preface (when the bytes start
/// like one), then frames until the bytes end or a frame is refused.
///
/// Checks that no frame longer than MAX_FRAME_SIZE is read, that the same bytes arriving in
/// small pieces decode to the same frames and error, that every decoded frame encodes to bytes
/// that decode back to it, and that COMPRESSED payloads inflate within their limit.
public enum FrameDecoderTarget: FuzzTarget {
    public static let name = "frame-decoder"

    /// The limit compressed payloads inflate under.
    static let inflateLimit = 64 * 1024

    public static func run(_ input: UnsafeRawBufferPointer) throws(FuzzFailure) {
        for (maxFrameSize, clientFrames) in [(UInt32(65_536), true), (16_384, false)] {
            let decoder = FrameDecoder(maxFrameSize: maxFrameSize, decodesClientFrames: clientFrames)
            let whole = decode(input, with: decoder, pieceSize: input.count)
            let pieces = decode(input, with: decoder, pieceSize: 7)
            try require(whole.frames == pieces.frames && whole.error == pieces.error, "decoding in pieces differs from decoding at once")
            for frame in whole.frames { try checkFrame(frame, with: decoder) }
        }
    }

    /// What a decoder makes of some bytes.
    struct Outcome {
        var frames: [Frame] = []
        var error: WireError?
    }

    /// Decodes `input` arriving `pieceSize` bytes at a time.
    static func decode(_ input: UnsafeRawBufferPointer, with decoder: FrameDecoder, pieceSize: Int) -> Outcome {
        var outcome = Outcome()
        var buffer = ByteBuffer()
        var prefaceDone = !input.starts(with: Preface.magic.prefix(1))
        var offset = 0
        repeat {
            let end = min(input.count, offset + max(1, pieceSize))
            buffer.writeBytes(UnsafeRawBufferPointer(rebasing: input[offset..<end]))
            offset = end
            do {
                if !prefaceDone {
                    guard try Preface.consume(from: &buffer) else { continue }
                    prefaceDone = true
                }
                while let frame = try decoder.nextFrame(from: &buffer) { outcome.frames.append(frame) }
            } catch {
                outcome.error = error
                return outcome
            }
        } while offset < input.count
        return outcome
    }

    static func checkFrame(_ frame: Frame, with decoder: FrameDecoder) throws(FuzzFailure) {
        var encoded = ByteBuffer()
        FrameEncoder.encode(frame, into: &encoded)
        let header = FrameDecoder.peekHeader(encoded)!
        try require(header.length <= decoder.maxFrameSize, "a decoded frame re-encodes above MAX_FRAME_SIZE: \(frame)")
        let again: Frame?
        do { again = try decoder.nextFrame(from: &encoded) } catch { throw FuzzFailure("a re-encoded \(frame) fails: \(error)") }
        try require(again == frame, "a re-encoded frame decodes differently: \(frame) became \(String(describing: again))")
        if case .message(_, let payload, let flags) = frame, flags.contains(.compressed) { try checkInflate(payload) }
    }

    /// Inflating never passes the limit, and what inflates deflates and inflates back the same.
    static func checkInflate(_ payload: ByteBuffer) throws(FuzzFailure) {
        guard let inflated = try? MessageEncoding.inflate(payload, limit: inflateLimit) else { return }
        try require(inflated.readableBytes <= inflateLimit, "inflated \(inflated.readableBytes) bytes past the limit")
        let again = try? MessageEncoding.inflate(MessageEncoding.deflate(inflated), limit: inflateLimit)
        try require(again == inflated, "deflate then inflate changed a message")
    }
}
