import AuraBytes

/// The limits one side announces in its SETTINGS frame (SPEC.md section 4.1).
public struct Settings: Hashable, Sendable {
    /// The largest frame payload the sender accepts.
    public var maxFrameSize: UInt32 = 65_536
    /// The largest message, after decompression, the sender accepts.
    public var maxMessageSize: UInt32 = 4 * 1024 * 1024
    /// How many streams the sender lets its peer have open at once.
    public var maxConcurrentStreams: UInt32 = 100
    /// Each new stream's receive window.
    public var initialStreamWindow: UInt32 = 1 << 20
    /// The connection's receive window.
    public var connectionWindow: UInt32 = 8 << 20
    /// The most metadata the sender accepts in one HEADERS or TRAILERS frame, counted as
    /// `Metadata.limitedSize` counts it (like HTTP/2's MAX_HEADER_LIST_SIZE).
    public var maxMetadataSize: UInt32 = 8_192

    /// The defaults SPEC.md gives, assumed until the peer's SETTINGS arrive.
    public init() {}

    /// What this implementation announces by default: SPEC.md's defaults with frames of up to
    /// 256 KiB (fewer frames for large messages).
    public static var aura: Settings {
        var settings = Settings()
        settings.maxFrameSize = 256 * 1024
        return settings
    }

    /// The wire ids of the settings.
    enum ID: UInt16 {
        case maxFrameSize = 1, maxMessageSize, maxConcurrentStreams, initialStreamWindow, connectionWindow, maxMetadataSize
    }

    /// Appends every setting as (id, value) entries.
    public func encode(into buffer: inout ByteBuffer) {
        for (id, value) in [
            (ID.maxFrameSize, maxFrameSize), (.maxMessageSize, maxMessageSize),
            (.maxConcurrentStreams, maxConcurrentStreams), (.initialStreamWindow, initialStreamWindow),
            (.connectionWindow, connectionWindow), (.maxMetadataSize, maxMetadataSize),
        ] {
            buffer.writeInteger(id.rawValue)
            buffer.writeInteger(value)
        }
    }

    /// The encoded size of `encode(into:)`.
    public static let encodedSize = 6 * 6

    /// Decodes a SETTINGS payload over `base`; unknown ids are ignored, bad values rejected.
    public static func decode(_ payload: ByteBuffer, over base: Settings) throws(WireError) -> Settings {
        guard payload.readableBytes % 6 == 0 else {
            throw WireError(.invalidArgument, "SETTINGS payload of \(payload.readableBytes) bytes is not a multiple of 6")
        }
        var payload = payload
        var settings = base
        while let rawID = payload.readInteger(as: UInt16.self), let value = payload.readInteger(as: UInt32.self) {
            switch ID(rawValue: rawID) {
            case .maxFrameSize:
                guard (16_384...16_777_215).contains(value) else {
                    throw WireError(.invalidArgument, "MAX_FRAME_SIZE \(value) is outside 16384...16777215")
                }
                settings.maxFrameSize = value
            case .maxMessageSize:
                guard value <= Int32.max else { throw WireError(.invalidArgument, "MAX_MESSAGE_SIZE \(value) is above 2^31-1") }
                settings.maxMessageSize = value
            case .maxConcurrentStreams:
                settings.maxConcurrentStreams = value
            case .initialStreamWindow:
                guard (1...UInt32(Int32.max)).contains(value) else {
                    throw WireError(.invalidArgument, "INITIAL_STREAM_WINDOW \(value) is outside 1...2^31-1")
                }
                settings.initialStreamWindow = value
            case .connectionWindow:
                guard (65_536...UInt32(Int32.max)).contains(value) else {
                    throw WireError(.invalidArgument, "CONNECTION_WINDOW \(value) is outside 65536...2^31-1")
                }
                settings.connectionWindow = value
            case .maxMetadataSize:
                guard value <= Int32.max else { throw WireError(.invalidArgument, "MAX_METADATA_SIZE \(value) is above 2^31-1") }
                settings.maxMetadataSize = value
            case nil:
                continue
            }
        }
        return settings
    }
}
