import AuraClient
import AuraCore
import AuraMessages
import AuraServer
import AuraTracing
import Foundation
import Synchronization
import TestSupport
import Testing

/// The interceptor in a real server on 127.0.0.1: trailers, the handler's current span, and the
/// spans written.
@Suite struct TracingInterceptorTests {
    static let given = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    /// Answers with the handler's `TraceContext.current` in the trailer `x-current-traceparent`,
    /// after a traced piece of work.
    struct ProbeService: Service {
        let name = "aura.TraceProbe"

        func register(into registry: inout MethodRegistry) {
            registry.unary("aura.TraceProbe/Current") { (_: Empty, context) in
                await TraceContext.span("probe work") {}
                context.trailingMetadata.add("x-current-traceparent", TraceContext.current?.traceParent.text ?? "none")
                return Empty()
            }
            registry.unary("aura.TraceProbe/Fail") { (_: Empty, _) -> Empty in throw RPCError(.notFound, "nothing here") }
        }
    }

    /// Runs `body` with a client of a server tracing at `rate` into a span file, stops the
    /// server, and returns the spans written.
    private func spans(rate: Double, _ body: @escaping @Sendable (AuraClient) async throws -> Void) async throws -> [[String: Any]] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("aura-spans-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try SpanFileWriter(path: path, maxBytes: 1 << 20, resource: [SpanAttribute("service.name", "aura-test")])
        var configuration = ServerConfiguration()
        configuration.address = "127.0.0.1:0"
        configuration.loopCount = 1
        configuration.interceptors = [
            RequestIDInterceptor(), TracingInterceptor(tracer: Tracer(sampler: TraceSampler(rate: rate), writer: writer)),
        ]
        let server = Server(configuration: configuration, services: [ProbeService()])
        try await withTimeout(.seconds(120)) { try await withRunningServer(server, body) }  // only catches a hang: a loaded machine is slow
        writer.close()
        return SpanLines.spans(try SpanLines.lines(path))
    }

    private func returnedParent(_ metadata: Metadata) throws -> TraceParent {
        try #require(TraceParent(parsing: metadata[TraceParent.metadataKey] ?? ""), "\(metadata)")
    }

    @Test func aCallerTraceIsContinuedReturnedAndWrittenWithItsChildren() async throws {
        let trailers = Mutex<[Metadata]>([])
        let spans = try await spans(rate: 0) { client in
            let reply = try await client.unaryWithMetadata(
                "aura.TraceProbe/Current", Empty(), as: Empty.self, options: CallOptions(metadata: [TraceParent.metadataKey: Self.given]))
            trailers.withLock { $0.append(reply.metadata.trailing) }
        }
        let trailing = try #require(trailers.withLock { $0.first })
        let returned = try returnedParent(trailing)
        #expect(returned.traceID.description == "4bf92f3577b34da6a3ce929d0e0e4736" && returned.isSampled)
        #expect(returned.parentID.description != "00f067aa0ba902b7")
        #expect(trailing["x-current-traceparent"] == returned.text, "the handler runs in the call's span")

        #expect(spans.count == 2, "\(spans)")
        let server = try #require(spans.first { $0["name"] as? String == "aura.TraceProbe/Current" })
        let work = try #require(spans.first { $0["name"] as? String == "probe work" })
        #expect(server["traceId"] as? String == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(server["spanId"] as? String == returned.parentID.description)
        #expect(server["parentSpanId"] as? String == "00f067aa0ba902b7")
        #expect(work["parentSpanId"] as? String == returned.parentID.description)
        #expect(server["kind"] as? Int == 2)
        #expect(SpanLines.attribute("rpc.method", of: server) == "Current")
        #expect(SpanLines.attribute("rpc.service", of: server) == "aura.TraceProbe")
        #expect(SpanLines.attribute("rpc.grpc.status_code", of: server) == "0")
        #expect(SpanLines.attribute("aura.request_id", of: server) == trailing[RequestIDInterceptor.metadataKey])
    }

    @Test func unsampledAndFailedCallsHaveTheirTrailerAndOnlySampledOnesAreWritten() async throws {
        let trailers = Mutex<[Metadata]>([])
        let spans = try await spans(rate: 0) { client in
            let fresh = try await client.unaryWithMetadata("aura.TraceProbe/Current", Empty(), as: Empty.self)
            trailers.withLock { $0.append(fresh.metadata.trailing) }
            do {
                _ = try await client.unary(
                    "aura.TraceProbe/Fail", Empty(), as: Empty.self, options: CallOptions(metadata: [TraceParent.metadataKey: Self.given]))
                Issue.record("the call should fail")
            } catch let error as RPCError {
                #expect(error.code == .notFound)
                trailers.withLock { $0.append(error.metadata) }
            }
        }
        let (fresh, failed) = try trailers.withLock { all throws in (try returnedParent(all[0]), try returnedParent(all[1])) }
        #expect(!fresh.isSampled && fresh.traceID.description != "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(failed.isSampled && failed.traceID.description == "4bf92f3577b34da6a3ce929d0e0e4736")

        #expect(spans.count == 1, "only the sampled call is written: \(spans)")
        let span = try #require(spans.first)
        #expect(span["name"] as? String == "aura.TraceProbe/Fail" && span["spanId"] as? String == failed.parentID.description)
        let status = try #require(span["status"] as? [String: Any])
        #expect(status["code"] as? Int == 2 && (status["message"] as? String)?.contains("NOT_FOUND") == true)
        #expect(SpanLines.attribute("rpc.grpc.status_code", of: span) == "5")
    }
}
