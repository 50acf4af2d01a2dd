/// The type byte of a frame header. Unknown types are carried as `.unknown` and ignored.
public enum FrameType: Hashable, Sendable {
    /// Connection settings, or their acknowledgement (stream 0).
    case settings
    /// Opens a call (client) or carries initial metadata (server).
    case headers
    /// One message or a fragment of one.
    case message
    /// Ends the sender's half: the server's carry the status.
    case trailers
    /// Resets one stream with a status code.
    case cancel
    /// Grants flow-control credit to a stream or the connection.
    case windowUpdate
    /// Keepalive and round-trip measurement.
    case ping
    /// The sender accepts no new streams after the given id.
    case goAway
    /// A type this version does not know.
    case unknown(UInt8)

    /// Creates the type from its wire byte.
    public init(wireValue: UInt8) {
        switch wireValue {
        case 0: self = .settings
        case 1: self = .headers
        case 2: self = .message
        case 3: self = .trailers
        case 4: self = .cancel
        case 5: self = .windowUpdate
        case 6: self = .ping
        case 7: self = .goAway
        default: self = .unknown(wireValue)
        }
    }

    /// The type's wire byte.
    public var wireValue: UInt8 {
        switch self {
        case .settings: 0
        case .headers: 1
        case .message: 2
        case .trailers: 3
        case .cancel: 4
        case .windowUpdate: 5
        case .ping: 6
        case .goAway: 7
        case .unknown(let value): value
        }
    }
}

/// The flags byte of a frame header; each bit's meaning depends on the frame type.
public struct FrameFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// SETTINGS, PING: this frame acknowledges the peer's.
    public static let ack = FrameFlags(rawValue: 0x01)
    /// HEADERS, MESSAGE: the sender's half of the stream ends with this frame.
    public static let endStream = FrameFlags(rawValue: 0x01)
    /// MESSAGE: the message is zlib-compressed.
    public static let compressed = FrameFlags(rawValue: 0x02)
    /// MESSAGE: more fragments of this message follow.
    public static let more = FrameFlags(rawValue: 0x04)
}

/// The fixed 10-byte header in front of every frame.
public struct FrameHeader: Hashable, Sendable {
    /// The header's size on the wire.
    public static let size = 10
    /// The payload's length in bytes.
    public var length: UInt32
    /// The frame type.
    public var type: FrameType
    /// The flags.
    public var flags: FrameFlags
    /// The stream id; 0 is the connection.
    public var streamID: UInt32

    /// Creates a header.
    public init(length: UInt32, type: FrameType, flags: FrameFlags = [], streamID: UInt32) {
        self.length = length
        self.type = type
        self.flags = flags
        self.streamID = streamID
    }
}
