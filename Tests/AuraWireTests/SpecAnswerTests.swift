import AuraBytes
import TestSupport
import Testing
@testable import AuraWire

/// The answers SPEC.md gives to the questions an implementer has (issue 12, section 5), each
/// checked on cores without sockets. Wire-visible ones also have vectors (VectorTests).
@Suite struct SpecAnswerTests {
    // MARK: Section 1: SETTINGS before GOAWAY

    @Test func badPrefaceGetsTheServersSettingsThenGoAway() {
        let peer = LonePeer(server: Settings(), greet: false)
        peer.receive(ByteBuffer(bytes: Array("GET / HTTP/1.1\r\n".utf8)))
        let frames = peer.output()
        #expect(frames.count == 2)
        #expect(frames.first == .settings(Settings(), ack: false))
        #expect(frames.last?.goAwayCode == .invalidArgument)
    }

    // MARK: Section 3: END_STREAM from a server, refused streams, stream ids

    @Test func endStreamOnAServersHeadersAndMessageIsIgnored() throws {
        let peer = LonePeer(client: Settings())
        let id = try peer.core.openStream(CallHeaders(method: "/a.B/C"), endStream: true)
        peer.receive(
            .headers(streamID: id, CallHeaders(), endStream: true),
            .message(streamID: id, payload: ByteBuffer(bytes: [1]), flags: .endStream),
            .message(streamID: id, payload: ByteBuffer(bytes: [2]), flags: []),
            .trailers(streamID: id, CallTrailers(code: .ok)))
        #expect(peer.events.messages.map(\.bytes) == [[1], [2]])
        #expect(peer.events.events.last == .trailers(id, CallTrailers(code: .ok)))
        #expect(!peer.events.events.contains(.inboundClosed(id)))
    }

    @Test func aRefusedStreamIsMarkedSafeToRetryAndAHandlersErrorIsNot() throws {
        var server = Settings()
        server.maxConcurrentStreams = 1
        let pair = CorePair(server: server)
        let first = try pair.client.openStream(CallHeaders(method: "/a.B/C"))
        let second = try pair.client.openStream(CallHeaders(method: "/a.B/C"))
        pair.pump()
        #expect(pair.serverFrames.contains(.cancel(streamID: second, code: .resourceExhausted)))
        #expect(pair.clientEvents.resetErrors[second]?.code == .resourceExhausted)
        #expect(pair.clientEvents.resetErrors[second]?.isRefusedStream == true)

        pair.server.sendTrailers(first, CallTrailers(code: .resourceExhausted, message: "quota"))
        pair.pump()
        #expect(pair.clientEvents.events.contains(.trailers(first, CallTrailers(code: .resourceExhausted, message: "quota"))))
        #expect(RPCError(.resourceExhausted, "quota").isRefusedStream == false)
    }

    @Test func maxConcurrentStreamsZeroRefusesEveryStream() throws {
        var server = Settings()
        server.maxConcurrentStreams = 0
        let pair = CorePair(server: server)
        #expect(!pair.client.canOpenStream)
        let peer = LonePeer(server: server)
        peer.receive(.headers(streamID: 1, CallHeaders(method: "/a.B/C"), endStream: true))
        #expect(peer.output() == [.cancel(streamID: 1, code: .resourceExhausted)])
        #expect(!peer.core.hasFailed)
    }

    @Test func aClientGetsAConnectionErrorForHeadersAboveItsHighestStream() throws {
        let peer = LonePeer(client: Settings())
        _ = try peer.core.openStream(CallHeaders(method: "/a.B/C"))
        peer.receive(.headers(streamID: 3, CallHeaders(), endStream: false))
        #expect(peer.events.failure?.code == .invalidArgument)
    }

    @Test func aServerGetsAConnectionErrorForCancelAboveItsHighestStream() {
        let peer = LonePeer()
        peer.receive(.cancel(streamID: 7, code: .cancelled))
        #expect(peer.events.failure?.code == .invalidArgument)
    }

    // MARK: Section 4.1 and 4.6: limits of 0, windows above 2^31-1

    @Test func maxMessageSizeZeroAcceptsOnlyEmptyMessages() {
        var settings = Settings()
        settings.maxMessageSize = 0
        let peer = LonePeer(server: settings)
        peer.receive(
            .headers(streamID: 1, CallHeaders(method: "/a.B/C"), endStream: false),
            .message(streamID: 1, payload: ByteBuffer(), flags: []),
            .message(streamID: 1, payload: ByteBuffer(bytes: [7]), flags: .endStream))
        #expect(peer.events.messages.map(\.bytes) == [[]])
        #expect(peer.events.resetErrors[1]?.code == .resourceExhausted)
        #expect(!peer.core.hasFailed)
    }

    @Test func aSettingsChangeThatPushesAStreamWindowPast2To31IsAConnectionError() {
        let peer = LonePeer()
        peer.receive(
            .headers(streamID: 1, CallHeaders(method: "/a.B/C"), endStream: false),
            .windowUpdate(streamID: 1, increment: 0x7fff_ffff - (1 << 20)))
        #expect(!peer.core.hasFailed)
        var larger = Settings()
        larger.initialStreamWindow = 2 << 20
        peer.receive(.settings(larger, ack: false))
        #expect(peer.events.failure?.code == .invalidArgument)
    }

    // MARK: Section 4.3: fragments, both sizes, trailing zlib bytes

    @Test func onlyTheLastFragmentMayBeEmpty() {
        let peer = LonePeer()
        peer.receive(
            .headers(streamID: 1, CallHeaders(method: "/a.B/C"), endStream: false),
            .message(streamID: 1, payload: ByteBuffer(bytes: [1, 2]), flags: .more),
            .message(streamID: 1, payload: ByteBuffer(), flags: []))
        #expect(peer.events.messages.map(\.bytes) == [[1, 2]])
        peer.receive(.message(streamID: 1, payload: ByteBuffer(), flags: .more))
        #expect(peer.events.failure?.code == .invalidArgument)
    }

    @Test func bytesAfterTheZlibStreamAreRejected() {
        var compressed = MessageEncoding.deflate(ByteBuffer(bytes: [1, 2, 3]))
        #expect(throws: Never.self) { try MessageEncoding.inflate(compressed, limit: 100) }
        compressed.writeBytes([0])
        #expect(throws: RPCError.self) { try MessageEncoding.inflate(compressed, limit: 100) }
    }

    /// MAX_MESSAGE_SIZE bounds the compressed bytes too, so data that does not compress goes
    /// uncompressed rather than over the limit.
    @Test func aMessageThatDoesNotCompressGoesUncompressed() throws {
        var client = Settings()
        client.maxMessageSize = 1_000
        let pair = CorePair(client: client)
        let id = try pair.client.openStream(CallHeaders(method: "/a.B/C", acceptEncoding: ["deflate"]))
        pair.pump()
        var random = SplitMix64(seed: 7)
        let incompressible = ByteBuffer(bytes: (0..<1_000).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        try pair.server.sendMessage(id, incompressible, compress: true)
        let sent = pair.takeServerOutput().compactMap { $0.messageFragment(on: id) }
        #expect(sent.map(\.flags) == [[]])
        #expect(sent.map(\.size) == [1_000])
    }

    // MARK: Sections 4.2 and 4.4: metadata rules and limits, one frame, excerpts

    @Test func aClientRefusesToSendInvalidOrOversizedMetadata() {
        let peer = LonePeer(client: Settings())
        var invalid = Metadata()
        invalid.entries.append(Metadata.Entry(key: "Bad Key", value: [1]))
        #expect(throws: RPCError.self) { try peer.core.openStream(CallHeaders(method: "/a.B/C", metadata: invalid)) }
        var notText = Metadata()
        notText.add("x-text", bytes: [0, 1])
        #expect(throws: RPCError.self) { try peer.core.openStream(CallHeaders(method: "/a.B/C", metadata: notText)) }
        var large = Metadata()
        large.add("x-large", String(repeating: "a", count: 8_192))
        do {
            _ = try peer.core.openStream(CallHeaders(method: "/a.B/C", metadata: large))
            Issue.record("metadata over the server's limit went out")
        } catch {
            #expect(error.code == .resourceExhausted)
        }
        #expect(peer.output().isEmpty)
        #expect(peer.core.openStreamCount == 0)
    }

    @Test func headersThatDoNotFitThePeersFrameAreNotSent() {
        let peer = LonePeer(client: Settings())
        // The server's MAX_FRAME_SIZE is the default 65,536; a method name larger than that
        // cannot travel in one frame, and there are no continuation frames.
        let method = "/a.B/" + String(repeating: "m", count: 70_000)
        do {
            _ = try peer.core.openStream(CallHeaders(method: method))
            Issue.record("HEADERS larger than the peer's MAX_FRAME_SIZE went out")
        } catch {
            #expect(error.code == .resourceExhausted)
        }
        #expect(peer.output().isEmpty)
    }

    @Test func aServerAnswersBadMetadataWithTrailersAndGoesOn() {
        let peer = LonePeer()
        var invalid = Metadata()
        invalid.entries.append(Metadata.Entry(key: "", value: []))
        peer.receive(.headers(streamID: 1, CallHeaders(method: "/a.B/C", metadata: invalid), endStream: true))
        var large = Metadata()
        large.add("x-large", String(repeating: "a", count: 9_000))
        peer.receive(.headers(streamID: 3, CallHeaders(method: "/a.B/C", metadata: large), endStream: true))
        let codes = peer.output().compactMap { frame -> StatusCode? in
            if case .trailers(_, let trailers) = frame { trailers?.code } else { nil }
        }
        #expect(codes == [.invalidArgument, .resourceExhausted])
        #expect(!peer.events.events.contains { if case .opened = $0 { true } else { false } })
        #expect(!peer.core.hasFailed)
    }

    @Test func aClientEndsACallWhoseServerMetadataBreaksTheRules() throws {
        let peer = LonePeer(client: Settings())
        let first = try peer.core.openStream(CallHeaders(method: "/a.B/C"))
        _ = peer.output()
        var large = Metadata()
        large.add("x-large", String(repeating: "a", count: 9_000))
        peer.receive(.headers(streamID: first, CallHeaders(metadata: large), endStream: false))
        #expect(peer.events.resetErrors[first]?.code == .resourceExhausted)
        #expect(peer.output() == [.cancel(streamID: first, code: .resourceExhausted)])

        let second = try peer.core.openStream(CallHeaders(method: "/a.B/C"))
        _ = peer.output()
        var invalid = Metadata()
        invalid.entries.append(Metadata.Entry(key: "x-text", value: [0]))
        peer.receive(.trailers(streamID: second, CallTrailers(code: .ok, metadata: invalid)))
        guard case .trailers(second, let trailers)? = peer.events.events.last else {
            Issue.record("no trailers for stream \(second)")
            return
        }
        #expect(trailers.code == .internal)
    }

    @Test func aServersTrailersThatBreakTheClientsLimitBecomeInternal() throws {
        var client = Settings()
        client.maxMetadataSize = 100
        let pair = CorePair(client: client)
        let id = try pair.client.openStream(CallHeaders(method: "/a.B/C"), endStream: true)
        pair.pump()
        var large = Metadata()
        large.add("x-large", String(repeating: "a", count: 200))
        pair.server.sendTrailers(id, CallTrailers(code: .notFound, metadata: large))
        let frames = pair.takeServerOutput()
        guard case .trailers(id, let trailers?)? = frames.last else {
            Issue.record("no trailers: \(frames)")
            return
        }
        #expect(trailers.code == .internal)
        #expect(trailers.metadata.isEmpty)
    }

    @Test func aServersInitialMetadataOverTheClientsLimitEndsTheCall() throws {
        var client = Settings()
        client.maxMetadataSize = 100
        let pair = CorePair(client: client)
        let id = try pair.client.openStream(CallHeaders(method: "/a.B/C"), endStream: true)
        pair.pump()
        var large = Metadata()
        large.add("x-large", String(repeating: "a", count: 200))
        pair.server.sendHeaders(id, CallHeaders(metadata: large))
        #expect(pair.serverEvents.resetErrors[id]?.code == .internal)
        pair.pump()
        #expect(!pair.serverFrames.contains { $0.isHeaders })
        #expect(pair.clientEvents.events.last == .trailers(id, CallTrailers(error: pair.serverEvents.resetErrors[id]!)))
    }

    @Test func statusMessagesAreCutAndReflectedInputIsAnExcerpt() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(CallHeaders(method: "/a.B/C"), endStream: true)
        pair.pump()
        pair.server.sendTrailers(id, CallTrailers(code: .unknown, message: String(repeating: "x", count: 100_000)))
        guard case .trailers(id, let trailers?)? = pair.takeServerOutput().last else {
            Issue.record("no trailers")
            return
        }
        #expect(trailers.message.utf8.count <= ConnectionCore.maxStatusMessageBytes + 3)
        #expect(trailers.code == .unknown)

        let peer = LonePeer()
        peer.receive(.headers(streamID: 1, CallHeaders(method: "/a.B/C", messageEncoding: String(repeating: "z", count: 60_000)), endStream: true))
        guard case .trailers(1, let refused?)? = peer.output().last else {
            Issue.record("no trailers")
            return
        }
        #expect(refused.code == .unimplemented)
        #expect(refused.message.utf8.count < 256)
    }

    @Test func excerptsKeepShortTextAndCutLongTextAtACharacterBoundary() {
        #expect(PeerText.excerpt("short") == "short")
        let exact = String(repeating: "a", count: PeerText.maxExcerptBytes)
        #expect(PeerText.excerpt(exact) == exact)
        let long = String(repeating: "a", count: 127) + "é" + String(repeating: "b", count: 1_000)
        let cut = PeerText.excerpt(long)
        #expect(cut == String(repeating: "a", count: 127) + "…")
        #expect(PeerText.excerpt(String(repeating: "é", count: 100_000)).utf8.count <= PeerText.maxExcerptBytes + 3)
    }

    // MARK: Section 6: unsigned status codes

    @Test func statusCodesAreUnsignedAndNeverTruncated() throws {
        for value: UInt64 in [17, 0xffff_ffff, 1 << 32, .max] {
            var writer = ProtoWriter()
            writer.writeUInt(field: 1, value)
            #expect(try CallTrailers(decoding: writer.buffer).code == .unknown, "code \(value)")
        }
    }
}
