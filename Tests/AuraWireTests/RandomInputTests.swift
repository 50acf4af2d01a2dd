import AuraBytes
import Testing
import TestSupport
@testable import AuraWire

/// Bad input of every shape ends in an orderly way (events, a reset stream, or GOAWAY), never a
/// crash: random frames after a valid preface, seeded so a failure reproduces.
@Suite struct RandomInputTests {
    /// Takes every event and does nothing with it: the test is about not crashing.
    final class Sink: ConnectionDelegate {
        func streamOpened(_ id: UInt32, headers: CallHeaders, endStream: Bool) {}
        func headersReceived(_ id: UInt32, headers: CallHeaders) {}
        func messageReceived(_ id: UInt32, _ message: ByteBuffer, wireSize: Int) {}
        func inboundClosed(_ id: UInt32) {}
        func trailersReceived(_ id: UInt32, _ trailers: CallTrailers) {}
        func streamReset(_ id: UInt32, _ error: RPCError) {}
        func streamWritable(_ id: UInt32) {}
        func goAwayReceived(lastStreamID: UInt32, code: StatusCode, reason: String) {}
        func pingAcknowledged(_ data: UInt64) {}
        func connectionFailed(_ error: WireError) {}
    }

    /// A frame with a plausible header (known types, small ids, flags) and a random payload,
    /// sometimes a protobuf-looking one.
    static func randomFrame(_ random: inout SplitMix64) -> ByteBuffer {
        var frame = ByteBuffer()
        let length = Int.random(in: 0...64, using: &random)
        let type = UInt8.random(in: 0...9, using: &random)
        let flags = UInt8.random(in: 0...7, using: &random)
        let stream = UInt32.random(in: 0...9, using: &random)
        FrameEncoder.writeHeader(FrameHeader(length: UInt32(length), type: FrameType(wireValue: type), flags: FrameFlags(rawValue: flags), streamID: stream), into: &frame)
        for _ in 0..<length { frame.writeByte(UInt8.random(in: 0...255, using: &random)) }
        return frame
    }

    @Test(arguments: [Role.server, .client])
    func randomFramesNeverCrashTheCore(role: Role) {
        var random = SplitMix64(seed: role == .server ? 1 : 2)
        var failures = 0
        for _ in 0..<10_000 {
            let core = ConnectionCore(role: role == .server ? .server : .client)
            let sink = Sink()
            core.delegate = sink
            var input = ByteBuffer()
            if role == .server { input.writeBytes(Preface.bytes) }
            FrameEncoder.encode(.settings(Settings(), ack: false), into: &input)
            for _ in 0..<Int.random(in: 1...8, using: &random) { input.writeBuffer(Self.randomFrame(&random)) }
            // Feed it in random pieces, as a socket would: the core keeps what it cannot use yet.
            var received = ByteBuffer()
            while input.readableBytes > 0 {
                let piece = min(input.readableBytes, Int.random(in: 1...40, using: &random))
                received.writeBuffer(input.readSlice(length: piece)!)
                core.receive(&received)
            }
            core.drainOutput { _ in }
            if core.hasFailed { failures += 1 }
        }
        // Random frames break the protocol often, but not always: both outcomes happened.
        #expect(failures > 0 && failures < 10_000)
    }

    enum Role: Sendable { case server, client }
}
