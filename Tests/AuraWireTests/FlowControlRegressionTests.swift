import AuraBytes
import Testing
@testable import AuraWire

/// Regression tests: behaviour SPEC.md requires that an earlier Sources/AuraWire got wrong (each
/// was written as a failing test before its fix).
@Suite struct FlowControlRegressionTests {
    static let call = CallHeaders(method: "a.B/C")

    // MARK: Flow control

    @Test
    func messageLargerThanTheStreamWindowIsDelivered() throws {
        // Defaults: a 1 MiB stream window and a 4 MiB message limit, so 2 MiB is a legal message.
        let pair = CorePair()
        let id = try pair.client.openStream(Self.call)
        try pair.client.sendMessage(id, .of(pattern(2 << 20)), endStream: true)
        pair.pump()
        #expect(pair.client.queuedBytes(id) == 0)
        #expect(pair.serverEvents.messages.map(\.bytes.count) == [2 << 20])
    }

    @Test
    func messageLargerThanTheConnectionWindowIsDelivered() throws {
        var serverSettings = Settings()
        serverSettings.connectionWindow = 65_536
        let pair = CorePair(server: serverSettings)
        let id = try pair.client.openStream(Self.call)
        try pair.client.sendMessage(id, .of(pattern(100_000)), endStream: true)
        pair.pump()
        #expect(pair.serverEvents.messageBuffers == [.of(pattern(100_000))])
    }

    @Test
    func connectionCreditOfAPartialMessageComesBackWhenThePeerCancels() throws {
        var serverSettings = Settings()
        serverSettings.connectionWindow = 65_536
        let pair = CorePair(server: serverSettings)
        let a = try pair.client.openStream(Self.call)
        #expect(try pair.client.sendMessage(a, .of(pattern(100_000))) == false)  // 64 KiB go out with MORE
        pair.pump()
        pair.client.cancelStream(a, code: .cancelled)
        pair.pump()
        #expect(pair.serverEvents.events.last == .reset(a, .cancelled))

        let b = try pair.client.openStream(Self.call)
        try pair.client.sendMessage(b, .of([1, 2, 3]), endStream: true)
        pair.pump()
        #expect(pair.serverEvents.messages.last?.bytes == [1, 2, 3], "the connection window is still usable")
    }

    @Test
    func connectionCreditOfAPartialMessageComesBackWhenTheServerEndsTheCall() throws {
        var serverSettings = Settings()
        serverSettings.connectionWindow = 65_536
        let pair = CorePair(server: serverSettings)
        let a = try pair.client.openStream(Self.call)
        #expect(try pair.client.sendMessage(a, .of(pattern(100_000))) == false)
        pair.pump()
        pair.server.sendTrailers(a, CallTrailers(code: .invalidArgument, message: "enough"))
        pair.pump()
        #expect(pair.clientEvents.events.last == .trailers(a, CallTrailers(code: .invalidArgument, message: "enough")))

        let b = try pair.client.openStream(Self.call)
        try pair.client.sendMessage(b, .of([1, 2, 3]), endStream: true)
        pair.pump()
        #expect(pair.serverEvents.messages.last?.bytes == [1, 2, 3], "the connection window is still usable")
    }

    @Test
    func zeroLengthMessageWhileTheSendWindowIsNegative() throws {
        var serverSettings = Settings()
        serverSettings.initialStreamWindow = 16_384
        let pair = CorePair(server: serverSettings, handshake: false)
        pair.serverEvents.consumesMessages = false
        let id = try pair.client.openStream(Self.call)
        // Sent under the default 1 MiB window, before the server's SETTINGS arrive (SPEC 1 allows it).
        try pair.client.sendMessage(id, .of(pattern(65_536)))
        pair.deliverClientOutput()
        pair.deliverServerOutput()  // the 16 KiB window applies: the client's credit is 16384 - 65536 < 0
        _ = try pair.client.sendMessage(id, ByteBuffer())  // zero bytes need no credit
        pair.pump()
        #expect(pair.serverEvents.messageBuffers == [.of(pattern(65_536)), ByteBuffer()])
    }

    @Test
    func ourSmallerConnectionWindowIsEnforced() {
        var settings = Settings()
        settings.connectionWindow = 65_536
        let peer = LonePeer(server: settings)  // the client has acknowledged our SETTINGS
        peer.events.consumesMessages = false
        peer.receive(
            .headers(streamID: 1, Self.call, endStream: false),
            .message(streamID: 1, payload: .of(pattern(40_000)), flags: []),
            .headers(streamID: 3, Self.call, endStream: false),
            .message(streamID: 3, payload: .of(pattern(40_000)), flags: []))  // 80000 > 65536 granted
        #expect(peer.events.failure?.code == .resourceExhausted)
        #expect(peer.output().last?.goAwayCode == .resourceExhausted)
    }

    @Test
    func peerCancelForgetsABlockedStream() throws {
        var serverSettings = Settings()
        serverSettings.initialStreamWindow = 16_384
        let pair = CorePair(server: serverSettings)
        pair.serverEvents.consumesMessages = false
        let id = try pair.client.openStream(Self.call)
        #expect(try pair.client.sendMessage(id, .of(pattern(16_384))))  // the whole window
        #expect(try pair.client.sendMessage(id, .of([1, 2, 3])) == false)
        #expect(pair.client.blockedStreams == [id])
        pair.pump()
        pair.server.cancelStream(id, code: .cancelled)
        pair.pump()
        #expect(pair.clientEvents.events == [.reset(id, .cancelled)])
        #expect(pair.client.blockedStreams.isEmpty)
    }

    // MARK: Stream lifecycle

    @Test
    func serverHeadersOnlyBeforeTheFirstMessage() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(Self.call)
        pair.pump()
        try pair.server.sendMessage(id, .of([1]))
        pair.server.sendHeaders(id, CallHeaders(metadata: ["late": "1"]))
        pair.pump()
        #expect(!pair.serverFrames.contains { $0.isHeaders }, "SPEC 3: one HEADERS frame, before any message")
    }

    @Test
    func serverHeadersAtMostOnce() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(Self.call)
        pair.pump()
        pair.server.sendHeaders(id, CallHeaders(metadata: ["first": "1"]))
        pair.server.sendHeaders(id, CallHeaders(metadata: ["second": "1"]))
        pair.pump()
        #expect(pair.serverFrames.filter(\.isHeaders).count == 1)
    }

    // MARK: PING

    @Test
    func pingAckGoesBeforeFramesNotYetWritten() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(Self.call)
        pair.pump()
        try pair.server.sendMessage(id, .of(pattern(100_000)))  // queued, not yet written
        pair.client.sendPing(77)
        pair.deliverClientOutput()
        let frames = pair.takeServerOutput()
        #expect(frames.first == .ping(77, ack: true), "SPEC 4.7: before any other frame it has yet to write")
    }

    // MARK: Compression

    @Test
    func inflateWithoutAPracticalLimit() throws {
        let compressed = MessageEncoding.deflate(.of(pattern(1000)))
        #expect(try MessageEncoding.inflate(compressed, limit: .max) == .of(pattern(1000)))
    }
}

/// Memory a connection may hold in incomplete messages is bounded.
@Suite struct IncompleteMessageBudgetTests {
    static let call = CallHeaders(method: "a.B/C")

    /// Many streams each leave a large message half-sent: once their credited bytes pass the
    /// budget, the connection ends with GOAWAY RESOURCE_EXHAUSTED instead of holding them all.
    @Test func manyHalfSentLargeMessagesEndTheConnection() throws {
        var serverSettings = Settings()
        serverSettings.maxConcurrentStreams = 1000
        var clientSettings = Settings()
        clientSettings.maxMessageSize = 64 << 20
        let pair = CorePair(client: clientSettings, server: serverSettings)
        var serverFailed = false
        for _ in 0..<40 {
            let id = try pair.client.openStream(Self.call)
            pair.deliverClientOutput()  // the HEADERS
            // 3 MiB of a 4 MiB message, written by hand: MORE fragments only, never the last one.
            var frames = ByteBuffer()
            for _ in 0..<48 {
                FrameEncoder.encode(.message(streamID: id, payload: .of(pattern(65_536)), flags: .more), into: &frames)
            }
            pair.server.receive(&frames)
            if pair.server.hasFailed { serverFailed = true; break }
        }
        #expect(serverFailed)
        #expect(pair.serverEvents.failure?.code == .resourceExhausted)
    }

    /// The same bytes as whole messages, taken by the application, never trip the budget.
    @Test func completedMessagesDoNotCount() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(Self.call)
        for _ in 0..<40 {
            try pair.client.sendMessage(id, .of(pattern(3 << 20)))
            pair.pump()
        }
        #expect(!pair.server.hasFailed)
        #expect(pair.serverEvents.messages.count == 40)
    }
}
