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

    /// The server's own alerts firing now (docs/METRICS.md), whichever service was asked about.
    /// Warnings: they leave `status` SERVING, so a load balancer does not drop a slow server.
    public var alerts: [ServerAlert] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(status: HealthCheckResponse.ServingStatus = .unknown, alerts: [ServerAlert] = []) {
        self.status = status
        self.alerts = alerts
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: status = HealthCheckResponse.ServingStatus(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field)))
            case 2: alerts.append(try reader.readMessage(field, as: ServerAlert.self))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(bitPattern: Int64(status.rawValue)))
        for value in alerts { writer.writeMessage(field: 2, value) }
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

    /// SHA-256 of the file's bytes as loaded, hex
    public var sha256: String = ""

    /// how its calls went (aura-rpc plugins list --stats)
    public var stats: PluginStats {
        get { _stats ?? PluginStats() }
        set { _stats = newValue }
    }
    /// Whether `stats` is set.
    public var hasStats: Bool { _stats != nil }
    /// Unsets `stats`.
    public mutating func clearStats() { _stats = nil }
    private var _stats: PluginStats? = nil

    /// where its code runs: in-process | process (a worker process) | inline (on the event loops)
    public var isolation: String = ""

    /// AVAILABLE, or UNAVAILABLE: why (quarantined after repeated crashes)
    public var status: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(id: String = "", kind: String = "", name: String = "", version: String = "", languages: [String] = [], path: String = "", abi: String = "", active: Bool = false, sha256: String = "", stats: PluginStats? = nil, isolation: String = "", status: String = "") {
        self.id = id
        self.kind = kind
        self.name = name
        self.version = version
        self.languages = languages
        self.path = path
        self.abi = abi
        self.active = active
        self.sha256 = sha256
        self._stats = stats
        self.isolation = isolation
        self.status = status
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
            case 20: sha256 = try reader.readString(field)
            case 21: _stats = try reader.readMessage(field, as: PluginStats.self)
            case 22: isolation = try reader.readString(field)
            case 23: status = try reader.readString(field)
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
        writer.writeString(field: 20, sha256)
        if let value = _stats { writer.writeMessage(field: 21, value) }
        writer.writeString(field: 22, isolation)
        writer.writeString(field: 23, status)
    }
}

/// A plugin's calls since it was loaded. Latency is the time inside the plugin.
public struct PluginStats: GeneratedMessage {
    /// calls the plugin ran
    public var calls: UInt64 = 0

    /// of those, ended in an error (its own, or a result the host refused)
    public var failures: UInt64 = 0

    /// calls whose caller stopped waiting (deadline or cancel); not run, or abandoned
    public var timeouts: UInt64 = 0

    /// times its worker process died (process isolation)
    public var crashes: UInt64 = 0

    /// calls refused because its queue was full (RESOURCE_EXHAUSTED)
    public var rejected: UInt64 = 0

    /// Field 6, `p50_micros`.
    public var p50Micros: UInt64 = 0

    /// Field 7, `p99_micros`.
    public var p99Micros: UInt64 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(calls: UInt64 = 0, failures: UInt64 = 0, timeouts: UInt64 = 0, crashes: UInt64 = 0, rejected: UInt64 = 0, p50Micros: UInt64 = 0, p99Micros: UInt64 = 0) {
        self.calls = calls
        self.failures = failures
        self.timeouts = timeouts
        self.crashes = crashes
        self.rejected = rejected
        self.p50Micros = p50Micros
        self.p99Micros = p99Micros
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: calls = try reader.readUInt(field)
            case 2: failures = try reader.readUInt(field)
            case 3: timeouts = try reader.readUInt(field)
            case 4: crashes = try reader.readUInt(field)
            case 5: rejected = try reader.readUInt(field)
            case 6: p50Micros = try reader.readUInt(field)
            case 7: p99Micros = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, calls)
        writer.writeUInt(field: 2, failures)
        writer.writeUInt(field: 3, timeouts)
        writer.writeUInt(field: 4, crashes)
        writer.writeUInt(field: 5, rejected)
        writer.writeUInt(field: 6, p50Micros)
        writer.writeUInt(field: 7, p99Micros)
    }
}

/// `aura.PluginList`.
public struct PluginList: GeneratedMessage {
    /// Field 1, `plugins`.
    public var plugins: [PluginInfo] = []

    /// names pinned to a version (the others follow the latest)
    public var pins: [PluginPin] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(plugins: [PluginInfo] = [], pins: [PluginPin] = []) {
        self.plugins = plugins
        self.pins = pins
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: plugins.append(try reader.readMessage(field, as: PluginInfo.self))
            case 20: pins.append(try reader.readMessage(field, as: PluginPin.self))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for value in plugins { writer.writeMessage(field: 1, value) }
        for value in pins { writer.writeMessage(field: 20, value) }
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

    /// "" or in-process (the default), process (a worker process) or inline (on the event loops)
    public var isolation: String = ""

    /// replace a loaded plugin of the same name@version from other bytes or config
    public var replace: Bool = false

    /// never make it active on this load, whatever the version policy
    public var inactive: Bool = false

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(path: String = "", config: String = "", activate: Bool = false, isolation: String = "", replace: Bool = false, inactive: Bool = false) {
        self.path = path
        self.config = config
        self.activate = activate
        self.isolation = isolation
        self.replace = replace
        self.inactive = inactive
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: path = try reader.readString(field)
            case 2: config = try reader.readString(field)
            case 3: activate = try reader.readUInt(field) != 0
            case 10: isolation = try reader.readString(field)
            case 20: replace = try reader.readUInt(field) != 0
            case 21: inactive = try reader.readUInt(field) != 0
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, path)
        writer.writeString(field: 2, config)
        writer.writeUInt(field: 3, activate ? 1 : 0)
        writer.writeString(field: 10, isolation)
        writer.writeUInt(field: 20, replace ? 1 : 0)
        writer.writeUInt(field: 21, inactive ? 1 : 0)
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

/// A version policy: NAME pinned to VERSION (Pin), or back to the latest (Unpin, version unused).
public struct PluginPin: GeneratedMessage {
    /// Field 1, `name`.
    public var name: String = ""

    /// a semantic version
    public var version: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(name: String = "", version: String = "") {
        self.name = name
        self.version = version
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: name = try reader.readString(field)
            case 2: version = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, name)
        writer.writeString(field: 2, version)
    }
}

/// `aura.RollbackRequest`.
public struct RollbackRequest: GeneratedMessage {
    /// a kind (analyzer, redactor) or the name of the active plugin of a kind
    public var target: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(target: String = "") {
        self.target = target
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: target = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, target)
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

    /// a job that ended FAILED (these survive a restart)
    public var jobId: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(requestId: String = "", method: String = "", code: Int32 = 0, error: String = "", timeUnixMs: Int64 = 0, text: String = "", jobId: String = "") {
        self.requestId = requestId
        self.method = method
        self.code = code
        self.error = error
        self.timeUnixMs = timeUnixMs
        self.text = text
        self.jobId = jobId
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
            case 7: jobId = try reader.readString(field)
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
        writer.writeString(field: 7, jobId)
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

/// How a document is split into records (one text each).
public enum DocumentFormat: ProtoEnum {
    /// `FORMAT_UNSPECIFIED` = 0.
    case formatUnspecified
    /// the whole document is one record
    case text
    /// one record per non-blank line (LF or CRLF)
    case lines
    /// RFC 4180 with a header row; the record is the column named csv_column
    case csv
    /// one JSON object per line; the record is the string field named jsonl_field
    case jsonl
    /// A number this version of the schema does not know, kept as it came.
    case unrecognized(Int32)

    /// The default: `FORMAT_UNSPECIFIED`.
    public init() { self = .formatUnspecified }

    /// The value with this number; `unrecognized` for a number the schema does not know.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .formatUnspecified
        case 1: self = .text
        case 2: self = .lines
        case 3: self = .csv
        case 4: self = .jsonl
        default: self = .unrecognized(rawValue)
        }
    }

    /// The number on the wire.
    public var rawValue: Int32 {
        switch self {
        case .formatUnspecified: return 0
        case .text: return 1
        case .lines: return 2
        case .csv: return 3
        case .jsonl: return 4
        case .unrecognized(let number): return number
        }
    }

    /// The name in the schema, e.g. `FORMAT_UNSPECIFIED`; nil for an unrecognized number.
    public var name: String? {
        switch self {
        case .formatUnspecified: return "FORMAT_UNSPECIFIED"
        case .text: return "TEXT"
        case .lines: return "LINES"
        case .csv: return "CSV"
        case .jsonl: return "JSONL"
        case .unrecognized: return nil
        }
    }
}

/// What a new job is: the first message of a Submit.
public struct JobSpec: GeneratedMessage {
    /// free text, shown in listings
    public var name: String = ""

    /// Field 2, `format`.
    public var format: DocumentFormat = .formatUnspecified

    /// CSV: the header name of the text column
    public var csvColumn: String = ""

    /// JSONL: the name of the text field
    public var jsonlField: String = ""

    /// redact_pii, language_hint, analyzer and redactor (name@version)
    public var options: AnalyzeOptions {
        get { _options ?? AnalyzeOptions() }
        set { _options = newValue }
    }
    /// Whether `options` is set.
    public var hasOptions: Bool { _options != nil }
    /// Unsets `options`.
    public mutating func clearOptions() { _options = nil }
    private var _options: AnalyzeOptions? = nil

    /// a Submit with a key already used returns that job
    public var idempotencyKey: String = ""

    /// the document's size when known: refused at once if it cannot fit
    public var expectedBytes: UInt64 = 0

    /// chosen by the client (up to 64 of A-Z a-z 0-9 - _ .), so that a
    public var uploadId: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(name: String = "", format: DocumentFormat = .formatUnspecified, csvColumn: String = "", jsonlField: String = "", options: AnalyzeOptions? = nil, idempotencyKey: String = "", expectedBytes: UInt64 = 0, uploadId: String = "") {
        self.name = name
        self.format = format
        self.csvColumn = csvColumn
        self.jsonlField = jsonlField
        self._options = options
        self.idempotencyKey = idempotencyKey
        self.expectedBytes = expectedBytes
        self.uploadId = uploadId
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: name = try reader.readString(field)
            case 2: format = DocumentFormat(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field)))
            case 3: csvColumn = try reader.readString(field)
            case 4: jsonlField = try reader.readString(field)
            case 5: _options = try reader.readMessage(field, as: AnalyzeOptions.self)
            case 6: idempotencyKey = try reader.readString(field)
            case 7: expectedBytes = try reader.readUInt(field)
            case 8: uploadId = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, name)
        writer.writeUInt(field: 2, UInt64(bitPattern: Int64(format.rawValue)))
        writer.writeString(field: 3, csvColumn)
        writer.writeString(field: 4, jsonlField)
        if let value = _options { writer.writeMessage(field: 5, value) }
        writer.writeString(field: 6, idempotencyKey)
        writer.writeUInt(field: 7, expectedBytes)
        writer.writeString(field: 8, uploadId)
    }
}

/// Continue a cut-off upload: the first message of a Submit instead of a JobSpec.
public struct ResumeUpload: GeneratedMessage {
    /// Field 1, `upload_id`.
    public var uploadId: String = ""

    /// must equal the upload's durable byte count (see GetUpload)
    public var offset: UInt64 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(uploadId: String = "", offset: UInt64 = 0) {
        self.uploadId = uploadId
        self.offset = offset
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: uploadId = try reader.readString(field)
            case 2: offset = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, uploadId)
        writer.writeUInt(field: 2, offset)
    }
}

/// One message of a Submit stream: a JobSpec or a ResumeUpload first, then document chunks.
public struct SubmitRequest: GeneratedMessage {
    /// The members of `oneof part`.
    public enum Part: Equatable, Sendable {
        /// Field 1, `spec`.
        case spec(JobSpec)
        /// Field 2, `resume`.
        case resume(ResumeUpload)
        /// any size up to the maximum message size
        case chunk(ByteBuffer)
    }

    /// Which member of `oneof part` is set, if any.
    public var part: Part? = nil

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(part: Part? = nil) {
        self.part = part
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: part = .spec(try reader.readMessage(field, as: JobSpec.self))
            case 2: part = .resume(try reader.readMessage(field, as: ResumeUpload.self))
            case 3: part = .chunk(try reader.readBytes(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        switch part {
        case .spec(let value)?: writer.writeMessage(field: 1, value)
        case .resume(let value)?: writer.writeMessage(field: 2, value)
        case .chunk(let value)?: writer.writeBytes(field: 3, value, always: true)
        case nil: break
        }
    }
}

/// Sent once the whole document is durable.
public struct SubmitResponse: GeneratedMessage {
    /// Field 1, `job_id`.
    public var jobId: String = ""

    /// Field 2, `bytes`.
    public var bytes: UInt64 = 0

    /// of the whole document, lowercase hex
    public var sha256: String = ""

    /// the idempotency key named a job submitted before
    public var existing: Bool = false

    /// Field 5, `upload_id`.
    public var uploadId: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(jobId: String = "", bytes: UInt64 = 0, sha256: String = "", existing: Bool = false, uploadId: String = "") {
        self.jobId = jobId
        self.bytes = bytes
        self.sha256 = sha256
        self.existing = existing
        self.uploadId = uploadId
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: jobId = try reader.readString(field)
            case 2: bytes = try reader.readUInt(field)
            case 3: sha256 = try reader.readString(field)
            case 4: existing = try reader.readUInt(field) != 0
            case 5: uploadId = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, jobId)
        writer.writeUInt(field: 2, bytes)
        writer.writeString(field: 3, sha256)
        writer.writeUInt(field: 4, existing ? 1 : 0)
        writer.writeString(field: 5, uploadId)
    }
}

/// `aura.UploadRef`.
public struct UploadRef: GeneratedMessage {
    /// Field 1, `upload_id`.
    public var uploadId: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(uploadId: String = "") {
        self.uploadId = uploadId
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: uploadId = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, uploadId)
    }
}

/// `aura.UploadStatus`.
public struct UploadStatus: GeneratedMessage {
    /// Field 1, `upload_id`.
    public var uploadId: String = ""

    /// resume from here
    public var durableBytes: UInt64 = 0

    /// the document is whole and the job exists
    public var completed: Bool = false

    /// when completed
    public var jobId: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(uploadId: String = "", durableBytes: UInt64 = 0, completed: Bool = false, jobId: String = "") {
        self.uploadId = uploadId
        self.durableBytes = durableBytes
        self.completed = completed
        self.jobId = jobId
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: uploadId = try reader.readString(field)
            case 2: durableBytes = try reader.readUInt(field)
            case 3: completed = try reader.readUInt(field) != 0
            case 4: jobId = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, uploadId)
        writer.writeUInt(field: 2, durableBytes)
        writer.writeUInt(field: 3, completed ? 1 : 0)
        writer.writeString(field: 4, jobId)
    }
}

/// `aura.JobState`.
public enum JobState: ProtoEnum {
    /// `JOB_STATE_UNSPECIFIED` = 0.
    case jobStateUnspecified
    /// `PENDING` = 1.
    case pending
    /// `PROCESSING` = 2.
    case processing
    /// `COMPLETED` = 3.
    case completed
    /// `FAILED` = 4.
    case failed
    /// `CANCELLED` = 5.
    case cancelled
    /// A number this version of the schema does not know, kept as it came.
    case unrecognized(Int32)

    /// The default: `JOB_STATE_UNSPECIFIED`.
    public init() { self = .jobStateUnspecified }

    /// The value with this number; `unrecognized` for a number the schema does not know.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .jobStateUnspecified
        case 1: self = .pending
        case 2: self = .processing
        case 3: self = .completed
        case 4: self = .failed
        case 5: self = .cancelled
        default: self = .unrecognized(rawValue)
        }
    }

    /// The number on the wire.
    public var rawValue: Int32 {
        switch self {
        case .jobStateUnspecified: return 0
        case .pending: return 1
        case .processing: return 2
        case .completed: return 3
        case .failed: return 4
        case .cancelled: return 5
        case .unrecognized(let number): return number
        }
    }

    /// The name in the schema, e.g. `JOB_STATE_UNSPECIFIED`; nil for an unrecognized number.
    public var name: String? {
        switch self {
        case .jobStateUnspecified: return "JOB_STATE_UNSPECIFIED"
        case .pending: return "PENDING"
        case .processing: return "PROCESSING"
        case .completed: return "COMPLETED"
        case .failed: return "FAILED"
        case .cancelled: return "CANCELLED"
        case .unrecognized: return nil
        }
    }
}

/// Counts and means over a job's analysed records.
public struct JobSummary: GeneratedMessage {
    /// Field 1, `positive`.
    public var positive: UInt64 = 0

    /// Field 2, `negative`.
    public var negative: UInt64 = 0

    /// Field 3, `neutral`.
    public var neutral: UInt64 = 0

    /// Field 4, `mixed`.
    public var mixed: UInt64 = 0

    /// Field 5, `mean_scores`.
    public var meanScores: SentimentScores {
        get { _meanScores ?? SentimentScores() }
        set { _meanScores = newValue }
    }
    /// Whether `meanScores` is set.
    public var hasMeanScores: Bool { _meanScores != nil }
    /// Unsets `meanScores`.
    public mutating func clearMeanScores() { _meanScores = nil }
    private var _meanScores: SentimentScores? = nil

    /// Field 6, `mean_compound`.
    public var meanCompound: Double = 0

    /// records per language code
    public var languages: [String: UInt64] = [:]

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(positive: UInt64 = 0, negative: UInt64 = 0, neutral: UInt64 = 0, mixed: UInt64 = 0, meanScores: SentimentScores? = nil, meanCompound: Double = 0, languages: [String: UInt64] = [:]) {
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.mixed = mixed
        self._meanScores = meanScores
        self.meanCompound = meanCompound
        self.languages = languages
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: positive = try reader.readUInt(field)
            case 2: negative = try reader.readUInt(field)
            case 3: neutral = try reader.readUInt(field)
            case 4: mixed = try reader.readUInt(field)
            case 5: _meanScores = try reader.readMessage(field, as: SentimentScores.self)
            case 6: meanCompound = Double(bitPattern: try reader.readFixed64(field))
            case 7:
                var entry = ProtoReader(try reader.readBytes(field))
                var key: String = ""
                var value: UInt64 = 0
                while let entryField = try entry.nextField() {
                    switch entryField.number {
                    case 1: key = try entry.readString(entryField)
                    case 2: value = try entry.readUInt(entryField)
                    default: try entry.skip(entryField)
                    }
                }
                languages[key] = value
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, positive)
        writer.writeUInt(field: 2, negative)
        writer.writeUInt(field: 3, neutral)
        writer.writeUInt(field: 4, mixed)
        if let value = _meanScores { writer.writeMessage(field: 5, value) }
        writer.writeFixed64(field: 6, meanCompound.bitPattern)
        for (key, value) in languages.sorted(by: { $0.key < $1.key }) {
            writer.writeLengthDelimited(field: 7) { writer in
                writer.writeString(field: 1, key, always: true)
                writer.writeUInt(field: 2, value, always: true)
            }
        }
    }
}

/// `aura.Job`.
public struct Job: GeneratedMessage {
    /// Field 1, `job_id`.
    public var jobId: String = ""

    /// Field 2, `name`.
    public var name: String = ""

    /// Field 3, `state`.
    public var state: JobState = .jobStateUnspecified

    /// Field 4, `format`.
    public var format: DocumentFormat = .formatUnspecified

    /// Field 5, `bytes`.
    public var bytes: UInt64 = 0

    /// Field 6, `sha256`.
    public var sha256: String = ""

    /// analysed or failed so far
    public var recordsDone: UInt64 = 0

    /// known once the document is split (0 before)
    public var recordsTotal: UInt64 = 0

    /// Field 9, `records_failed`.
    public var recordsFailed: UInt64 = 0

    /// Field 10, `created_unix_ms`.
    public var createdUnixMs: Int64 = 0

    /// Field 11, `started_unix_ms`.
    public var startedUnixMs: Int64 = 0

    /// Field 12, `completed_unix_ms`.
    public var completedUnixMs: Int64 = 0

    /// why the job FAILED
    public var error: String = ""

    /// Field 14, `summary`.
    public var summary: JobSummary {
        get { _summary ?? JobSummary() }
        set { _summary = newValue }
    }
    /// Whether `summary` is set.
    public var hasSummary: Bool { _summary != nil }
    /// Unsets `summary`.
    public mutating func clearSummary() { _summary = nil }
    private var _summary: JobSummary? = nil

    /// Field 15, `options`.
    public var options: AnalyzeOptions {
        get { _options ?? AnalyzeOptions() }
        set { _options = newValue }
    }
    /// Whether `options` is set.
    public var hasOptions: Bool { _options != nil }
    /// Unsets `options`.
    public mutating func clearOptions() { _options = nil }
    private var _options: AnalyzeOptions? = nil

    /// Field 16, `idempotency_key`.
    public var idempotencyKey: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(jobId: String = "", name: String = "", state: JobState = .jobStateUnspecified, format: DocumentFormat = .formatUnspecified, bytes: UInt64 = 0, sha256: String = "", recordsDone: UInt64 = 0, recordsTotal: UInt64 = 0, recordsFailed: UInt64 = 0, createdUnixMs: Int64 = 0, startedUnixMs: Int64 = 0, completedUnixMs: Int64 = 0, error: String = "", summary: JobSummary? = nil, options: AnalyzeOptions? = nil, idempotencyKey: String = "") {
        self.jobId = jobId
        self.name = name
        self.state = state
        self.format = format
        self.bytes = bytes
        self.sha256 = sha256
        self.recordsDone = recordsDone
        self.recordsTotal = recordsTotal
        self.recordsFailed = recordsFailed
        self.createdUnixMs = createdUnixMs
        self.startedUnixMs = startedUnixMs
        self.completedUnixMs = completedUnixMs
        self.error = error
        self._summary = summary
        self._options = options
        self.idempotencyKey = idempotencyKey
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: jobId = try reader.readString(field)
            case 2: name = try reader.readString(field)
            case 3: state = JobState(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field)))
            case 4: format = DocumentFormat(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field)))
            case 5: bytes = try reader.readUInt(field)
            case 6: sha256 = try reader.readString(field)
            case 7: recordsDone = try reader.readUInt(field)
            case 8: recordsTotal = try reader.readUInt(field)
            case 9: recordsFailed = try reader.readUInt(field)
            case 10: createdUnixMs = Int64(bitPattern: try reader.readUInt(field))
            case 11: startedUnixMs = Int64(bitPattern: try reader.readUInt(field))
            case 12: completedUnixMs = Int64(bitPattern: try reader.readUInt(field))
            case 13: error = try reader.readString(field)
            case 14: _summary = try reader.readMessage(field, as: JobSummary.self)
            case 15: _options = try reader.readMessage(field, as: AnalyzeOptions.self)
            case 16: idempotencyKey = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, jobId)
        writer.writeString(field: 2, name)
        writer.writeUInt(field: 3, UInt64(bitPattern: Int64(state.rawValue)))
        writer.writeUInt(field: 4, UInt64(bitPattern: Int64(format.rawValue)))
        writer.writeUInt(field: 5, bytes)
        writer.writeString(field: 6, sha256)
        writer.writeUInt(field: 7, recordsDone)
        writer.writeUInt(field: 8, recordsTotal)
        writer.writeUInt(field: 9, recordsFailed)
        writer.writeUInt(field: 10, UInt64(bitPattern: createdUnixMs))
        writer.writeUInt(field: 11, UInt64(bitPattern: startedUnixMs))
        writer.writeUInt(field: 12, UInt64(bitPattern: completedUnixMs))
        writer.writeString(field: 13, error)
        if let value = _summary { writer.writeMessage(field: 14, value) }
        if let value = _options { writer.writeMessage(field: 15, value) }
        writer.writeString(field: 16, idempotencyKey)
    }
}

/// `aura.JobRef`.
public struct JobRef: GeneratedMessage {
    /// Field 1, `job_id`.
    public var jobId: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(jobId: String = "") {
        self.jobId = jobId
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: jobId = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, jobId)
    }
}

/// `aura.ResultsRequest`.
public struct ResultsRequest: GeneratedMessage {
    /// Field 1, `job_id`.
    public var jobId: String = ""

    /// resume a results stream from this record
    public var fromIndex: UInt64 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(jobId: String = "", fromIndex: UInt64 = 0) {
        self.jobId = jobId
        self.fromIndex = fromIndex
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: jobId = try reader.readString(field)
            case 2: fromIndex = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, jobId)
        writer.writeUInt(field: 2, fromIndex)
    }
}

/// One record's outcome, in index order.
public struct RecordResult: GeneratedMessage {
    /// Field 1, `index`.
    public var index: UInt64 = 0

    /// 1-based line of the document where the record starts
    public var line: UInt64 = 0

    /// Field 3, `result`.
    public var result: SentimentResult {
        get { _result ?? SentimentResult() }
        set { _result = newValue }
    }
    /// Whether `result` is set.
    public var hasResult: Bool { _result != nil }
    /// Unsets `result`.
    public mutating func clearResult() { _result = nil }
    private var _result: SentimentResult? = nil

    /// set (code != 0) when this record failed
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
    public init(index: UInt64 = 0, line: UInt64 = 0, result: SentimentResult? = nil, error: EchoStatus? = nil) {
        self.index = index
        self.line = line
        self._result = result
        self._error = error
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: index = try reader.readUInt(field)
            case 2: line = try reader.readUInt(field)
            case 3: _result = try reader.readMessage(field, as: SentimentResult.self)
            case 4: _error = try reader.readMessage(field, as: EchoStatus.self)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, index)
        writer.writeUInt(field: 2, line)
        if let value = _result { writer.writeMessage(field: 3, value) }
        if let value = _error { writer.writeMessage(field: 4, value) }
    }
}

/// `aura.ListJobsRequest`.
public struct ListJobsRequest: GeneratedMessage {
    /// JOB_STATE_UNSPECIFIED: every state
    public var state: JobState = .jobStateUnspecified

    /// 0: 100; at most 1,000
    public var pageSize: UInt32 = 0

    /// from the previous page's next_page_token
    public var pageToken: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(state: JobState = .jobStateUnspecified, pageSize: UInt32 = 0, pageToken: String = "") {
        self.state = state
        self.pageSize = pageSize
        self.pageToken = pageToken
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: state = JobState(rawValue: Int32(truncatingIfNeeded: try reader.readUInt(field)))
            case 2: pageSize = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 3: pageToken = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(bitPattern: Int64(state.rawValue)))
        writer.writeUInt(field: 2, UInt64(pageSize))
        writer.writeString(field: 3, pageToken)
    }
}

/// `aura.JobList`.
public struct JobList: GeneratedMessage {
    /// newest first
    public var jobs: [Job] = []

    /// empty on the last page
    public var nextPageToken: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(jobs: [Job] = [], nextPageToken: String = "") {
        self.jobs = jobs
        self.nextPageToken = nextPageToken
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: jobs.append(try reader.readMessage(field, as: Job.self))
            case 2: nextPageToken = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for value in jobs { writer.writeMessage(field: 1, value) }
        writer.writeString(field: 2, nextPageToken)
    }
}

/// `aura.JobStats`.
public struct JobStats: GeneratedMessage {
    /// Field 1, `pending`.
    public var pending: UInt64 = 0

    /// Field 2, `processing`.
    public var processing: UInt64 = 0

    /// Field 3, `completed`.
    public var completed: UInt64 = 0

    /// Field 4, `failed`.
    public var failed: UInt64 = 0

    /// Field 5, `cancelled`.
    public var cancelled: UInt64 = 0

    /// the job log's size on disk
    public var logBytes: UInt64 = 0

    /// the most it may use
    public var logBudgetBytes: UInt64 = 0

    /// Field 8, `log_segments`.
    public var logSegments: UInt64 = 0

    /// since the server started
    public var recordsProcessed: UInt64 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(pending: UInt64 = 0, processing: UInt64 = 0, completed: UInt64 = 0, failed: UInt64 = 0, cancelled: UInt64 = 0, logBytes: UInt64 = 0, logBudgetBytes: UInt64 = 0, logSegments: UInt64 = 0, recordsProcessed: UInt64 = 0) {
        self.pending = pending
        self.processing = processing
        self.completed = completed
        self.failed = failed
        self.cancelled = cancelled
        self.logBytes = logBytes
        self.logBudgetBytes = logBudgetBytes
        self.logSegments = logSegments
        self.recordsProcessed = recordsProcessed
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: pending = try reader.readUInt(field)
            case 2: processing = try reader.readUInt(field)
            case 3: completed = try reader.readUInt(field)
            case 4: failed = try reader.readUInt(field)
            case 5: cancelled = try reader.readUInt(field)
            case 6: logBytes = try reader.readUInt(field)
            case 7: logBudgetBytes = try reader.readUInt(field)
            case 8: logSegments = try reader.readUInt(field)
            case 9: recordsProcessed = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, pending)
        writer.writeUInt(field: 2, processing)
        writer.writeUInt(field: 3, completed)
        writer.writeUInt(field: 4, failed)
        writer.writeUInt(field: 5, cancelled)
        writer.writeUInt(field: 6, logBytes)
        writer.writeUInt(field: 7, logBudgetBytes)
        writer.writeUInt(field: 8, logSegments)
        writer.writeUInt(field: 9, recordsProcessed)
    }
}

/// One method's calls since the start.
public struct ServerMethodStats: GeneratedMessage {
    /// "aura.Sentiment/Analyze", or "unknown"
    public var method: String = ""

    /// unary, client_streaming, server_streaming, bidi_streaming
    public var rpcType: String = ""

    /// Field 3, `calls`.
    public var calls: UInt64 = 0

    /// ended UNKNOWN, DEADLINE_EXCEEDED, INTERNAL, UNAVAILABLE or DATA_LOSS
    public var errors: UInt64 = 0

    /// status code name -> calls
    public var callsByCode: [String: UInt64] = [:]

    /// latency quantiles estimated from the histogram
    public var p50Seconds: Double = 0

    /// Field 7, `p95_seconds`.
    public var p95Seconds: Double = 0

    /// Field 8, `p99_seconds`.
    public var p99Seconds: Double = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(method: String = "", rpcType: String = "", calls: UInt64 = 0, errors: UInt64 = 0, callsByCode: [String: UInt64] = [:], p50Seconds: Double = 0, p95Seconds: Double = 0, p99Seconds: Double = 0) {
        self.method = method
        self.rpcType = rpcType
        self.calls = calls
        self.errors = errors
        self.callsByCode = callsByCode
        self.p50Seconds = p50Seconds
        self.p95Seconds = p95Seconds
        self.p99Seconds = p99Seconds
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: method = try reader.readString(field)
            case 2: rpcType = try reader.readString(field)
            case 3: calls = try reader.readUInt(field)
            case 4: errors = try reader.readUInt(field)
            case 5:
                var entry = ProtoReader(try reader.readBytes(field))
                var key: String = ""
                var value: UInt64 = 0
                while let entryField = try entry.nextField() {
                    switch entryField.number {
                    case 1: key = try entry.readString(entryField)
                    case 2: value = try entry.readUInt(entryField)
                    default: try entry.skip(entryField)
                    }
                }
                callsByCode[key] = value
            case 6: p50Seconds = Double(bitPattern: try reader.readFixed64(field))
            case 7: p95Seconds = Double(bitPattern: try reader.readFixed64(field))
            case 8: p99Seconds = Double(bitPattern: try reader.readFixed64(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, method)
        writer.writeString(field: 2, rpcType)
        writer.writeUInt(field: 3, calls)
        writer.writeUInt(field: 4, errors)
        for (key, value) in callsByCode.sorted(by: { $0.key < $1.key }) {
            writer.writeLengthDelimited(field: 5) { writer in
                writer.writeString(field: 1, key, always: true)
                writer.writeUInt(field: 2, value, always: true)
            }
        }
        writer.writeFixed64(field: 6, p50Seconds.bitPattern)
        writer.writeFixed64(field: 7, p95Seconds.bitPattern)
        writer.writeFixed64(field: 8, p99Seconds.bitPattern)
    }
}

/// An alert that is firing.
public struct ServerAlert: GeneratedMessage {
    /// e.g. "AuraHighErrorRate", as in deploy/prometheus-alerts.yml
    public var name: String = ""

    /// Field 2, `message`.
    public var message: String = ""

    /// Field 3, `since_unix_ms`.
    public var sinceUnixMs: Int64 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(name: String = "", message: String = "", sinceUnixMs: Int64 = 0) {
        self.name = name
        self.message = message
        self.sinceUnixMs = sinceUnixMs
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: name = try reader.readString(field)
            case 2: message = try reader.readString(field)
            case 3: sinceUnixMs = Int64(bitPattern: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, name)
        writer.writeString(field: 2, message)
        writer.writeUInt(field: 3, UInt64(bitPattern: sinceUnixMs))
    }
}

/// A loaded plugin.
public struct ServerPluginVersion: GeneratedMessage {
    /// analyzer or redactor
    public var kind: String = ""

    /// Field 2, `name`.
    public var name: String = ""

    /// Field 3, `version`.
    public var version: String = ""

    /// Field 4, `active`.
    public var active: Bool = false

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(kind: String = "", name: String = "", version: String = "", active: Bool = false) {
        self.kind = kind
        self.name = name
        self.version = version
        self.active = active
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: kind = try reader.readString(field)
            case 2: name = try reader.readString(field)
            case 3: version = try reader.readString(field)
            case 4: active = try reader.readUInt(field) != 0
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, kind)
        writer.writeString(field: 2, name)
        writer.writeString(field: 3, version)
        writer.writeUInt(field: 4, active ? 1 : 0)
    }
}

/// Calls made with one API key.
public struct ServerKeyUsage: GeneratedMessage {
    /// Field 1, `key_id`.
    public var keyId: String = ""

    /// Field 2, `calls`.
    public var calls: UInt64 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(keyId: String = "", calls: UInt64 = 0) {
        self.keyId = keyId
        self.calls = calls
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: keyId = try reader.readString(field)
            case 2: calls = try reader.readUInt(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, keyId)
        writer.writeUInt(field: 2, calls)
    }
}

/// `aura.ServerStats`.
public struct ServerStats: GeneratedMessage {
    /// Field 1, `time_unix_ms`.
    public var timeUnixMs: Int64 = 0

    /// Field 2, `uptime_seconds`.
    public var uptimeSeconds: UInt64 = 0

    /// by name, calls to unknown methods last
    public var methods: [ServerMethodStats] = []

    /// every method
    public var calls: UInt64 = 0

    /// Field 5, `errors`.
    public var errors: UInt64 = 0

    /// errors / calls since the start
    public var errorRate: Double = 0

    /// Field 7, `cache_hits`.
    public var cacheHits: UInt64 = 0

    /// Field 8, `cache_misses`.
    public var cacheMisses: UInt64 = 0

    /// hits / lookups since the start (1 before any lookup)
    public var cacheHitRate: Double = 0

    /// results by label: POSITIVE, NEGATIVE, NEUTRAL, MIXED
    public var sentiments: [String: UInt64] = [:]

    /// Field 11, `key_usage`.
    public var keyUsage: [ServerKeyUsage] = []

    /// jobs waiting for a worker
    public var jobQueueDepth: UInt64 = 0

    /// fdatasync calls of the job log
    public var jobLogSyncs: UInt64 = 0

    /// Field 14, `job_log_sync_p50_seconds`.
    public var jobLogSyncP50Seconds: Double = 0

    /// Field 15, `job_log_sync_p99_seconds`.
    public var jobLogSyncP99Seconds: Double = 0

    /// Field 16, `plugins`.
    public var plugins: [ServerPluginVersion] = []

    /// the server's RSS
    public var residentBytes: UInt64 = 0

    /// open RPC connections
    public var connections: UInt64 = 0

    /// firing now
    public var alerts: [ServerAlert] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(timeUnixMs: Int64 = 0, uptimeSeconds: UInt64 = 0, methods: [ServerMethodStats] = [], calls: UInt64 = 0, errors: UInt64 = 0, errorRate: Double = 0, cacheHits: UInt64 = 0, cacheMisses: UInt64 = 0, cacheHitRate: Double = 0, sentiments: [String: UInt64] = [:], keyUsage: [ServerKeyUsage] = [], jobQueueDepth: UInt64 = 0, jobLogSyncs: UInt64 = 0, jobLogSyncP50Seconds: Double = 0, jobLogSyncP99Seconds: Double = 0, plugins: [ServerPluginVersion] = [], residentBytes: UInt64 = 0, connections: UInt64 = 0, alerts: [ServerAlert] = []) {
        self.timeUnixMs = timeUnixMs
        self.uptimeSeconds = uptimeSeconds
        self.methods = methods
        self.calls = calls
        self.errors = errors
        self.errorRate = errorRate
        self.cacheHits = cacheHits
        self.cacheMisses = cacheMisses
        self.cacheHitRate = cacheHitRate
        self.sentiments = sentiments
        self.keyUsage = keyUsage
        self.jobQueueDepth = jobQueueDepth
        self.jobLogSyncs = jobLogSyncs
        self.jobLogSyncP50Seconds = jobLogSyncP50Seconds
        self.jobLogSyncP99Seconds = jobLogSyncP99Seconds
        self.plugins = plugins
        self.residentBytes = residentBytes
        self.connections = connections
        self.alerts = alerts
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: timeUnixMs = Int64(bitPattern: try reader.readUInt(field))
            case 2: uptimeSeconds = try reader.readUInt(field)
            case 3: methods.append(try reader.readMessage(field, as: ServerMethodStats.self))
            case 4: calls = try reader.readUInt(field)
            case 5: errors = try reader.readUInt(field)
            case 6: errorRate = Double(bitPattern: try reader.readFixed64(field))
            case 7: cacheHits = try reader.readUInt(field)
            case 8: cacheMisses = try reader.readUInt(field)
            case 9: cacheHitRate = Double(bitPattern: try reader.readFixed64(field))
            case 10:
                var entry = ProtoReader(try reader.readBytes(field))
                var key: String = ""
                var value: UInt64 = 0
                while let entryField = try entry.nextField() {
                    switch entryField.number {
                    case 1: key = try entry.readString(entryField)
                    case 2: value = try entry.readUInt(entryField)
                    default: try entry.skip(entryField)
                    }
                }
                sentiments[key] = value
            case 11: keyUsage.append(try reader.readMessage(field, as: ServerKeyUsage.self))
            case 12: jobQueueDepth = try reader.readUInt(field)
            case 13: jobLogSyncs = try reader.readUInt(field)
            case 14: jobLogSyncP50Seconds = Double(bitPattern: try reader.readFixed64(field))
            case 15: jobLogSyncP99Seconds = Double(bitPattern: try reader.readFixed64(field))
            case 16: plugins.append(try reader.readMessage(field, as: ServerPluginVersion.self))
            case 17: residentBytes = try reader.readUInt(field)
            case 18: connections = try reader.readUInt(field)
            case 19: alerts.append(try reader.readMessage(field, as: ServerAlert.self))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(bitPattern: timeUnixMs))
        writer.writeUInt(field: 2, uptimeSeconds)
        for value in methods { writer.writeMessage(field: 3, value) }
        writer.writeUInt(field: 4, calls)
        writer.writeUInt(field: 5, errors)
        writer.writeFixed64(field: 6, errorRate.bitPattern)
        writer.writeUInt(field: 7, cacheHits)
        writer.writeUInt(field: 8, cacheMisses)
        writer.writeFixed64(field: 9, cacheHitRate.bitPattern)
        for (key, value) in sentiments.sorted(by: { $0.key < $1.key }) {
            writer.writeLengthDelimited(field: 10) { writer in
                writer.writeString(field: 1, key, always: true)
                writer.writeUInt(field: 2, value, always: true)
            }
        }
        for value in keyUsage { writer.writeMessage(field: 11, value) }
        writer.writeUInt(field: 12, jobQueueDepth)
        writer.writeUInt(field: 13, jobLogSyncs)
        writer.writeFixed64(field: 14, jobLogSyncP50Seconds.bitPattern)
        writer.writeFixed64(field: 15, jobLogSyncP99Seconds.bitPattern)
        for value in plugins { writer.writeMessage(field: 16, value) }
        writer.writeUInt(field: 17, residentBytes)
        writer.writeUInt(field: 18, connections)
        for value in alerts { writer.writeMessage(field: 19, value) }
    }
}

/// `aura.BackupRequest`.
public struct BackupRequest: GeneratedMessage {
    /// A message with every field at its default.
    public init() {}

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() { try reader.skip(field) }
    }

    public func encode(to writer: inout ProtoWriter) {}
}

/// One piece of the snapshot. Files come one after the other, each from offset 0 in order (an
/// empty file is one chunk without data); the last message carries only the manifest.
public struct BackupChunk: GeneratedMessage {
    /// relative to the data directory, e.g. "joblog/00000000000000000001.seg"
    public var path: String = ""

    /// where data goes in the file
    public var offset: UInt64 = 0

    /// Field 3, `data`.
    public var data: ByteBuffer = .empty

    /// set in the last message only
    public var manifest: BackupManifest {
        get { _manifest ?? BackupManifest() }
        set { _manifest = newValue }
    }
    /// Whether `manifest` is set.
    public var hasManifest: Bool { _manifest != nil }
    /// Unsets `manifest`.
    public mutating func clearManifest() { _manifest = nil }
    private var _manifest: BackupManifest? = nil

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(path: String = "", offset: UInt64 = 0, data: ByteBuffer = .empty, manifest: BackupManifest? = nil) {
        self.path = path
        self.offset = offset
        self.data = data
        self._manifest = manifest
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: path = try reader.readString(field)
            case 2: offset = try reader.readUInt(field)
            case 3: data = try reader.readBytes(field)
            case 4: _manifest = try reader.readMessage(field, as: BackupManifest.self)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, path)
        writer.writeUInt(field: 2, offset)
        writer.writeBytes(field: 3, data)
        if let value = _manifest { writer.writeMessage(field: 4, value) }
    }
}

/// Every file of a snapshot with its size and SHA-256.
public struct BackupManifest: GeneratedMessage {
    /// Field 1, `created_unix_ms`.
    public var createdUnixMs: Int64 = 0

    /// Field 2, `files`.
    public var files: [BackupFile] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(createdUnixMs: Int64 = 0, files: [BackupFile] = []) {
        self.createdUnixMs = createdUnixMs
        self.files = files
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: createdUnixMs = Int64(bitPattern: try reader.readUInt(field))
            case 2: files.append(try reader.readMessage(field, as: BackupFile.self))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(bitPattern: createdUnixMs))
        for value in files { writer.writeMessage(field: 2, value) }
    }
}

/// `aura.BackupFile`.
public struct BackupFile: GeneratedMessage {
    /// Field 1, `path`.
    public var path: String = ""

    /// Field 2, `size`.
    public var size: UInt64 = 0

    /// lowercase hex
    public var sha256: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(path: String = "", size: UInt64 = 0, sha256: String = "") {
        self.path = path
        self.size = size
        self.sha256 = sha256
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: path = try reader.readString(field)
            case 2: size = try reader.readUInt(field)
            case 3: sha256 = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, path)
        writer.writeUInt(field: 2, size)
        writer.writeString(field: 3, sha256)
    }
}

/// One key as the server keeps it: never its secret.
public struct KeyInfo: GeneratedMessage {
    /// 16 hex digits, the middle part of the token
    public var id: String = ""

    /// "analyze", "jobs", "admin"
    public var scopes: [String] = []

    /// sustained calls per second; 0: no limit
    public var ratePerSecond: UInt32 = 0

    /// the most calls at once (the bucket size)
    public var burst: UInt32 = 0

    /// false once revoked
    public var enabled: Bool = false

    /// Field 6, `created_unix_ms`.
    public var createdUnixMs: Int64 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(id: String = "", scopes: [String] = [], ratePerSecond: UInt32 = 0, burst: UInt32 = 0, enabled: Bool = false, createdUnixMs: Int64 = 0) {
        self.id = id
        self.scopes = scopes
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.enabled = enabled
        self.createdUnixMs = createdUnixMs
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: scopes.append(try reader.readString(field))
            case 3: ratePerSecond = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 4: burst = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 5: enabled = try reader.readUInt(field) != 0
            case 6: createdUnixMs = Int64(bitPattern: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, id)
        for value in scopes { writer.writeString(field: 2, value, always: true) }
        writer.writeUInt(field: 3, UInt64(ratePerSecond))
        writer.writeUInt(field: 4, UInt64(burst))
        writer.writeUInt(field: 5, enabled ? 1 : 0)
        writer.writeUInt(field: 6, UInt64(bitPattern: createdUnixMs))
    }
}

/// `aura.CreateKeyRequest`.
public struct CreateKeyRequest: GeneratedMessage {
    /// empty: analyze
    public var scopes: [String] = []

    /// 0: no limit
    public var ratePerSecond: UInt32 = 0

    /// 0 with a rate: the rate (one second's worth)
    public var burst: UInt32 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(scopes: [String] = [], ratePerSecond: UInt32 = 0, burst: UInt32 = 0) {
        self.scopes = scopes
        self.ratePerSecond = ratePerSecond
        self.burst = burst
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: scopes.append(try reader.readString(field))
            case 2: ratePerSecond = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 3: burst = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for value in scopes { writer.writeString(field: 1, value, always: true) }
        writer.writeUInt(field: 2, UInt64(ratePerSecond))
        writer.writeUInt(field: 3, UInt64(burst))
    }
}

/// A new key: the token is shown once and never stored by the server.
public struct CreatedKey: GeneratedMessage {
    /// Field 1, `key`.
    public var key: KeyInfo {
        get { _key ?? KeyInfo() }
        set { _key = newValue }
    }
    /// Whether `key` is set.
    public var hasKey: Bool { _key != nil }
    /// Unsets `key`.
    public mutating func clearKey() { _key = nil }
    private var _key: KeyInfo? = nil

    /// aura_<id>_<secret>, sent as "authorization: Bearer <token>"
    public var token: String = ""

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(key: KeyInfo? = nil, token: String = "") {
        self._key = key
        self.token = token
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: _key = try reader.readMessage(field, as: KeyInfo.self)
            case 2: token = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        if let value = _key { writer.writeMessage(field: 1, value) }
        writer.writeString(field: 2, token)
    }
}

/// `aura.KeyList`.
public struct KeyList: GeneratedMessage {
    /// in creation order
    public var keys: [KeyInfo] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(keys: [KeyInfo] = []) {
        self.keys = keys
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: keys.append(try reader.readMessage(field, as: KeyInfo.self))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for value in keys { writer.writeMessage(field: 1, value) }
    }
}

/// `aura.KeyRef`.
public struct KeyRef: GeneratedMessage {
    /// Field 1, `id`.
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

/// `aura.SetKeyLimitRequest`.
public struct SetKeyLimitRequest: GeneratedMessage {
    /// Field 1, `id`.
    public var id: String = ""

    /// 0: no limit
    public var ratePerSecond: UInt32 = 0

    /// 0 with a rate: the rate
    public var burst: UInt32 = 0

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others at their defaults.
    public init(id: String = "", ratePerSecond: UInt32 = 0, burst: UInt32 = 0) {
        self.id = id
        self.ratePerSecond = ratePerSecond
        self.burst = burst
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: id = try reader.readString(field)
            case 2: ratePerSecond = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 3: burst = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, id)
        writer.writeUInt(field: 2, UInt64(ratePerSecond))
        writer.writeUInt(field: 3, UInt64(burst))
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
        "aura.BackupChunk": BackupChunk.self,
        "aura.BackupFile": BackupFile.self,
        "aura.BackupManifest": BackupManifest.self,
        "aura.BackupRequest": BackupRequest.self,
        "aura.CreateKeyRequest": CreateKeyRequest.self,
        "aura.CreatedKey": CreatedKey.self,
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
        "aura.Job": Job.self,
        "aura.JobList": JobList.self,
        "aura.JobRef": JobRef.self,
        "aura.JobSpec": JobSpec.self,
        "aura.JobStats": JobStats.self,
        "aura.JobSummary": JobSummary.self,
        "aura.KeyInfo": KeyInfo.self,
        "aura.KeyList": KeyList.self,
        "aura.KeyRef": KeyRef.self,
        "aura.ListDeadLettersRequest": ListDeadLettersRequest.self,
        "aura.ListJobsRequest": ListJobsRequest.self,
        "aura.LoadPluginRequest": LoadPluginRequest.self,
        "aura.Payload": Payload.self,
        "aura.PiiEntity": PiiEntity.self,
        "aura.PluginInfo": PluginInfo.self,
        "aura.PluginList": PluginList.self,
        "aura.PluginPin": PluginPin.self,
        "aura.PluginRef": PluginRef.self,
        "aura.PluginStats": PluginStats.self,
        "aura.RecordResult": RecordResult.self,
        "aura.RedactRequest": RedactRequest.self,
        "aura.RedactResponse": RedactResponse.self,
        "aura.ResponseParameters": ResponseParameters.self,
        "aura.ResultsRequest": ResultsRequest.self,
        "aura.ResumeUpload": ResumeUpload.self,
        "aura.RollbackRequest": RollbackRequest.self,
        "aura.SentimentResult": SentimentResult.self,
        "aura.SentimentScores": SentimentScores.self,
        "aura.ServerAlert": ServerAlert.self,
        "aura.ServerKeyUsage": ServerKeyUsage.self,
        "aura.ServerMethodStats": ServerMethodStats.self,
        "aura.ServerPluginVersion": ServerPluginVersion.self,
        "aura.ServerStats": ServerStats.self,
        "aura.SetKeyLimitRequest": SetKeyLimitRequest.self,
        "aura.SimpleRequest": SimpleRequest.self,
        "aura.SimpleResponse": SimpleResponse.self,
        "aura.SleepRequest": SleepRequest.self,
        "aura.StreamingInputCallRequest": StreamingInputCallRequest.self,
        "aura.StreamingInputCallResponse": StreamingInputCallResponse.self,
        "aura.StreamingOutputCallRequest": StreamingOutputCallRequest.self,
        "aura.StreamingOutputCallResponse": StreamingOutputCallResponse.self,
        "aura.SubmitRequest": SubmitRequest.self,
        "aura.SubmitResponse": SubmitResponse.self,
        "aura.UploadRef": UploadRef.self,
        "aura.UploadStatus": UploadStatus.self,
    ]
}
