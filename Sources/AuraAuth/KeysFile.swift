import AuraCore
import AuraCrypto
import AuraPosix
import Glibc

/// The keys file, `<data-dir>/keys.json`: a salt and every key's record, never a secret.
///
/// ```json
/// {"format": 1, "salt": "<64 hex digits>", "keys": [{"id": "3f9c0a7d12e4b856",
///  "secret_sha256": "<64 hex digits>", "scopes": ["admin", "analyze", "jobs"],
///  "rate_per_second": 0, "burst": 0, "enabled": true, "created_unix_ms": 1764500000000}]}
/// ```
///
/// Replaced atomically (a temporary file written 0600 and fsynced, renamed over the old one,
/// the folder fsynced), so a crash leaves the old keys or the new ones. A file that is not a
/// regular file, is writable by group or others, or does not parse as this format is refused
/// with the reason, and never overwritten.
public struct KeysFile: Sendable {
    /// The file's path.
    public let path: String

    /// The largest file read.
    static let maxBytes = 4 << 20

    /// The keys file at `path` (not read yet).
    public init(path: String) { self.path = path }

    /// What the file holds.
    public struct Contents: Sendable, Equatable {
        /// Salts every secret digest: the same secret has a different digest in every file.
        public var salt: [UInt8]
        /// The keys in creation order.
        public var keys: [KeyRecord]

        /// Contents with `salt` and `keys`.
        public init(salt: [UInt8], keys: [KeyRecord]) {
            self.salt = salt
            self.keys = keys
        }
    }

    /// The file's contents, or nil when there is no file.
    public func read() throws(KeyError) -> Contents? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw .badFile(path: path, reason: "cannot read it: \(SystemError(call: "lstat", errno: errno))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .badFile(path: path, reason: "not a regular file (a link or a folder?)") }
        guard status.st_mode & 0o022 == 0 else {
            throw .badFile(path: path, reason: "writable by group or others (mode \(String(status.st_mode & 0o777, radix: 8))); chmod 600 it")
        }
        let bytes: [UInt8]
        do {
            guard let read = try Files.read(path, limit: Self.maxBytes) else { return nil }
            bytes = read
        } catch {
            throw .badFile(path: path, reason: "cannot read it: \(error)")
        }
        do {
            return try Self.decode(bytes)
        } catch {
            throw .badFile(path: path, reason: "not a keys file: \(error)")
        }
    }

    /// Replaces the file with `contents`.
    public func write(_ contents: Contents) throws(KeyError) {
        let temporary = path + ".tmp"
        do {
            try? Files.remove(temporary)
            try Files.write(Self.encode(contents), to: temporary, mode: 0o600, exclusive: true)
            try Files.rename(temporary, to: path)
            try Files.synchronizeDirectory(Self.folder(of: path))
        } catch {
            throw .badFile(path: path, reason: "cannot write it: \(error)")
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    // MARK: The JSON format

    static func encode(_ contents: Contents) -> [UInt8] {
        let keys = contents.keys.map { key in
            JSONValue.object([
                "id": .string(key.id.text), "secret_sha256": .string(String(decoding: Hex.encode(key.secretDigest.bytes), as: UTF8.self)),
                "scopes": .array(key.scopes.scopes.map { .string($0.rawValue) }), "rate_per_second": .integer(Int64(key.limit.ratePerSecond)),
                "burst": .integer(Int64(key.limit.burst)), "enabled": .bool(key.enabled), "created_unix_ms": .integer(key.createdUnixMillis),
            ])
        }
        let file = JSONValue.object(["format": .integer(1), "salt": .string(String(decoding: Hex.encode(contents.salt), as: UTF8.self)), "keys": .array(keys)])
        return file.encoded()
    }

    static func decode(_ bytes: [UInt8]) throws -> Contents {
        let file = try JSONFields(JSONReader(maximumBytes: maxBytes).parse(bytes))
        let format = try file.integer("format", as: Int.self)
        guard format == 1 else { throw KeyError.invalid("format \(format) is not 1") }
        guard let salt = Hex.decode(try file.string("salt")), salt.count == 32 else { throw KeyError.invalid("the salt is not 64 hex digits") }
        var seen = Set<KeyID>()
        var keys: [KeyRecord] = []
        for element in try file.array("keys") {
            let key = try JSONFields(element.value, path: element.path)
            let text = try key.string("id")
            guard let id = KeyID(text) else { throw KeyError.invalid("key id \"\(text)\" is not 16 hex digits") }
            guard seen.insert(id).inserted else { throw KeyError.invalid("key \(id) is listed twice") }
            guard let digest = Hex.decode(try key.string("secret_sha256")).flatMap(SHA256Digest.init(bytes:)) else {
                throw KeyError.invalid("key \(id): secret_sha256 is not 64 hex digits")
            }
            let scopes = try key.strings("scopes").map { name throws(KeyError) in try Scope.named(name) }
            let limit = try RateLimit(ratePerSecond: key.integer("rate_per_second"), burst: key.integer("burst"))
            keys.append(KeyRecord(
                id: id, secretDigest: digest, scopes: ScopeSet(scopes), limit: limit, enabled: try key.bool("enabled"),
                createdUnixMillis: try key.integer("created_unix_ms")))
        }
        return Contents(salt: salt, keys: keys)
    }
}
