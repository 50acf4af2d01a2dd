import AuraMetrics
import AuraWire

/// Every served method's `MethodMetrics`, fixed when the server is built: the table is never
/// written after `init`, so a call's lookup takes no lock. Calls to methods the server does not
/// serve share one "unknown" entry, so a peer inventing names cannot grow the exposition.
public final class CallMetrics: Sendable {
    private let byMethod: NameTable<MethodMetrics>
    /// Calls to methods the server does not serve.
    public let unknown = MethodMetrics(method: "unknown", kind: .unary)
    /// The served methods' figures, by name, then `unknown`.
    public let all: [MethodMetrics]

    /// Figures for `methods` (e.g. every service's `MethodRegistry.methods`).
    public init(methods: [(name: String, kind: MethodKind)]) {
        var table = NameTable<MethodMetrics>()
        for (method, kind) in methods { table.set(MethodMetrics(method: method, kind: kind), for: method) }
        byMethod = table
        all = table.values.sorted { $0.method < $1.method } + [unknown]
    }

    /// The figures of `method`.
    @inline(__always)
    public func metrics(for method: String) -> MethodMetrics { byMethod[method] ?? unknown }

    /// Records one ended call.
    @inline(__always)
    public func record(method: String, code: StatusCode, duration: Duration) {
        metrics(for: method).record(code: code, duration: duration)
    }

    /// Every unary method's latencies together.
    public var unaryLatency: HistogramSnapshot {
        all.filter { $0.kind == .unary }.reduce(HistogramSnapshot.empty) { $0.adding($1.latency.snapshot()) }
    }

    /// Registers `aura_rpc_server_calls_total` and `aura_rpc_server_duration_seconds`.
    public func register(into registry: MetricsRegistry) {
        let all = all
        registry.register(MetricDescriptor(
            "aura_rpc_server_calls_total", .counter, help: "RPC calls ended, by method and status code."
        )) {
            all.flatMap { method in
                StatusCode.all.compactMap { code in
                    let calls = method.calls(code)
                    return calls == 0 ? nil : MetricSample([MetricLabel("method", method.method), MetricLabel("code", code.name)], Double(calls))
                }
            }
        }
        registry.register(MetricDescriptor(
            "aura_rpc_server_duration_seconds", .histogram, help: "RPC call latency from the stream opening to the status, by method."
        )) {
            all.compactMap { method in
                // A method never called has no series (as a counter's code that never occurred).
                let latency = method.latency.snapshot()
                guard latency.count > 0 else { return nil }
                return MetricSample([MetricLabel("method", method.method), MetricLabel("rpc_type", method.kind.label)], histogram: latency)
            }
        }
    }
}
