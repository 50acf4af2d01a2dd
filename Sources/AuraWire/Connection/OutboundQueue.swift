import AuraBytes

/// A message waiting for flow-control credit: the bytes not yet sent and how to frame them.
struct PendingMessage: Sendable {
    var remaining: ByteBuffer
    let compressed: Bool
    var endStream: Bool
}

/// What ends a stream's outbound half once its queued messages are out.
enum PendingEnd: Sendable {
    /// A server's TRAILERS, ending the call.
    case trailers(CallTrailers)
    /// A client's empty TRAILERS, ending its half.
    case halfClose
}

/// One stream's bookkeeping inside a `ConnectionCore`: its lifecycle, both windows, and what
/// waits to be sent.
struct StreamRecord: Sendable {
    var state: StreamState
    /// Credit the peer granted us for this stream.
    var sendWindow: Int
    /// Credit we still grant the peer for this stream.
    var receiveWindow: Int
    /// Bytes the application consumed that we have not yet returned as WINDOW_UPDATE.
    var unreturnedCredit = 0
    /// Wire bytes of the message being assembled whose credit is withheld.
    var assemblingWireBytes = 0
    /// Wire bytes of the message being assembled whose credit went back early.
    var earlyCreditedBytes = 0
    /// Messages handed to the application and not yet consumed.
    var undeliveredMessages = 0
    /// Messages waiting for credit, oldest first.
    var pending: [PendingMessage] = []
    /// How the outbound half ends once `pending` is empty.
    var pendingEnd: PendingEnd?
    /// Whether the stream sits in the core's list of streams waiting for credit.
    var isBlocked = false

    /// Whether messages or an end wait to be written.
    var hasPendingOutput: Bool { !pending.isEmpty || pendingEnd != nil }

    /// A MESSAGE frame's payload arrived: takes its credit and returns the whole message once
    /// its last fragment is in. Call it in place (`streams.modify(id) { ... }`), never on a
    /// copy: a copy shares the partial message and forces the assembler to copy it.
    mutating func receiveFragment(_ payload: ByteBuffer, flags: FrameFlags) throws(RPCError) -> ByteBuffer? {
        receiveWindow -= payload.readableBytes
        assemblingWireBytes += payload.readableBytes
        return try state.receiveMessage(payload, flags: flags)
    }
}

/// The bytes a connection has ready for the socket: small frames gathered in one buffer, large
/// payloads passed along as they are, in order.
struct OutboundBytes: Sendable {
    /// Payloads at least this large are queued as their own buffer instead of copied.
    static let zeroCopyThreshold = 8 * 1024

    /// What `urgent` and `current` are while empty: shared, never-written storage, so an idle
    /// connection holds no output buffer; the first write gives the buffer its own storage of
    /// the template's capacity (copy on write), one allocation as a fresh buffer would take.
    static let emptyUrgent = ByteBuffer(capacity: 64)
    static let emptyCurrent = ByteBuffer(capacity: 4096)

    var urgent = emptyUrgent
    var current = emptyCurrent
    var chunks: [ByteBuffer] = []
    /// The bytes in `chunks`.
    private var chunkBytes = 0

    var isEmpty: Bool { urgent.readableBytes == 0 && current.readableBytes == 0 && chunks.isEmpty }

    /// The bytes queued.
    var byteCount: Int { urgent.readableBytes + current.readableBytes + chunkBytes }

    /// Appends a payload, copying it if small, queueing it whole if large.
    mutating func appendPayload(_ payload: ByteBuffer) {
        if payload.readableBytes < Self.zeroCopyThreshold {
            current.writeBuffer(payload)
        } else {
            sealCurrent()
            chunks.append(payload)
            chunkBytes += payload.readableBytes
        }
    }

    mutating func sealCurrent() {
        guard current.readableBytes > 0 else { return }
        chunks.append(current)
        chunkBytes += current.readableBytes
        current = Self.emptyCurrent
    }

    /// Hands every buffer to `sink` in order and empties the queue.
    mutating func drain(_ sink: (ByteBuffer) -> Void) {
        if urgent.readableBytes > 0 {
            sink(urgent)
            urgent = Self.emptyUrgent
        }
        for chunk in chunks { sink(chunk) }
        chunks.removeAll(keepingCapacity: true)
        chunkBytes = 0
        if current.readableBytes > 0 {
            sink(current)
            current = Self.emptyCurrent
        }
    }
}
