import AuraMetrics
import AuraWire
import Synchronization

/// One method's figures: its latency histogram and its calls by status code, each one
/// relaxed atomic add per call.
public final class MethodMetrics: Sendable {
    /// The method's full name, or "unknown" for the methods the server does not serve.
    public let method: String
    /// Its call shape, for the `rpc_type` label (the latency alert looks at unary calls only:
    /// a stream lasts as long as its client wants).
    public let kind: MethodKind
    /// How long its calls took, from the stream opening to the status.
    public let latency = LatencyHistogram()
    private let codes: InlineArray<17, Atomic<UInt64>>

    init(method: String, kind: MethodKind) {
        self.method = method
        self.kind = kind
        codes = InlineArray { _ in Atomic(0) }
    }

    @inline(__always)
    func record(code: StatusCode, duration: Duration) {
        codes[Int(code.rawValue)].wrappingAdd(1, ordering: .relaxed)
        latency.record(duration)
    }

    /// Calls that ended with `code`.
    public func calls(_ code: StatusCode) -> UInt64 { codes[Int(code.rawValue)].load(ordering: .relaxed) }

    /// Every call, whatever its status.
    public var totalCalls: UInt64 { StatusCode.all.reduce(0) { $0 + calls($1) } }

    /// Calls that ended with a server error (`StatusCode.serverErrors`).
    public var errorCalls: UInt64 { StatusCode.serverErrors.reduce(0) { $0 + calls($1) } }
}

extension StatusCode {
    /// The codes that count as errors in the error rate: the server failed, not the client's
    /// request (INVALID_ARGUMENT, NOT_FOUND, a refused key or a rate limit are not errors here).
    public static let serverErrors: [StatusCode] = [.unknown, .deadlineExceeded, .internal, .unavailable, .dataLoss]
}

extension MethodKind {
    /// The `rpc_type` label: "unary", "client_streaming", "server_streaming" or "bidi_streaming".
    public var label: String {
        switch self {
        case .unary: "unary"
        case .clientStreaming: "client_streaming"
        case .serverStreaming: "server_streaming"
        case .bidirectional: "bidi_streaming"
        }
    }
}
