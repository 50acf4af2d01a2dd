// Generated from Protocol/aura.proto by aura-protoc; do not edit.
// Regenerate with `swift run aura-protoc` from the package root (docs/MESSAGES.md).

import AuraBytes
import AuraProto

/// `aura.HealthCheckRequest`.
public struct HealthCheckRequest: GeneratedMessage {
    /// The service to ask about, e.g. "aura.TestService"; empty asks about the server as a whole.
    public var service: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(service: String = "") {
        self.service = service
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: service = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, service)
    }
}

/// `aura.HealthCheckResponse`.
public struct HealthCheckResponse: GeneratedMessage {
    /// `aura.HealthCheckResponse.ServingStatus`.
    public enum ServingStatus: ProtoEnum {
        /// `UNKNOWN` = 0.
        case unknown
        /// `SERVING` = 1.
        case serving
        /// `NOT_SERVING` = 2.
        case notServing
        /// `SERVICE_UNKNOWN` = 3.
        case serviceUnknown
        /// A number this version of the schema does not know, kept as it came.
        case unrecognized(Int32)

        /// The default: `UNKNOWN`.
        public init() { self = .unknown }

        /// The value with this number; `unrecognized` for a number the schema does not know.
        public init(rawValue: Int32) {
            switch rawValue {
            case 0: self = .unknown
            case 1: self = .serving
            case 2: self = .notServing
            case 3: self = .serviceUnknown
            default: self = .unrecognized(rawValue)
            }
        }

        /// The number on the wire.
        public var rawValue: Int32 {
            switch self {
            case .unknown: return 0
            case .serving: return 1
            case .notServing: return 2
            case .serviceUnknown: return 3
            case .unrecognized(let number): return number
            }
        }

        /// The name in the schema, e.g. `UNKNOWN`; nil for an unrecognized number.
        public var name: String? {
            switch self {
            case .unknown: return "UNKNOWN"
            case .serving: return "SERVING"
            case .notServing: return "NOT_SERVING"
            case .serviceUnknown: return "SERVICE_UNKNOWN"
            case .unrecognized: return nil
            }
        }
    }

    /// Field 1, `status`.
    public var status: HealthCheckResponse.ServingStatus = .unknown

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(status: HealthCheckResponse.ServingStatus = .unknown) {
        self.status = status
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: status = HealthCheckResponse.ServingStatus(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field)))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(bitPattern: Int64(status.rawValue)))
    }
}

/// `aura.Empty`.
public struct Empty: GeneratedMessage {
    /// A message with every field at its default.
    public init() {}

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() { try reader.skip(field) }
    }

    public func encode(to writer: inout ProtoWriter) {}
}

/// `aura.Payload`.
public struct Payload: GeneratedMessage {
    /// Field 1, `body`.
    public var body: ByteBuffer = .empty

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(body: ByteBuffer = .empty) {
        self.body = body
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: body = try reader.readBytes(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeBytes(field: 1, body)
    }
}

/// A status the server should end the call with.
public struct EchoStatus: GeneratedMessage {
    /// Field 1, `code`.
    public var code: Int32 = 0

    /// Field 2, `message`.
    public var message: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(code: Int32 = 0, message: String = "") {
        self.code = code
        self.message = message
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: code = Int32(truncatingIfNeeded: try reader.readUInt(field))
            case 2: message = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(bitPattern: Int64(code)))
        writer.writeString(field: 2, message)
    }
}

/// `aura.SimpleRequest`.
public struct SimpleRequest: GeneratedMessage {
    /// The size of the payload the server returns, in bytes.
    public var responseSize: Int32 = 0

    /// Field 2, `payload`.
    public var payload: Payload {
        get { _payload ?? Payload() }
        set { _payload = newValue }
    }
    /// Whether `payload` is set.
    public var hasPayload: Bool { _payload != nil }
    /// Unsets `payload`.
    public mutating func clearPayload() { _payload = nil }
    private var _payload: Payload? = nil

    /// Field 3, `response_status`.
    public var responseStatus: EchoStatus {
        get { _responseStatus ?? EchoStatus() }
        set { _responseStatus = newValue }
    }
    /// Whether `responseStatus` is set.
    public var hasResponseStatus: Bool { _responseStatus != nil }
    /// Unsets `responseStatus`.
    public mutating func clearResponseStatus() { _responseStatus = nil }
    private var _responseStatus: EchoStatus? = nil

    /// Whether the server should compress its response.
    public var responseCompressed: Bool = false

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(responseSize: Int32 = 0, payload: Payload? = nil, responseStatus: EchoStatus? = nil, responseCompressed: Bool = false) {
        self.responseSize = responseSize
        self._payload = payload
        self._responseStatus = responseStatus
        self.responseCompressed = responseCompressed
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: responseSize = Int32(truncatingIfNeeded: try reader.readUInt(field))
            case 2: _payload = try reader.readMessage(field, as: Payload.self)
            case 3: _responseStatus = try reader.readMessage(field, as: EchoStatus.self)
            case 4: responseCompressed = try reader.readUInt(field) != 0
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(bitPattern: Int64(responseSize)))
        if let value = _payload { writer.writeMessage(field: 2, value) }
        if let value = _responseStatus { writer.writeMessage(field: 3, value) }
        writer.writeUInt(field: 4, responseCompressed ? 1 : 0)
    }
}

/// `aura.SimpleResponse`.
public struct SimpleResponse: GeneratedMessage {
    /// Field 1, `payload`.
    public var payload: Payload {
        get { _payload ?? Payload() }
        set { _payload = newValue }
    }
    /// Whether `payload` is set.
    public var hasPayload: Bool { _payload != nil }
    /// Unsets `payload`.
    public mutating func clearPayload() { _payload = nil }
    private var _payload: Payload? = nil

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(payload: Payload? = nil) {
        self._payload = payload
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: _payload = try reader.readMessage(field, as: Payload.self)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        if let value = _payload { writer.writeMessage(field: 1, value) }
    }
}

/// `aura.StreamingInputCallRequest`.
public struct StreamingInputCallRequest: GeneratedMessage {
    /// Field 1, `payload`.
    public var payload: Payload {
        get { _payload ?? Payload() }
        set { _payload = newValue }
    }
    /// Whether `payload` is set.
    public var hasPayload: Bool { _payload != nil }
    /// Unsets `payload`.
    public mutating func clearPayload() { _payload = nil }
    private var _payload: Payload? = nil

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(payload: Payload? = nil) {
        self._payload = payload
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: _payload = try reader.readMessage(field, as: Payload.self)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        if let value = _payload { writer.writeMessage(field: 1, value) }
    }
}

/// `aura.StreamingInputCallResponse`.
public struct StreamingInputCallResponse: GeneratedMessage {
    /// The total payload bytes the server received.
    public var aggregatedPayloadSize: Int64 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(aggregatedPayloadSize: Int64 = 0) {
        self.aggregatedPayloadSize = aggregatedPayloadSize
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: aggregatedPayloadSize = Int64(bitPattern: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(bitPattern: aggregatedPayloadSize))
    }
}

/// `aura.ResponseParameters`.
public struct ResponseParameters: GeneratedMessage {
    /// Field 1, `size`.
    public var size: Int32 = 0

    /// How long the server waits before sending this response, in microseconds.
    public var intervalUs: Int32 = 0

    /// Field 3, `compressed`.
    public var compressed: Bool = false

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(size: Int32 = 0, intervalUs: Int32 = 0, compressed: Bool = false) {
        self.size = size
        self.intervalUs = intervalUs
        self.compressed = compressed
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: size = Int32(truncatingIfNeeded: try reader.readUInt(field))
            case 2: intervalUs = Int32(truncatingIfNeeded: try reader.readUInt(field))
            case 3: compressed = try reader.readUInt(field) != 0
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(bitPattern: Int64(size)))
        writer.writeUInt(field: 2, UInt64(bitPattern: Int64(intervalUs)))
        writer.writeUInt(field: 3, compressed ? 1 : 0)
    }
}

/// `aura.StreamingOutputCallRequest`.
public struct StreamingOutputCallRequest: GeneratedMessage {
    /// Field 1, `response_parameters`.
    public var responseParameters: [ResponseParameters] = []

    /// Field 2, `payload`.
    public var payload: Payload {
        get { _payload ?? Payload() }
        set { _payload = newValue }
    }
    /// Whether `payload` is set.
    public var hasPayload: Bool { _payload != nil }
    /// Unsets `payload`.
    public mutating func clearPayload() { _payload = nil }
    private var _payload: Payload? = nil

    /// Field 3, `response_status`.
    public var responseStatus: EchoStatus {
        get { _responseStatus ?? EchoStatus() }
        set { _responseStatus = newValue }
    }
    /// Whether `responseStatus` is set.
    public var hasResponseStatus: Bool { _responseStatus != nil }
    /// Unsets `responseStatus`.
    public mutating func clearResponseStatus() { _responseStatus = nil }
    private var _responseStatus: EchoStatus? = nil

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(responseParameters: [ResponseParameters] = [], payload: Payload? = nil, responseStatus: EchoStatus? = nil) {
        self.responseParameters = responseParameters
        self._payload = payload
        self._responseStatus = responseStatus
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: responseParameters.append(try reader.readMessage(field, as: ResponseParameters.self))
            case 2: _payload = try reader.readMessage(field, as: Payload.self)
            case 3: _responseStatus = try reader.readMessage(field, as: EchoStatus.self)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for value in responseParameters { writer.writeMessage(field: 1, value) }
        if let value = _payload { writer.writeMessage(field: 2, value) }
        if let value = _responseStatus { writer.writeMessage(field: 3, value) }
    }
}

/// `aura.StreamingOutputCallResponse`.
public struct StreamingOutputCallResponse: GeneratedMessage {
    /// Field 1, `payload`.
    public var payload: Payload {
        get { _payload ?? Payload() }
        set { _payload = newValue }
    }
    /// Whether `payload` is set.
    public var hasPayload: Bool { _payload != nil }
    /// Unsets `payload`.
    public mutating func clearPayload() { _payload = nil }
    private var _payload: Payload? = nil

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(payload: Payload? = nil) {
        self._payload = payload
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: _payload = try reader.readMessage(field, as: Payload.self)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        if let value = _payload { writer.writeMessage(field: 1, value) }
    }
}

/// `aura.SleepRequest`.
public struct SleepRequest: GeneratedMessage {
    /// How long the handler sleeps before answering, in milliseconds; it stops early when the call
    /// is cancelled or its deadline passes.
    public var durationMs: UInt64 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(durationMs: UInt64 = 0) {
        self.durationMs = durationMs
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: durationMs = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, durationMs)
    }
}

/// `aura.SentimentLabel`.
public enum SentimentLabel: ProtoEnum {
    /// `SENTIMENT_UNSPECIFIED` = 0.
    case sentimentUnspecified
    /// `POSITIVE` = 1.
    case positive
    /// `NEGATIVE` = 2.
    case negative
    /// `NEUTRAL` = 3.
    case neutral
    /// `MIXED` = 4.
    case mixed
    /// A number this version of the schema does not know, kept as it came.
    case unrecognized(Int32)

    /// The default: `SENTIMENT_UNSPECIFIED`.
    public init() { self = .sentimentUnspecified }

    /// The value with this number; `unrecognized` for a number the schema does not know.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .sentimentUnspecified
        case 1: self = .positive
        case 2: self = .negative
        case 3: self = .neutral
        case 4: self = .mixed
        default: self = .unrecognized(rawValue)
        }
    }

    /// The number on the wire.
    public var rawValue: Int32 {
        switch self {
        case .sentimentUnspecified: return 0
        case .positive: return 1
        case .negative: return 2
        case .neutral: return 3
        case .mixed: return 4
        case .unrecognized(let number): return number
        }
    }

    /// The name in the schema, e.g. `SENTIMENT_UNSPECIFIED`; nil for an unrecognized number.
    public var name: String? {
        switch self {
        case .sentimentUnspecified: return "SENTIMENT_UNSPECIFIED"
        case .positive: return "POSITIVE"
        case .negative: return "NEGATIVE"
        case .neutral: return "NEUTRAL"
        case .mixed: return "MIXED"
        case .unrecognized: return nil
        }
    }
}

/// `aura.SentimentScores`.
public struct SentimentScores: GeneratedMessage {
    /// Field 1, `positive`.
    public var positive: Double = 0

    /// Field 2, `negative`.
    public var negative: Double = 0

    /// Field 3, `neutral`.
    public var neutral: Double = 0

    /// Field 4, `mixed`.
    public var mixed: Double = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(positive: Double = 0, negative: Double = 0, neutral: Double = 0, mixed: Double = 0) {
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.mixed = mixed
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: positive = Double(bitPattern: try reader.readFixed64(field))
            case 2: negative = Double(bitPattern: try reader.readFixed64(field))
            case 3: neutral = Double(bitPattern: try reader.readFixed64(field))
            case 4: mixed = Double(bitPattern: try reader.readFixed64(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeFixed64(field: 1, positive.bitPattern)
        writer.writeFixed64(field: 2, negative.bitPattern)
        writer.writeFixed64(field: 3, neutral.bitPattern)
        writer.writeFixed64(field: 4, mixed.bitPattern)
    }
}

/// One piece of personal data found in a text.
public struct PiiEntity: GeneratedMessage {
    /// EMAIL, PHONE, US_SSN, CREDIT_DEBIT_NUMBER, IBAN, IP_ADDRESS, URL, ...
    public var type: String = ""

    /// Unicode scalars
    public var beginOffset: UInt32 = 0

    /// exclusive
    public var endOffset: UInt32 = 0

    /// Field 4, `score`.
    public var score: Double = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(type: String = "", beginOffset: UInt32 = 0, endOffset: UInt32 = 0, score: Double = 0) {
        self.type = type
        self.beginOffset = beginOffset
        self.endOffset = endOffset
        self.score = score
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: type = try reader.readString(field)
            case 2: beginOffset = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 3: endOffset = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 4: score = Double(bitPattern: try reader.readFixed64(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, type)
        writer.writeUInt(field: 2, UInt64(beginOffset))
        writer.writeUInt(field: 3, UInt64(endOffset))
        writer.writeFixed64(field: 4, score.bitPattern)
    }
}

/// `aura.AnalyzeOptions`.
public struct AnalyzeOptions: GeneratedMessage {
    /// ISO 639-1; empty: detect
    public var languageHint: String = ""

    /// run the redactor first and analyze the redacted text
    public var redactPii: Bool = false

    /// name@version; empty: the active analyzer
    public var analyzer: String = ""

    /// name@version; empty: the active redactor
    public var redactor: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(languageHint: String = "", redactPii: Bool = false, analyzer: String = "", redactor: String = "") {
        self.languageHint = languageHint
        self.redactPii = redactPii
        self.analyzer = analyzer
        self.redactor = redactor
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: languageHint = try reader.readString(field)
            case 2: redactPii = try reader.readUInt(field) != 0
            case 3: analyzer = try reader.readString(field)
            case 4: redactor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, languageHint)
        writer.writeUInt(field: 2, redactPii ? 1 : 0)
        writer.writeString(field: 3, analyzer)
        writer.writeString(field: 4, redactor)
    }
}

/// `aura.AnalyzeRequest`.
public struct AnalyzeRequest: GeneratedMessage {
    /// Field 1, `text`.
    public var text: String = ""

    /// Field 2, `options`.
    public var options: AnalyzeOptions {
        get { _options ?? AnalyzeOptions() }
        set { _options = newValue }
    }
    /// Whether `options` is set.
    public var hasOptions: Bool { _options != nil }
    /// Unsets `options`.
    public mutating func clearOptions() { _options = nil }
    private var _options: AnalyzeOptions? = nil

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(text: String = "", options: AnalyzeOptions? = nil) {
        self.text = text
        self._options = options
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: text = try reader.readString(field)
            case 2: _options = try reader.readMessage(field, as: AnalyzeOptions.self)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, text)
        if let value = _options { writer.writeMessage(field: 2, value) }
    }
}

/// `aura.SentimentResult`.
public struct SentimentResult: GeneratedMessage {
    /// Field 1, `sentiment`.
    public var sentiment: SentimentLabel = .sentimentUnspecified

    /// Field 2, `scores`.
    public var scores: SentimentScores {
        get { _scores ?? SentimentScores() }
        set { _scores = newValue }
    }
    /// Whether `scores` is set.
    public var hasScores: Bool { _scores != nil }
    /// Unsets `scores`.
    public mutating func clearScores() { _scores = nil }
    private var _scores: SentimentScores? = nil

    /// Field 3, `compound`.
    public var compound: Double = 0

    /// ISO 639-1, or "und"
    public var language: String = ""

    /// Field 5, `language_score`.
    public var languageScore: Double = 0

    /// answered from the result cache
    public var cached: Bool = false

    /// name@version that produced it
    public var analyzer: String = ""

    /// name@version that redacted the text first, if any
    public var redactor: String = ""

    /// Field 9, `redactions`.
    public var redactions: [PiiEntity] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(sentiment: SentimentLabel = .sentimentUnspecified, scores: SentimentScores? = nil, compound: Double = 0, language: String = "", languageScore: Double = 0, cached: Bool = false, analyzer: String = "", redactor: String = "", redactions: [PiiEntity] = []) {
        self.sentiment = sentiment
        self._scores = scores
        self.compound = compound
        self.language = language
        self.languageScore = languageScore
        self.cached = cached
        self.analyzer = analyzer
        self.redactor = redactor
        self.redactions = redactions
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: sentiment = SentimentLabel(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field)))
            case 2: _scores = try reader.readMessage(field, as: SentimentScores.self)
            case 3: compound = Double(bitPattern: try reader.readFixed64(field))
            case 4: language = try reader.readString(field)
            case 5: languageScore = Double(bitPattern: try reader.readFixed64(field))
            case 6: cached = try reader.readUInt(field) != 0
            case 7: analyzer = try reader.readString(field)
            case 8: redactor = try reader.readString(field)
            case 9: redactions.append(try reader.readMessage(field, as: PiiEntity.self))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(bitPattern: Int64(sentiment.rawValue)))
        if let value = _scores { writer.writeMessage(field: 2, value) }
        writer.writeFixed64(field: 3, compound.bitPattern)
        writer.writeString(field: 4, language)
        writer.writeFixed64(field: 5, languageScore.bitPattern)
        writer.writeUInt(field: 6, cached ? 1 : 0)
        writer.writeString(field: 7, analyzer)
        writer.writeString(field: 8, redactor)
        for value in redactions { writer.writeMessage(field: 9, value) }
    }
}

/// `aura.AnalyzeBatchRequest`.
public struct AnalyzeBatchRequest: GeneratedMessage {
    /// at most 25
    public var texts: [String] = []

    /// Field 2, `options`.
    public var options: AnalyzeOptions {
        get { _options ?? AnalyzeOptions() }
        set { _options = newValue }
    }
    /// Whether `options` is set.
    public var hasOptions: Bool { _options != nil }
    /// Unsets `options`.
    public mutating func clearOptions() { _options = nil }
    private var _options: AnalyzeOptions? = nil

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(texts: [String] = [], options: AnalyzeOptions? = nil) {
        self.texts = texts
        self._options = options
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: texts.append(try reader.readString(field))
            case 2: _options = try reader.readMessage(field, as: AnalyzeOptions.self)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for value in texts { writer.writeString(field: 1, value, always: true) }
        if let value = _options { writer.writeMessage(field: 2, value) }
    }
}

/// One item's outcome in a batch or a stream: a result or an error.
public struct ItemResult: GeneratedMessage {
    /// Field 1, `index`.
    public var index: UInt32 = 0

    /// Field 2, `result`.
    public var result: SentimentResult {
        get { _result ?? SentimentResult() }
        set { _result = newValue }
    }
    /// Whether `result` is set.
    public var hasResult: Bool { _result != nil }
    /// Unsets `result`.
    public mutating func clearResult() { _result = nil }
    private var _result: SentimentResult? = nil

    /// set (code != 0) when this item failed
    public var error: EchoStatus {
        get { _error ?? EchoStatus() }
        set { _error = newValue }
    }
    /// Whether `error` is set.
    public var hasError: Bool { _error != nil }
    /// Unsets `error`.
    public mutating func clearError() { _error = nil }
    private var _error: EchoStatus? = nil

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(index: UInt32 = 0, result: SentimentResult? = nil, error: EchoStatus? = nil) {
        self.index = index
        self._result = result
        self._error = error
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: index = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 2: _result = try reader.readMessage(field, as: SentimentResult.self)
            case 3: _error = try reader.readMessage(field, as: EchoStatus.self)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(index))
        if let value = _result { writer.writeMessage(field: 2, value) }
        if let value = _error { writer.writeMessage(field: 3, value) }
    }
}

/// `aura.AnalyzeBatchResponse`.
public struct AnalyzeBatchResponse: GeneratedMessage {
    /// Field 1, `results`.
    public var results: [ItemResult] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(results: [ItemResult] = []) {
        self.results = results
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: results.append(try reader.readMessage(field, as: ItemResult.self))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for value in results { writer.writeMessage(field: 1, value) }
    }
}

/// `aura.AnalyzerStats`.
public struct AnalyzerStats: GeneratedMessage {
    /// Field 1, `cache_hits`.
    public var cacheHits: UInt64 = 0

    /// Field 2, `cache_misses`.
    public var cacheMisses: UInt64 = 0

    /// Field 3, `cache_entries`.
    public var cacheEntries: UInt64 = 0

    /// Field 4, `cache_bytes`.
    public var cacheBytes: UInt64 = 0

    /// Field 5, `plugin_failures`.
    public var pluginFailures: UInt64 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(cacheHits: UInt64 = 0, cacheMisses: UInt64 = 0, cacheEntries: UInt64 = 0, cacheBytes: UInt64 = 0, pluginFailures: UInt64 = 0) {
        self.cacheHits = cacheHits
        self.cacheMisses = cacheMisses
        self.cacheEntries = cacheEntries
        self.cacheBytes = cacheBytes
        self.pluginFailures = pluginFailures
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: cacheHits = try reader.readUInt(field)
            case 2: cacheMisses = try reader.readUInt(field)
            case 3: cacheEntries = try reader.readUInt(field)
            case 4: cacheBytes = try reader.readUInt(field)
            case 5: pluginFailures = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, cacheHits)
        writer.writeUInt(field: 2, cacheMisses)
        writer.writeUInt(field: 3, cacheEntries)
        writer.writeUInt(field: 4, cacheBytes)
        writer.writeUInt(field: 5, pluginFailures)
    }
}

/// `aura.RedactionMode`.
public enum RedactionMode: ProtoEnum {
    /// "[EMAIL]"
    case replaceWithType
    /// each scalar replaced by mask_character
    case mask
    /// "[EMAIL:1f3a...]", HMAC-SHA256 under the server's key: equal values, equal tokens
    case hash
    /// A number this version of the schema does not know, kept as it came.
    case unrecognized(Int32)

    /// The default: `REPLACE_WITH_TYPE`.
    public init() { self = .replaceWithType }

    /// The value with this number; `unrecognized` for a number the schema does not know.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .replaceWithType
        case 1: self = .mask
        case 2: self = .hash
        default: self = .unrecognized(rawValue)
        }
    }

    /// The number on the wire.
    public var rawValue: Int32 {
        switch self {
        case .replaceWithType: return 0
        case .mask: return 1
        case .hash: return 2
        case .unrecognized(let number): return number
        }
    }

    /// The name in the schema, e.g. `REPLACE_WITH_TYPE`; nil for an unrecognized number.
    public var name: String? {
        switch self {
        case .replaceWithType: return "REPLACE_WITH_TYPE"
        case .mask: return "MASK"
        case .hash: return "HASH"
        case .unrecognized: return nil
        }
    }
}

/// `aura.DetectPiiRequest`.
public struct DetectPiiRequest: GeneratedMessage {
    /// Field 1, `text`.
    public var text: String = ""

    /// name@version; empty: the active redactor
    public var redactor: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(text: String = "", redactor: String = "") {
        self.text = text
        self.redactor = redactor
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: text = try reader.readString(field)
            case 2: redactor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, text)
        writer.writeString(field: 2, redactor)
    }
}

/// `aura.DetectPiiResponse`.
public struct DetectPiiResponse: GeneratedMessage {
    /// Field 1, `entities`.
    public var entities: [PiiEntity] = []

    /// Field 2, `redactor`.
    public var redactor: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(entities: [PiiEntity] = [], redactor: String = "") {
        self.entities = entities
        self.redactor = redactor
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: entities.append(try reader.readMessage(field, as: PiiEntity.self))
            case 2: redactor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for value in entities { writer.writeMessage(field: 1, value) }
        writer.writeString(field: 2, redactor)
    }
}

/// `aura.RedactRequest`.
public struct RedactRequest: GeneratedMessage {
    /// Field 1, `text`.
    public var text: String = ""

    /// Field 2, `mode`.
    public var mode: RedactionMode = .replaceWithType

    /// default "*"
    public var maskCharacter: String = ""

    /// only these types; empty: all
    public var types: [String] = []

    /// Field 5, `redactor`.
    public var redactor: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(text: String = "", mode: RedactionMode = .replaceWithType, maskCharacter: String = "", types: [String] = [], redactor: String = "") {
        self.text = text
        self.mode = mode
        self.maskCharacter = maskCharacter
        self.types = types
        self.redactor = redactor
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: text = try reader.readString(field)
            case 2: mode = RedactionMode(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field)))
            case 3: maskCharacter = try reader.readString(field)
            case 4: types.append(try reader.readString(field))
            case 5: redactor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, text)
        writer.writeUInt(field: 2, UInt64(bitPattern: Int64(mode.rawValue)))
        writer.writeString(field: 3, maskCharacter)
        for value in types { writer.writeString(field: 4, value, always: true) }
        writer.writeString(field: 5, redactor)
    }
}

/// `aura.RedactResponse`.
public struct RedactResponse: GeneratedMessage {
    /// Field 1, `redacted_text`.
    public var redactedText: String = ""

    /// Field 2, `entities`.
    public var entities: [PiiEntity] = []

    /// Field 3, `redactor`.
    public var redactor: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(redactedText: String = "", entities: [PiiEntity] = [], redactor: String = "") {
        self.redactedText = redactedText
        self.entities = entities
        self.redactor = redactor
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: redactedText = try reader.readString(field)
            case 2: entities.append(try reader.readMessage(field, as: PiiEntity.self))
            case 3: redactor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, redactedText)
        for value in entities { writer.writeMessage(field: 2, value) }
        writer.writeString(field: 3, redactor)
    }
}

/// `aura.DetectLanguageRequest`.
public struct DetectLanguageRequest: GeneratedMessage {
    /// Field 1, `text`.
    public var text: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(text: String = "") {
        self.text = text
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: text = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, text)
    }
}

/// `aura.DetectLanguageResponse`.
public struct DetectLanguageResponse: GeneratedMessage {
    /// ISO 639-1, or "und"
    public var language: String = ""

    /// Field 2, `score`.
    public var score: Double = 0

    /// Field 3, `analyzer`.
    public var analyzer: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(language: String = "", score: Double = 0, analyzer: String = "") {
        self.language = language
        self.score = score
        self.analyzer = analyzer
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: language = try reader.readString(field)
            case 2: score = Double(bitPattern: try reader.readFixed64(field))
            case 3: analyzer = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, language)
        writer.writeFixed64(field: 2, score.bitPattern)
        writer.writeString(field: 3, analyzer)
    }
}

/// `aura.PluginInfo`.
public struct PluginInfo: GeneratedMessage {
    /// name@version
    public var id: String = ""

    /// analyzer | redactor
    public var kind: String = ""

    /// Field 3, `name`.
    public var name: String = ""

    /// Field 4, `version`.
    public var version: String = ""

    /// Field 5, `languages`.
    public var languages: [String] = []

    /// Field 6, `path`.
    public var path: String = ""

    /// Field 7, `abi`.
    public var abi: String = ""

    /// Field 8, `active`.
    public var active: Bool = false

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(id: String = "", kind: String = "", name: String = "", version: String = "", languages: [String] = [], path: String = "", abi: String = "", active: Bool = false) {
        self.id = id
        self.kind = kind
        self.name = name
        self.version = version
        self.languages = languages
        self.path = path
        self.abi = abi
        self.active = active
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: kind = try reader.readString(field)
            case 3: name = try reader.readString(field)
            case 4: version = try reader.readString(field)
            case 5: languages.append(try reader.readString(field))
            case 6: path = try reader.readString(field)
            case 7: abi = try reader.readString(field)
            case 8: active = try reader.readUInt(field) != 0
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, id)
        writer.writeString(field: 2, kind)
        writer.writeString(field: 3, name)
        writer.writeString(field: 4, version)
        for value in languages { writer.writeString(field: 5, value, always: true) }
        writer.writeString(field: 6, path)
        writer.writeString(field: 7, abi)
        writer.writeUInt(field: 8, active ? 1 : 0)
    }
}

/// `aura.PluginList`.
public struct PluginList: GeneratedMessage {
    /// Field 1, `plugins`.
    public var plugins: [PluginInfo] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(plugins: [PluginInfo] = []) {
        self.plugins = plugins
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: plugins.append(try reader.readMessage(field, as: PluginInfo.self))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for value in plugins { writer.writeMessage(field: 1, value) }
    }
}

/// `aura.LoadPluginRequest`.
public struct LoadPluginRequest: GeneratedMessage {
    /// Field 1, `path`.
    public var path: String = ""

    /// a JSON object; empty: the plugin's defaults
    public var config: String = ""

    /// make it active at once
    public var activate: Bool = false

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(path: String = "", config: String = "", activate: Bool = false) {
        self.path = path
        self.config = config
        self.activate = activate
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: path = try reader.readString(field)
            case 2: config = try reader.readString(field)
            case 3: activate = try reader.readUInt(field) != 0
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, path)
        writer.writeString(field: 2, config)
        writer.writeUInt(field: 3, activate ? 1 : 0)
    }
}

/// `aura.PluginRef`.
public struct PluginRef: GeneratedMessage {
    /// name@version
    public var id: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(id: String = "") {
        self.id = id
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, id)
    }
}

/// `aura.DeadLetter`.
public struct DeadLetter: GeneratedMessage {
    /// Field 1, `request_id`.
    public var requestId: String = ""

    /// Field 2, `method`.
    public var method: String = ""

    /// Field 3, `code`.
    public var code: Int32 = 0

    /// Field 4, `error`.
    public var error: String = ""

    /// Field 5, `time_unix_ms`.
    public var timeUnixMs: Int64 = 0

    /// only when the server keeps texts of failed requests
    public var text: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(requestId: String = "", method: String = "", code: Int32 = 0, error: String = "", timeUnixMs: Int64 = 0, text: String = "") {
        self.requestId = requestId
        self.method = method
        self.code = code
        self.error = error
        self.timeUnixMs = timeUnixMs
        self.text = text
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: requestId = try reader.readString(field)
            case 2: method = try reader.readString(field)
            case 3: code = Int32(truncatingIfNeeded: try reader.readUInt(field))
            case 4: error = try reader.readString(field)
            case 5: timeUnixMs = Int64(bitPattern: try reader.readUInt(field))
            case 6: text = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, requestId)
        writer.writeString(field: 2, method)
        writer.writeUInt(field: 3, UInt64(bitPattern: Int64(code)))
        writer.writeString(field: 4, error)
        writer.writeUInt(field: 5, UInt64(bitPattern: timeUnixMs))
        writer.writeString(field: 6, text)
    }
}

/// `aura.ListDeadLettersRequest`.
public struct ListDeadLettersRequest: GeneratedMessage {
    /// newest first; 0: all kept
    public var limit: UInt32 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(limit: UInt32 = 0) {
        self.limit = limit
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: limit = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(limit))
    }
}

/// `aura.DeadLetterList`.
public struct DeadLetterList: GeneratedMessage {
    /// Field 1, `letters`.
    public var letters: [DeadLetter] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(letters: [DeadLetter] = []) {
        self.letters = letters
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: letters.append(try reader.readMessage(field, as: DeadLetter.self))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for value in letters { writer.writeMessage(field: 1, value) }
    }
}

/// Every message type generated from Protocol/aura.proto, by its full schema name.
public enum GeneratedMessages {
    /// The message types by full name, e.g. `aura.AnalyzeBatchRequest`.
    public static let byName: [String: any GeneratedMessage.Type] = [
        "aura.AnalyzeBatchRequest": AnalyzeBatchRequest.self,
        "aura.AnalyzeBatchResponse": AnalyzeBatchResponse.self,
        "aura.AnalyzeOptions": AnalyzeOptions.self,
        "aura.AnalyzeRequest": AnalyzeRequest.self,
        "aura.AnalyzerStats": AnalyzerStats.self,
        "aura.DeadLetter": DeadLetter.self,
        "aura.DeadLetterList": DeadLetterList.self,
        "aura.DetectLanguageRequest": DetectLanguageRequest.self,
        "aura.DetectLanguageResponse": DetectLanguageResponse.self,
        "aura.DetectPiiRequest": DetectPiiRequest.self,
        "aura.DetectPiiResponse": DetectPiiResponse.self,
        "aura.EchoStatus": EchoStatus.self,
        "aura.Empty": Empty.self,
        "aura.HealthCheckRequest": HealthCheckRequest.self,
        "aura.HealthCheckResponse": HealthCheckResponse.self,
        "aura.ItemResult": ItemResult.self,
        "aura.ListDeadLettersRequest": ListDeadLettersRequest.self,
        "aura.LoadPluginRequest": LoadPluginRequest.self,
        "aura.Payload": Payload.self,
        "aura.PiiEntity": PiiEntity.self,
        "aura.PluginInfo": PluginInfo.self,
        "aura.PluginList": PluginList.self,
        "aura.PluginRef": PluginRef.self,
        "aura.RedactRequest": RedactRequest.self,
        "aura.RedactResponse": RedactResponse.self,
        "aura.ResponseParameters": ResponseParameters.self,
        "aura.SentimentResult": SentimentResult.self,
        "aura.SentimentScores": SentimentScores.self,
        "aura.SimpleRequest": SimpleRequest.self,
        "aura.SimpleResponse": SimpleResponse.self,
        "aura.SleepRequest": SleepRequest.self,
        "aura.StreamingInputCallRequest": StreamingInputCallRequest.self,
        "aura.StreamingInputCallResponse": StreamingInputCallResponse.self,
        "aura.StreamingOutputCallRequest": StreamingOutputCallRequest.self,
        "aura.StreamingOutputCallResponse": StreamingOutputCallResponse.self,
    ]
}
