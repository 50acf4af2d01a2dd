import AuraBytes
import Testing
@testable import AuraWire

/// SPEC.md section 7: per-stream and connection windows, credit returned as messages are consumed.
@Suite struct ConnectionFlowControlTests {
    @Test func aReceiverThatDoesNotConsumeStopsTheSenderUntilItDoes() throws {
        var serverSettings = Settings()
        serverSettings.initialStreamWindow = 65_536
        let pair = CorePair(server: serverSettings)
        pair.serverEvents.consumesMessages = false

        let a = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        for _ in 0..<4 { #expect(try pair.client.sendMessage(a, .of(pattern(16_384)))) }
        #expect(try pair.client.sendMessage(a, .of(pattern(16_384, start: 7))) == false, "the window is used up")
        #expect(pair.client.queuedBytes(a) == 16_384)
        pair.pump()
        #expect(pair.serverEvents.messages.count == 4)
        #expect(!pair.serverFrames.contains { $0.isWindowUpdate }, "no credit before anything is consumed")
        #expect(pair.client.queuedBytes(a) == 16_384, "still waiting")

        // Another stream goes on within the connection window.
        let b = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        #expect(try pair.client.sendMessage(b, .of([1, 2, 3])))
        pair.pump()
        #expect(pair.serverEvents.messages.last?.id == b)

        // Consuming returns the credit in batches of a quarter window; the sender resumes.
        pair.serverEvents.consumeAll()
        pair.pump()
        #expect(pair.serverFrames.filter(\.isWindowUpdate) == Array(repeating: .windowUpdate(streamID: a, increment: 16_384), count: 4))
        #expect(pair.clientEvents.events == [.writable(a)])
        #expect(pair.client.queuedBytes(a) == 0)
        #expect(pair.serverEvents.messageBuffers.last == .of(pattern(16_384, start: 7)))
        #expect(!pair.server.hasFailed)
    }

    @Test func theConnectionWindowIsSharedByAllStreams() throws {
        var serverSettings = Settings()
        serverSettings.connectionWindow = 65_536
        let pair = CorePair(server: serverSettings)
        pair.serverEvents.consumesMessages = false

        let a = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        #expect(try pair.client.sendMessage(a, .of(pattern(65_536))))
        let b = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        #expect(try pair.client.sendMessage(b, .of([7])) == false, "the connection window is used up")
        pair.pump()
        #expect(pair.serverEvents.messages.map(\.id) == [a])

        pair.serverEvents.consumeAll()
        pair.pump()
        #expect(pair.serverFrames.filter(\.isWindowUpdate) == [.windowUpdate(streamID: 0, increment: 65_536)])
        #expect(pair.clientEvents.events == [.writable(b)])
        #expect(pair.serverEvents.messages.map(\.id) == [a, b])
    }

    @Test func aLargerPeerWindowLetsTheSenderGoFurther() throws {
        var serverSettings = Settings()
        serverSettings.initialStreamWindow = 2 << 20
        let pair = CorePair(server: serverSettings)
        pair.serverEvents.consumesMessages = false
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        for _ in 0..<24 { #expect(try pair.client.sendMessage(id, .of(pattern(65_536)))) }  // 1.5 MiB
        pair.pump()
        #expect(pair.serverEvents.messages.count == 24)
    }

    @Test func creditComesBackForMessagesOnStreamsThatEnded() throws {
        var settings = Settings()
        settings.connectionWindow = 65_536
        let peer = LonePeer(server: settings)
        peer.receive(
            .headers(streamID: 1, CallHeaders(method: "a.B/C"), endStream: false),
            .cancel(streamID: 1, code: .cancelled),
            .message(streamID: 1, payload: .of(pattern(40_000)), flags: []))
        #expect(peer.events.events.map(\.description) == ["opened(1, a.B/C, endStream: false)", "reset(1, CANCELLED)"])
        #expect(peer.output() == [.windowUpdate(streamID: 0, increment: 40_000)])
    }

    @Test func streamWindowViolationIsAConnectionError() {
        var settings = Settings()
        settings.initialStreamWindow = 16_384
        let peer = LonePeer(server: settings)
        peer.events.consumesMessages = false
        peer.receive(
            .headers(streamID: 1, CallHeaders(method: "a.B/C"), endStream: false),
            .message(streamID: 1, payload: .of(pattern(16_384)), flags: []),
            .message(streamID: 1, payload: .of([1]), flags: []))
        #expect(peer.events.messages.count == 1)
        #expect(peer.core.hasFailed)
        #expect(peer.events.failure?.code == .resourceExhausted)
        #expect(peer.events.failure?.reason.contains("flow control window exceeded") == true)
        let output = peer.output()
        #expect(output.last?.goAwayCode == .resourceExhausted)
        #expect(output.last == .goAway(lastStreamID: 1, code: .resourceExhausted, reason: peer.events.failure!.reason))
        #expect(peer.events.resetErrors[1]?.code == .unavailable)
    }

    @Test func connectionWindowViolationIsAConnectionError() {
        var settings = Settings()
        settings.initialStreamWindow = 0x7fff_ffff
        let peer = LonePeer(server: settings)
        peer.events.consumesMessages = false
        var frames: [Frame] = [.headers(streamID: 1, CallHeaders(method: "a.B/C"), endStream: false)]
        let chunk = ByteBuffer(bytes: pattern(65_536))
        for _ in 0..<128 { frames.append(.message(streamID: 1, payload: chunk, flags: [])) }  // 8 MiB: the whole window
        frames.append(.message(streamID: 1, payload: .of([1]), flags: []))
        peer.receive(encode(frames))
        #expect(peer.events.failure?.code == .resourceExhausted)
        #expect(peer.events.failure?.reason.contains("on the connection") == true)
        #expect(peer.output().last?.goAwayCode == .resourceExhausted)
    }

    @Test func windowUpdatesMayNotGrowAWindowPast2To31() {
        let peer = LonePeer()
        peer.receive(.windowUpdate(streamID: 0, increment: 0x7fff_ffff))
        #expect(peer.events.failure?.code == .invalidArgument)
    }

    /// Stream 9 is below the highest stream opened (11): it may have ended, so its update is
    /// ignored.
    @Test func windowUpdateForAnUnknownStreamIsIgnored() {
        let peer = LonePeer()
        peer.receive(.headers(streamID: 11, CallHeaders(method: "/a.B/C"), endStream: false))
        _ = peer.output()
        peer.receive(.windowUpdate(streamID: 9, increment: 100), .ping(1, ack: false))
        #expect(peer.output() == [.ping(1, ack: true)])
        #expect(!peer.core.hasFailed)
    }

    /// A stream above the highest opened cannot exist yet: a connection error (SPEC.md section 3).
    @Test func windowUpdateAboveTheHighestStreamIsAConnectionError() {
        let peer = LonePeer()
        peer.receive(.windowUpdate(streamID: 9, increment: 100))
        #expect(peer.events.failure?.code == .invalidArgument)
    }
}
