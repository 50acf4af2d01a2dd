import AuraBytes
import Testing
@testable import AuraWire

/// The stream state machine, event x state, with no connection around it.
@Suite struct StreamStateTests {
    func makeState(limit: Int = 1000, compression: Bool = false, outbound: StreamState.Outbound = .idle) -> StreamState {
        StreamState(maxMessageSize: limit, compressionAllowed: compression, outbound: outbound)
    }

    func expectError(
        _ code: StatusCode, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(RPCError) -> Void
    ) {
        do {
            try body()
            Issue.record("no error", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, sourceLocation: sourceLocation)
        }
    }

    @Test func newStreamIsOpenAndReceiving() {
        let state = makeState()
        #expect(state.isReceiving)
        #expect(!state.isClosed)
    }

    @Test func receiveMessageWhileReceiving() throws {
        var state = makeState()
        let first = try state.receiveMessage(.of([1, 2]), flags: [])
        let empty = try state.receiveMessage(.of([]), flags: [])
        #expect(first == .of([1, 2]))
        #expect(empty == .of([]))
        #expect(state.isReceiving)
    }

    @Test func receiveFragmentsWhileReceiving() throws {
        var state = makeState()
        let one = try state.receiveMessage(.of([1]), flags: .more)
        let two = try state.receiveMessage(.of([2]), flags: .more)
        let three = try state.receiveMessage(.of([3]), flags: .endStream)
        #expect(one == nil && two == nil)
        #expect(three == .of([1, 2, 3]))
        #expect(!state.isReceiving)
    }

    @Test func receiveMessageWithEndStreamClosesInbound() throws {
        var state = makeState()
        let message = try state.receiveMessage(.of([9]), flags: .endStream)
        #expect(message == .of([9]))
        #expect(!state.isReceiving && !state.isClosed)
    }

    @Test func receiveMessageAfterEndStream() throws {
        var state = makeState()
        try state.receiveEndStream()
        expectError(.internal) { () throws(RPCError) in _ = try state.receiveMessage(.of([1]), flags: []) }
    }

    @Test func receiveEndStreamMidMessage() throws {
        var state = makeState()
        _ = try state.receiveMessage(.of([1]), flags: .more)
        expectError(.internal) { () throws(RPCError) in try state.receiveEndStream() }
        #expect(!state.isReceiving)
    }

    @Test func receiveFragmentWithMoreAndEndStream() {
        var state = makeState()
        expectError(.internal) { () throws(RPCError) in _ = try state.receiveMessage(.of([1]), flags: [.more, .endStream]) }
    }

    @Test func receiveEndStreamTwice() throws {
        var state = makeState()
        try state.receiveEndStream()
        expectError(.internal) { () throws(RPCError) in try state.receiveEndStream() }
    }

    @Test func receiveMessageAfterClose() {
        var state = makeState()
        state.close()
        #expect(state.isClosed)
        expectError(.internal) { () throws(RPCError) in _ = try state.receiveMessage(.of([1]), flags: []) }
        expectError(.internal) { () throws(RPCError) in try state.receiveEndStream() }
    }

    @Test func receiveMessageOverTheLimitClosesInbound() {
        var state = makeState(limit: 3)
        expectError(.resourceExhausted) { () throws(RPCError) in _ = try state.receiveMessage(.of([1, 2, 3, 4]), flags: []) }
        #expect(!state.isReceiving)
    }

    @Test func receiveCompressedWhenNotAllowed() {
        var state = makeState()
        expectError(.internal) { () throws(RPCError) in
            _ = try state.receiveMessage(MessageEncoding.deflate(.of([1])), flags: .compressed)
        }
    }

    @Test func receiveCompressedWhenAllowed() throws {
        var state = makeState(compression: true)
        let message = try state.receiveMessage(MessageEncoding.deflate(.of(pattern(500))), flags: .compressed)
        #expect(message == .of(pattern(500)))
    }

    @Test func sendWhileIdleThenSending() {
        var state = makeState()
        let first = state.send()
        let second = state.send()
        #expect(first && second)
    }

    @Test func sendAfterEndStream() {
        var state = makeState(outbound: .sending)
        let ended = state.sendEndStream()
        let sent = state.send()
        let endedAgain = state.sendEndStream()
        #expect(ended && !sent && !endedAgain)
        #expect(state.isReceiving, "our half closing leaves the peer's open")
    }

    @Test func sendAfterClose() {
        var state = makeState()
        state.close()
        let sent = state.send()
        let ended = state.sendEndStream()
        #expect(!sent && !ended)
    }
}

@Suite struct MessageAssemblerTests {
    static let maxSize = 4 << 20

    @Test func exactlyTheDefaultMaxMessageSizeInFragments() throws {
        var assembler = MessageAssembler(maxMessageSize: Self.maxSize, compressionAllowed: false)
        let message = pattern(Self.maxSize)
        var result: ByteBuffer?
        for start in stride(from: 0, to: message.count, by: 65_536) {
            let isLast = start + 65_536 >= message.count
            result = try assembler.append(.of(Array(message[start..<start + 65_536])), flags: isLast ? [] : .more)
            #expect((result == nil) == !isLast)
            #expect(assembler.isMidMessage == !isLast)
        }
        #expect(result == ByteBuffer(bytes: message))
    }

    @Test func oneByteOverTheMaxIsRefusedAtTheFragmentThatCrosses() throws {
        var assembler = MessageAssembler(maxMessageSize: Self.maxSize, compressionAllowed: false)
        for _ in 0..<64 {
            let partial = try assembler.append(.of(pattern(65_536)), flags: .more)
            #expect(partial == nil)
        }
        do {
            _ = try assembler.append(.of([1]), flags: [])
            Issue.record("4 MiB + 1 accepted")
        } catch {
            #expect(error.code == .resourceExhausted)
        }
    }

    @Test func singleFrameOverTheLimitIsRefused() {
        var assembler = MessageAssembler(maxMessageSize: 10, compressionAllowed: false)
        #expect(throws: RPCError.self) { _ = try assembler.append(.of(pattern(11)), flags: .more) }
    }

    @Test func compressedFragmentsAreJoinedThenInflated() throws {
        let compressed = MessageEncoding.deflate(.of(pattern(10_000))).readableBytesArray
        var assembler = MessageAssembler(maxMessageSize: 10_000, compressionAllowed: true)
        let half = compressed.count / 2
        let first = try assembler.append(.of(Array(compressed[..<half])), flags: [.compressed, .more])
        let whole = try assembler.append(.of(Array(compressed[half...])), flags: .compressed)
        #expect(first == nil)
        #expect(whole == .of(pattern(10_000)))
    }

    @Test func compressedFlagMustAgreeAcrossFragments() throws {
        var assembler = MessageAssembler(maxMessageSize: 100, compressionAllowed: true)
        _ = try assembler.append(.of([1]), flags: .more)
        #expect(throws: RPCError.self) { _ = try assembler.append(.of([2]), flags: .compressed) }
    }

    @Test func compressedMessageOverTheLimitAfterInflating() throws {
        var assembler = MessageAssembler(maxMessageSize: 1000, compressionAllowed: true)
        do {
            _ = try assembler.append(MessageEncoding.deflate(.of(pattern(1001))), flags: .compressed)
            Issue.record("accepted")
        } catch {
            #expect(error.code == .resourceExhausted)
        }
    }
}
