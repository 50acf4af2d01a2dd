import AuraBytes
import AuraConformance
import AuraWire

/// `aura.AnalyzeOptions`.
public struct AnalyzeOptions: ProtoMessage, Equatable {
    /// ISO 639-1; empty: detect.
    public var languageHint = ""
    /// Whether to redact personal data before analysis.
    public var redactPII = false
    /// name@version of the analyzer; empty: the active one.
    public var analyzer = ""
    /// name@version of the redactor; empty: the active one.
    public var redactor = ""

    /// Creates options.
    public init(languageHint: String = "", redactPII: Bool = false, analyzer: String = "", redactor: String = "") {
        self.languageHint = languageHint
        self.redactPII = redactPII
        self.analyzer = analyzer
        self.redactor = redactor
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: languageHint = try reader.readString(field)
            case 2: redactPII = try reader.readBool(field)
            case 3: analyzer = try reader.readString(field)
            case 4: redactor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, languageHint)
        writer.writeBool(field: 2, redactPII)
        writer.writeString(field: 3, analyzer)
        writer.writeString(field: 4, redactor)
    }
}

/// `aura.AnalyzeRequest`. The text is kept as bytes so invalid UTF-8 gets its own clear error.
public struct AnalyzeRequest: ProtoMessage, Equatable {
    /// The text's UTF-8 bytes.
    public var text: ByteBuffer
    /// Options.
    public var options: AnalyzeOptions

    /// Creates a request.
    public init(text: String, options: AnalyzeOptions = AnalyzeOptions()) {
        self.text = ByteBuffer(bytes: Array(text.utf8))
        self.options = options
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        text = ByteBuffer(capacity: 0)
        options = AnalyzeOptions()
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: text = try reader.readBytes(field)
            case 2: options = try reader.readMessage(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeBytes(field: 1, text)
        writer.writeMessage(field: 2, options)
    }
}

/// `aura.PiiEntity`.
public struct PiiEntity: ProtoMessage, Equatable {
    /// EMAIL, PHONE, ...
    public var type: String
    /// First Unicode scalar.
    public var begin: UInt32
    /// One past the last Unicode scalar.
    public var end: UInt32
    /// Confidence.
    public var score: Double

    /// Creates an entity.
    public init(type: String = "", begin: UInt32 = 0, end: UInt32 = 0, score: Double = 0) {
        self.type = type
        self.begin = begin
        self.end = end
        self.score = score
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        self.init()
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: type = try reader.readString(field)
            case 2: begin = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 3: end = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 4: score = try reader.readDouble(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, type)
        writer.writeUInt(field: 2, UInt64(begin))
        writer.writeUInt(field: 3, UInt64(end))
        writer.writeDouble(field: 4, score)
    }
}

/// `aura.SentimentResult`.
public struct SentimentResult: ProtoMessage, Equatable {
    /// 1 POSITIVE, 2 NEGATIVE, 3 NEUTRAL, 4 MIXED (0 unspecified).
    public var sentiment: UInt64 = 0
    /// Scores per label.
    public var positive = 0.0, negative = 0.0, neutral = 0.0, mixed = 0.0
    /// -1 to 1.
    public var compound = 0.0
    /// ISO 639-1 or "und".
    public var language = ""
    /// Confidence in `language`.
    public var languageScore = 0.0
    /// Whether the cache answered.
    public var cached = false
    /// name@version of the analyzer.
    public var analyzer = ""
    /// name@version of the redactor, if one ran.
    public var redactor = ""
    /// What the redactor found.
    public var redactions: [PiiEntity] = []

    /// An empty result.
    public init() {}

    /// The label's name, e.g. "POSITIVE".
    public var sentimentName: String {
        ["SENTIMENT_UNSPECIFIED", "POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"][Int(min(sentiment, 4))]
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: sentiment = try reader.readUInt(field)
            case 2:
                var scores = ProtoReader(try reader.readBytes(field))
                while let inner = try scores.nextField() {
                    switch inner.number {
                    case 1: positive = try scores.readDouble(inner)
                    case 2: negative = try scores.readDouble(inner)
                    case 3: neutral = try scores.readDouble(inner)
                    case 4: mixed = try scores.readDouble(inner)
                    default: try scores.skip(inner)
                    }
                }
            case 3: compound = try reader.readDouble(field)
            case 4: language = try reader.readString(field)
            case 5: languageScore = try reader.readDouble(field)
            case 6: cached = try reader.readBool(field)
            case 7: analyzer = try reader.readString(field)
            case 8: redactor = try reader.readString(field)
            case 9: redactions.append(try reader.readMessage(field))
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, sentiment)
        writer.writeMessage(field: 2) { scores in
            scores.writeDouble(field: 1, positive)
            scores.writeDouble(field: 2, negative)
            scores.writeDouble(field: 3, neutral)
            scores.writeDouble(field: 4, mixed)
        }
        writer.writeDouble(field: 3, compound)
        writer.writeString(field: 4, language)
        writer.writeDouble(field: 5, languageScore)
        writer.writeBool(field: 6, cached)
        writer.writeString(field: 7, analyzer)
        writer.writeString(field: 8, redactor)
        for entity in redactions { writer.writeMessage(field: 9, entity) }
    }
}

/// `aura.AnalyzeBatchRequest`.
public struct AnalyzeBatchRequest: ProtoMessage, Equatable {
    /// The texts' UTF-8 bytes.
    public var texts: [ByteBuffer] = []
    /// Options for all.
    public var options = AnalyzeOptions()

    /// Creates a request.
    public init(texts: [String], options: AnalyzeOptions = AnalyzeOptions()) {
        self.texts = texts.map { ByteBuffer(bytes: Array($0.utf8)) }
        self.options = options
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: texts.append(try reader.readBytes(field))
            case 2: options = try reader.readMessage(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for text in texts { writer.writeBytes(field: 1, text, always: true) }
        writer.writeMessage(field: 2, options)
    }
}

/// `aura.ItemResult`: one item of a batch or stream, a result or an error.
public struct ItemResult: ProtoMessage, Equatable {
    /// The item's position.
    public var index: UInt32 = 0
    /// The result, when it succeeded.
    public var result: SentimentResult?
    /// The error, when it failed.
    public var error: EchoStatus?

    /// Creates an item.
    public init(index: UInt32, result: SentimentResult? = nil, error: RPCError? = nil) {
        self.index = index
        self.result = result
        self.error = error.map { EchoStatus(code: Int32($0.code.rawValue), message: $0.message) }
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: index = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 2: result = try reader.readMessage(field)
            case 3: error = try reader.readMessage(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeUInt(field: 1, UInt64(index))
        if let result { writer.writeMessage(field: 2, result) }
        if let error { writer.writeMessage(field: 3, error) }
    }
}

/// `aura.AnalyzeBatchResponse`.
public struct AnalyzeBatchResponse: ProtoMessage, Equatable {
    /// One per text, in order.
    public var results: [ItemResult] = []

    /// Creates a response.
    public init(results: [ItemResult] = []) { self.results = results }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { results.append(try reader.readMessage(field)) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for result in results { writer.writeMessage(field: 1, result) }
    }
}

/// `aura.AnalyzerStats`.
public struct AnalyzerStats: ProtoMessage, Equatable {
    /// Cache counters and plugin failures.
    public var cacheHits: UInt64 = 0, cacheMisses: UInt64 = 0, cacheEntries: UInt64 = 0, cacheBytes: UInt64 = 0, pluginFailures: UInt64 = 0

    /// Empty stats.
    public init() {}

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
