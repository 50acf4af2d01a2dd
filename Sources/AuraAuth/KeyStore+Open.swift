import AuraCrypto
import AuraMetrics
import AuraPosix

extension KeyStore {
    /// The name of the keys file in the data directory.
    public static let keysFileName = "keys.json"
    /// The name of the file holding the first admin key's token, in the data directory.
    public static let adminKeyFileName = "admin.key"

    /// The keys of the server whose data is in `directory`. On the first start (no keys file)
    /// it generates an admin key with every scope and no limit, writes its token 0600 to
    /// `<directory>/admin.key` (for `aura-rpc` on this machine) and then the keys file; a
    /// start that stopped in between does the same again. Returns the admin key file's path
    /// when it wrote one. A keys file that cannot be trusted throws, and nothing is written.
    public static func open(
        dataDirectory directory: String, usage: KeyUsage = KeyUsage(maxKeys: 1_000),
        clock: @escaping @Sendable () -> Int64 = KeyStore.monotonicNanoseconds
    ) throws(KeyError) -> (store: KeyStore, adminKeyPath: String?) {
        let file = KeysFile(path: "\(directory)/\(keysFileName)")
        if let contents = try file.read() { return (KeyStore(file: file, contents: contents, usage: usage, clock: clock), nil) }
        let salt = Crypto.randomBytes(32)
        let token = KeyToken.generate()
        let admin = KeyRecord(
            id: token.id, secretDigest: salt.withUnsafeBytes { salt in token.secret.withUnsafeBytes { Crypto.sha256(salt, $0) } },
            scopes: .all, limit: .unlimited, createdUnixMillis: WallClock.microseconds() / 1000)
        let adminKeyPath = "\(directory)/\(adminKeyFileName)"
        do {
            let temporary = adminKeyPath + ".tmp"
            try? Files.remove(temporary)
            try Files.write(Array((token.text + "\n").utf8), to: temporary, mode: 0o600, exclusive: true)
            try Files.rename(temporary, to: adminKeyPath)
        } catch {
            throw .badFile(path: adminKeyPath, reason: "cannot write the admin key: \(error)")
        }
        let contents = KeysFile.Contents(salt: salt, keys: [admin])
        try file.write(contents)
        return (KeyStore(file: file, contents: contents, usage: usage, clock: clock), adminKeyPath)
    }
}
