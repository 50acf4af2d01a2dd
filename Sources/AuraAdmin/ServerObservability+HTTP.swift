import AuraHTTP
import AuraMetrics

extension ServerObservability {
    /// Serves `GET /metrics` (the Prometheus exposition) and `GET /healthz` ("ok", then one
    /// line per firing alert) on `address`, with `extraRoutes` (e.g. the dashboard's), until
    /// the returned server is shut down.
    public func serveHTTP(on address: String, extraRoutes: [String: HTTPServer.Route] = [:]) throws -> HTTPServer {
        let routes: [String: HTTPServer.Route] = [
            "/metrics": { [self] _ in .ok(prometheusText(), contentType: PrometheusText.contentType) },
            "/healthz": { [self] _ in .ok(healthText()) },
        ]
        return try HTTPServer(configuration: HTTPServerConfiguration(address: address), routes: routes.merging(extraRoutes) { own, _ in own })
    }

    /// "ok" and the firing alerts, one per line.
    public func healthText() -> String {
        (["ok"] + alerts.active.map { "alert \($0.kind.rawValue): \($0.message)" }).joined(separator: "\n") + "\n"
    }
}
