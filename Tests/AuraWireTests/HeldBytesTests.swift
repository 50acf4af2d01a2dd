import AuraBytes
import Testing
@testable import AuraWire

/// The bytes a core holds for its peer, which a server charges to its memory budget:
/// incomplete inbound messages and messages queued behind the peer's flow control.
@Suite struct HeldBytesTests {
    @Test func anIncompleteMessageCountsUntilItCompletes() throws {
        var serverSettings = Settings()
        serverSettings.initialStreamWindow = 65_536
        let pair = CorePair(server: serverSettings)
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        try pair.client.sendMessage(id, .of(pattern(100_000)))
        pair.deliverClientOutput()
        #expect(pair.server.incompleteMessageBytes == 65_536, "the first fragment waits for the rest")
        pair.pump()
        #expect(pair.serverEvents.messages.map(\.bytes.count) == [100_000])
        #expect(pair.server.incompleteMessageBytes == 0)
    }

    @Test func anIncompleteMessageOfACancelledStreamIsReleased() throws {
        var serverSettings = Settings()
        serverSettings.initialStreamWindow = 65_536
        let pair = CorePair(server: serverSettings)
        pair.serverEvents.consumesMessages = false
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"))
        try pair.client.sendMessage(id, .of(pattern(10)))
        try pair.client.sendMessage(id, .of(pattern(100_000)))
        pair.pump()
        #expect(pair.server.incompleteMessageBytes == 65_536 - 10, "withheld credit stops the rest")
        pair.client.cancelStream(id, code: .cancelled)
        pair.pump()
        #expect(pair.server.incompleteMessageBytes == 0)
    }

    @Test func aReplyBeyondThePeersCreditCountsUntilItIsWritten() throws {
        let pair = CorePair()
        pair.clientEvents.consumesMessages = false
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"), endStream: true)
        pair.pump()
        #expect(try pair.server.sendMessage(id, .of(pattern(3 << 20))) == false)
        #expect(pair.server.queuedMessageBytes == 2 << 20, "one window went out, the rest waits")
        pair.pump()
        pair.clientEvents.consumeAll()
        pair.pump()
        #expect(pair.server.queuedMessageBytes == 0, "credit came back and the rest went out")
        #expect(pair.clientEvents.messages.map(\.bytes.count) == [3 << 20])
    }

    @Test func queuedRepliesOfACancelledStreamAreReleased() throws {
        let pair = CorePair()
        pair.clientEvents.consumesMessages = false
        let a = try pair.client.openStream(CallHeaders(method: "a.B/C"), endStream: true)
        let b = try pair.client.openStream(CallHeaders(method: "a.B/C"), endStream: true)
        pair.pump()
        try pair.server.sendMessage(a, .of(pattern(2 << 20)))
        try pair.server.sendMessage(b, .of(pattern(3 << 19)))
        #expect(pair.server.queuedMessageBytes == 3 << 19, "each stream sent one window")
        pair.server.cancelStream(a, code: .cancelled)
        pair.server.sendTrailers(b, CallTrailers(code: .ok))
        #expect(pair.server.queuedMessageBytes == 1 << 19)
        #expect(pair.server.queuedMessageBytes == pair.server.queuedBytes(b))
        pair.server.transportClosed()
        #expect(pair.server.queuedMessageBytes == 0)
    }
}
