import AuraBytes
import AuraWire

/// The bytes abusive peers send, built with the real frame encoder.
public enum WireBytes {
    /// The client preface followed by SETTINGS (the protocol's defaults): a complete handshake.
    public static var handshake: [UInt8] { Preface.bytes + frame(.settings(Settings(), ack: false)) }

    /// One encoded frame.
    public static func frame(_ frame: Frame) -> [UInt8] {
        var buffer = ByteBuffer()
        FrameEncoder.encode(frame, into: &buffer)
        return buffer.readableBytesArray
    }

    /// A PING; its ACK tells that the server processed everything sent before it.
    public static var ping: [UInt8] { frame(.ping(0xab05e, ack: false)) }

    /// HEADERS opening stream `id` for aura.Health/Check with `metadata`, the request still to come.
    public static func openCall(_ id: UInt32, metadata: Metadata = Metadata()) -> [UInt8] {
        frame(.headers(streamID: id, CallHeaders(method: "aura.Health/Check", metadata: metadata), endStream: false))
    }
}
