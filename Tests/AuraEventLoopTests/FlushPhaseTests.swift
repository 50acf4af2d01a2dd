import AuraEventLoop
import Testing

/// `requestFlush()` and `ChannelHandler.channelWillFlush`: a handler holds small writes back
/// and hands them over once, in the loop's flush phase, as a server connection does with the
/// frames of all the calls it answered in one iteration.
@Suite struct FlushPhaseTests {
    /// Holds bytes until the flush phase. Loop-confined: touched only in `submit` bodies and
    /// the channel's callbacks, all on the channel's loop.
    final class HoldingHandler: ChannelHandler, @unchecked Sendable {
        var held: [UInt8] = []
        var flushPhases = 0

        func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        }

        func channelWillFlush(_ channel: Channel) {
            flushPhases += 1
            guard !held.isEmpty else { return }
            channel.write(ByteBuffer(bytes: held))
            held = []
        }
    }

    /// A loop, a listener recording what it receives, and a channel to it with a `HoldingHandler`.
    private func withHoldingChannel(_ body: (RecordingHandler, HoldingHandler, Channel) async throws -> Void) async throws {
        try await withGroup(loops: 1) { group in
            let server = RecordingHandler()
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in server }
            defer { listener.close() }
            let holder = HoldingHandler()
            let channel = try await connect(to: listener.address, on: group.next()) { _ in holder }
            try await body(server, holder, channel)
        }
    }

    @Test func heldBytesGoOutInTheFlushPhaseOfTheIterationThatAskedForIt() async throws {
        try await withHoldingChannel { server, holder, channel in
            let (queuedBefore, phasesBefore) = try await channel.eventLoop.submit {
                let phases = holder.flushPhases
                for part in ["one;", "two;", "three;"] {
                    holder.held += Array(part.utf8)
                    channel.requestFlush()
                }
                return (channel.queuedWriteBytes, phases)  // nothing handed over before the flush phase
            }
            #expect(queuedBefore == 0)
            #expect(await eventually { server.bytes == Array("one;two;three;".utf8) })
            let (phases, left) = try await channel.eventLoop.submit { (holder.flushPhases, holder.held) }
            #expect(phases == phasesBefore + 1)  // three requests, one flush phase
            #expect(left.isEmpty)
        }
    }

    @Test func writeQueuedNowWritesBeforeTheFlushPhase() async throws {
        try await withHoldingChannel { server, holder, channel in
            let (queuedAfterWrite, queuedAfterWriteNow, phasesBefore, phasesAfter) = try await channel.eventLoop.submit {
                let phasesBefore = holder.flushPhases
                channel.write(ByteBuffer(bytes: Array("early;".utf8)))
                let queuedAfterWrite = channel.queuedWriteBytes
                channel.writeQueuedNow()
                return (queuedAfterWrite, channel.queuedWriteBytes, phasesBefore, holder.flushPhases)
            }
            #expect(queuedAfterWrite == 6)  // a plain write waits for the flush phase
            #expect(queuedAfterWriteNow == 0)  // this one went to the socket at once
            #expect(phasesAfter == phasesBefore)  // without a flush phase or a call into the handler
            #expect(await eventually { server.bytes == Array("early;".utf8) })
        }
    }
}
