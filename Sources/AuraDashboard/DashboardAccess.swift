import AuraCore
import AuraHTTP

/// Who may see the dashboard: a peer on this machine's loopback, or anyone presenting the
/// admin API key, as an `Authorization: Bearer <token>` header or `?key=<token>` in the URL
/// (which a browser can open). Everyone else gets 401 (no key, or a key that is not valid)
/// or 403 (a valid key without the admin scope, or no keys at all with `--auth off`).
public struct DashboardAccess: Sendable {
    private let check: (@Sendable (String?) -> RPCError?)?

    /// Loopback peers, and callers whose bearer token `check` accepts (it returns why not,
    /// e.g. `AuthInterceptor.refusal(authorization:for:)` for an `aura.Admin` method).
    public init(check: @escaping @Sendable (_ authorization: String?) -> RPCError?) { self.check = check }

    private init() { check = nil }

    /// Loopback peers only: for a server without API keys (`--auth off`).
    public static let loopbackOnly = DashboardAccess()

    /// Nil when `request` may see the dashboard, else the response refusing it.
    public func refusal(of request: HTTPRequest) -> HTTPResponse? {
        if request.peerIsLoopback { return nil }
        guard let check else {
            return Self.refuse(403, "Forbidden", "the dashboard is served to loopback peers only: this server has no API keys (--auth off)")
        }
        let authorization = request.authorization ?? request.queryValue("key").map { "Bearer \($0)" }
        guard let authorization else {
            return Self.refuse(401, "Unauthorized", "the dashboard needs the admin API key: send \"Authorization: Bearer <token>\" or open /dashboard?key=<token> (or connect from this machine)")
        }
        guard let error = check(authorization) else { return nil }
        switch error.code {
        case .unauthenticated: return Self.refuse(401, "Unauthorized", error.message)
        case .resourceExhausted: return Self.refuse(429, "Too Many Requests", error.message)
        default: return Self.refuse(403, "Forbidden", error.message)
        }
    }

    private static func refuse(_ status: Int, _ reason: String, _ message: String) -> HTTPResponse {
        HTTPResponse(
            status: status, reason: reason, body: "\(message)\n",
            headers: status == 401 ? [("WWW-Authenticate", "Bearer realm=\"aura-dashboard\"")] : [])
    }
}
