import AuraBytes
import AuraWire

/// The application's side of a script: what a server or client does with the core between
/// the peer's frames, as the real ones do (consume messages, answer, open and end calls).
extension ConnectionDriver {
    /// Consumes delivered messages, as an application that keeps up (or lags) does.
    func consumeMessages(all: Bool, index: Int) {
        guard !observer.undelivered.isEmpty else { return }
        let taken = all ? observer.undelivered : [observer.undelivered.remove(at: index % observer.undelivered.count)]
        if all { observer.undelivered.removeAll() }
        for message in taken { core.messageConsumed(message.id, wireSize: message.wireSize) }
    }

    /// One call on a stream: the server answers (HEADERS, messages, TRAILERS), the client
    /// opens a stream, sends, half-closes; either side may fail or cancel the stream.
    func applicationStreamCall(_ parameter: UInt8, _ script: inout FuzzInput) {
        let choice = script.byte()
        let id = observer.live.isEmpty ? UInt32(choice % 8) : observer.live[Int(choice) % observer.live.count]
        switch (role, parameter % 6) {
        case (.client, 0):
            if let opened = try? core.openStream(CallHeaders(method: "a.B/C", messageEncoding: "deflate"), endStream: choice & 1 == 1) {
                observer.appOpened(opened)
            }
        case (.server, 0): core.sendHeaders(id, CallHeaders())
        case (_, 1), (_, 2):
            let size = script.pick(Self.messageSizes)
            let compress = parameter % 6 == 2
            if (try? core.sendMessage(id, ByteBuffer(bytes: Self.pattern[0..<size]), compress: compress, endStream: choice & 1 == 1)) != nil {
                applicationBytes += size + 64 + FrameHeader.size * (size / 16_384 + 1)
            }
        case (.server, 3):
            observer.appEnding(id)
            core.sendTrailers(id, CallTrailers(code: StatusCode(wireValue: UInt32(choice % 17))))
        case (.client, 3): core.sendEndStream(id)
        case (_, 4): core.failStream(id, RPCError(.internal, "the application failed"))
        default:
            if core.hasStream(id) { observer.appEnded(id) }
            core.cancelStream(id, code: .cancelled)
        }
    }

    /// A call on the whole connection: a PING, a graceful GOAWAY (server), or nothing (the
    /// peer's bytes are delivered after every step anyway).
    func applicationConnectionCall(_ parameter: UInt8) {
        switch parameter % 3 {
        case 0: core.sendPing(UInt64(steps))
        case 1: if role == .server { core.goAway(reason: "shutting down") }
        default: break
        }
    }
}
