import AuraBytes
import Testing
@testable import AuraWire

/// Connection errors (GOAWAY and close), stream refusals, and shutting down.
@Suite struct ConnectionErrorTests {
    static let call = CallHeaders(method: "a.B/C")

    @Test func badPrefaceMagicIsInvalidArgument() {
        let peer = LonePeer(server: Settings(), greet: false)
        peer.receive(.of(Array("GET / HTTP/1.1\r\n\r\n".utf8)))
        #expect(peer.core.hasFailed)
        #expect(peer.events.events == [.failed(.invalidArgument)])
        #expect(peer.output() == [
            .settings(Settings(), ack: false),
            .goAway(lastStreamID: 0, code: .invalidArgument, reason: "bad preface magic: this is not an AuraRPC client"),
        ])
        // Later input is dropped without a word.
        peer.receive(.of(Preface.bytes))
        #expect(peer.pendingInput == 0)
        #expect(peer.output().isEmpty)
    }

    @Test func unsupportedVersionIsUnimplemented() {
        let peer = LonePeer(server: Settings(), greet: false)
        peer.receive(.of(Preface.magic + [9]))
        #expect(peer.events.failure?.code == .unimplemented)
        #expect(peer.events.failure?.reason == "unsupported protocol version 9; this server speaks version 1")
        #expect(peer.output().last?.goAwayCode == .unimplemented)
    }

    @Test func prefaceMayArriveInPieces() {
        let peer = LonePeer(server: Settings(), greet: false)
        peer.receive(.of(Array(Preface.bytes[..<3])))
        #expect(!peer.core.hasFailed && peer.pendingInput == 3)
        var rest = ByteBuffer(bytes: Preface.bytes[3...])
        FrameEncoder.encode(.ping(5, ack: false), into: &rest)
        peer.receive(rest)
        #expect(peer.output() == [.settings(Settings(), ack: false), .ping(5, ack: true)])
    }

    @Test func evenStreamIDIsInvalidArgument() {
        let peer = LonePeer()
        peer.receive(.headers(streamID: 2, Self.call, endStream: true))
        #expect(peer.events.events == [.failed(.invalidArgument)])
        #expect(peer.output().last?.goAwayCode == .invalidArgument)
    }

    @Test func decreasingStreamIDIsInvalidArgument() {
        let peer = LonePeer()
        peer.receive(.headers(streamID: 5, Self.call, endStream: false), .headers(streamID: 3, Self.call, endStream: false))
        #expect(peer.events.events == [.opened(5, Self.call, endStream: false), .reset(5, .unavailable), .failed(.invalidArgument)])
        #expect(peer.output().last == .goAway(
            lastStreamID: 5, code: .invalidArgument, reason: "stream id 3 reused or not increasing (highest so far 5)"))
    }

    @Test func reusingAFinishedStreamIDIsInvalidArgument() {
        let peer = LonePeer()
        peer.receive(.headers(streamID: 1, Self.call, endStream: true))
        peer.core.sendTrailers(1, CallTrailers())
        peer.receive(.headers(streamID: 1, Self.call, endStream: true))
        #expect(peer.events.failure?.code == .invalidArgument)
    }

    /// SPEC section 3: any id not greater than every id used before is a connection error,
    /// whether its stream is still open or not.
    @Test func secondHeadersOnAnOpenStreamIsInvalidArgument() {
        let peer = LonePeer()
        peer.receive(.headers(streamID: 1, Self.call, endStream: false), .headers(streamID: 1, Self.call, endStream: false))
        #expect(peer.core.hasFailed)
        #expect(peer.events.failure?.code == .invalidArgument)
    }

    @Test func messageOnANeverOpenedStreamIsInvalidArgument() {
        let peer = LonePeer()
        peer.receive(.message(streamID: 7, payload: .of([1]), flags: []))
        #expect(peer.events.failure?.code == .invalidArgument)
    }

    @Test func framesForFinishedStreamsBelowTheHighestAreIgnored() {
        let peer = LonePeer()
        peer.receive(.headers(streamID: 1, Self.call, endStream: false), .headers(streamID: 3, Self.call, endStream: false))
        peer.core.sendTrailers(1, CallTrailers())
        _ = peer.output()
        peer.receive(
            .message(streamID: 1, payload: .of([1]), flags: []), .trailers(streamID: 1, nil),
            .windowUpdate(streamID: 1, increment: 5), .cancel(streamID: 1, code: .cancelled))
        #expect(!peer.core.hasFailed)
        #expect(peer.output().isEmpty)
        #expect(peer.events.events.count == 2)
    }

    @Test func malformedFrameFailsTheConnectionAndResetsEveryStream() {
        let peer = LonePeer()
        peer.receive(.headers(streamID: 1, Self.call, endStream: false), .headers(streamID: 3, Self.call, endStream: false))
        var bad = ByteBuffer()
        FrameEncoder.writeHeader(FrameHeader(length: 3, type: .ping, streamID: 0), into: &bad)
        bad.writeBytes([1, 2, 3])
        FrameEncoder.encode(.ping(1, ack: false), into: &bad)  // never read
        peer.receive(bad)
        #expect(peer.events.events.suffix(3) == [.reset(1, .unavailable), .reset(3, .unavailable), .failed(.invalidArgument)])
        #expect(peer.output() == [.goAway(lastStreamID: 3, code: .invalidArgument, reason: "PING payload must be 8 bytes, got 3")])
        #expect(peer.core.openStreamCount == 0)
        #expect(!peer.core.acceptsNewStreams)
    }

    @Test func frameOverMaxFrameSizeIsResourceExhausted() {
        let peer = LonePeer()
        var bytes = ByteBuffer()
        FrameEncoder.writeHeader(FrameHeader(length: 65_537, type: .message, streamID: 1), into: &bytes)
        peer.receive(bytes)
        #expect(peer.events.failure?.code == .resourceExhausted)
    }

    @Test func ourSmallerMaxFrameSizeAppliesOnceAcknowledged() {
        var settings = Settings()
        settings.maxFrameSize = 16_384
        let big = Frame.message(streamID: 1, payload: .of(pattern(20_000)), flags: [])
        // Before the client acknowledges our SETTINGS it may still use the default 65536.
        let early = LonePeer(server: settings, greet: true, acknowledge: false)
        early.receive(.headers(streamID: 1, Self.call, endStream: false), big)
        #expect(!early.core.hasFailed)
        #expect(early.events.messages.count == 1)
        // Afterwards the limit is ours.
        let late = LonePeer(server: settings, greet: true, acknowledge: true)
        late.receive(.headers(streamID: 1, Self.call, endStream: false), big)
        #expect(late.events.failure?.code == .resourceExhausted)
    }

    @Test func messageOverOurMaxMessageSizeEndsTheCallResourceExhausted() {
        var settings = Settings()
        settings.maxMessageSize = 1000
        let peer = LonePeer(server: settings)
        peer.receive(
            .headers(streamID: 1, Self.call, endStream: false),
            .message(streamID: 1, payload: .of(pattern(600)), flags: .more),
            .message(streamID: 1, payload: .of(pattern(401)), flags: []),
            .message(streamID: 1, payload: .of(pattern(10)), flags: []))  // in flight: dropped
        #expect(!peer.core.hasFailed)
        #expect(peer.events.events == [.opened(1, Self.call, endStream: false), .reset(1, .resourceExhausted)])
        let output = peer.output()
        #expect(output.count == 1)
        guard case .trailers(1, let trailers?) = output.first else {
            Issue.record("expected TRAILERS, got \(output)")
            return
        }
        #expect(trailers.code == .resourceExhausted)
    }

    @Test func clientCancelsAMessageOverItsMaxMessageSize() throws {
        var settings = Settings()
        settings.maxMessageSize = 100
        let peer = LonePeer(client: settings)
        let id = try peer.core.openStream(Self.call, endStream: true)
        _ = peer.output()
        peer.receive(.message(streamID: id, payload: .of(pattern(101)), flags: []))
        #expect(peer.events.events == [.reset(id, .resourceExhausted)])
        #expect(peer.output() == [.cancel(streamID: id, code: .resourceExhausted)])
    }

    @Test func streamsOverMaxConcurrentStreamsAreRefusedNotTheConnection() throws {
        var serverSettings = Settings()
        serverSettings.maxConcurrentStreams = 1
        let pair = CorePair(server: serverSettings)
        #expect(pair.client.canOpenStream)
        let first = try pair.client.openStream(Self.call)
        #expect(!pair.client.canOpenStream)
        let second = try pair.client.openStream(Self.call)  // the client may ignore canOpenStream
        pair.pump()
        #expect(pair.serverFrames == [.cancel(streamID: second, code: .resourceExhausted)])
        #expect(pair.clientEvents.events == [.reset(second, .resourceExhausted)])
        #expect(pair.serverEvents.events == [.opened(first, Self.call, endStream: false)])
        #expect(!pair.server.hasFailed && !pair.client.hasFailed)

        // Once the first call ends, a new one fits.
        pair.server.sendTrailers(first, CallTrailers())
        pair.pump()
        #expect(pair.client.canOpenStream)
        let third = try pair.client.openStream(Self.call, endStream: true)
        pair.pump()
        #expect(pair.serverEvents.events.last == .opened(third, Self.call, endStream: true))
    }

    @Test func gracefulGoAwayLetsOldStreamsFinishAndRefusesNewOnes() throws {
        let pair = CorePair()
        let server = pair.server
        pair.serverEvents.onMessage = { id, message in
            _ = try? server.sendMessage(id, message)
            server.sendTrailers(id, CallTrailers())
        }
        let old = try pair.client.openStream(Self.call)
        pair.pump()

        pair.server.goAway(reason: "shutting down")
        #expect(!pair.server.acceptsNewStreams)
        let late = try pair.client.openStream(Self.call)  // crosses the GOAWAY
        try pair.client.sendMessage(late, .of([5]), endStream: true)
        pair.pump()

        #expect(pair.serverFrames.first == .goAway(lastStreamID: old, code: .ok, reason: "shutting down"))
        #expect(pair.serverFrames.contains(.cancel(streamID: late, code: .unavailable)))
        #expect(pair.clientEvents.events == [.reset(late, .unavailable), .goAway(lastStreamID: old, code: .ok)])
        #expect(pair.clientEvents.goAwayReason == "shutting down")
        #expect(pair.client.peerGoAwayLastStreamID == old)
        #expect(!pair.client.acceptsNewStreams && !pair.client.canOpenStream)
        #expect(throws: RPCError.self) { try pair.client.openStream(Self.call) }

        // The old call still completes.
        try pair.client.sendMessage(old, .of([1]), endStream: true)
        pair.pump()
        #expect(pair.clientEvents.events.suffix(2) == [.message(old, [1]), .trailers(old, CallTrailers())])
        #expect(pair.serverEvents.events.map(\.description) == ["opened(1, a.B/C, endStream: false)", "message(1, 1 bytes)"])
        #expect(pair.client.openStreamCount == 0 && pair.server.openStreamCount == 0)
    }

    @Test func clientResetsStreamsAboveTheLastStreamIDOfAGoAway() throws {
        let peer = LonePeer(client: Settings())
        let ids = try (0..<3).map { _ in try peer.core.openStream(Self.call) }
        #expect(ids == [1, 3, 5])
        _ = peer.output()
        peer.receive(.goAway(lastStreamID: 3, code: .unavailable, reason: "overloaded"))
        #expect(peer.events.events == [.reset(5, .unavailable), .goAway(lastStreamID: 3, code: .unavailable)])
        #expect(peer.events.resetErrors[5]?.message.contains("overloaded") == true)
        #expect(peer.core.hasStream(1) && peer.core.hasStream(3) && !peer.core.hasStream(5))
        #expect(!peer.core.acceptsNewStreams)
        #expect(!peer.core.hasFailed, "GOAWAY is not a protocol error")
        #expect(peer.output().isEmpty, "nothing to tell the server")
    }

    @Test func aSecondGoAwayCannotRaiseTheLastStreamID() throws {
        let peer = LonePeer(client: Settings())
        _ = try peer.core.openStream(Self.call)
        peer.receive(.goAway(lastStreamID: 1, code: .ok, reason: ""), .goAway(lastStreamID: 9, code: .ok, reason: ""))
        #expect(peer.core.peerGoAwayLastStreamID == 1)
    }

    @Test func goAwayAfterAnErrorFailsNoStreamAtOrBelowTheLastID() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(Self.call)
        pair.pump()
        // The client breaks the protocol; the server fails and the client hears why.
        pair.server.fail(WireError(.internal, "test failure"))
        pair.pump()
        #expect(pair.serverEvents.events.suffix(2) == [.reset(id, .unavailable), .failed(.internal)])
        #expect(pair.clientEvents.events == [.goAway(lastStreamID: id, code: .internal)])
        #expect(pair.clientEvents.goAwayReason == "test failure")
    }
}
