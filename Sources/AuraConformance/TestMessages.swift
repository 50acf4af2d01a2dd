import AuraBytes
import AuraWire

/// `aura.Empty`.
public struct Empty: ProtoMessage, Equatable {
    /// The empty message.
    public init() {}
    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() { try reader.skip(field) }
    }
    public func encode(to writer: inout ProtoWriter) {}
}

/// `aura.Payload`: opaque bytes of a chosen size.
public struct Payload: ProtoMessage, Equatable {
    /// The bytes.
    public var body: ByteBuffer

    /// Creates a payload holding `body`.
    public init(body: ByteBuffer = ByteBuffer(capacity: 0)) { self.body = body }

    /// A payload of `size` zero bytes.
    public init(size: Int) {
        var body = ByteBuffer(capacity: size)
        _ = body.writeWithUnsafeMutableBytes(minimumWritable: size) { out in
            out.initializeMemory(as: UInt8.self, repeating: 0)
            return size
        }
        self.body = body
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        self.init()
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { body = try reader.readBytes(field) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) { writer.writeBytes(field: 1, body) }
}

/// `aura.EchoStatus`: a status the server should end the call with.
public struct EchoStatus: ProtoMessage, Equatable {
    /// The status code number.
    public var code: Int32
    /// The status message.
    public var message: String

    /// Creates a status to echo.
    public init(code: Int32 = 0, message: String = "") {
        self.code = code
        self.message = message
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        self.init()
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: code = Int32(truncatingIfNeeded: try reader.readInt(field))
            case 2: message = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeInt(field: 1, Int64(code))
        writer.writeString(field: 2, message)
    }
}

/// `aura.SimpleRequest`.
public struct SimpleRequest: ProtoMessage, Equatable {
    /// The size of the payload to return.
    public var responseSize: Int32 = 0
    /// A payload sent along.
    public var payload: Payload?
    /// A status to end the call with.
    public var responseStatus: EchoStatus?
    /// Whether to compress the response.
    public var responseCompressed = false

    /// Creates a request.
    public init(responseSize: Int32 = 0, payload: Payload? = nil, responseStatus: EchoStatus? = nil, responseCompressed: Bool = false) {
        self.responseSize = responseSize
        self.payload = payload
        self.responseStatus = responseStatus
        self.responseCompressed = responseCompressed
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: responseSize = Int32(truncatingIfNeeded: try reader.readInt(field))
            case 2: payload = try reader.readMessage(field)
            case 3: responseStatus = try reader.readMessage(field)
            case 4: responseCompressed = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeInt(field: 1, Int64(responseSize))
        if let payload { writer.writeMessage(field: 2, payload) }
        if let responseStatus { writer.writeMessage(field: 3, responseStatus) }
        writer.writeBool(field: 4, responseCompressed)
    }
}

/// `aura.SimpleResponse`, and the shape of `aura.StreamingOutputCallResponse` and
/// `aura.StreamingInputCallRequest` too (one payload in field 1).
public struct PayloadMessage: ProtoMessage, Equatable {
    /// The payload.
    public var payload: Payload?

    /// Creates a message.
    public init(payload: Payload? = nil) { self.payload = payload }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { payload = try reader.readMessage(field) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        if let payload { writer.writeMessage(field: 1, payload) }
    }
}

/// `aura.SimpleResponse`.
public typealias SimpleResponse = PayloadMessage
/// `aura.StreamingInputCallRequest`.
public typealias StreamingInputCallRequest = PayloadMessage
/// `aura.StreamingOutputCallResponse`.
public typealias StreamingOutputCallResponse = PayloadMessage

/// `aura.StreamingInputCallResponse`.
public struct StreamingInputCallResponse: ProtoMessage, Equatable {
    /// The total payload bytes received.
    public var aggregatedPayloadSize: Int64 = 0

    /// Creates a response.
    public init(aggregatedPayloadSize: Int64 = 0) { self.aggregatedPayloadSize = aggregatedPayloadSize }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { aggregatedPayloadSize = try reader.readInt(field) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) { writer.writeInt(field: 1, aggregatedPayloadSize) }
}

/// `aura.ResponseParameters`: one response a streaming call should send.
public struct ResponseParameters: ProtoMessage, Equatable {
    /// The response payload's size.
    public var size: Int32 = 0
    /// The wait before sending it, in microseconds.
    public var intervalMicros: Int32 = 0
    /// Whether to compress it.
    public var compressed = false

    /// Creates parameters.
    public init(size: Int32 = 0, intervalMicros: Int32 = 0, compressed: Bool = false) {
        self.size = size
        self.intervalMicros = intervalMicros
        self.compressed = compressed
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: size = Int32(truncatingIfNeeded: try reader.readInt(field))
            case 2: intervalMicros = Int32(truncatingIfNeeded: try reader.readInt(field))
            case 3: compressed = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        writer.writeInt(field: 1, Int64(size))
        writer.writeInt(field: 2, Int64(intervalMicros))
        writer.writeBool(field: 3, compressed)
    }
}

/// `aura.StreamingOutputCallRequest`.
public struct StreamingOutputCallRequest: ProtoMessage, Equatable {
    /// The responses to send.
    public var responseParameters: [ResponseParameters] = []
    /// A payload sent along.
    public var payload: Payload?
    /// A status to end the call with.
    public var responseStatus: EchoStatus?

    /// Creates a request.
    public init(responseParameters: [ResponseParameters] = [], payload: Payload? = nil, responseStatus: EchoStatus? = nil) {
        self.responseParameters = responseParameters
        self.payload = payload
        self.responseStatus = responseStatus
    }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: responseParameters.append(try reader.readMessage(field))
            case 2: payload = try reader.readMessage(field)
            case 3: responseStatus = try reader.readMessage(field)
            default: try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) {
        for parameters in responseParameters { writer.writeMessage(field: 1, parameters) }
        if let payload { writer.writeMessage(field: 2, payload) }
        if let responseStatus { writer.writeMessage(field: 3, responseStatus) }
    }
}

/// `aura.SleepRequest`.
public struct SleepRequest: ProtoMessage, Equatable {
    /// How long to sleep, in milliseconds.
    public var durationMillis: UInt64 = 0

    /// Creates a request.
    public init(durationMillis: UInt64 = 0) { self.durationMillis = durationMillis }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { durationMillis = try reader.readUInt(field) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) { writer.writeUInt(field: 1, durationMillis) }
}
