import AuraBytes

/// Cuts frames off the front of a byte buffer.
///
/// Checks each frame's length against `maxFrameSize` before reading its payload, so a peer
/// cannot make it buffer or allocate more than one frame's worth. A frame that has not fully
/// arrived is left in the buffer.
public struct FrameDecoder: Sendable {
    /// The largest payload accepted: our own announced MAX_FRAME_SIZE.
    public var maxFrameSize: UInt32
    /// Whether this side is the server (decides what a TRAILERS payload means).
    public let decodesClientFrames: Bool

    /// Creates a decoder. A server decodes a client's frames (`decodesClientFrames`).
    public init(maxFrameSize: UInt32, decodesClientFrames: Bool) {
        self.maxFrameSize = maxFrameSize
        self.decodesClientFrames = decodesClientFrames
    }

    /// Message payloads at least this large share the input buffer's storage instead of being copied.
    static let sharingThreshold = 32 * 1024

    /// Reads the header at the front of `buffer` without consuming it, or nil if incomplete.
    public static func peekHeader(_ buffer: ByteBuffer) -> FrameHeader? {
        guard let length = buffer.getInteger(at: 0, as: UInt32.self),
              let type = buffer.getInteger(at: 4, as: UInt8.self),
              let flags = buffer.getInteger(at: 5, as: UInt8.self),
              let streamID = buffer.getInteger(at: 6, as: UInt32.self)
        else { return nil }
        return FrameHeader(
            length: length, type: FrameType(wireValue: type), flags: FrameFlags(rawValue: flags),
            streamID: streamID & 0x7fff_ffff)
    }

    /// Decodes and consumes the next whole frame, or returns nil (consuming nothing) when it has
    /// not fully arrived. Throws for a frame the protocol forbids.
    public func nextFrame(from buffer: inout ByteBuffer) throws(WireError) -> Frame? {
        guard let header = Self.peekHeader(buffer) else { return nil }
        guard header.length <= maxFrameSize else {
            throw WireError(.resourceExhausted, "frame of \(header.length) bytes exceeds MAX_FRAME_SIZE \(maxFrameSize)")
        }
        guard buffer.readableBytes - FrameHeader.size >= Int(header.length) else { return nil }
        buffer.moveReaderIndex(forwardBy: FrameHeader.size)
        return try decodePayload(header, buffer.readSlice(length: Int(header.length))!)
    }

    private func decodePayload(_ header: FrameHeader, _ payload: ByteBuffer) throws(WireError) -> Frame {
        let id = header.streamID
        var payload = payload
        switch header.type {
        case .settings:
            try requireConnectionStream(header)
            if header.flags.contains(.ack) {
                guard payload.readableBytes == 0 else { throw WireError(.invalidArgument, "SETTINGS ack with a payload") }
                return .settings(nil, ack: true)
            }
            return .settings(try Settings.decode(payload, over: Settings()), ack: false)
        case .headers:
            try requireCallStream(header)
            do {
                // END_STREAM means nothing on a server's frames: its half ends with TRAILERS.
                let endStream = decodesClientFrames && header.flags.contains(.endStream)
                return .headers(streamID: id, try CallHeaders(decoding: payload), endStream: endStream)
            } catch {
                throw WireError(.invalidArgument, "HEADERS on stream \(id) do not decode: \(error)")
            }
        case .message:
            try requireCallStream(header)
            // Only a message's last frame may be empty, so a message has at most one empty
            // fragment and a peer cannot make us loop on free frames that carry nothing.
            guard header.length > 0 || !header.flags.contains(.more) else {
                throw WireError(.invalidArgument, "empty MESSAGE frame with MORE on stream \(id): only a message's last frame may be empty")
            }
            let meaningful: FrameFlags = decodesClientFrames ? [.endStream, .compressed, .more] : [.compressed, .more]
            // A message may wait in a queue: a large one shares the input's storage (no copy), a
            // small one is copied, so that a queue of tiny messages cannot pin many large read
            // buffers. Every other payload is decoded here and dropped.
            if payload.readableBytes < Self.sharingThreshold { payload = payload.withUnsafeReadableBytes { ByteBuffer(bytes: $0) } }
            return .message(streamID: id, payload: payload, flags: header.flags.intersection(meaningful))
        case .trailers:
            try requireCallStream(header)
            if decodesClientFrames { return .trailers(streamID: id, nil) }
            do {
                return .trailers(streamID: id, try CallTrailers(decoding: payload))
            } catch {
                throw WireError(.invalidArgument, "TRAILERS on stream \(id) do not decode: \(error)")
            }
        case .cancel:
            try requireCallStream(header)
            guard header.length == 4, let code = payload.readInteger(as: UInt32.self) else {
                throw WireError(.invalidArgument, "CANCEL payload must be 4 bytes, got \(header.length)")
            }
            return .cancel(streamID: id, code: StatusCode(wireValue: code))
        case .windowUpdate:
            guard header.length == 4, let increment = payload.readInteger(as: UInt32.self) else {
                throw WireError(.invalidArgument, "WINDOW_UPDATE payload must be 4 bytes, got \(header.length)")
            }
            guard increment >= 1 && increment <= UInt32(Int32.max) else {
                throw WireError(.invalidArgument, "WINDOW_UPDATE increment \(increment) is outside 1...2^31-1")
            }
            return .windowUpdate(streamID: id, increment: increment)
        case .ping:
            try requireConnectionStream(header)
            guard header.length == 8, let data = payload.readInteger(as: UInt64.self) else {
                throw WireError(.invalidArgument, "PING payload must be 8 bytes, got \(header.length)")
            }
            return .ping(data, ack: header.flags.contains(.ack))
        case .goAway:
            try requireConnectionStream(header)
            guard header.length >= 8, let last = payload.readInteger(as: UInt32.self),
                  let code = payload.readInteger(as: UInt32.self)
            else { throw WireError(.invalidArgument, "GOAWAY payload must be at least 8 bytes, got \(header.length)") }
            let reason = payload.readString(length: payload.readableBytes) ?? ""
            return .goAway(lastStreamID: last & 0x7fff_ffff, code: StatusCode(wireValue: code), reason: reason)
        case .unknown(let type):
            return .unknown(type: type, streamID: id, flags: header.flags, length: header.length)
        }
    }

    private func requireConnectionStream(_ header: FrameHeader) throws(WireError) {
        guard header.streamID == 0 else {
            throw WireError(.invalidArgument, "\(header.type) frame on stream \(header.streamID); it belongs on stream 0")
        }
    }

    private func requireCallStream(_ header: FrameHeader) throws(WireError) {
        guard header.streamID != 0 else {
            throw WireError(.invalidArgument, "\(header.type) frame on stream 0; it belongs on a call's stream")
        }
    }
}
