import AuraHTTP

extension DashboardSampler {
    /// The dashboard's routes for the metrics listener, each behind `access`: the page at `/`
    /// and `/dashboard`, and its series at `/dashboard/series.json?resolution=second|minute|day&points=N`
    /// (default: the last 600 seconds).
    public func routes(access: DashboardAccess) -> [String: HTTPServer.Route] {
        let page: HTTPServer.Route = { request in
            access.refusal(of: request) ?? HTTPResponse(
                status: 200, reason: "OK", contentType: "text/html; charset=utf-8", body: DashboardPage.html,
                headers: DashboardPage.headers)
        }
        return [
            "/": page, "/dashboard": page,
            "/dashboard/series.json": { [self] request in
                if let refusal = access.refusal(of: request) { return refusal }
                let resolution = request.queryValue("resolution").flatMap(DashboardResolution.init(rawValue:)) ?? .second
                let points = request.queryValue("points").flatMap { Int($0) }.map { min(max($0, 1), resolution.capacity) } ?? 600
                return HTTPResponse(
                    status: 200, reason: "OK", contentType: "application/json", body: json(resolution: resolution, points: points),
                    headers: [("Cache-Control", "no-store")])
            },
        ]
    }
}
