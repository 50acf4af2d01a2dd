import AuraBytes
import AuraWire

/// The delegate of a fuzzed `ConnectionCore`: records what it reports and checks that the
/// events make sense together (a stream opens once, hears nothing after it ended, ends once).
final class ConnectionObserver: ConnectionDelegate {
    /// The largest message the core may deliver.
    let maxMessageSize: Int
    /// Streams that opened and have not ended, by id.
    private(set) var live: [UInt32] = []
    /// Streams whose end the delegate heard of.
    private(set) var ended: Set<UInt32> = []
    /// Streams whose inbound half ended.
    private var inboundEnded: Set<UInt32> = []
    /// Streams the application sent TRAILERS on.
    private var ending: Set<UInt32> = []
    /// Messages delivered and not yet consumed, oldest first.
    var undelivered: [(id: UInt32, wireSize: Int)] = []
    private var highestOpened: UInt32 = 0
    private(set) var failed = false
    /// The first broken invariant, reported by the driver after the event.
    private(set) var violation: String?

    init(maxMessageSize: Int) { self.maxMessageSize = maxMessageSize }

    private func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition && violation == nil { violation = message() }
    }

    /// The application (not the peer) opened stream `id` (client).
    func appOpened(_ id: UInt32) {
        expect(!live.contains(id) && !ended.contains(id), "openStream returned stream \(id) twice")
        live.append(id)
    }

    /// The application ended stream `id` itself (CANCEL): no event will come.
    func appEnded(_ id: UInt32) {
        live.removeAll { $0 == id }
        ended.insert(id)
    }

    /// The application sent TRAILERS on stream `id`: it ends, without an event, once they are out.
    func appEnding(_ id: UInt32) { ending.insert(id) }

    /// Streams the core dropped: each must have ended by an event or by the application.
    func reconcile(with core: ConnectionCore) {
        for id in live where !core.hasStream(id) {
            expect(ending.contains(id), "stream \(id) vanished from the core without an event")
            appEnded(id)
        }
        let known = live.count
        expect(core.openStreamCount == known, "the core holds \(core.openStreamCount) streams, the delegate knows of \(known)")
    }

    private func expectLive(_ id: UInt32, _ event: String) {
        expect(live.contains(id), "\(event) on stream \(id), which is not open (ended: \(ended.contains(id)))")
    }

    func streamOpened(_ id: UInt32, headers: CallHeaders, endStream: Bool) {
        expect(!failed, "stream \(id) opened after the connection failed")
        expect(id & 1 == 1 && id > highestOpened, "stream \(id) opened after \(highestOpened)")
        highestOpened = max(highestOpened, id)
        live.append(id)
        if endStream { inboundEnded.insert(id) }
    }

    func headersReceived(_ id: UInt32, headers: CallHeaders) { expectLive(id, "HEADERS") }

    func messageReceived(_ id: UInt32, _ message: ByteBuffer, wireSize: Int) {
        expectLive(id, "a message")
        expect(!inboundEnded.contains(id), "a message on stream \(id) after its inbound half ended")
        expect(message.readableBytes <= maxMessageSize, "a message of \(message.readableBytes) bytes passed the limit \(maxMessageSize)")
        undelivered.append((id, wireSize))
    }

    func inboundClosed(_ id: UInt32) {
        expectLive(id, "inbound close")
        expect(inboundEnded.insert(id).inserted, "stream \(id) closed its inbound half twice")
    }

    func trailersReceived(_ id: UInt32, _ trailers: CallTrailers) { end(id, "TRAILERS") }

    func streamReset(_ id: UInt32, _ error: RPCError) { end(id, "a reset") }

    private func end(_ id: UInt32, _ event: String) {
        expectLive(id, event)
        appEnded(id)
    }

    func streamWritable(_ id: UInt32) { expectLive(id, "writable") }

    func goAwayReceived(lastStreamID: UInt32, code: StatusCode, reason: String) {}

    func pingAcknowledged(_ data: UInt64) {}

    func connectionFailed(_ error: WireError) {
        expect(!failed, "the connection failed twice")
        failed = true
    }
}
