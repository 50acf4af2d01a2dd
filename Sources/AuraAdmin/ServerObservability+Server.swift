import AuraMetrics

extension ServerObservability {
    /// Exports what only the running server and its health service know, once they exist: each
    /// event loop's busy time (`Server.loopBusyNanoseconds`) and each service's health status.
    public func observe(loopBusyNanoseconds: @escaping @Sendable () -> [UInt64], serving: @escaping @Sendable () -> [String: Bool]) {
        registry.register(MetricDescriptor(
            "aura_event_loop_busy_seconds_total", .counter, help: "CPU time each RPC event loop thread spent working, not waiting."
        )) {
            loopBusyNanoseconds().enumerated().map { MetricSample([MetricLabel("loop", String($0.offset))], Double($0.element) / 1e9) }
        }
        registry.register(MetricDescriptor("aura_service_serving", .gauge, help: "Each service's health: 1 SERVING, 0 not.")) {
            serving().sorted { $0.key < $1.key }.map { MetricSample([MetricLabel("service", $0.key.isEmpty ? "(server)" : $0.key)], $0.value ? 1 : 0) }
        }
    }
}
