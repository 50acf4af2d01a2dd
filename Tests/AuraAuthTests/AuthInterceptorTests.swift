import AuraAuth
import AuraClient
import AuraConformance
import AuraHealth
import AuraMessages
import AuraServer
import AuraWire
import Foundation
import TestSupport
import Testing

/// The interceptor in a real in-process server: each way a call is refused, and key changes
/// through aura.Keys applying from the next call on.
@Suite("Auth interceptor")
struct AuthInterceptorTests {
    static let empty = "aura.TestService/EmptyCall"

    /// A server with `store`'s keys checked, serving health, the conformance service and
    /// aura.Keys; `body` gets a client that sends no key of its own.
    private func withServer(_ body: (KeyStore, TestClock, AuraClient) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aura-auth-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = TestClock()
        let (store, _) = try KeyStore.open(dataDirectory: directory, clock: clock.read)
        var configuration = ServerConfiguration()
        configuration.address = "127.0.0.1:0"
        configuration.loopCount = 1
        configuration.interceptors = [AuthInterceptor(store: store)]
        let services: [any Service] = [TestService(), KeysService(store: store)]
        let server = Server(configuration: configuration, services: [HealthService(serving: services.map(\.name))] + services)
        try await withRunningServer(server) { client in try await body(store, clock, client) }
    }

    private func options(_ token: String) -> CallOptions {
        CallOptions(metadata: ["authorization": "Bearer \(token)"])
    }

    private func refusal(_ body: () async throws -> Void) async -> RPCError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? RPCError
        }
    }

    @Test func aCallWithoutAKeyIsUnauthenticatedButHealthNeedsNone() async throws {
        try await withServer { _, _, client in
            let error = await refusal { _ = try await client.unary(Self.empty, Empty(), as: Empty.self) }
            #expect(error?.code == .unauthenticated)
            #expect(error?.message.contains("needs an API key") == true, "\(String(describing: error))")
            let health = try await client.unary("aura.Health/Check", HealthCheckRequest(), as: HealthCheckResponse.self)
            #expect(health.status == .serving)
        }
    }

    @Test func anUnknownKeyAWrongSecretAndAMalformedHeaderAreUnauthenticated() async throws {
        try await withServer { store, _, client in
            let stranger = KeyToken.generate().text
            let unknown = await refusal { _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(stranger)) }
            #expect(unknown?.code == .unauthenticated && unknown?.message.contains("unknown API key") == true, "\(String(describing: unknown))")

            let (_, token) = try store.create(scopes: .all, limit: .unlimited)
            let wrongSecret = "aura_\(token.id.text)_" + String(repeating: "0", count: 64)
            let wrong = await refusal { _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(wrongSecret)) }
            #expect(wrong?.code == .unauthenticated, "\(String(describing: wrong))")

            let basic = CallOptions(metadata: ["authorization": "Basic \(token.text)"])
            let malformed = await refusal { _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: basic) }
            #expect(malformed?.code == .unauthenticated && malformed?.message.contains("Bearer") == true)

            _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(token.text))
        }
    }

    /// A verified secret is remembered to skip its hash on the next call (`VerifiedSecret`):
    /// only the same bytes pass that way; a secret differing in its last digit is still refused.
    @Test func aRememberedSecretLetsOnlyTheSameBytesThrough() async throws {
        try await withServer { store, _, client in
            let (_, token) = try store.create(scopes: .all, limit: .unlimited)
            _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(token.text))
            let last = token.text.last == "0" ? "1" : "0"
            let nearMiss = String(token.text.dropLast()) + last
            let refused = await refusal { _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(nearMiss)) }
            #expect(refused?.code == .unauthenticated, "\(String(describing: refused))")
            _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(token.text))
        }
    }

    @Test func aKeyWithoutTheScopeIsDeniedAndARevokedOneRefusedAtItsNextCall() async throws {
        try await withServer { store, _, client in
            let admin = try #require(store.list().first)
            #expect(admin.scopes == .all)
            let (_, adminToken) = try store.create(scopes: .all, limit: .unlimited)
            let created = try await client.unary(
                "aura.Keys/Create", CreateKeyRequest(scopes: ["analyze"]), as: CreatedKey.self, options: options(adminToken.text))
            #expect(created.key.scopes == ["analyze"])
            _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(created.token))

            let denied = await refusal {
                _ = try await client.unary("aura.Keys/List", Empty(), as: KeyList.self, options: options(created.token))
            }
            #expect(denied?.code == .permissionDenied && denied?.message.contains("admin scope") == true, "\(String(describing: denied))")

            let revoked = try await client.unary("aura.Keys/Revoke", KeyRef(id: created.key.id), as: KeyInfo.self, options: options(adminToken.text))
            #expect(!revoked.enabled)
            let refused = await refusal { _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(created.token)) }
            #expect(refused?.code == .unauthenticated && refused?.message.contains("revoked") == true, "\(String(describing: refused))")
        }
    }

    @Test func overItsLimitAKeyIsRefusedWithRetryAfterUntilTheBucketRefills() async throws {
        try await withServer { store, clock, client in
            let (_, token) = try store.create(scopes: ScopeSet(.analyze), limit: try RateLimit(ratePerSecond: 1, burst: 2))
            for _ in 0..<2 { _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(token.text)) }
            let limited = await refusal { _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(token.text)) }
            #expect(limited?.code == .resourceExhausted, "\(String(describing: limited))")
            #expect(limited?.metadata[AuthInterceptor.retryAfterKey] == "1.000")
            clock.advance(milliseconds: 1_000)
            _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(token.text))

            // A new limit applies at the next call, with a full bucket.
            let info = try store.setLimit(token.id, to: try RateLimit(ratePerSecond: 10, burst: 3))
            #expect(info.limit.burst == 3)
            for _ in 0..<3 { _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(token.text)) }
            let again = await refusal { _ = try await client.unary(Self.empty, Empty(), as: Empty.self, options: options(token.text)) }
            #expect(again?.metadata[AuthInterceptor.retryAfterKey] == "0.100")

            // The admitted calls are counted for the metrics (aura_key_calls_total); refused ones not.
            let calls = store.usage.counts().first { $0.keyID == token.id.text }?.calls
            #expect(calls == 6)
        }
    }

    @Test func theClientSendsItsConfiguredKeyUnlessACallBringsItsOwn() async throws {
        try await withServer { store, _, client in
            let (_, token) = try store.create(scopes: ScopeSet(.analyze), limit: .unlimited)
            var configuration = ClientConfiguration()
            configuration.apiKey = token.text
            let keyed = AuraClient(address: client.address, configuration: configuration)
            _ = try await keyed.unary(Self.empty, Empty(), as: Empty.self)
            _ = try await keyed.unary(Self.empty, Empty(), as: Empty.self, options: CallOptions(metadata: ["x-other": "1"]))
            let own = await refusal { _ = try await keyed.unary(Self.empty, Empty(), as: Empty.self, options: options("not-a-key")) }
            #expect(own?.code == .unauthenticated)
            await keyed.shutdown()
        }
    }
}
