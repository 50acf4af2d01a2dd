import AuraCrypto

/// One key as the server keeps it: the digest of its secret (salted with the keys file's salt),
/// never the secret.
public struct KeyRecord: Sendable, Hashable {
    /// The key's id.
    public var id: KeyID
    /// SHA-256 of the file's salt followed by the secret's 64 hex digits.
    public var secretDigest: SHA256Digest
    /// What it may call.
    public var scopes: ScopeSet
    /// How often it may call.
    public var limit: RateLimit
    /// False once revoked: its calls are refused, and it stays listed.
    public var enabled: Bool
    /// When it was created, in milliseconds since the Unix epoch.
    public var createdUnixMillis: Int64

    /// Creates a record.
    public init(id: KeyID, secretDigest: SHA256Digest, scopes: ScopeSet, limit: RateLimit, enabled: Bool = true, createdUnixMillis: Int64) {
        self.id = id
        self.secretDigest = secretDigest
        self.scopes = scopes
        self.limit = limit
        self.enabled = enabled
        self.createdUnixMillis = createdUnixMillis
    }
}
