import Foundation

/// Where aura-rpc finds the API key it sends: `--api-key KEY`, else `$AURA_API_KEY`, else the
/// admin key a server wrote in its data directory on its first start (`DIR/admin.key`, DIR
/// from `--data-dir`, else `$AURA_DATA_DIR`, else the server's default `./.aura-data`), so that
/// on the server's machine the commands just work. None found: calls go without a key.
enum APIKeyLookup {
    /// The metadata key the token travels in.
    static let metadataKey = "authorization"
    /// The server's default data directory.
    static let defaultDataDirectory = ".aura-data"

    /// The key to send, or nil.
    static func find(options: [String: String], environment: [String: String]) -> String? {
        if let key = options["api-key"] { return key }
        if let key = environment["AURA_API_KEY"], !key.isEmpty { return key }
        let directory = options["data-dir"] ?? environment["AURA_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDataDirectory
        return adminKey(in: directory)
    }

    /// The token in `directory/admin.key`, or nil when there is none (or it is unreadable).
    static func adminKey(in directory: String) -> String? {
        guard let data = FileManager.default.contents(atPath: "\(directory)/admin.key"), data.count <= 1024 else { return nil }
        let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return key.isEmpty ? nil : key
    }
}
