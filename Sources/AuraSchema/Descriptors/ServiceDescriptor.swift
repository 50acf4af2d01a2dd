/// A service of a schema and its methods.
public struct ServiceDescriptor: Sendable, Hashable {
    /// The service's own name, e.g. `Health`.
    public let name: String
    /// The name with its package, e.g. `aura.Health`.
    public let fullName: String
    /// The methods in declaration order.
    public let methods: [MethodDescriptor]

    /// Creates a service descriptor.
    public init(name: String, fullName: String, methods: [MethodDescriptor]) {
        self.name = name
        self.fullName = fullName
        self.methods = methods
    }

    /// The method named `name` (its own name, e.g. `Check`), or nil.
    public func method(named name: String) -> MethodDescriptor? {
        methods.first { $0.name == name }
    }
}

/// One `rpc` of a service: the messages it takes and returns, and which sides stream.
public struct MethodDescriptor: Sendable, Hashable {
    /// The method's own name, e.g. `Check`.
    public let name: String
    /// The full name of its service, e.g. `aura.Health`.
    public let serviceName: String
    /// The request message.
    public let requestType: MessageDescriptor
    /// The response message.
    public let responseType: MessageDescriptor
    /// Whether the client sends a stream of requests (`rpc M(stream Req)`).
    public let isClientStreaming: Bool
    /// Whether the server sends a stream of responses (`returns (stream Resp)`).
    public let isServerStreaming: Bool

    /// Creates a method descriptor.
    public init(
        name: String, serviceName: String, requestType: MessageDescriptor, responseType: MessageDescriptor,
        isClientStreaming: Bool = false, isServerStreaming: Bool = false
    ) {
        self.name = name
        self.serviceName = serviceName
        self.requestType = requestType
        self.responseType = responseType
        self.isClientStreaming = isClientStreaming
        self.isServerStreaming = isServerStreaming
    }

    /// The path a call names in its HEADERS, e.g. `/aura.Health/Check`.
    public var path: String { "/\(serviceName)/\(name)" }
}
