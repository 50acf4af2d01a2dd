import AuraBytes
import AuraCore

/// The frames between the server and a plugin worker process, over a socketpair. Both ends are
/// built from this package, so integers are little-endian and there is no versioning; the
/// server still checks every length, because the worker runs untrusted code.
///
/// Every frame is a u32 body length, then the body. Server to worker (a request):
/// `u64 id, u8 operation, u16 hint length, hint, text`; the first request is `.load` with the
/// plugin's path as the hint and its config as the text. Worker to server (a response):
/// `u64 id, u8 operation, u32 code`, then, when the code is 0, the operation's result (see the
/// encoders) and otherwise the error message.
enum WorkerWire {
    /// The largest frame either side accepts: well above the server's 4 MiB messages.
    static let maxFrameBytes = 64 << 20
    /// Bytes of the request header before the hint.
    static let requestHeaderBytes = 4 + 8 + 1 + 2

    /// What a request asks.
    enum Operation: UInt8 {
        case load = 0, analyze = 1, detect = 2
    }

    /// A decoded request: `text` shares the frame's storage.
    struct Request {
        var id: UInt64
        var operation: Operation
        var hint: String
        var text: ByteBuffer
    }

    /// A decoded response.
    enum Outcome: Sendable {
        case loaded(PluginInfo)
        case analysis(SentimentAnalysis)
        case entities([DetectedEntity])
        case failure(RPCError)
    }

    /// Appends a request frame for `text`.
    static func writeRequest(id: UInt64, operation: Operation, hint: String, text: UnsafeRawBufferPointer, into buffer: inout ByteBuffer) {
        let hintBytes = min(hint.utf8.count, Int(UInt16.max))
        buffer.writeInteger(UInt32(requestHeaderBytes - 4 + hintBytes + text.count), endianness: .little)
        buffer.writeInteger(id, endianness: .little)
        buffer.writeInteger(operation.rawValue)
        buffer.writeShortString(hint)
        buffer.writeBytes(text)
    }

    /// Reads a request frame's body; nil when it is malformed.
    static func readRequest(_ body: inout ByteBuffer) -> Request? {
        guard let id = body.readInteger(endianness: .little, as: UInt64.self),
              let operation = body.readInteger(as: UInt8.self).flatMap(Operation.init(rawValue:)),
              let hint = body.readShortString()
        else { return nil }
        return Request(id: id, operation: operation, hint: hint, text: body)
    }

    /// Appends a response frame for `outcome`.
    static func writeResponse(id: UInt64, operation: Operation, outcome: Outcome, into buffer: inout ByteBuffer) {
        let lengthAt = buffer.readableBytes
        buffer.writeInteger(UInt32(0))
        buffer.writeInteger(id, endianness: .little)
        buffer.writeInteger(operation.rawValue)
        switch outcome {
        case .loaded(let info):
            buffer.writeInteger(UInt32(0), endianness: .little)
            buffer.writeInteger(info.kind.rawValue, endianness: .little)
            for text in [info.name, info.version, info.languages.joined(separator: ","), info.abi] { buffer.writeShortString(text) }
        case .analysis(let analysis):
            buffer.writeInteger(UInt32(0), endianness: .little)
            buffer.writeInteger(analysis.sentiment.rawValue, endianness: .little)
            for score in [analysis.positive, analysis.negative, analysis.neutral, analysis.mixed, analysis.compound, analysis.languageScore] {
                buffer.writeInteger(score.bitPattern, endianness: .little)
            }
            buffer.writeShortString(analysis.language)
        case .entities(let entities):
            buffer.writeInteger(UInt32(0), endianness: .little)
            buffer.writeInteger(UInt32(entities.count), endianness: .little)
            for entity in entities {
                buffer.writeInteger(Int64(entity.begin), endianness: .little)
                buffer.writeInteger(Int64(entity.end), endianness: .little)
                buffer.writeInteger(entity.score.bitPattern, endianness: .little)
                buffer.writeShortString(entity.type)
            }
        case .failure(let error):
            buffer.writeInteger(UInt32(error.code.rawValue), endianness: .little)
            buffer.writeString(error.message)
        }
        let length = UInt32(buffer.readableBytes - lengthAt - 4).littleEndian
        buffer.withUnsafeMutableReadableBytes { $0.storeBytes(of: length, toByteOffset: lengthAt, as: UInt32.self) }
    }

    /// Reads a response frame's body: its id and outcome, or nil when it is malformed.
    static func readResponse(_ body: inout ByteBuffer) -> (id: UInt64, outcome: Outcome)? {
        guard let id = body.readInteger(endianness: .little, as: UInt64.self),
              let operation = body.readInteger(as: UInt8.self).flatMap(Operation.init(rawValue:)),
              let code = body.readInteger(endianness: .little, as: UInt32.self)
        else { return nil }
        if code != 0 {
            return (id, .failure(RPCError(StatusCode(wireValue: code), body.readString(length: body.readableBytes) ?? "")))
        }
        let outcome: Outcome?
        switch operation {
        case .load: outcome = readInfo(&body).map(Outcome.loaded)
        case .analyze: outcome = readAnalysis(&body).map(Outcome.analysis)
        case .detect: outcome = readEntities(&body).map(Outcome.entities)
        }
        return outcome.map { (id, $0) }
    }

    private static func readInfo(_ body: inout ByteBuffer) -> PluginInfo? {
        guard let kind = body.readInteger(endianness: .little, as: UInt32.self).flatMap(PluginKind.init(rawValue:)),
              let name = body.readShortString(), let version = body.readShortString(),
              let languages = body.readShortString(), let abi = body.readShortString()
        else { return nil }
        return PluginInfo(
            kind: kind, name: name, version: version, languages: languages.split(separator: ",").map(String.init), path: "", abi: abi)
    }

    private static func readAnalysis(_ body: inout ByteBuffer) -> SentimentAnalysis? {
        guard let label = body.readInteger(endianness: .little, as: UInt32.self).flatMap(Sentiment.init(rawValue:)) else { return nil }
        var scores: [Double] = []
        for _ in 0..<6 {
            guard let bits = body.readInteger(endianness: .little, as: UInt64.self) else { return nil }
            scores.append(Double(bitPattern: bits))
        }
        guard let language = body.readShortString() else { return nil }
        return SentimentAnalysis(
            sentiment: label, positive: scores[0], negative: scores[1], neutral: scores[2], mixed: scores[3],
            compound: scores[4], language: language, languageScore: scores[5])
    }

    private static func readEntities(_ body: inout ByteBuffer) -> [DetectedEntity]? {
        let smallestEntity = 8 + 8 + 8 + 2
        guard let count = body.readInteger(endianness: .little, as: UInt32.self), Int(count) <= body.readableBytes / smallestEntity else { return nil }
        var entities: [DetectedEntity] = []
        entities.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let begin = body.readInteger(endianness: .little, as: Int64.self),
                  let end = body.readInteger(endianness: .little, as: Int64.self),
                  let score = body.readInteger(endianness: .little, as: UInt64.self),
                  let type = body.readShortString()
            else { return nil }
            entities.append(DetectedEntity(type: type, begin: Int(truncatingIfNeeded: begin), end: Int(truncatingIfNeeded: end), score: Double(bitPattern: score)))
        }
        return entities
    }
}

extension ByteBuffer {
    /// Appends a u16 length and up to 65,535 bytes of `text`'s UTF-8.
    mutating func writeShortString(_ text: String) {
        let bytes = text.utf8.prefix(Int(UInt16.max))
        writeInteger(UInt16(bytes.count), endianness: .little)
        writeBytes(bytes)
    }

    /// Reads a string `writeShortString` wrote, or nil when the buffer is too short.
    mutating func readShortString() -> String? {
        guard let length = getInteger(endianness: .little, as: UInt16.self), readableBytes >= 2 + Int(length) else { return nil }
        moveReaderIndex(forwardBy: 2)
        return readString(length: Int(length))
    }
}
