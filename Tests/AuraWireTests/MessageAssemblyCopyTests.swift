import Testing
@testable import AuraBytes
@testable import AuraWire

/// A message in many frames must grow one buffer in place: a buffer copied per fragment makes
/// an 8 MiB message in 16 KiB frames copy about 2 GiB.
@Suite struct MessageAssemblyCopyTests {
    @Test func fragmentsThroughTheCoreGrowOneStorageInPlace() throws {
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
        var previous: ObjectIdentifier?
        for index in 0..<64 {
            var frame = encode([.message(streamID: 1, payload: .of(fragment), flags: .more)])
            server.receive(&frame)
            let storage = try #require(assemblingStorage(server, stream: 1))
            if index >= 2 { #expect(storage == previous, "fragment \(index) moved the message to new storage") }
            previous = storage
        }
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

    /// The storage of the message stream `id` is assembling; the copies made here are gone
    /// when it returns, so they do not make the storage look shared to the next fragment.
    private func assemblingStorage(_ core: ConnectionCore, stream id: UInt32) -> ObjectIdentifier? {
        guard case .open(.receiving(let assembler), _)? = core.streams[id]?.state.phase,
              let partial = assembler.partial
        else { return nil }
        return ObjectIdentifier(partial.storage)
    }
}
