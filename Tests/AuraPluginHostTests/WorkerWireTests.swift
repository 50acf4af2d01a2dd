import AuraBytes
import AuraCore
import AuraPosix
@testable import AuraPluginHost
import Testing

/// The frames between the server and a worker: round trips, and what a broken worker's bytes
/// cannot do.
@Suite struct WorkerWireTests {
    private func body(of frame: ByteBuffer) -> ByteBuffer {
        var frame = frame
        let length = frame.readInteger(endianness: .little, as: UInt32.self)
        #expect(Int(length ?? 0) == frame.readableBytes)
        return frame
    }

    private func roundTrip(_ outcome: WorkerWire.Outcome, _ operation: WorkerWire.Operation) -> WorkerWire.Outcome? {
        var buffer = ByteBuffer()
        WorkerWire.writeResponse(id: 7, operation: operation, outcome: outcome, into: &buffer)
        var frame = body(of: buffer)
        guard let (id, decoded) = WorkerWire.readResponse(&frame) else { return nil }
        #expect(id == 7)
        return decoded
    }

    @Test func requestsRoundTrip() {
        var buffer = ByteBuffer()
        Array("ünïcode text".utf8).withUnsafeBytes {
            WorkerWire.writeRequest(id: 42, operation: .analyze, hint: "de", text: $0, into: &buffer)
        }
        var frame = body(of: buffer)
        let request = WorkerWire.readRequest(&frame)
        #expect(request?.id == 42 && request?.operation == .analyze && request?.hint == "de")
        #expect(request?.text.readableBytesArray == Array("ünïcode text".utf8))
    }

    @Test func resultsAndErrorsRoundTrip() {
        let analysis = SentimentAnalysis(
            sentiment: .mixed, positive: 0.4, negative: 0.4, neutral: 0.1, mixed: 0.1, compound: -0.25, language: "fr", languageScore: 0.5)
        guard case .analysis(let decoded)? = roundTrip(.analysis(analysis), .analyze) else { return #expect(Bool(false)) }
        #expect(decoded == analysis)
        let entities = [DetectedEntity(type: "EMAIL", begin: 3, end: 20, score: 0.9), DetectedEntity(type: "PHONE", begin: 30, end: 42, score: 1)]
        guard case .entities(let found)? = roundTrip(.entities(entities), .detect) else { return #expect(Bool(false)) }
        #expect(found == entities)
        guard case .failure(let error)? = roundTrip(.failure(RPCError(.resourceExhausted, "too big")), .detect) else { return #expect(Bool(false)) }
        #expect(error == RPCError(.resourceExhausted, "too big"))
    }

    @Test func truncatedAnswersAreMalformed() {
        var buffer = ByteBuffer()
        WorkerWire.writeResponse(id: 1, operation: .detect, outcome: .entities([DetectedEntity(type: "X", begin: 0, end: 1, score: 1)]), into: &buffer)
        var frame = body(of: buffer)
        frame.dropLast(3)
        #expect(WorkerWire.readResponse(&frame) == nil)
    }

    @Test func anEntityCountTheFrameCannotHoldIsMalformed() {
        var frame = ByteBuffer()
        frame.writeInteger(UInt64(1), endianness: .little)
        frame.writeInteger(WorkerWire.Operation.detect.rawValue)
        frame.writeInteger(UInt32(0), endianness: .little)
        frame.writeInteger(UInt32.max, endianness: .little)
        #expect(WorkerWire.readResponse(&frame) == nil)
    }

    @Test func aFrameOverTheLimitIsRefusedBeforeBuffering() throws {
        let (ours, theirs) = try Socket.pair()
        var length = UInt32(WorkerWire.maxFrameBytes + 1).littleEndian
        try withUnsafeBytes(of: &length) { try theirs.writeAll($0) }
        var reader = FrameReader()
        #expect(try reader.read(from: ours))
        #expect(throws: RPCError.self) { _ = try reader.nextFrame() }
    }
}
