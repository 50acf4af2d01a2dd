import AuraEventLoop
import Testing

@Suite struct EchoTests {
    @Test func echoRoundTripOverListenerAndConnect() async throws {
        try await withGroup { group in
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in EchoHandler() }
            defer { listener.close() }
            #expect(listener.port > 0)

            let client = RecordingHandler()
            let channel = try await connect(to: "127.0.0.1:\(listener.port)", on: group.next()) { _ in client }
            #expect(channel.remoteAddressDescription == "127.0.0.1:\(listener.port)")
            channel.eventLoop.execute { channel.write(ByteBuffer(bytes: Array("hello, loop".utf8))) }

            #expect(await eventually { client.bytes == Array("hello, loop".utf8) })
            #expect(client.events == ["active"])
        }
    }

    @Test func echoOverIPv6Loopback() async throws {
        try await withGroup(loops: 1) { group in
            let listener = try Listener.bind("[::1]:0", group: group) { _ in EchoHandler() }
            defer { listener.close() }
            let client = RecordingHandler()
            let channel = try await connect(to: "[::1]:\(listener.port)", on: group.next()) { _ in client }
            channel.eventLoop.execute { channel.write(ByteBuffer(bytes: [1, 2, 3])) }
            #expect(await eventually { client.bytes == [1, 2, 3] })
            #expect(channel.remoteAddress?.family == .ipv6)
        }
    }

    @Test func manyConnectionsEachGetTheirOwnBytesBack() async throws {
        try await withGroup { group in
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in EchoHandler() }
            defer { listener.close() }
            let results = try await withThrowingTaskGroup(of: Bool.self) { tasks in
                for index in 0..<64 {
                    tasks.addTask {
                        let payload = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ index) }
                        let client = RecordingHandler()
                        let channel = try await connect(to: listener.address, on: group.next()) { _ in client }
                        channel.eventLoop.execute { channel.write(ByteBuffer(bytes: payload)) }
                        let echoed = await eventually { client.byteCount >= payload.count }
                        channel.eventLoop.execute { channel.close() }
                        return echoed && client.bytes == payload
                    }
                }
                return try await tasks.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.count == 64)
            #expect(results.allSatisfy { $0 })
        }
    }

    @Test func thousandSmallWritesInOneTickAreBatchedAndArriveIntact() async throws {
        try await withGroup { group in
            let server = RecordingHandler()
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in server }
            defer { listener.close() }
            let channel = try await connect(to: listener.address, on: group.next()) { _ in RecordingHandler() }

            let messages = (0..<1000).map { Array("message \($0);".utf8) }
            let expected = messages.flatMap { $0 }
            let queuedInTick = try await channel.eventLoop.submit {
                for message in messages { channel.write(ByteBuffer(bytes: message)) }
                return channel.queuedWriteBytes  // nothing is sent before the flush phase
            }
            #expect(queuedInTick == expected.count)
            #expect(await eventually { server.byteCount >= expected.count })
            #expect(server.bytes == expected)
            #expect(try await channel.eventLoop.submit { channel.queuedWriteBytes } == 0)
        }
    }

    @Test func handlerKeepsAPartialFrameUntilTheRestArrives() async throws {
        try await withGroup { group in
            let frames = Locked<[String]>([])
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in FrameHandler(frames: frames) }
            defer { listener.close() }
            let channel = try await connect(to: listener.address, on: group.next()) { _ in RecordingHandler() }

            var wire = ByteBuffer()
            for text in ["alpha", "beta", "gamma"] {
                wire.writeInteger(UInt32(text.utf8.count))
                wire.writeString(text)
            }
            let bytes = wire.readableBytesArray
            // Send it in three uneven pieces, each in its own loop tick, splitting headers and payloads.
            for range in [0..<3, 3..<11, 11..<bytes.count] {
                let piece = Array(bytes[range])
                try await channel.eventLoop.submit { channel.write(ByteBuffer(bytes: piece)) }
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(await eventually { frames.current.count == 3 })
            #expect(frames.current == ["alpha", "beta", "gamma"])
        }
    }

    @Test func closeFlushesQueuedWritesBeforeClosing() async throws {
        try await withGroup { group in
            let payload = ByteBuffer(bytes: (0..<(2 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0) })
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in
                RecordingHandler(onActive: { channel in
                    channel.write(payload)
                    channel.close()
                    precondition(!channel.isActive)
                })
            }
            defer { listener.close() }
            let client = RecordingHandler(keepBytes: false)
            _ = try await connect(to: listener.address, on: group.next()) { _ in client }
            #expect(await eventually { client.events.contains("inactive") })
            #expect(client.byteCount == payload.readableBytes)
        }
    }

    @Test func peerAbortMakesTheServerChannelInactive() async throws {
        try await withGroup { group in
            let server = RecordingHandler()
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in server }
            defer { listener.close() }
            let client = RecordingHandler()
            let channel = try await connect(to: listener.address, on: group.next()) { _ in client }
            #expect(await eventually { server.events == ["active"] })
            try await channel.eventLoop.submit { channel.abort() }
            #expect(await eventually { server.events == ["active", "inactive"] })
            #expect(client.events == ["active", "inactive"])
        }
    }
}

/// Consumes `UInt32` length-prefixed UTF-8 frames, leaving a partial frame in the buffer.
final class FrameHandler: ChannelHandler {
    let frames: Locked<[String]>

    init(frames: Locked<[String]>) { self.frames = frames }

    func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {
        while let length = buffer.getInteger(as: UInt32.self), buffer.readableBytes >= 4 + Int(length) {
            buffer.moveReaderIndex(forwardBy: 4)
            let text = buffer.readString(length: Int(length))!
            frames.withValue { $0.append(text) }
        }
    }
}
