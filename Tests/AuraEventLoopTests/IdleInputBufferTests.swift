import AuraBytes
import Testing
@testable import AuraEventLoop

/// An idle connection holds no input buffer: once its handler took every byte, the channel
/// hands the buffer to its loop for the next read, so ten thousand idle connections do not
/// hold a read buffer each. A partial frame keeps its buffer until the rest arrives.
@Suite struct IdleInputBufferTests {
    /// Takes all but the last `leave` bytes of each read; remembers its channel.
    final class TakingHandler: ChannelHandler, @unchecked Sendable {
        let leave: Int
        let reads = Locked(0)
        let channel = Locked<Channel?>(nil)

        init(leave: Int) { self.leave = leave }

        func channelActive(_ channel: Channel) { self.channel.withValue { $0 = channel } }

        func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {
            buffer.moveReaderIndex(forwardBy: max(0, buffer.readableBytes - leave))
            reads.withValue { $0 += 1 }
        }
    }

    /// What the server's channel and its loop hold after reading 100 bytes, with its handler
    /// leaving `leave` of them: the bytes left in the channel's buffer (nil: no buffer), and
    /// whether the loop keeps a spare buffer.
    private func heldAfterARead(leave: Int) async throws -> (channelBytes: Int?, loopHasSpare: Bool) {
        try await withGroup(loops: 1) { group in
            let server = TakingHandler(leave: leave)
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in server }
            defer { listener.close() }
            let client = try await connect(to: "127.0.0.1:\(listener.port)", on: group.loops[0]) { _ in RecordingHandler() }
            client.eventLoop.execute { client.write(ByteBuffer(bytes: [UInt8](repeating: 7, count: 100))) }
            #expect(await eventually { server.reads.current > 0 })
            let channel = try #require(server.channel.current)
            // Runs on the loop after the read that called the handler has finished.
            return try await channel.eventLoop.submit { (channel.inputBuffer?.readableBytes, channel.eventLoop.spareReadBuffer != nil) }
        }
    }

    @Test func aChannelWhoseHandlerTookEveryByteHoldsNoBuffer() async throws {
        let held = try await heldAfterARead(leave: 0)
        #expect(held.channelBytes == nil, "the idle connection gave its buffer back")
        #expect(held.loopHasSpare, "the loop keeps it for the next read")
    }

    @Test func aPartialFrameKeepsItsBuffer() async throws {
        let held = try await heldAfterARead(leave: 3)
        #expect(held.channelBytes == 3)
        #expect(!held.loopHasSpare, "the loop's spare became this channel's buffer")
    }
}
