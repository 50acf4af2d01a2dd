import AuraEventLoop
import AuraWire

/// One raw AuraRPC connection that a scenario drives byte by byte. It decodes what the server
/// sends just enough to count GOAWAYs and acknowledgements into its crowd's `PeerEvents`, and
/// reports when the server closes it.
public final class RawPeer: ChannelHandler, @unchecked Sendable {  // loop-confined: every method hops to the channel's loop
    private let events: PeerEvents
    private let loop: EventLoop
    private var channel: Channel?
    private var decoder = FrameDecoder(maxFrameSize: 16 << 20, decodesClientFrames: false)
    private var closedByUs = false

    private init(events: PeerEvents, loop: EventLoop) {
        self.events = events
        self.loop = loop
    }

    /// Opens a connection to `address` on `loop`.
    static func connect(to address: SocketAddress, on loop: EventLoop, events: PeerEvents) async throws -> RawPeer {
        let peer = RawPeer(events: events, loop: loop)
        _ = try await AuraEventLoop.connect(to: address, on: loop) { _ in peer }
        return peer
    }

    /// Sends `bytes` at once.
    public func send(_ bytes: [UInt8]) {
        onLoop { channel in channel.write(ByteBuffer(bytes: bytes)) }
    }

    /// Sends `bytes` one at a time, one every `interval`, until done or closed.
    public func trickle(_ bytes: [UInt8], every interval: Duration) {
        onLoop { channel in self.trickle(bytes[...], every: interval, on: channel) }
    }

    private func trickle(_ bytes: ArraySlice<UInt8>, every interval: Duration, on channel: Channel) {
        guard let first = bytes.first, channel.isActive else { return }
        channel.write(ByteBuffer(bytes: [first]))
        channel.eventLoop.schedule(after: interval) { self.trickle(bytes.dropFirst(), every: interval, on: channel) }
    }

    /// Stops reading what the server sends: its replies pile up in the socket buffers and
    /// then in the server's outbound queue.
    public func stopReading() {
        onLoop { channel in channel.setReadingEnabled(false) }
    }

    /// Closes the connection from our side.
    public func close() {
        onLoop { channel in
            self.closedByUs = true
            channel.close()
        }
    }

    private func onLoop(_ body: @escaping @Sendable (Channel) -> Void) {
        loop.execute { if let channel = self.channel { body(channel) } }
    }

    // MARK: ChannelHandler

    public func channelActive(_ channel: Channel) {
        self.channel = channel
    }

    public func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {
        do {
            while let frame = try decoder.nextFrame(from: &buffer) { observe(frame) }
        } catch {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        }
    }

    private func observe(_ frame: Frame) {
        switch frame {
        case .settings(_, ack: true): events.record { $0.settingsAcknowledged += 1 }
        case .ping(_, ack: true): events.record { $0.pingsAcknowledged += 1 }
        case .goAway(_, let code, let reason): events.record { $0.goAways["\(code.name): \(reason)", default: 0] += 1 }
        case .trailers(_, let trailers): events.record { $0.trailers[trailers?.code.name ?? "no status", default: 0] += 1 }
        default: break
        }
    }

    public func channelInactive(_ channel: Channel) {
        self.channel = nil
        if !closedByUs { events.record { $0.closedByServer += 1 } }
    }
}
