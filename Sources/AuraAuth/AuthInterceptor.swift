import AuraServer
import AuraWire

/// Lets a call through only with a valid API key that holds the scope its service needs
/// (`AccessPolicy`) and is within its rate limit. The key comes as call metadata
/// `authorization: Bearer <token>` (`KeyToken`).
///
/// - no key, a malformed or unknown one, a wrong secret, a revoked key: UNAUTHENTICATED;
/// - a key without the scope: PERMISSION_DENIED;
/// - over the key's rate limit: RESOURCE_EXHAUSTED with metadata `retry-after`, the seconds
///   until a call will be accepted, with millisecond precision (e.g. `0.250`).
///
/// Per call it parses the token in place, copies the key's entry under a short lock, compares
/// the secret in constant time with the one that last matched the key (`VerifiedSecret`), or
/// else hashes it with the file's salt on the stack and compares digests, and counts an
/// admitted call with one atomic add (`KeyStore.Entry.calls`): no allocation unless the call
/// is refused or the key's secret is seen for the first time.
public struct AuthInterceptor: ServerInterceptor {
    /// The metadata key of the token.
    public static let metadataKey = "authorization"
    /// The metadata key of the wait before a call over the limit may be retried, in seconds.
    public static let retryAfterKey = "retry-after"

    private let store: KeyStore
    private let policy: AccessPolicy

    /// Checks calls against the keys in `store` under `policy`.
    public init(store: KeyStore, policy: AccessPolicy = .aura) {
        self.store = store
        self.policy = policy
    }

    public func callStarted(_ context: inout ServerContext) throws(RPCError) {
        if let refusal = check(method: context.method, metadata: context.requestMetadata) { throw refusal }
    }

    /// Why a call to `method` with `metadata` is refused, or nil when it may go ahead (taking a
    /// token from the key's bucket).
    func check(method: String, metadata: Metadata) -> RPCError? {
        let requirement = policy.requirement(for: method)
        if requirement == .open { return nil }
        guard let header = metadata.first(Self.metadataKey) else {
            return RPCError(.unauthenticated, "\(method) needs an API key: send metadata \"authorization: Bearer <token>\" (aura-rpc --api-key)")
        }
        return header.value.withUnsafeBytes { value in
            guard value.count > 7, Self.isBearer(value) else {
                return RPCError(.unauthenticated, "the authorization metadata must be \"Bearer <token>\"")
            }
            let verdict = KeyToken.parse(UnsafeRawBufferPointer(rebasing: value[7...])) { id, secret in
                check(id: id, secret: secret, requirement: requirement, method: method)
            }
            return verdict ?? RPCError(.unauthenticated, "the API key is malformed (expected aura_<16 hex>_<64 hex>)")
        }
    }

    private func check(id: KeyID, secret: UnsafeRawBufferPointer, requirement: AccessPolicy.Requirement, method: String) -> RPCError? {
        guard let entry = store.entry(for: id) else { return RPCError(.unauthenticated, "unknown API key \(id)") }
        if !entry.verified.matches(secret) {
            guard entry.record.secretDigest.constantTimeEquals(store.digest(ofSecret: secret)) else {
                return RPCError(.unauthenticated, "unknown API key \(id)")
            }
            entry.verified.remember(secret)
        }
        guard entry.record.enabled else { return RPCError(.unauthenticated, "API key \(id) is revoked") }
        if case .scope(let scope) = requirement, !entry.record.scopes.contains(ScopeSet(scope)) {
            return RPCError(.permissionDenied, "API key \(id) lacks the \(scope.rawValue) scope that \(method) needs")
        }
        if let bucket = entry.bucket, let wait = bucket.take(now: store.clock()) {
            let limit = entry.record.limit
            return RPCError(
                .resourceExhausted, "API key \(id) is over its limit of \(limit.ratePerSecond) calls/s (burst \(limit.burst))",
                metadata: [Self.retryAfterKey: Self.seconds(nanoseconds: wait)])
        }
        entry.calls.increment()
        return nil
    }

    /// Whether `value` starts with "Bearer " (the scheme in any case).
    private static func isBearer(_ value: UnsafeRawBufferPointer) -> Bool {
        let scheme: StaticString = "bearer "
        for index in 0..<7 where value[index] | 0x20 != scheme.utf8Start[index] { return false }
        return true
    }

    /// `nanoseconds` as seconds with three decimals, rounded up to at least 0.001.
    static func seconds(nanoseconds: Int64) -> String {
        let millis = max(1, (nanoseconds + 999_999) / 1_000_000)
        let fraction = String(millis % 1000)
        return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
