import AuraBytes
import AuraWire

/// `aura.HealthCheckRequest`: which service to ask about ("" for the whole server).
public struct HealthCheckRequest: ProtoMessage, Equatable {
    /// The service's full name, or "" for the server.
    public var service: String

    /// Creates a request.
    public init(service: String = "") { self.service = service }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        self.init()
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 { service = try reader.readString(field) } else { try reader.skip(field) }
        }
    }

    public func encode(to writer: inout ProtoWriter) { writer.writeString(field: 1, service) }
}

/// `aura.HealthCheckResponse`: the serving status.
public struct HealthCheckResponse: ProtoMessage, Equatable {
    /// `aura.HealthCheckResponse.ServingStatus`.
    public enum ServingStatus: UInt64, Sendable {
        case unknown = 0, serving, notServing, serviceUnknown
    }

    /// The status.
    public var status: ServingStatus

    /// Creates a response.
    public init(status: ServingStatus = .unknown) { self.status = status }

    public init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        self.init()
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            if field.number == 1 {
                status = ServingStatus(rawValue: try reader.readUInt(field)) ?? .unknown
            } else {
                try reader.skip(field)
            }
        }
    }

    public func encode(to writer: inout ProtoWriter) { writer.writeUInt(field: 1, status.rawValue) }
}
