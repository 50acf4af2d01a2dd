import AuraBytes

/// Writes frames into a byte buffer.
public enum FrameEncoder {
    /// Appends a frame header.
    public static func writeHeader(_ header: FrameHeader, into buffer: inout ByteBuffer) {
        _ = buffer.writeWithUnsafeMutableBytes(minimumWritable: FrameHeader.size) { out in  // one write, not four
            out.storeBytes(of: header.length.bigEndian, toByteOffset: 0, as: UInt32.self)
            out.storeBytes(of: header.type.wireValue, toByteOffset: 4, as: UInt8.self)
            out.storeBytes(of: header.flags.rawValue, toByteOffset: 5, as: UInt8.self)
            out.storeBytes(of: header.streamID.bigEndian, toByteOffset: 6, as: UInt32.self)
            return FrameHeader.size
        }
    }

    /// Appends a whole frame. The payload of `.unknown` frames is written as that many zeros
    /// (only tests write unknown frames).
    public static func encode(_ frame: Frame, into buffer: inout ByteBuffer) {
        switch frame {
        case .settings(let settings, let ack):
            if ack || settings == nil {
                writeHeader(FrameHeader(length: 0, type: .settings, flags: .ack, streamID: 0), into: &buffer)
            } else {
                writeHeader(FrameHeader(length: UInt32(Settings.encodedSize), type: .settings, streamID: 0), into: &buffer)
                settings!.encode(into: &buffer)
            }
        case .headers(let id, let headers, let endStream):
            writeMessageFrame(.headers, streamID: id, flags: endStream ? .endStream : [], into: &buffer) {
                headers.encode(to: &$0)
            }
        case .message(let id, let payload, let flags):
            writeHeader(FrameHeader(length: UInt32(payload.readableBytes), type: .message, flags: flags, streamID: id), into: &buffer)
            buffer.writeBuffer(payload)
        case .trailers(let id, let trailers):
            writeMessageFrame(.trailers, streamID: id, flags: [], into: &buffer) { trailers?.encode(to: &$0) }
        case .cancel(let id, let code):
            writeHeader(FrameHeader(length: 4, type: .cancel, streamID: id), into: &buffer)
            buffer.writeInteger(code.rawValue)
        case .windowUpdate(let id, let increment):
            writeHeader(FrameHeader(length: 4, type: .windowUpdate, streamID: id), into: &buffer)
            buffer.writeInteger(increment)
        case .ping(let data, let ack):
            writeHeader(FrameHeader(length: 8, type: .ping, flags: ack ? .ack : [], streamID: 0), into: &buffer)
            buffer.writeInteger(data)
        case .goAway(let last, let code, let reason):
            let reasonLength = reason.utf8.count
            writeHeader(FrameHeader(length: UInt32(8 + reasonLength), type: .goAway, streamID: 0), into: &buffer)
            buffer.writeInteger(last)
            buffer.writeInteger(code.rawValue)
            buffer.writeString(reason)
        case .unknown(let type, let id, let flags, let length):
            writeHeader(FrameHeader(length: length, type: .unknown(type), flags: flags, streamID: id), into: &buffer)
            buffer.writeBytes(repeatElement(UInt8(0), count: Int(length)))
        }
    }

    /// Writes a frame whose payload is a protobuf message, encoding it in place and back-patching
    /// the length, so the payload is produced once with no intermediate buffer.
    private static func writeMessageFrame(
        _ type: FrameType, streamID: UInt32, flags: FrameFlags, into buffer: inout ByteBuffer,
        _ body: (inout ProtoWriter) -> Void
    ) {
        let headerAt = buffer.readableBytes
        writeHeader(FrameHeader(length: 0, type: type, flags: flags, streamID: streamID), into: &buffer)
        ProtoWriter.append(to: &buffer, body)
        let length = UInt32(buffer.readableBytes - headerAt - FrameHeader.size)
        buffer.withUnsafeMutableReadableBytes { $0.storeBytes(of: length.bigEndian, toByteOffset: headerAt, as: UInt32.self) }
    }
}
