import AuraWire
import AuraMessages

/// What a caller of `aura.TestService` may ask for. Every size, count and interval in a request
/// is checked against these before anything is allocated or scheduled; a value out of range is
/// INVALID_ARGUMENT.
public struct TestServiceLimits: Sendable {
    /// The largest response message: SPEC.md's default MAX_MESSAGE_SIZE, which every client accepts.
    public var maxResponseMessageSize = 4 * 1024 * 1024
    /// The most responses one request may ask for.
    public var maxResponsesPerRequest = 10_000
    /// The longest wait before one response, in microseconds (10 s).
    public var maxIntervalMicros: Int32 = 10_000_000
    /// The most payload bytes one streaming request may ask for in all (1 GiB).
    public var maxPayloadBytesPerRequest = 1 << 30
    /// The longest one streaming request may make the handler wait in all, in microseconds (60 s).
    public var maxTotalIntervalMicros = 60_000_000
    /// The longest `Sleep`, in milliseconds (60 s).
    public var maxSleepMillis: UInt64 = 60_000

    /// The defaults.
    public init() {}

    /// The largest payload a response may carry: the message limit less the framing of a
    /// `SimpleResponse` or `StreamingOutputCallResponse` around it (two tags and two lengths).
    public var maxPayloadSize: Int { maxResponseMessageSize - 12 }

    /// Checks a requested payload size and returns it as a count of bytes.
    func payloadSize(_ size: Int32, field: String) throws(RPCError) -> Int {
        guard size >= 0 else { throw RPCError(.invalidArgument, "\(field) is \(size); it must not be negative") }
        guard Int(size) <= maxPayloadSize else {
            throw RPCError(
                .invalidArgument,
                "\(field) is \(size) bytes; the largest response payload is \(maxPayloadSize) bytes (the \(maxResponseMessageSize)-byte message limit)")
        }
        return Int(size)
    }

    /// Checks one response's parameters.
    func check(_ parameters: ResponseParameters) throws(RPCError) {
        _ = try payloadSize(parameters.size, field: "response_parameters.size")
        guard (0...maxIntervalMicros).contains(parameters.intervalUs) else {
            throw RPCError(.invalidArgument, "response_parameters.interval_us is \(parameters.intervalUs); it must be 0 to \(maxIntervalMicros)")
        }
    }

    /// Checks a streaming request as a whole, before the first response is made.
    func check(_ request: StreamingOutputCallRequest) throws(RPCError) {
        guard request.responseParameters.count <= maxResponsesPerRequest else {
            throw RPCError(
                .invalidArgument,
                "\(request.responseParameters.count) responses asked for; one request may ask for at most \(maxResponsesPerRequest)")
        }
        var bytes = 0, micros = 0
        for parameters in request.responseParameters {
            try check(parameters)
            bytes += Int(parameters.size)
            micros += Int(parameters.intervalUs)
        }
        guard bytes <= maxPayloadBytesPerRequest else {
            throw RPCError(.invalidArgument, "the responses asked for hold \(bytes) payload bytes; one request may ask for at most \(maxPayloadBytesPerRequest)")
        }
        guard micros <= maxTotalIntervalMicros else {
            throw RPCError(.invalidArgument, "the responses asked for wait \(micros) µs in all; one request may wait at most \(maxTotalIntervalMicros) µs")
        }
    }

    /// Checks a sleep's duration.
    func check(_ request: SleepRequest) throws(RPCError) {
        guard request.durationMs <= maxSleepMillis else {
            throw RPCError(.invalidArgument, "duration_ms is \(request.durationMs); the longest sleep is \(maxSleepMillis) ms")
        }
    }

    /// The status a request asks to end with, or nil for OK. A code outside 0...16 is UNKNOWN,
    /// never OK: a negative code must not read as success. The message is echoed as an excerpt.
    static func status(_ status: EchoStatus) -> RPCError? {
        guard status.code != 0 else { return nil }
        let code = (1...16).contains(status.code) ? StatusCode(wireValue: UInt32(status.code)) : .unknown
        return RPCError(code, PeerText.excerpt(status.message))
    }
}
