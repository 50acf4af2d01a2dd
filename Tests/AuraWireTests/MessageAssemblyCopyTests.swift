import Testing
@testable import AuraBytes
@testable import AuraWire

/// A message in many frames must grow one buffer, by doubling: a buffer copied per fragment
/// makes an 8 MiB message in 16 KiB frames copy about 2 GiB.
@Suite struct MessageAssemblyCopyTests {
    @Test func fragmentsThroughTheCoreGrowOneBufferByDoubling() throws {
        let server = ConnectionCore(role: .server)
        let events = Recorder()
        server.delegate = events
        events.core = server
        var opening = ByteBuffer(bytes: Preface.bytes)
        opening.writeBuffer(encode([
            .settings(Settings(), ack: false),
            .headers(streamID: 1, CallHeaders(method: "aura.Test/Assemble"), endStream: false),
        ]))
        server.receive(&opening)

        let fragment = pattern(16 << 10)
        var previous: (storage: ObjectIdentifier, capacity: Int)?
        var moves = 0
        for index in 0..<64 {
            var frame = encode([.message(streamID: 1, payload: .of(fragment), flags: .more)])
            server.receive(&frame)
            let current = try #require(assemblingStorage(server, stream: 1))
            if let previous, current.storage != previous.storage {
                // New storage only where the old was full, at least twice as large.
                #expect(current.capacity >= 2 * previous.capacity, "fragment \(index) moved the message without growing it")
                moves += 1
            }
            previous = current
        }
        #expect(moves <= 7, "64 fragments of 16 KiB moved the message \(moves) times; doubling needs at most 7")
        var last = encode([.message(streamID: 1, payload: .of(fragment), flags: .endStream)])
        server.receive(&last)
        let expected = Array((0..<65).map { _ in fragment }.joined())
        #expect(events.events.contains(.message(1, expected)))
    }

    /// A message's buffer grows by doubling but never reserves more than the size limit.
    @Test func assemblingNeverReservesMoreThanTheLimit() throws {
        var assembler = MessageAssembler(maxMessageSize: 12_000, compressionAllowed: false)
        for size in [5_000, 5_000] {
            #expect(try assembler.append(.of(pattern(size)), flags: .more) == nil)
            #expect((assembler.partial?.capacity ?? 0) <= 12_000)
        }
        let message = try #require(try assembler.append(.of(pattern(2_000)), flags: []))
        #expect(message.readableBytes == 12_000)
        #expect(message.capacity <= 12_000)
    }

    /// The storage of the message stream `id` is assembling, and its capacity; the copies made here are gone
    /// when it returns, so they do not make the storage look shared to the next fragment.
    private func assemblingStorage(_ core: ConnectionCore, stream id: UInt32) -> (storage: ObjectIdentifier, capacity: Int)? {
        guard case .open(.receiving(let assembler), _)? = core.streams[id]?.state.phase,
              let partial = assembler.partial
        else { return nil }
        return (ObjectIdentifier(partial.storage), partial.capacity)
    }
}
