import AuraCommandLine
import AuraTracing
import Glibc

/// The server's tracing from `--trace-file`, `--trace-sample-rate` and `--trace-file-max-mb`:
/// checked with the other options (so `--check-config` sees a bad value), opened later.
struct TraceOptions {
    /// How new traces are sampled.
    let sampler: TraceSampler
    /// The span file; nil: spans are not written.
    let path: String?
    /// The most one span file holds.
    let maxBytes: Int

    /// Reads and checks the options.
    init(_ arguments: ParsedArguments) throws(UsageError) {
        let rateText = arguments.options["trace-sample-rate"] ?? String(TraceSampler.defaultRate)
        guard let rate = Double(rateText), (0...1).contains(rate) else {
            throw UsageError("--trace-sample-rate takes a number from 0 to 1, got \"\(rateText)\"\(arguments.source(of: "trace-sample-rate"))")
        }
        sampler = TraceSampler(rate: rate)
        maxBytes = try arguments.integer("trace-file-max-mb", default: SpanFileWriter.defaultMaxBytes >> 20, range: 1...1 << 20) << 20
        path = arguments.options["trace-file"]
    }

    /// The tracer, its span file opened (for appending) when one is set.
    func tracer(address: String) throws(UsageError) -> Tracer {
        let writer = try path.map { path throws(UsageError) in
            do {
                return try SpanFileWriter(path: path, maxBytes: maxBytes, resource: Self.resource(address: address))
            } catch {
                throw UsageError("cannot open the span file \(path): \(error)")
            }
        }
        return Tracer(sampler: sampler, writer: writer)
    }

    /// Who wrote the spans, as OpenTelemetry resource attributes.
    static func resource(address: String) -> [SpanAttribute] {
        [
            SpanAttribute("service.name", "aura-server"), SpanAttribute("service.instance.id", "\(address)#\(getpid())"),
            SpanAttribute("process.pid", Int64(getpid())),
        ]
    }
}
