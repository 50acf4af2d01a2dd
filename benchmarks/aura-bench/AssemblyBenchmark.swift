import AuraBytes
import AuraWire

/// A large message arriving in many MESSAGE frames, fed to a server `ConnectionCore` in
/// process (no sockets): how fast fragments are joined into the message, in MB/s of message.
struct AssemblyBenchmark {
    let messageSize: Int
    let fragmentSize: Int
    let duration: Duration

    func run() -> BenchResult {
        let input = clientBytes()
        var settings = Settings()
        settings.maxMessageSize = UInt32(messageSize)
        let clock = ContinuousClock()
        let start = clock.now
        var messages = 0
        while clock.now - start < duration {
            let server = ConnectionCore(role: .server, settings: settings)
            let counter = MessageCounter(core: server)
            server.delegate = counter
            var bytes = input
            server.receive(&bytes)
            server.drainOutput { _ in }
            precondition(counter.messages == 1, "the message did not assemble")
            messages += 1
        }
        let seconds = (clock.now - start).seconds
        return BenchResult(
            name: "assemble \(messageSize >> 20) MiB in \(fragmentSize >> 10) KiB fragments",
            figures: [(key: "MB_per_s", value: Double(messages * messageSize) / seconds / 1e6)])
    }

    /// What a client sends: the preface, SETTINGS, HEADERS and the message in fragments.
    private func clientBytes() -> ByteBuffer {
        var buffer = ByteBuffer(capacity: messageSize + messageSize / fragmentSize * 16 + 1024)
        buffer.writeBytes(Preface.bytes)
        FrameEncoder.encode(.settings(Settings(), ack: false), into: &buffer)
        FrameEncoder.encode(.headers(streamID: 1, CallHeaders(method: "aura.Bench/Assemble"), endStream: false), into: &buffer)
        let fragment = ByteBuffer(bytes: (0..<fragmentSize).map { UInt8(truncatingIfNeeded: $0) })
        for offset in stride(from: 0, to: messageSize, by: fragmentSize) {
            let isLast = offset + fragmentSize >= messageSize
            FrameEncoder.encode(.message(streamID: 1, payload: fragment, flags: isLast ? .endStream : .more), into: &buffer)
        }
        return buffer
    }
}

/// Counts whole messages and hands their credit back at once, as a fast application would.
private final class MessageCounter: ConnectionDelegate {
    unowned let core: ConnectionCore
    private(set) var messages = 0

    init(core: ConnectionCore) { self.core = core }

    func messageReceived(_ id: UInt32, _ message: ByteBuffer, wireSize: Int) {
        messages += 1
        core.messageConsumed(id, wireSize: wireSize)
    }

    func streamOpened(_ id: UInt32, headers: CallHeaders, endStream: Bool) {}
    func headersReceived(_ id: UInt32, headers: CallHeaders) {}
    func inboundClosed(_ id: UInt32) {}
    func trailersReceived(_ id: UInt32, _ trailers: CallTrailers) {}
    func streamReset(_ id: UInt32, _ error: RPCError) { preconditionFailure("stream reset: \(error)") }
    func streamWritable(_ id: UInt32) {}
    func goAwayReceived(lastStreamID: UInt32, code: StatusCode, reason: String) {}
    func pingAcknowledged(_ data: UInt64) {}
    func connectionFailed(_ error: WireError) { preconditionFailure("connection failed: \(error)") }
}
