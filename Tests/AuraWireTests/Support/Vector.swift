import AuraBytes
import Foundation
@testable import AuraWire

/// One test vector from Protocol/vectors: `NAME.bin` and its meaning, `NAME.json`
/// (the format is described in Protocol/vectors/README.md).
struct Vector: Decodable {
    /// The folder holding the vectors, found from this file's path.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Protocol/vectors")

    /// The names of every vector (files with both a .bin and a .json), sorted.
    static func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let bins = Set(files.filter { $0.hasSuffix(".bin") }.map { String($0.dropLast(4)) })
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.filter(bins.contains).sorted()
    }

    /// Loads a vector's meaning and bytes.
    static func load(_ name: String) throws -> (Vector, ByteBuffer) {
        let json = try Data(contentsOf: folder.appendingPathComponent(name + ".json"))
        let bin = try Data(contentsOf: folder.appendingPathComponent(name + ".bin"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return (try decoder.decode(Vector.self, from: json), ByteBuffer(bytes: [UInt8](bin)))
    }

    let description: String
    /// "server": the bytes are a client's, read by a server; "client": the reverse.
    let side: String
    /// Whether the bytes start with the client preface.
    let preface: Bool
    /// Whether re-encoding the frames gives back exactly the bytes they came from.
    let canonical: Bool
    /// The receiver's MAX_FRAME_SIZE, when not the default.
    let maxFrameSize: UInt32?
    /// The receiver's MAX_MESSAGE_SIZE, when not the default.
    let maxMessageSize: Int?
    /// The receiver's MAX_CONCURRENT_STREAMS, when not the default.
    let maxConcurrentStreams: UInt32?
    /// Bytes of an incomplete frame left at the end.
    let incompleteBytes: Int?
    let frames: [FrameSpec]
    let expect: Expectation
    /// The frames a server core writes after reading the bytes, when the vector prescribes them.
    let answer: [AnswerSpec]?

    /// The settings of the receiver the vector describes.
    var receiverSettings: Settings {
        var settings = Settings()
        if let maxFrameSize { settings.maxFrameSize = maxFrameSize }
        if let maxMessageSize { settings.maxMessageSize = UInt32(maxMessageSize) }
        if let maxConcurrentStreams { settings.maxConcurrentStreams = maxConcurrentStreams }
        return settings
    }

    /// One frame of an answer: what the vector prescribes of it.
    struct AnswerSpec: Decodable, Equatable, CustomStringConvertible {
        let type: String
        let streamId: UInt32
        let flags: [String]
        let code: String?

        init(type: String, streamId: UInt32, flags: [String], code: String?) {
            (self.type, self.streamId, self.flags, self.code) = (type, streamId, flags, code)
        }

        /// What `frame` shows of the same.
        init(_ frame: Frame) {
            switch frame {
            case .settings(_, let ack): self.init(type: "SETTINGS", streamId: 0, flags: ack ? ["ACK"] : [], code: nil)
            case .headers(let id, _, _): self.init(type: "HEADERS", streamId: id, flags: [], code: nil)
            case .message(let id, _, _): self.init(type: "MESSAGE", streamId: id, flags: [], code: nil)
            case .trailers(let id, let trailers): self.init(type: "TRAILERS", streamId: id, flags: [], code: trailers?.code.name)
            case .cancel(let id, let code): self.init(type: "CANCEL", streamId: id, flags: [], code: code.name)
            case .windowUpdate(let id, _): self.init(type: "WINDOW_UPDATE", streamId: id, flags: [], code: nil)
            case .ping(_, let ack): self.init(type: "PING", streamId: 0, flags: ack ? ["ACK"] : [], code: nil)
            case .goAway(_, let code, _): self.init(type: "GOAWAY", streamId: 0, flags: [], code: code.name)
            case .unknown(_, let id, _, _): self.init(type: "UNKNOWN", streamId: id, flags: [], code: nil)
            }
        }

        var description: String { "\(type) \(streamId) \(flags) \(code ?? "")" }
    }

    var readsClientFrames: Bool { side == "server" }

    struct Pattern: Decodable {
        let start: Int
        let length: Int
    }

    struct MetadataSpec: Decodable {
        let key: String
        let valueHex: String
    }

    struct HeadersSpec: Decodable {
        let method: String
        let metadata: [MetadataSpec]
        let timeoutMicros: UInt64
        let messageEncoding: String
        let acceptEncoding: [String]
    }

    struct TrailersSpec: Decodable {
        let code: String
        let message: String
        let metadata: [MetadataSpec]
    }

    /// One frame as the JSON describes it.
    struct FrameSpec: Decodable {
        let type: String
        let flags: [String]?
        let streamId: UInt32
        let length: UInt32
        let settings: [String: UInt32]?
        let headers: HeadersSpec?
        let trailers: TrailersSpec?
        let payloadHex: String?
        let payloadPattern: Pattern?
        let payloadZlibOfPattern: Int?
        let code: String?
        let increment: UInt32?
        let dataHex: String?
        let lastStreamId: UInt32?
        let reason: String?
        let typeByte: UInt8?
        let flagsByte: UInt8?
    }

    /// What reading the bytes must give.
    enum Expectation: Decodable {
        /// Every frame decodes.
        case ok
        /// Decoding ends with a connection error (GOAWAY) of this code.
        case connectionError(StatusCode)
        /// The frames decode and their MESSAGE frames assemble into these messages.
        case messages([ExpectedMessage])
        /// The frames decode but assembling stream `streamID`'s message fails with `code`.
        case streamError(streamID: UInt32, code: StatusCode)

        struct ExpectedMessage: Decodable {
            let streamId: UInt32
            let messageHex: String?
            let patternLength: Int?

            var bytes: [UInt8]? { patternLength.map { pattern($0) } ?? messageHex.flatMap { hexBytes($0) } }
        }

        private struct StreamError: Decodable {
            let streamId: UInt32
            let code: String
        }

        init(from decoder: any Decoder) throws {
            if let word = try? decoder.singleValueContainer().decode(String.self) {
                guard word == "ok" else { throw VectorError("expect must be \"ok\" or an object, got \(word)") }
                self = .ok
                return
            }
            // convertFromSnakeCase applies to these keys too: look them up as converted.
            let object = try decoder.container(keyedBy: AnyKey.self)
            if let name = try object.decodeIfPresent(String.self, forKey: AnyKey("connectionError")) {
                self = .connectionError(try statusCode(named: name))
            } else if let messages = try object.decodeIfPresent([ExpectedMessage].self, forKey: AnyKey("messages")) {
                self = .messages(messages)
            } else if let error = try object.decodeIfPresent(StreamError.self, forKey: AnyKey("streamError")) {
                self = .streamError(streamID: error.streamId, code: try statusCode(named: error.code))
            } else {
                throw VectorError("unknown expectation")
            }
        }
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

struct VectorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func statusCode(named name: String) throws -> StatusCode {
    guard let code = StatusCode(name: name) else { throw VectorError("no status code named \(name)") }
    return code
}

extension Vector.FrameSpec {
    /// The flags the frame means, from their names.
    var frameFlags: FrameFlags {
        var flags: FrameFlags = []
        for name in self.flags ?? [] {
            switch name {
            case "ACK", "END_STREAM": flags.insert(.endStream)
            case "COMPRESSED": flags.insert(.compressed)
            case "MORE": flags.insert(.more)
            default: break
            }
        }
        return flags
    }

    /// The payload of a MESSAGE frame, when the JSON gives its exact bytes.
    func messagePayload() throws -> [UInt8]? {
        if let hex = payloadHex {
            guard let payload = hexBytes(hex) else { throw VectorError("bad payload_hex") }
            return payload
        }
        if let range = payloadPattern { return pattern(range.length, start: range.start) }
        return nil
    }

    /// The frame this spec describes. Nil for a MESSAGE whose payload is only described
    /// (`payload_zlib_of_pattern`); `check(_:)` handles those.
    func expectedFrame() throws -> Frame? {
        switch type {
        case "SETTINGS":
            if frameFlags.contains(.endStream) { return .settings(nil, ack: true) }
            guard let values = settings else { throw VectorError("SETTINGS without settings") }
            var settings = Settings()
            settings.maxFrameSize = try value(values, "MAX_FRAME_SIZE")
            settings.maxMessageSize = try value(values, "MAX_MESSAGE_SIZE")
            settings.maxConcurrentStreams = try value(values, "MAX_CONCURRENT_STREAMS")
            settings.initialStreamWindow = try value(values, "INITIAL_STREAM_WINDOW")
            settings.connectionWindow = try value(values, "CONNECTION_WINDOW")
            settings.maxMetadataSize = try value(values, "MAX_METADATA_SIZE")
            return .settings(settings, ack: false)
        case "HEADERS":
            guard let spec = headers else { throw VectorError("HEADERS without headers") }
            let callHeaders = CallHeaders(
                method: spec.method, metadata: try metadata(spec.metadata), timeoutMicros: spec.timeoutMicros,
                messageEncoding: spec.messageEncoding, acceptEncoding: spec.acceptEncoding)
            return .headers(streamID: streamId, callHeaders, endStream: frameFlags.contains(.endStream))
        case "MESSAGE":
            guard let payload = try messagePayload() else { return nil }
            return .message(streamID: streamId, payload: ByteBuffer(bytes: payload), flags: frameFlags)
        case "TRAILERS":
            guard let spec = trailers else { return .trailers(streamID: streamId, nil) }
            return .trailers(
                streamID: streamId,
                CallTrailers(code: try statusCode(named: spec.code), message: spec.message, metadata: try metadata(spec.metadata)))
        case "CANCEL":
            return .cancel(streamID: streamId, code: try statusCode(named: code ?? ""))
        case "WINDOW_UPDATE":
            guard let increment else { throw VectorError("WINDOW_UPDATE without increment") }
            return .windowUpdate(streamID: streamId, increment: increment)
        case "PING":
            guard let hex = dataHex, let data = hexBytes(hex), data.count == 8 else { throw VectorError("bad PING data") }
            return .ping(data.reduce(0) { $0 << 8 | UInt64($1) }, ack: frameFlags.contains(.endStream))
        case "GOAWAY":
            guard let last = lastStreamId, let reason else { throw VectorError("GOAWAY incomplete") }
            return .goAway(lastStreamID: last, code: try statusCode(named: code ?? ""), reason: reason)
        case "UNKNOWN":
            guard let typeByte, let flagsByte else { throw VectorError("UNKNOWN without type_byte/flags_byte") }
            return .unknown(type: typeByte, streamID: streamId, flags: FrameFlags(rawValue: flagsByte), length: length)
        default:
            throw VectorError("unknown frame type name \(type)")
        }
    }

    private func value(_ values: [String: UInt32], _ name: String) throws -> UInt32 {
        guard let value = values[name] else { throw VectorError("SETTINGS lacks \(name)") }
        return value
    }

    private func metadata(_ specs: [Vector.MetadataSpec]) throws -> Metadata {
        var metadata = Metadata()
        for spec in specs {
            guard let value = hexBytes(spec.valueHex) else { throw VectorError("bad value_hex") }
            metadata.entries.append(Metadata.Entry(key: spec.key, value: value))  // as sent, not lowercased
        }
        return metadata
    }
}
