import AuraBytes
import Testing
@testable import AuraWire

/// Calls between a client core and a server core wired together in memory.
@Suite struct ConnectionCallTests {
    static let unary = CallHeaders(method: "/aura.TestService/UnaryCall", metadata: ["x-user": "ada"], timeoutMicros: 2_000_000)

    @Test func handshakeExchangesAndAcknowledgesSettings() {
        var serverSettings = Settings()
        serverSettings.maxFrameSize = 16_384
        serverSettings.maxConcurrentStreams = 7
        var clientSettings = Settings()
        clientSettings.maxMessageSize = 1000
        let pair = CorePair(client: clientSettings, server: serverSettings, handshake: false)
        pair.pump()
        #expect(pair.clientFrames == [.settings(clientSettings, ack: false), .settings(nil, ack: true)])
        #expect(pair.serverFrames == [.settings(serverSettings, ack: false), .settings(nil, ack: true)])
        #expect(pair.client.peerSettings == serverSettings)
        #expect(pair.server.peerSettings == clientSettings)
        #expect(pair.client.localSettingsAcknowledged && pair.server.localSettingsAcknowledged)
        #expect(pair.client.acceptsNewStreams && pair.server.acceptsNewStreams)
        #expect(pair.clientEvents.events.isEmpty && pair.serverEvents.events.isEmpty)
    }

    @Test func unaryCallRoundTrip() throws {
        let pair = CorePair()
        let server = pair.server
        pair.serverEvents.onMessage = { id, request in
            server.sendHeaders(id, CallHeaders(metadata: ["x-server": "aura"]))
            var response = request
            response.writeBytes([0xff])
            _ = try? server.sendMessage(id, response)
            server.sendTrailers(id, CallTrailers(code: .ok, metadata: ["x-done": "yes"]))
        }
        let id = try pair.client.openStream(Self.unary)
        #expect(id == 1)
        try pair.client.sendMessage(id, .of([1, 2, 3]), endStream: true)
        pair.pump()

        #expect(pair.serverEvents.events == [.opened(1, Self.unary, endStream: false), .message(1, [1, 2, 3])])
        #expect(pair.clientEvents.events == [
            .headers(1, CallHeaders(metadata: ["x-server": "aura"])),
            .message(1, [1, 2, 3, 0xff]),
            .trailers(1, CallTrailers(code: .ok, metadata: ["x-done": "yes"])),
        ])
        // Four frames: HEADERS | MESSAGE(END_STREAM) one way, then HEADERS, MESSAGE, TRAILERS.
        #expect(pair.clientFrames == [
            .headers(streamID: 1, Self.unary, endStream: false),
            .message(streamID: 1, payload: .of([1, 2, 3]), flags: .endStream),
        ])
        #expect(pair.serverFrames == [
            .headers(streamID: 1, CallHeaders(metadata: ["x-server": "aura"]), endStream: false),
            .message(streamID: 1, payload: .of([1, 2, 3, 0xff]), flags: []),
            .trailers(streamID: 1, CallTrailers(code: .ok, metadata: ["x-done": "yes"])),
        ])
        #expect(pair.client.openStreamCount == 0 && pair.server.openStreamCount == 0)
    }

    @Test func streamsUseIncreasingOddIDs() throws {
        let pair = CorePair()
        let ids = try (0..<4).map { _ in try pair.client.openStream(CallHeaders(method: "a.B/C"), endStream: true) }
        #expect(ids == [1, 3, 5, 7])
        pair.pump()
        #expect(pair.serverEvents.events.map(\.description) == ids.map { "opened(\($0), a.B/C, endStream: true)" })
    }

    @Test func bidirectionalStreaming() throws {
        let pair = CorePair()
        let server = pair.server
        // The server answers each request with two responses and ends when the client does.
        pair.serverEvents.onMessage = { id, request in
            _ = try? server.sendMessage(id, request)
            _ = try? server.sendMessage(id, .of(request.readableBytesArray.reversed()))
        }
        pair.serverEvents.onInboundClosed = { id in server.sendTrailers(id, CallTrailers(code: .ok)) }

        let id = try pair.client.openStream(CallHeaders(method: "aura.TestService/FullDuplexCall"))
        for index in 0..<3 {
            try pair.client.sendMessage(id, .of([UInt8(index), 9]))
            pair.pump()
            #expect(pair.clientEvents.messages.count == 2 * (index + 1), "responses come while the call is open")
        }
        pair.client.sendEndStream(id)
        pair.pump()

        #expect(pair.serverEvents.events == [
            .opened(1, CallHeaders(method: "aura.TestService/FullDuplexCall"), endStream: false),
            .message(1, [0, 9]), .message(1, [1, 9]), .message(1, [2, 9]), .inboundClosed(1),
        ])
        #expect(pair.clientEvents.events == [
            .message(1, [0, 9]), .message(1, [9, 0]), .message(1, [1, 9]), .message(1, [9, 1]),
            .message(1, [2, 9]), .message(1, [9, 2]), .trailers(1, CallTrailers()),
        ])
        // The client ended its half with an empty TRAILERS frame, having no message to carry END_STREAM.
        #expect(pair.clientFrames.last == .trailers(streamID: 1, nil))
    }

    @Test func clientStreamingEndsOnTheLastMessage() throws {
        let pair = CorePair()
        let server = pair.server
        var total = 0
        pair.serverEvents.onMessage = { _, message in total += message.readableBytes }
        pair.serverEvents.onInboundClosed = { id in
            _ = try? server.sendMessage(id, .of([UInt8(total)]))
            server.sendTrailers(id, CallTrailers())
        }
        let id = try pair.client.openStream(CallHeaders(method: "aura.TestService/StreamingInputCall"))
        try pair.client.sendMessage(id, .of(pattern(10)))
        try pair.client.sendMessage(id, .of(pattern(20)))
        try pair.client.sendMessage(id, .of(pattern(30)), endStream: true)
        pair.pump()
        #expect(pair.clientEvents.events == [.message(1, [60]), .trailers(1, CallTrailers())])
        #expect(pair.clientFrames.compactMap { $0.messageFragment(on: 1)?.flags } == [[], [], .endStream])
    }

    @Test func serverStreamingAfterHeadersWithEndStream() throws {
        let pair = CorePair()
        let server = pair.server
        pair.serverEvents.onStreamOpened = { id, _, endStream in
            #expect(endStream)
            for index in 0..<5 { _ = try? server.sendMessage(id, .of([UInt8(index)])) }
            server.sendTrailers(id, CallTrailers(code: .outOfRange, message: "done"))
        }
        let id = try pair.client.openStream(CallHeaders(method: "aura.TestService/StreamingOutputCall"), endStream: true)
        #expect(throws: RPCError.self) { try pair.client.sendMessage(id, .of([1])) }
        pair.pump()
        #expect(pair.clientEvents.messages.map(\.bytes) == [[0], [1], [2], [3], [4]])
        #expect(pair.clientEvents.events.last == .trailers(1, CallTrailers(code: .outOfRange, message: "done")))
    }

    @Test func messageBiggerThanMaxFrameSizeIsFragmented() throws {
        let pair = CorePair()
        let message = pattern(200_000)
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        try pair.client.sendMessage(id, .of(message), endStream: true)
        pair.pump()
        let fragments = pair.clientFrames.compactMap { $0.messageFragment(on: id) }
        #expect(fragments.map(\.size) == [65_536, 65_536, 65_536, 3_392])
        #expect(fragments.map(\.flags) == [.more, .more, .more, .endStream])
        #expect(pair.serverEvents.messageBuffers == [.of(message)])
    }

    @Test func peerMaxFrameSizeIsHonored() throws {
        var serverSettings = Settings()
        serverSettings.maxFrameSize = 16_384
        let pair = CorePair(server: serverSettings)
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        try pair.client.sendMessage(id, .of(pattern(40_000)), compress: false)
        pair.pump()
        #expect(pair.clientFrames.compactMap { $0.messageFragment(on: id)?.size } == [16_384, 16_384, 7_232])
        #expect(pair.serverEvents.messageBuffers == [.of(pattern(40_000))])
        #expect(!pair.server.hasFailed)
    }

    @Test func compressedMessagesBothWays() throws {
        let pair = CorePair()
        let server = pair.server
        pair.serverEvents.onMessage = { id, request in
            server.sendHeaders(id, CallHeaders(messageEncoding: "deflate"))
            _ = try? server.sendMessage(id, request, compress: true)
            server.sendTrailers(id, CallTrailers())
        }
        let message = pattern(100_000)
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C", messageEncoding: "deflate", acceptEncoding: ["deflate"]))
        try pair.client.sendMessage(id, .of(message), compress: true, endStream: true)
        pair.pump()
        let sent = pair.clientFrames.compactMap { $0.messageFragment(on: id) }
        #expect(sent.count == 1 && sent[0].flags == [.compressed, .endStream] && sent[0].size < 10_000)
        #expect(pair.serverFrames.compactMap { $0.messageFragment(on: id)?.flags } == [.compressed])
        #expect(pair.serverEvents.messageBuffers == [.of(message)])
        #expect(pair.clientEvents.messageBuffers == [.of(message)])
        #expect(pair.serverEvents.wireSizes == [sent[0].size], "credit counts the bytes on the wire")
    }

    @Test func zeroLengthMessages() throws {
        let pair = CorePair()
        let server = pair.server
        pair.serverEvents.onMessage = { id, _ in
            _ = try? server.sendMessage(id, ByteBuffer())
            server.sendTrailers(id, CallTrailers())
        }
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        try pair.client.sendMessage(id, ByteBuffer(), endStream: true)
        pair.pump()
        #expect(pair.clientFrames.last == .message(streamID: 1, payload: ByteBuffer(), flags: .endStream))
        #expect(pair.serverEvents.messages.map(\.bytes) == [[]])
        #expect(pair.clientEvents.events == [.message(1, []), .trailers(1, CallTrailers())])
    }

    @Test func everyByteSplitGivesTheSameEvents() throws {
        // The client's whole opening (preface, SETTINGS, a call) delivered one byte at a time.
        let client = ConnectionCore(role: .client)
        let id = try client.openStream(Self.unary)
        try client.sendMessage(id, .of(pattern(70_000)), endStream: true)
        var bytes = ByteBuffer()
        client.drainOutput { bytes.writeBuffer($0) }

        let whole = LonePeer(server: Settings(), greet: false)
        whole.receive(bytes)
        let trickle = LonePeer(server: Settings(), greet: false)
        for byte in bytes.readableBytesArray { trickle.receive(.of([byte])) }
        #expect(trickle.pendingInput == 0)
        #expect(whole.events.events == [
            .opened(1, Self.unary, endStream: false), .message(1, pattern(70_000)), .inboundClosed(1),
        ])
        #expect(trickle.events.events == whole.events.events)
        #expect(trickle.output() == whole.output())
    }

    @Test func sendMessageOverThePeersMaxMessageSizeThrows() throws {
        var serverSettings = Settings()
        serverSettings.maxMessageSize = 1000
        let pair = CorePair(server: serverSettings)
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        do {
            try pair.client.sendMessage(id, .of(pattern(1001)))
            Issue.record("sent a message over the peer's limit")
        } catch {
            #expect(error.code == .resourceExhausted)
        }
        #expect(try pair.client.sendMessage(id, .of(pattern(1000))))
        pair.pump()
        #expect(pair.serverEvents.messageBuffers == [.of(pattern(1000))])
    }

    @Test func sendOnEndedStreamsThrowsFailedPrecondition() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        try pair.client.sendMessage(id, .of([1]), endStream: true)
        #expect(throws: RPCError(.failedPrecondition, "stream 1 has ended")) { try pair.client.sendMessage(id, .of([2])) }
        #expect(throws: RPCError.self) { try pair.client.sendMessage(99, .of([2])) }
        pair.pump()
        pair.server.sendTrailers(id, CallTrailers())
        #expect(throws: RPCError.self) { try pair.server.sendMessage(id, .of([3])) }
    }

    @Test func unknownMessageEncodingIsUnimplemented() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C", messageEncoding: "gzip"))
        try pair.client.sendMessage(id, .of([1]), endStream: true)
        pair.pump()
        #expect(pair.serverEvents.events.isEmpty, "the handler never sees the call")
        #expect(pair.clientEvents.events.count == 1)
        guard case .trailers(1, let trailers) = pair.clientEvents.events.first else {
            Issue.record("no trailers: \(pair.clientEvents.events)")
            return
        }
        #expect(trailers.code == .unimplemented)
        #expect(trailers.message.contains("gzip"))
        #expect(!pair.server.hasFailed && pair.server.openStreamCount == 0)
    }

    @Test func identityEncodingIsAccepted() throws {
        let pair = CorePair()
        _ = try pair.client.openStream(CallHeaders(method: "a.B/C", messageEncoding: "identity"), endStream: true)
        pair.pump()
        #expect(pair.serverEvents.events.count == 1)
    }

    @Test func compressedMessageWithoutEncodingIsInternal() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        try pair.client.sendMessage(id, .of(pattern(100)), compress: true, endStream: true)
        pair.pump()
        #expect(pair.serverEvents.events == [.opened(1, CallHeaders(method: "a.B/C"), endStream: false), .reset(1, .internal)])
        #expect(pair.clientEvents.events.map(\.description) == ["trailers(1, INTERNAL)"])
        #expect(!pair.server.hasFailed)
    }

    @Test func clientCancels() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        try pair.client.sendMessage(id, .of([1]))
        pair.pump()
        pair.client.cancelStream(id, code: .cancelled)
        #expect(!pair.client.hasStream(id))
        pair.pump()
        #expect(pair.clientFrames.last == .cancel(streamID: 1, code: .cancelled))
        #expect(pair.serverEvents.events.last == .reset(1, .cancelled))
        #expect(pair.server.openStreamCount == 0)
        // What the server had in flight for the stream is ignored.
        #expect(throws: RPCError.self) { try pair.server.sendMessage(id, .of([2])) }
    }

    @Test func serverCancels() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        pair.pump()
        pair.server.cancelStream(id, code: .deadlineExceeded)
        try pair.client.sendMessage(id, .of([1]))  // crosses the CANCEL
        pair.pump()
        #expect(pair.clientEvents.events == [.reset(1, .deadlineExceeded)])
        #expect(pair.serverEvents.events == [.opened(1, CallHeaders(method: "a.B/C"), endStream: false)])
        #expect(pair.client.openStreamCount == 0 && pair.server.openStreamCount == 0)
        #expect(!pair.client.hasFailed && !pair.server.hasFailed)
    }

    @Test func failStreamAnswersWithTrailersOrCancelByRole() throws {
        let pair = CorePair()
        let first = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        let second = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        pair.pump()
        pair.server.failStream(first, RPCError(.permissionDenied, "no"))
        pair.client.failStream(second, RPCError(.deadlineExceeded, "too slow"))
        pair.pump()
        #expect(pair.serverFrames == [.trailers(streamID: first, CallTrailers(code: .permissionDenied, message: "no"))])
        #expect(pair.clientFrames.last == .cancel(streamID: second, code: .deadlineExceeded))
        #expect(pair.clientEvents.events == [.reset(second, .deadlineExceeded), .trailers(first, CallTrailers(code: .permissionDenied, message: "no"))])
        #expect(pair.serverEvents.events.suffix(2) == [.reset(first, .permissionDenied), .reset(second, .deadlineExceeded)])
        #expect(pair.client.openStreamCount == 0 && pair.server.openStreamCount == 0)
    }

    @Test func pingIsAnswered() {
        let pair = CorePair()
        pair.client.sendPing(0x0102_0304_0506_0708)
        pair.server.sendPing(42)
        pair.pump()
        #expect(pair.clientEvents.events == [.pingAck(0x0102_0304_0506_0708)])
        #expect(pair.serverEvents.events == [.pingAck(42)])
        #expect(pair.serverFrames.contains(.ping(0x0102_0304_0506_0708, ack: true)))
        #expect(pair.clientFrames.contains(.ping(42, ack: true)))
    }

    @Test func unknownFrameTypesAreIgnoredByTheCore() throws {
        let peer = LonePeer()
        peer.receive(.unknown(type: 0x30, streamID: 1, flags: [], length: 100), .ping(7, ack: false))
        #expect(peer.output() == [.ping(7, ack: true)])
        #expect(!peer.core.hasFailed)
    }

    @Test func transportClosedEndsOpenStreamsUnavailable() throws {
        let pair = CorePair()
        _ = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        _ = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        pair.pump()
        pair.client.transportClosed()
        pair.server.transportClosed()
        #expect(pair.clientEvents.events == [.reset(1, .unavailable), .reset(3, .unavailable)])
        #expect(Array(pair.serverEvents.events.suffix(2)) == [.reset(1, .unavailable), .reset(3, .unavailable)])
        #expect(throws: RPCError.self) { try pair.client.openStream(CallHeaders(method: "a.B/C")) }
    }
}
