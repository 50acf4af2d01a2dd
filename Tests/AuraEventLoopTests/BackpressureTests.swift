import AuraEventLoop
import Testing

@Suite struct BackpressureTests {
    @Test func peerThatStopsReadingFlipsIsWritableThenReadingFlipsItBack() async throws {
        try await withGroup { group in
            let pump = PumpHandler()
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in pump }
            defer { listener.close() }
            let client = RecordingHandler(keepBytes: false, readingAtStart: false)
            let channel = try await connect(to: listener.address, on: group.next()) { _ in client }

            // The server writes until the kernel buffers fill and its queue passes the high watermark.
            #expect(await eventually { pump.stalled })
            let sent = pump.sent
            try await Task.sleep(for: .milliseconds(30))
            #expect(pump.sent == sent)  // stays stalled: nothing more was accepted
            #expect(pump.events.last == "writable:false")
            #expect(client.byteCount == 0)
            pump.stop()

            try await channel.eventLoop.submit { channel.setReadingEnabled(true) }
            #expect(await eventually { client.byteCount == sent })
            #expect(await eventually { pump.events.last == "writable:true" })
        }
    }

    @Test func disabledReadingDeliversNothingUntilEnabled() async throws {
        try await withGroup { group in
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in
                RecordingHandler(onActive: { $0.write(ByteBuffer(bytes: Array(repeating: 9, count: 100))) })
            }
            defer { listener.close() }
            let client = RecordingHandler(readingAtStart: false)
            let channel = try await connect(to: listener.address, on: group.next()) { _ in client }

            try await Task.sleep(for: .milliseconds(50))
            #expect(client.reads == 0)
            try await channel.eventLoop.submit { channel.setReadingEnabled(true) }
            #expect(await eventually { client.byteCount == 100 })
            #expect(client.bytes == Array(repeating: 9, count: 100))
        }
    }

    @Test func bytesLeftUnconsumedAreRedeliveredWhenReadingResumes() async throws {
        try await withGroup { group in
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in EchoHandler() }
            defer { listener.close() }
            let client = PausingHandler()
            let channel = try await connect(to: listener.address, on: group.next()) { _ in client }
            try await channel.eventLoop.submit { channel.write(ByteBuffer(bytes: [1, 2, 3, 4])) }
            #expect(await eventually { client.calls.current == [4] })  // paused with 4 bytes left

            try await channel.eventLoop.submit { channel.setReadingEnabled(true) }
            #expect(await eventually { client.calls.current == [4, 4] })  // same bytes, no new read
        }
    }
}

/// Writes one shared 256 KiB buffer while the channel is writable, until stopped.
final class PumpHandler: ChannelHandler, @unchecked Sendable {
    private let state = Locked((sent: 0, events: [String](), stopped: false, stalled: false))
    private let chunk = ByteBuffer(bytes: Array(repeating: 0x5a, count: 256 * 1024))

    var sent: Int { state.current.sent }
    var events: [String] { state.current.events }
    var stalled: Bool { state.current.stalled }
    func stop() { state.withValue { $0.stopped = true } }

    func channelActive(_ channel: Channel) { pump(channel) }
    func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {}

    func channelWritabilityChanged(_ channel: Channel) {
        let writable = channel.isWritable
        state.withValue { $0.events.append("writable:\(writable)") }
        if writable {
            channel.eventLoop.execute { self.pump(channel) }
        } else {
            // Still unwritable after the next flush phase means the kernel stopped taking bytes.
            channel.eventLoop.schedule(after: .milliseconds(20)) {
                if !channel.isWritable { self.state.withValue { $0.stalled = true } }
            }
        }
    }

    private func pump(_ channel: Channel) {
        while channel.isWritable && !state.current.stopped && state.current.sent < 256 * 1024 * 1024 {
            channel.write(chunk)
            state.withValue { $0.sent += chunk.readableBytes }
        }
    }
}

/// Consumes nothing on its first read and pauses reading; records the readable count per call.
final class PausingHandler: ChannelHandler, @unchecked Sendable {
    let calls = Locked<[Int]>([])

    func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {
        let count = buffer.readableBytes
        let first = calls.withValue { calls -> Bool in
            calls.append(count)
            return calls.count == 1
        }
        if first {
            channel.setReadingEnabled(false)
        } else {
            buffer.moveReaderIndex(forwardBy: count)
        }
    }
}
