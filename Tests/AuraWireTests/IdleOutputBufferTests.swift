import Testing
@testable import AuraBytes
@testable import AuraWire

/// A connection with nothing to send holds no output buffer of its own: after a drain, its
/// output buffers share one never-written template, and the next write allocates.
@Suite struct IdleOutputBufferTests {
    private func holdsNoOutputBuffer(_ core: ConnectionCore) -> Bool {
        core.output.current.storage === OutboundBytes.emptyCurrent.storage
            && core.output.urgent.storage === OutboundBytes.emptyUrgent.storage && core.output.chunks.isEmpty
    }

    @Test func bothEndsHoldNoOutputBufferAfterACall() throws {
        let pair = CorePair()
        let id = try pair.client.openStream(CallHeaders(method: "a.B/C"), endStream: true)
        pair.pump()
        try pair.server.sendMessage(id, .of(pattern(16)))
        pair.server.sendTrailers(id, CallTrailers(code: .ok))
        pair.pump()
        #expect(pair.clientEvents.messages.map(\.bytes.count) == [16])
        #expect(holdsNoOutputBuffer(pair.server) && holdsNoOutputBuffer(pair.client))
        #expect(OutboundBytes.emptyCurrent.readableBytes == 0 && OutboundBytes.emptyUrgent.readableBytes == 0)
    }

    @Test func theFirstWriteAfterADrainGetsStorageOfItsOwn() throws {
        var output = OutboundBytes()
        output.current.writeBytes([1, 2, 3])
        #expect(output.current.storage !== OutboundBytes.emptyCurrent.storage)
        #expect(output.current.capacity == OutboundBytes.emptyCurrent.capacity, "a whole template's room, not 16 bytes")
        var drained: [[UInt8]] = []
        output.drain { drained.append($0.readableBytesArray) }
        #expect(drained == [[1, 2, 3]])
        #expect(output.current.storage === OutboundBytes.emptyCurrent.storage)
    }
}
