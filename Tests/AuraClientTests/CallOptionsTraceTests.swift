import AuraClient
import AuraTracing
import AuraWire
import Testing

@Suite struct CallOptionsTraceTests {
    static let incoming = Array("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".utf8)

    @Test func theCurrentSpanIsPassedOnAsTheParentOfTheCall() {
        let tracer = Tracer(sampler: TraceSampler(rate: 0), writer: nil)
        let span = tracer.serverSpan(traceparent: Self.incoming, tracestate: "rojo=1")
        let options = TraceContext.$current.withValue(span) {
            CallOptions(metadata: ["authorization": "Bearer k"]).propagatingCurrentTrace()
        }
        #expect(options.metadata["authorization"] == "Bearer k")
        #expect(options.metadata["traceparent"] == "00-4bf92f3577b34da6a3ce929d0e0e4736-\(span.spanID)-01")
        #expect(options.metadata["tracestate"] == "rojo=1")
    }

    @Test func outsideATraceOrWithATraceparentGivenNothingChanges() {
        #expect(CallOptions().propagatingCurrentTrace().metadata.isEmpty)
        let span = Tracer(sampler: TraceSampler(rate: 1), writer: nil).serverSpan(traceparent: Self.incoming, tracestate: nil)
        let given: Metadata = ["traceparent": "00-11111111111111111111111111111111-2222222222222222-00"]
        let options = TraceContext.$current.withValue(span) { CallOptions(metadata: given).propagatingCurrentTrace() }
        #expect(options.metadata == given)
    }
}
