import Foundation
import Testing

/// API keys end to end (docs/KEYS.md): a real aura-server writes its admin key on its first
/// start, aura-rpc finds it, and keys made with `aura-rpc keys` get exactly their scopes, until
/// they are revoked, without a restart.
@Suite(.timeLimit(.minutes(1)))
struct KeysCommandTests {
    @Test func aKeyWithTheAnalyzeScopeAnalyzesButCannotChangePluginsAndStopsWorkingWhenRevoked() async throws {
        try await withServer(plugins: ["LexiconSentiment"]) { server in
            let directory = ["--addr", server.address, "--data-dir", server.dataDirectory.path]
            let list = try await auraRPC(["keys", "list"] + directory)
            #expect(list.status == 0, "the admin key in DIR/admin.key is found: \(list)")
            #expect(list.lines.count == 1 && list.stdout.contains("enabled  analyze,jobs,admin  no limit"), "\(list)")
            let admin = try String(contentsOf: server.dataDirectory.appendingPathComponent("admin.key"), encoding: .utf8)
            #expect(list.stdout.hasPrefix(admin.dropFirst("aura_".count).prefix(16)), "the admin key's id: \(list)")

            let anonymous = try await auraRPC(["analyze", "fine", "--addr", server.address, "--data-dir", "/nonexistent"])
            #expect(anonymous.status == 16, "UNAUTHENTICATED: \(anonymous)")
            #expect(anonymous.stderr.contains("needs an API key") && anonymous.stderr.contains("--api-key"), "\(anonymous)")

            let created = try await auraRPC(["keys", "create", "--scopes", "analyze"] + directory)
            #expect(created.status == 0, "\(created)")
            let token = created.stdout.trimmingCharacters(in: .newlines)
            #expect(token.count == 86 && token.hasPrefix("aura_"), "\(created)")
            #expect(created.stderr.contains("shown only now"), "\(created)")
            let id = String(token.dropFirst("aura_".count).prefix(16))

            let analyzed = try await auraRPC(["analyze", KeysCommandTests.positive, "--addr", server.address], environment: ["AURA_API_KEY": token])
            #expect(analyzed.status == 0 && analyzed.stdout.hasPrefix("POSITIVE"), "\(analyzed)")
            let plugins = try await auraRPC(["plugins", "unpin", "lexicon-sentiment", "--addr", server.address, "--api-key", token])
            #expect(plugins.status == 7, "PERMISSION_DENIED: \(plugins)")
            #expect(plugins.stderr.contains("lacks the admin scope"), "\(plugins)")
            let jobs = try await auraRPC(["jobs", "--addr", server.address, "--api-key", token])
            #expect(jobs.status == 7, "PERMISSION_DENIED without the jobs scope: \(jobs)")

            let revoked = try await auraRPC(["keys", "revoke", id] + directory)
            #expect(revoked.status == 0 && revoked.stdout.hasPrefix("\(id)  revoked  analyze"), "\(revoked)")
            let refused = try await auraRPC(["analyze", "fine", "--addr", server.address, "--api-key", token])
            #expect(refused.status == 16, "UNAUTHENTICATED at once, no restart: \(refused)")
            #expect(refused.stderr.contains("is revoked"), "\(refused)")
        }
    }

    @Test func setLimitAndListShowTheLimitAndBadActionsAreUsageErrors() async throws {
        try await withServer(plugins: []) { server in
            let created = try await auraRPC(["keys", "create", "--scopes", "analyze,jobs", "--rate", "5", "--addr", server.address])
            #expect(created.status == 0, "\(created)")
            let id = String(created.stdout.dropFirst("aura_".count).prefix(16))
            let limited = try await auraRPC(["keys", "set-limit", id, "--rate", "10", "--burst", "30", "--addr", server.address])
            #expect(limited.stdout.hasPrefix("\(id)  enabled  analyze,jobs  10/s burst 30"), "\(limited)")
            let json = try jsonObject(try await auraRPC(["keys", "list", "--json", "--addr", server.address]).stdout)
            let keys = try #require(json["keys"] as? [[String: Any]])
            #expect(keys.count == 2 && keys[1]["ratePerSecond"] as? Int == 10 && keys[1]["burst"] as? Int == 30, "\(json)")

            let unknown = try await auraRPC(["keys", "revoke", "0123456789abcdef", "--addr", server.address])
            #expect(unknown.status == 5, "NOT_FOUND: \(unknown)")
            let badScope = try await auraRPC(["keys", "create", "--scopes", "root", "--addr", server.address])
            #expect(badScope.status == 3 && badScope.stderr.contains("unknown scope \"root\""), "\(badScope)")
            let noRate = try await auraRPC(["keys", "set-limit", id, "--addr", server.address])
            #expect(noRate.status == 64, "\(noRate)")
            let misplaced = try await auraRPC(["keys", "list", "--scopes", "admin", "--addr", server.address])
            #expect(misplaced.status == 64, "\(misplaced)")
        }
    }

    static let positive = "I love this, it is wonderful and the staff were great"
}
