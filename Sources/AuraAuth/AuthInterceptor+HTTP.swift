import AuraServer
import AuraWire

extension AuthInterceptor {
    /// Why an HTTP request carrying `authorization` ("Bearer <token>", as the header or a
    /// call's metadata holds it) may not do what a call to `method` may, or nil when it may:
    /// the very check a call gets, for HTTP endpoints guarded like a service (the dashboard is
    /// guarded like `aura.Admin`). It counts toward the key's usage and rate limit.
    public func refusal(authorization: String?, for method: String) -> RPCError? {
        var metadata = Metadata()
        if let authorization { metadata = [Self.metadataKey: authorization] }
        return check(method: method, metadata: metadata)
    }
}
