import AuraBytes
import AuraWire

/// Runs one `ConnectionTarget` script: plays the peer (frames into the core) and the
/// application (calls on the core), checking invariants after every step.
final class ConnectionDriver {
    let core: ConnectionCore
    let observer: ConnectionObserver
    let role: ConnectionCore.Role
    /// The peer's bytes not yet delivered to the core.
    var pending = ByteBuffer()
    /// Delivered bytes the core has not consumed (the start of a frame).
    var arrived = ByteBuffer()
    /// How many bytes at the end of `pending` the next delivery keeps back.
    var holdBack = 0
    /// Counters for the output bound.
    var peerBytes = 0
    var outputBytes = 0
    var applicationBytes = 0
    var steps = 0
    /// The next stream id no one used yet, for frames on fresh streams.
    var freshStreamID: UInt32 = 1

    init(role: ConnectionCore.Role, settings: Settings, sendsPreface: Bool) {
        self.role = role
        core = ConnectionCore(role: role, settings: settings)
        observer = ConnectionObserver(maxMessageSize: Int(max(settings.maxMessageSize, Settings().maxMessageSize)))
        core.delegate = observer
        if sendsPreface { pending.writeBytes(Preface.bytes) }
    }

    /// Reads one operation off `script` and performs it, then delivers the peer's bytes.
    func step(_ script: inout FuzzInput) throws(FuzzFailure) {
        steps += 1
        let operation = script.byte()
        let parameter = operation >> 4
        switch operation & 0x0f {
        case 0...9: writePeerFrame(operation & 0x0f, parameter, &script)
        case 10: pending.writeBytes(script.bytes(Int(script.uint16())))
        case 11: consumeMessages(all: parameter == 15, index: Int(parameter))
        case 12: applicationStreamCall(parameter, &script)
        case 13: applicationConnectionCall(parameter)
        case 14: holdBack = Int(script.byte() % 32) + 1
        default: openManyStreams(Int(script.byte() % 128) + 1)
        }
        try deliver()
    }

    /// Delivers what is left and closes the transport: every stream must end.
    func finish() throws(FuzzFailure) {
        holdBack = 0
        try deliver()
        arrived.clear()  // a frame cut short by the close is gone with the transport
        core.transportClosed()
        observer.reconcile(with: core)
        try check()
        try require(observer.live.isEmpty, "streams \(observer.live) never ended")
    }

    /// Hands the peer's bytes (but the held-back tail) to the core, then checks.
    func deliver() throws(FuzzFailure) {
        let count = max(0, pending.readableBytes - holdBack)
        holdBack = 0
        if count > 0 {
            arrived.writeBuffer(pending.sharingSlice(at: 0, count: count))
            pending.moveReaderIndex(forwardBy: count)
            pending.discardReadBytes()
            peerBytes += count
            core.receive(&arrived)
            arrived.discardReadBytes()
        }
        core.drainOutput { outputBytes += $0.readableBytes }
        observer.reconcile(with: core)
        try check()
    }

    func check() throws(FuzzFailure) {
        if let violation = observer.violation { throw FuzzFailure(violation) }
        if core.hasFailed {
            try require(core.openStreamCount == 0, "the connection failed with \(core.openStreamCount) streams open")
            try require(arrived.readableBytes == 0, "the connection failed but kept \(arrived.readableBytes) unread bytes")
        }
        let frameLimit = Int(max(core.localSettings.maxFrameSize, Settings().maxFrameSize))
        try require(arrived.readableBytes < FrameHeader.size + frameLimit, "\(arrived.readableBytes) unread bytes: more than one frame")
        if role == .server {
            try require(core.openStreamCount <= Int(core.localSettings.maxConcurrentStreams),
                        "\(core.openStreamCount) streams open, above MAX_CONCURRENT_STREAMS")
        }
        let bound = 2 * peerBytes + 512 * steps + 4_096
        try require(outputBytes - applicationBytes <= bound,
                    "the core wrote \(outputBytes - applicationBytes) bytes of its own for \(peerBytes) bytes from the peer in \(steps) steps")
    }
}
