import AuraCore
import AuraTracing
import Testing

@Suite struct TracerTests {
    static let parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    @Test func theSamplerTakesItsShareOfTraceIDsAndAgreesWithItself() {
        let ids = TraceIDGenerator(seed: 42)
        for rate in [0.0, 0.1, 0.5, 1.0] {
            let sampler = TraceSampler(rate: rate)
            let sampled = (0..<20_000).filter { _ in sampler.samples(ids.traceID()) }.count
            let expected = rate * 20_000
            #expect(abs(Double(sampled) - expected) <= 20_000 * 0.02, "rate \(rate): \(sampled) of 20000 sampled")
        }
        let id = ids.traceID()
        #expect(TraceSampler(rate: 0.3).samples(id) == TraceSampler(rate: 0.3).samples(id))
        #expect(TraceSampler(rate: 7).rate == 1 && TraceSampler(rate: -1).rate == 0 && TraceSampler(rate: .nan).rate == 0)
    }

    @Test func aCallWithAValidTraceparentContinuesItsTraceAsAChild() throws {
        let tracer = Tracer(sampler: TraceSampler(rate: 0), writer: nil)
        let context = tracer.serverSpan(traceparent: Array(Self.parent.utf8), tracestate: "rojo=00f067aa0ba902b7")
        #expect(context.traceID.description == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(context.parentSpanID.description == "00f067aa0ba902b7")
        #expect(context.spanID.isValid && context.spanID != context.parentSpanID)
        #expect(context.isSampled)  // the caller's flag wins over the rate of 0
        #expect(context.traceState == "rojo=00f067aa0ba902b7")
        #expect(!context.isRecording)  // no writer: nothing is written
        #expect(context.traceParent.text == "00-4bf92f3577b34da6a3ce929d0e0e4736-\(context.spanID)-01")
    }

    @Test func anUnsampledCallerStaysUnsampledWhateverTheRate() {
        let tracer = Tracer(sampler: TraceSampler(rate: 1), writer: nil)
        let unsampled = Array("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00".utf8)
        #expect(!tracer.serverSpan(traceparent: unsampled, tracestate: nil).isSampled)
    }

    @Test func aMissingOrMalformedTraceparentStartsANewTraceWithoutTheTracestate() {
        let tracer = Tracer(sampler: TraceSampler(rate: 1), writer: nil)
        let none: [UInt8]? = nil
        let fresh = tracer.serverSpan(traceparent: none, tracestate: "rojo=1")
        #expect(fresh.traceID.isValid && fresh.parentSpanID == .none && fresh.isSampled && fresh.traceState.isEmpty)
        let malformed = tracer.serverSpan(traceparent: Array("00-00000000000000000000000000000000-00f067aa0ba902b7-01".utf8), tracestate: "rojo=1")
        #expect(malformed.traceID.isValid && malformed.traceID != fresh.traceID)
        #expect(malformed.parentSpanID == .none && malformed.traceState.isEmpty)
        #expect(!Tracer(sampler: TraceSampler(rate: 0), writer: nil).serverSpan(traceparent: none, tracestate: nil).isSampled)
    }

    @Test func outgoingMetadataCarriesTheCurrentSpanAndKeepsAGivenTraceparent() async {
        #expect(TraceContext.outgoingMetadata().isEmpty)
        let tracer = Tracer(sampler: TraceSampler(rate: 1), writer: nil)
        let context = tracer.serverSpan(traceparent: Array(Self.parent.utf8), tracestate: "rojo=1")
        TraceContext.$current.withValue(context) {
            let metadata = TraceContext.outgoingMetadata(["authorization": "Bearer x"])
            #expect(metadata["authorization"] == "Bearer x")
            #expect(metadata[TraceParent.metadataKey] == context.traceParent.text)
            #expect(metadata[TraceState.metadataKey] == "rojo=1")
            let given = TraceContext.outgoingMetadata([TraceParent.metadataKey: Self.parent])
            #expect(given[TraceParent.metadataKey] == Self.parent && given.count == 1)
        }
    }

    @Test func aSpanRunsItsBodyUntracedUnlessTheCurrentTraceRecords() async throws {
        var ran = false
        let value = await TraceContext.span("work") { () async -> Int in
            ran = true
            #expect(TraceContext.current == nil)
            return 7
        }
        #expect(ran && value == 7)
    }
}
