import AuraBytes
import AuraWire

/// `aura.DetectPiiRequest`.
public struct DetectPiiRequest: ProtoMessage, Equatable {
    /// The text's UTF-8 bytes.
    public var text = ByteBuffer(capacity: 0)
    /// name@version; empty: the active redactor.
    public var redactor = ""

    /// Creates a request.
    public init(text: String, redactor: String = "") {
        self.text = ByteBuffer(bytes: Array(text.utf8))
        self.redactor = redactor
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: text = try reader.readBytes(field)
            case 2: redactor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeBytes(field: 1, text)
        writer.writeString(field: 2, redactor)
    }
}

/// `aura.DetectPiiResponse`.
public struct DetectPiiResponse: ProtoMessage, Equatable {
    /// What was found.
    public var entities: [PiiEntity] = []
    /// name@version that found it.
    public var redactor = ""

    /// Creates a response.
    public init(entities: [PiiEntity] = [], redactor: String = "") {
        self.entities = entities
        self.redactor = redactor
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: entities.append(try reader.readMessage(field))
            case 2: redactor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for entity in entities { writer.writeMessage(field: 1, entity) }
        writer.writeString(field: 2, redactor)
    }
}

/// `aura.RedactionMode`.
public enum RedactionMode: UInt64, Sendable {
    /// "[EMAIL]".
    case replaceWithType = 0
    /// Each scalar replaced by the mask character.
    case mask = 1
    /// "[EMAIL:1f3a9c2b]", a keyed hash: equal values give equal tokens.
    case hash = 2
}

/// `aura.RedactRequest`.
public struct RedactRequest: ProtoMessage, Equatable {
    /// The text's UTF-8 bytes.
    public var text = ByteBuffer(capacity: 0)
    /// How to redact.
    public var mode = RedactionMode.replaceWithType
    /// The mask character (default "*").
    public var maskCharacter = ""
    /// Only these types; empty: all.
    public var types: [String] = []
    /// name@version; empty: the active redactor.
    public var redactor = ""

    /// Creates a request.
    public init(text: String, mode: RedactionMode = .replaceWithType, maskCharacter: String = "", types: [String] = [], redactor: String = "") {
        self.text = ByteBuffer(bytes: Array(text.utf8))
        self.mode = mode
        self.maskCharacter = maskCharacter
        self.types = types
        self.redactor = redactor
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: text = try reader.readBytes(field)
            case 2: mode = RedactionMode(rawValue: try reader.readUInt(field)) ?? .replaceWithType
            case 3: maskCharacter = try reader.readString(field)
            case 4: types.append(try reader.readString(field))
            case 5: redactor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeBytes(field: 1, text)
        writer.writeUInt(field: 2, mode.rawValue)
        writer.writeString(field: 3, maskCharacter)
        for type in types { writer.writeString(field: 4, type, always: true) }
        writer.writeString(field: 5, redactor)
    }
}

/// `aura.RedactResponse`.
public struct RedactResponse: ProtoMessage, Equatable {
    /// The text with every entity replaced.
    public var redactedText = ""
    /// What was replaced, with offsets into the original text.
    public var entities: [PiiEntity] = []
    /// name@version that found them.
    public var redactor = ""

    /// Creates a response.
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
            case 2: entities.append(try reader.readMessage(field))
            case 3: redactor = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, redactedText)
        for entity in entities { writer.writeMessage(field: 2, entity) }
        writer.writeString(field: 3, redactor)
    }
}

/// `aura.DetectLanguageRequest`.
public struct DetectLanguageRequest: ProtoMessage, Equatable {
    /// The text's UTF-8 bytes.
    public var text = ByteBuffer(capacity: 0)

    /// Creates a request.
    public init(text: String) { self.text = ByteBuffer(bytes: Array(text.utf8)) }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { text = try reader.readBytes(field) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) { writer.writeBytes(field: 1, text) }
}

/// `aura.DetectLanguageResponse`.
public struct DetectLanguageResponse: ProtoMessage, Equatable {
    /// ISO 639-1 or "und".
    public var language = ""
    /// Confidence.
    public var score = 0.0
    /// name@version of the analyzer that detected it.
    public var analyzer = ""

    /// Creates a response.
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
            case 2: score = try reader.readDouble(field)
            case 3: analyzer = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, language)
        writer.writeDouble(field: 2, score)
        writer.writeString(field: 3, analyzer)
    }
}
