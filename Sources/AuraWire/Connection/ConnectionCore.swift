import AuraBytes

/// One AuraRPC connection without a socket: bytes in, events and bytes out.
///
/// The owner feeds received bytes to `receive(_:)`, which decodes frames, enforces the
/// protocol and flow control, and reports events to the delegate; calls go out through the
/// `send…` methods, which queue frames within the peer's flow-control credit; the owner drains
/// the queued bytes with `drainOutput(_:)` and writes them to its transport. The same type
/// serves both roles. Not thread-safe: one owner, one thread.
public final class ConnectionCore {
    /// Which end of the connection this is.
    public enum Role: Sendable {
        case client
        case server
    }

    /// The connection's lifecycle.
    enum Lifecycle {
        /// Server: the client's 8-byte preface has not fully arrived.
        case awaitingPreface
        /// Frames flow both ways.
        case active
        /// We sent a graceful GOAWAY: streams up to `lastStreamID` finish, no new ones open.
        case draining(lastStreamID: UInt32)
        /// We sent GOAWAY for `error`; further input is ignored.
        case failed(WireError)
    }

    /// Which end this is.
    public let role: Role
    /// The settings we announce.
    public let localSettings: Settings
    // The state below is touched on the loop thread only, by methods that never hold an access
    // to it across a call out (a delegate, a handler, a continuation): `@exclusivity(unchecked)`
    // spares each access a run-time check, about 200 instructions (benchmarks/README.md).
    /// The peer's settings (the defaults until its SETTINGS frame arrives).
    @exclusivity(unchecked) public internal(set) var peerSettings = Settings()
    /// Whether the peer's SETTINGS frame has arrived.
    @exclusivity(unchecked) public internal(set) var hasPeerSettings = false
    /// Receives the events: the object that owns this core and outlives it, so the reference
    /// is unowned. A weak one gave every connection a side table, and each retain and release
    /// of it took the runtime's slow path (about 1,000 instructions a unary call).
    @exclusivity(unchecked) public unowned var delegate: (any ConnectionDelegate)?

    @exclusivity(unchecked) var lifecycle: Lifecycle
    @exclusivity(unchecked) var localSettingsAcknowledged = false
    @exclusivity(unchecked) var decoder: FrameDecoder
    @exclusivity(unchecked) var streams = StreamTable<StreamRecord>()
    /// The highest stream id the peer opened (server) or we opened (client).
    @exclusivity(unchecked) var highestStreamID: UInt32 = 0
    /// Set once the peer sent GOAWAY: its last processed stream id.
    public internal(set) var peerGoAwayLastStreamID: UInt32?
    @exclusivity(unchecked) var connectionSendWindow: Int
    @exclusivity(unchecked) var connectionReceiveWindow: Int
    @exclusivity(unchecked) var connectionUnreturnedCredit = 0
    /// Bytes of incomplete messages, over all streams, whose credit went back early.
    @exclusivity(unchecked) var earlyCreditedBytes = 0
    /// Bytes of incomplete messages held for the peer, over all streams (the assemblers' buffers).
    public var incompleteMessageBytes: Int { incompleteByteCount }
    /// Bytes of messages queued behind the peer's flow control, over all streams.
    public var queuedMessageBytes: Int { queuedByteCount }
    // Other modules read these two through the getters above: their direct access to a stored
    // property is checked at run time even when the property is marked unchecked.
    @exclusivity(unchecked) var incompleteByteCount = 0
    @exclusivity(unchecked) var queuedByteCount = 0
    @exclusivity(unchecked) var blockedStreams: [UInt32] = []
    @exclusivity(unchecked) var output = OutboundBytes()

    /// Creates a connection core and queues its opening bytes: the preface (client) and our
    /// SETTINGS.
    public init(role: Role, settings: Settings = Settings()) {
        self.role = role
        localSettings = settings
        lifecycle = role == .server ? .awaitingPreface : .active
        decoder = FrameDecoder(
            maxFrameSize: max(settings.maxFrameSize, Settings().maxFrameSize), decodesClientFrames: role == .server)
        connectionSendWindow = Int(Settings().connectionWindow)
        connectionReceiveWindow = Int(max(settings.connectionWindow, Settings().connectionWindow))
        if role == .client { output.urgent.writeBytes(Preface.bytes) }
        FrameEncoder.encode(.settings(settings, ack: false), into: &output.urgent)
    }

    /// The number of streams not yet ended.
    public var openStreamCount: Int { streams.count }

    /// Whether bytes wait in `drainOutput(_:)`.
    public var hasOutput: Bool { !output.isEmpty }

    /// How many bytes wait in `drainOutput(_:)`.
    public var outputByteCount: Int { output.byteCount }

    /// Whether the connection can carry new calls: no GOAWAY either way, no protocol error.
    public var acceptsNewStreams: Bool {
        guard peerGoAwayLastStreamID == nil else { return false }
        if case .active = lifecycle { return true }
        return false
    }

    /// Whether a protocol error ended the connection.
    public var hasFailed: Bool { if case .failed = lifecycle { true } else { false } }

    /// Hands every queued buffer to `sink`, in order.
    public func drainOutput(_ sink: (ByteBuffer) -> Void) {
        // Moved out first, so no access to `output` spans the call out: what `sink` causes to
        // be written goes to a fresh queue.
        var draining = OutboundBytes()
        swap(&draining, &output)
        draining.drain(sink)
        if output.isEmpty { output = draining }  // emptied, with its chunk list's capacity
    }

    /// Whether stream `id` exists.
    public func hasStream(_ id: UInt32) -> Bool { streams.contains(id) }

    /// Runs `body` on stream `id`'s record in place and returns its result, or nil when there is
    /// no such stream: one lookup and no copy of the record, where reading it out and storing it
    /// back looked the id up twice and retained everything it holds. `body` must not reach
    /// `streams` nor call the delegate (which may).
    @inline(__always)
    func modifyStream<R>(_ id: UInt32, _ body: (inout StreamRecord) -> R) -> R? {
        streams.modify(id, body)
    }

    /// Bytes of messages queued on stream `id` behind the peer's flow control.
    public func queuedBytes(_ id: UInt32) -> Int {
        streams.withValue(id) { $0.pending.reduce(0) { $0 + $1.remaining.readableBytes } } ?? 0
    }

    // MARK: Input

    /// Consumes every whole frame at the front of `buffer` and reports what it means. A partial
    /// frame stays in the buffer for the next call.
    public func receive(_ buffer: inout ByteBuffer) {
        do {
            if case .awaitingPreface = lifecycle {
                guard try Preface.consume(from: &buffer) else { return }
                lifecycle = .active
            }
            while !hasFailed, let frame = try decoder.nextFrame(from: &buffer) {
                try handle(frame)
            }
        } catch {
            fail(error)
        }
        if hasFailed { buffer.moveReaderIndex(forwardBy: buffer.readableBytes) }
    }

    /// Ends the connection for a protocol error: GOAWAY, every stream reset, the delegate told.
    public func fail(_ error: WireError) {
        if case .failed = lifecycle { return }
        lifecycle = .failed(error)
        FrameEncoder.encode(.goAway(lastStreamID: highestStreamID, code: error.code, reason: error.reason), into: &output.current)
        resetAllStreams(RPCError(.unavailable, "connection closed: \(error.reason)"))
        delegate?.connectionFailed(error)
    }

    /// The transport closed: every stream still open ends with `error`.
    public func transportClosed(_ error: RPCError = RPCError(.unavailable, "connection closed")) {
        if case .failed = lifecycle {} else { lifecycle = .failed(WireError(error.code, error.message)) }
        resetAllStreams(error)
    }

    func resetAllStreams(_ error: RPCError) {
        let ids = streams.keys.sorted()
        streams.removeAll()
        blockedStreams.removeAll()
        incompleteByteCount = 0
        queuedByteCount = 0
        for id in ids { delegate?.streamReset(id, error) }
    }
}
