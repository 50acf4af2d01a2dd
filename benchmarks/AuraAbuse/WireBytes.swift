import AuraBytes
import AuraWire

/// The bytes abusive peers send, built with the real frame encoder.
public enum WireBytes {
    /// The client preface followed by SETTINGS (the protocol's defaults): a complete handshake.
    public static var handshake: [UInt8] { handshake(Settings()) }

    /// The client preface followed by SETTINGS announcing `settings`.
    public static func handshake(_ settings: Settings) -> [UInt8] { Preface.bytes + frame(.settings(settings, ack: false)) }

    /// One encoded frame.
    public static func frame(_ frame: Frame) -> [UInt8] {
        var buffer = ByteBuffer()
        FrameEncoder.encode(frame, into: &buffer)
        return buffer.readableBytesArray
    }

    /// A PING; its ACK tells that the server processed everything sent before it.
    public static var ping: [UInt8] { frame(.ping(0xab05e, ack: false)) }

    /// HEADERS opening stream `id` for `method` (aura.Health/Check by default) with `metadata`,
    /// the request still to come.
    public static func openCall(_ id: UInt32, method: String = "aura.Health/Check", metadata: Metadata = Metadata()) -> [UInt8] {
        frame(.headers(streamID: id, CallHeaders(method: method, metadata: metadata), endStream: false))
    }

    /// A whole unary call on stream `id`: HEADERS for `method`, then `request` ending the stream.
    public static func call(_ id: UInt32, method: String, request: ByteBuffer, metadata: Metadata = Metadata()) -> [UInt8] {
        openCall(id, method: method, metadata: metadata) + frame(.message(streamID: id, payload: request, flags: .endStream))
    }
}
