import AuraBytes

/// The lifecycle of one stream (one call) as seen by one side: an explicit state machine.
///
/// Each half is tracked on its own: `inbound` is what the peer sends us, `outbound` what we
/// send. A server's stream ends when it sends TRAILERS, a client's when it receives them, and
/// either ends at once on CANCEL. Events that the state does not allow throw an `RPCError`,
/// which ends the stream (not the connection).
struct StreamState: Sendable {
    /// What the peer may still send us.
    enum Inbound: Sendable {
        /// Messages may arrive; the assembler joins their fragments.
        case receiving(MessageAssembler)
        /// The peer ended its half.
        case closed
    }

    /// What we may still send.
    enum Outbound: Sendable {
        /// Nothing sent yet (a server's HEADERS are still optional).
        case idle
        /// Headers or messages have gone out.
        case sending
        /// Our half is closed: END_STREAM or client TRAILERS (client), never a server's state
        /// since a server's TRAILERS end the whole stream.
        case closed
    }

    /// The stream's phase.
    enum Phase: Sendable {
        case open(inbound: Inbound, outbound: Outbound)
        case closed
    }

    private(set) var phase: Phase

    /// Opens a stream whose inbound messages are limited to `maxMessageSize` bytes.
    init(maxMessageSize: Int, compressionAllowed: Bool, outbound: Outbound = .idle) {
        phase = .open(
            inbound: .receiving(MessageAssembler(maxMessageSize: maxMessageSize, compressionAllowed: compressionAllowed)),
            outbound: outbound)
    }

    /// Whether the stream has ended both ways.
    var isClosed: Bool { if case .closed = phase { true } else { false } }

    /// Whether the peer may still send messages.
    var isReceiving: Bool {
        if case .open(.receiving, _) = phase { true } else { false }
    }

    /// A MESSAGE frame arrived: returns the whole message once complete.
    mutating func receiveMessage(_ payload: ByteBuffer, flags: FrameFlags) throws(RPCError) -> ByteBuffer? {
        guard case .open(.receiving(var assembler), let outbound) = phase else {
            throw RPCError(.internal, "message received after the peer ended its half of the stream")
        }
        phase = .closed  // release the assembler so its buffer stays uniquely owned
        let message: ByteBuffer?
        do {
            message = try assembler.append(payload, flags: flags)
        } catch {
            phase = .open(inbound: .closed, outbound: outbound)
            throw error
        }
        phase = .open(inbound: .receiving(assembler), outbound: outbound)
        if flags.contains(.endStream) { try receiveEndStream() }
        return message
    }

    /// The peer ended its half (END_STREAM or a client's TRAILERS).
    mutating func receiveEndStream() throws(RPCError) {
        guard case .open(.receiving(let assembler), let outbound) = phase else {
            throw RPCError(.internal, "the peer ended its half of the stream twice")
        }
        if assembler.isMidMessage {
            phase = .open(inbound: .closed, outbound: outbound)
            throw RPCError(.internal, "the stream ended in the middle of a message")
        }
        phase = .open(inbound: .closed, outbound: outbound)
    }

    /// We send HEADERS or a message: a server's first one may be HEADERS, nothing after its end.
    mutating func send() -> Bool {
        guard case .open(let inbound, let outbound) = phase, outbound != .closed else { return false }
        phase = .open(inbound: inbound, outbound: .sending)
        return true
    }

    /// We send a server's HEADERS: only before anything else went out.
    mutating func sendHeaders() -> Bool {
        guard case .open(let inbound, .idle) = phase else { return false }
        phase = .open(inbound: inbound, outbound: .sending)
        return true
    }

    /// We end our half (client).
    mutating func sendEndStream() -> Bool {
        guard case .open(let inbound, let outbound) = phase, outbound != .closed else { return false }
        phase = .open(inbound: inbound, outbound: .closed)
        return true
    }

    /// The whole stream ends: a server sent or a client received TRAILERS, or CANCEL either way.
    mutating func close() { phase = .closed }
}

extension StreamState.Outbound: Equatable {}
