import AuraBytes
import AuraMessages
import AuraServer
import AuraWire
import Synchronization

/// `aura.TestService`, the conformance service modeled on gRPC's interop test service: every
/// call shape, sizes and intervals chosen by the caller, status and metadata echo, and a call
/// that sleeps (for deadline and cancellation tests).
public final class TestService: Service {
    public let name = "aura.TestService"

    /// Metadata keys echoed back: the first into the initial metadata, the second into the
    /// trailing metadata.
    public static let echoInitialKey = "x-aura-echo-initial"
    /// See `echoInitialKey`.
    public static let echoTrailingKey = "x-aura-echo-trailing-bin"

    /// What a request may ask for.
    public let limits: TestServiceLimits
    private let cancelledSleeps = Atomic<Int>(0)

    /// Creates the service.
    public init(limits: TestServiceLimits = TestServiceLimits()) {
        self.limits = limits
    }

    /// How many `Sleep` calls saw their cancellation (a deadline or a cancel): proof that
    /// cancellation reaches handlers.
    public var cancelledSleepCount: Int { cancelledSleeps.load(ordering: .relaxed) }

    public func register(into registry: inout MethodRegistry) {
        registry.unary("aura.TestService/EmptyCall") { (_: Empty, context) in
            Self.echoMetadata(context)
            return Empty()
        }
        registry.unary("aura.TestService/UnaryCall") { [limits] (request: SimpleRequest, context) in
            Self.echoMetadata(context)
            let size = try limits.payloadSize(request.responseSize, field: "response_size")
            if let status = TestServiceLimits.status(request.responseStatus) { throw status }
            context.compressResponses = request.responseCompressed
            return SimpleResponse(payload: Payload(size: size))
        }
        registry.clientStreaming("aura.TestService/StreamingInputCall") { (requests: RequestStream<StreamingInputCallRequest>, context) in
            Self.echoMetadata(context)
            var total: Int64 = 0
            for try await request in requests { total += Int64(request.payload.body.readableBytes) }
            return StreamingInputCallResponse(aggregatedPayloadSize: total)
        }
        registry.serverStreaming("aura.TestService/StreamingOutputCall") { [self] (request: StreamingOutputCallRequest, writer: ResponseWriter<StreamingOutputCallResponse>, context) in
            Self.echoMetadata(context)
            try await self.respond(to: request, with: writer)
        }
        registry.bidirectional("aura.TestService/FullDuplexCall") { [self] (requests: RequestStream<StreamingOutputCallRequest>, writer: ResponseWriter<StreamingOutputCallResponse>, context) in
            Self.echoMetadata(context)
            for try await request in requests { try await self.respond(to: request, with: writer) }
        }
        registry.unary("aura.TestService/Sleep") { [self] (request: SleepRequest, _) in
            try limits.check(request)
            do {
                try await Task.sleep(for: .milliseconds(Int64(clamping: request.durationMs)))
            } catch {
                self.cancelledSleeps.add(1, ordering: .relaxed)
                throw error
            }
            return Empty()
        }
    }

    private func respond(to request: StreamingOutputCallRequest, with writer: ResponseWriter<StreamingOutputCallResponse>) async throws {
        try limits.check(request)
        for parameters in request.responseParameters {
            if parameters.intervalUs > 0 { try await Task.sleep(for: .microseconds(Int64(parameters.intervalUs))) }
            try await writer.write(
                StreamingOutputCallResponse(payload: Payload(size: Int(parameters.size))), compress: parameters.compressed)
        }
        if let status = TestServiceLimits.status(request.responseStatus) { throw status }
    }

    private static func echoMetadata(_ context: ServerContext) {
        if let entry = context.requestMetadata.first(echoInitialKey) {
            context.initialMetadata.add(entry.key, bytes: entry.value)
        }
        if let entry = context.requestMetadata.first(echoTrailingKey) {
            context.trailingMetadata.add(entry.key, bytes: entry.value)
        }
    }
}
