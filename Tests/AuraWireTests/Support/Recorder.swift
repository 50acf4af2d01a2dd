import AuraBytes
@testable import AuraWire

/// A `ConnectionDelegate` that writes down every event, optionally reacting through hooks.
final class Recorder: ConnectionDelegate {
    enum Event: Equatable, CustomStringConvertible {
        case opened(UInt32, CallHeaders, endStream: Bool)
        case headers(UInt32, CallHeaders)
        case message(UInt32, [UInt8])
        case inboundClosed(UInt32)
        case trailers(UInt32, CallTrailers)
        case reset(UInt32, StatusCode)
        case writable(UInt32)
        case goAway(lastStreamID: UInt32, code: StatusCode)
        case pingAck(UInt64)
        case failed(StatusCode)

        var description: String {
            switch self {
            case .opened(let id, let headers, let end): "opened(\(id), \(headers.method), endStream: \(end))"
            case .headers(let id, _): "headers(\(id))"
            case .message(let id, let bytes): "message(\(id), \(bytes.count) bytes)"
            case .inboundClosed(let id): "inboundClosed(\(id))"
            case .trailers(let id, let trailers): "trailers(\(id), \(trailers.code))"
            case .reset(let id, let code): "reset(\(id), \(code))"
            case .writable(let id): "writable(\(id))"
            case .goAway(let last, let code): "goAway(\(last), \(code))"
            case .pingAck(let data): "pingAck(\(data))"
            case .failed(let code): "failed(\(code))"
            }
        }
    }

    /// The core this recorder listens to, for consuming messages.
    weak var core: ConnectionCore?
    private(set) var events: [Event] = []
    /// The errors of `streamReset` events, by stream.
    private(set) var resetErrors: [UInt32: RPCError] = [:]
    /// The error of `connectionFailed`.
    private(set) var failure: WireError?
    /// The reason of the last GOAWAY received.
    private(set) var goAwayReason: String?
    /// The `wireSize` of every message received, in order.
    private(set) var wireSizes: [Int] = []
    /// Whether messages are consumed (credit granted back) as soon as they arrive.
    var consumesMessages = true
    /// Messages received but not yet consumed.
    private(set) var unconsumed: [(id: UInt32, wireSize: Int)] = []

    var onStreamOpened: ((UInt32, CallHeaders, Bool) -> Void)?
    var onMessage: ((UInt32, ByteBuffer) -> Void)?
    var onInboundClosed: ((UInt32) -> Void)?
    var onWritable: ((UInt32) -> Void)?

    /// The messages received, in order.
    var messages: [(id: UInt32, bytes: [UInt8])] {
        events.compactMap { if case .message(let id, let bytes) = $0 { (id, bytes) } else { nil } }
    }

    /// The messages received, as buffers (whose descriptions stay short in failure reports).
    var messageBuffers: [ByteBuffer] { messages.map { ByteBuffer(bytes: $0.bytes) } }

    /// Grants back the credit of every message not yet consumed.
    func consumeAll() {
        let pending = unconsumed
        unconsumed.removeAll()
        for (id, size) in pending { core?.messageConsumed(id, wireSize: size) }
    }

    /// Forgets the events so far.
    func clear() { events.removeAll() }

    func streamOpened(_ id: UInt32, headers: CallHeaders, endStream: Bool) {
        events.append(.opened(id, headers, endStream: endStream))
        onStreamOpened?(id, headers, endStream)
    }

    func headersReceived(_ id: UInt32, headers: CallHeaders) { events.append(.headers(id, headers)) }

    func messageReceived(_ id: UInt32, _ message: ByteBuffer, wireSize: Int) {
        events.append(.message(id, message.readableBytesArray))
        wireSizes.append(wireSize)
        if consumesMessages {
            core?.messageConsumed(id, wireSize: wireSize)
        } else {
            unconsumed.append((id, wireSize))
        }
        onMessage?(id, message)
    }

    func inboundClosed(_ id: UInt32) {
        events.append(.inboundClosed(id))
        onInboundClosed?(id)
    }

    func trailersReceived(_ id: UInt32, _ trailers: CallTrailers) { events.append(.trailers(id, trailers)) }

    func streamReset(_ id: UInt32, _ error: RPCError) {
        events.append(.reset(id, error.code))
        resetErrors[id] = error
    }

    func streamWritable(_ id: UInt32) {
        events.append(.writable(id))
        onWritable?(id)
    }

    func goAwayReceived(lastStreamID: UInt32, code: StatusCode, reason: String) {
        events.append(.goAway(lastStreamID: lastStreamID, code: code))
        goAwayReason = reason
    }

    func pingAcknowledged(_ data: UInt64) { events.append(.pingAck(data)) }

    func connectionFailed(_ error: WireError) {
        events.append(.failed(error.code))
        failure = error
    }
}
