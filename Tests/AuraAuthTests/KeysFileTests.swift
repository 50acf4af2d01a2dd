@testable import AuraAuth
import AuraCrypto
import Foundation
import Testing

@Suite("Keys file")
struct KeysFileTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("aura-keys-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    private func remove() { try? FileManager.default.removeItem(atPath: directory) }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    @Test func theFirstOpenWritesAnAdminKeyThatTheStoreAccepts() throws {
        defer { remove() }
        let (store, adminKeyPath) = try KeyStore.open(dataDirectory: directory)
        let path = try #require(adminKeyPath)
        #expect(try mode(path) == 0o600)
        #expect(try mode("\(directory)/keys.json") == 0o600)
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .newlines)
        let token = try #require(KeyToken(text))
        let entry = try #require(store.entry(for: token.id))
        #expect(entry.record.scopes == .all && entry.record.enabled && !entry.record.limit.isLimited)
        #expect(entry.record.secretDigest == token.secret.withUnsafeBytes { store.digest(ofSecret: $0) })
        let file = try String(contentsOfFile: "\(directory)/keys.json", encoding: .utf8)
        #expect(!file.contains(String(decoding: token.secret, as: UTF8.self)), "the secret is never stored")

        let (reopened, written) = try KeyStore.open(dataDirectory: directory)
        #expect(written == nil, "a second start keeps the keys")
        #expect(reopened.list() == store.list() && reopened.salt == store.salt)
    }

    @Test func changesAreWrittenBeforeTheyApplyAndReadBack() throws {
        defer { remove() }
        let (store, _) = try KeyStore.open(dataDirectory: directory)
        let (created, _) = try store.create(scopes: [ScopeSet(.analyze), ScopeSet(.jobs)], limit: try RateLimit(ratePerSecond: 5, burst: 9))
        _ = try store.setLimit(created.id, to: try RateLimit(ratePerSecond: 2, burst: 0))
        let revoked = try store.revoke(created.id)
        let limit = try RateLimit(ratePerSecond: 2, burst: 2)
        #expect(!revoked.enabled && revoked.limit == limit)
        #expect(try KeysFile(path: "\(directory)/keys.json").read()?.keys == store.list())
        #expect(throws: KeyError.notFound("0000000000000001")) { try store.revoke(KeyID(1)) }
        #expect(throws: KeyError.self) { try store.create(scopes: [], limit: .unlimited) }
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/keys.json.tmp"))
    }

    @Test(arguments: [
        ("not json", "not a keys file: at byte 0: unexpected character 'n'"),
        (#"{"format": 1, "salt": "00", "keys": [], "keys": []}"#, "the member \"keys\" appears twice"),
        (KeysFileTests.file(key: #""id": 5, "secret_sha256": "\#(KeysFileTests.hex)", "scopes": ["analyze"]"#), #""keys[0].id" should be a string, not a number"#),
        (#"{"format": 2, "salt": "", "keys": []}"#, "format 2 is not 1"),
        (#"{"format": 1, "salt": "00", "keys": []}"#, "the salt is not 64 hex digits"),
        (KeysFileTests.file(key: #""id": "zz", "secret_sha256": "\#(KeysFileTests.hex)", "scopes": ["analyze"]"#), "is not 16 hex digits"),
        (KeysFileTests.file(key: #""id": "0000000000000001", "secret_sha256": "00", "scopes": ["analyze"]"#), "secret_sha256 is not 64 hex digits"),
        (KeysFileTests.file(key: #""id": "0000000000000001", "secret_sha256": "\#(KeysFileTests.hex)", "scopes": ["root"]"#), "unknown scope \"root\""),
    ])
    func aCorruptFileIsRefusedWithTheReasonAndLeftAsItIs(_ contents: String, reason: String) throws {
        defer { remove() }
        let path = "\(directory)/keys.json"
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        let error = #expect(throws: KeyError.self) { try KeyStore.open(dataDirectory: directory) }
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == contents, "nothing is overwritten")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/admin.key"))
    }

    @Test func aFileOthersMayWriteOrALinkIsRefused() throws {
        defer { remove() }
        _ = try KeyStore.open(dataDirectory: directory)
        let path = "\(directory)/keys.json"
        chmod(path, 0o666)
        let writable = #expect(throws: KeyError.self) { try KeyStore.open(dataDirectory: directory) }
        #expect(writable?.description.contains("writable by group or others") == true)
        chmod(path, 0o600)
        try FileManager.default.moveItem(atPath: path, toPath: path + ".real")
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path + ".real")
        let link = #expect(throws: KeyError.self) { try KeyStore.open(dataDirectory: directory) }
        #expect(link?.description.contains("not a regular file") == true)
    }

    @Test func twoKeysWithOneIdAreRefused() throws {
        defer { remove() }
        let key = #""id": "0000000000000001", "secret_sha256": "\#(Self.hex)", "scopes": ["analyze"], "rate_per_second": 0, "burst": 0, "enabled": true, "created_unix_ms": 0"#
        let contents = #"{"format": 1, "salt": "\#(Self.hex)", "keys": [{\#(key)}, {\#(key)}]}"#
        let error = #expect(throws: KeyError.self) { try KeysFile.decode(Array(contents.utf8)) }
        #expect(error?.description.contains("listed twice") == true)
    }

    static let hex = String(repeating: "ab", count: 32)

    /// A keys file with one key of these fields (and valid others).
    static func file(key fields: String) -> String {
        #"{"format": 1, "salt": "\#(hex)", "keys": [{\#(fields), "rate_per_second": 0, "burst": 0, "enabled": true, "created_unix_ms": 0}]}"#
    }
}
