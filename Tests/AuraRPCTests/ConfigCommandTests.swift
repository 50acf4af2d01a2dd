import Foundation
import TestSupport
import Testing

/// Runs `aura-server arguments...` as a command (`--check-config`, `--restore`: it exits).
func auraServerCommand(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 30) async throws -> CommandResult {
    try await RunningCommand(arguments, environment: environment, program: "aura-server").finish(timeout: timeout)
}

/// The configuration file, the environment and `--check-config` of the real aura-server.
@Suite struct ConfigCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `name = value` settings of `--check-config`'s output, with the origin after `#`.
    static func settings(_ output: String) -> [String: (value: String, origin: String)] {
        var settings: [String: (String, String)] = [:]
        for line in output.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "#", maxSplits: 1)
            let assignment = parts[0].split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            settings[assignment[0]] = (assignment[1], parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        return settings
    }

    @Test func theExampleConfigurationListsEverySettingWithTheServersOwnDefault() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("aura-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let example = try String(contentsOf: Self.packageRoot.appendingPathComponent("deploy/aura.conf"), encoding: .utf8)
        let documented = example.split(separator: "\n").compactMap { line -> (name: String, value: String, commented: Bool)? in
            guard let match = line.wholeMatch(of: /#?([a-z0-9-]+) = (.+)/) else { return nil }
            return (String(match.1), String(match.2), line.hasPrefix("#"))
        }
        let defaults = try await auraServerCommand(["--check-config", "--data-dir", scratch.path])
        try #require(defaults.status == 0, "\(defaults)")
        let names = Set(defaults.stdout.split(separator: "\n").compactMap { line in
            line.wholeMatch(of: /#? ?([a-z0-9-]+)( = .*| is not set| is set \(not shown\) .*)/).map { String($0.1) }
        })
        #expect(names.count > 20)
        #expect(Set(documented.map(\.name)) == names, "deploy/aura.conf must list every setting exactly as aura-server knows them")
        #expect(documented.count == Set(documented.map(\.name)).count, "a setting is listed twice")
        let effective = Self.settings(defaults.stdout)
        for setting in documented where setting.commented {
            if let server = effective[setting.name], server.origin == "default" {
                #expect(setting.value == server.value, "deploy/aura.conf shows \(setting.name) = \(setting.value), the server's default is \(server.value)")
            }
        }

        // Every example value, uncommented, is valid (the TLS and key files, which the check
        // loads, made for the test).
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let key = scratch.appendingPathComponent("joblog.key").path
        try String(repeating: "ab", count: 32).write(toFile: key, atomically: false, encoding: .utf8)
        chmod(key, 0o600)
        let files = [
            "tls-cert": certificates.serverCertificate, "tls-key": certificates.serverKey, "tls-client-ca": certificates.caCertificate,
            "encryption-key-file": key, "encryption-old-key-file": key,
        ]
        let uncommented = scratch.appendingPathComponent("all.conf")
        try documented.map { "\($0.name) = \(files[$0.name] ?? $0.value)" }.joined(separator: "\n").write(to: uncommented, atomically: true, encoding: .utf8)
        let all = try await auraServerCommand(["--config", uncommented.path, "--data-dir", scratch.path, "--check-config"])
        #expect(all.status == 0, "\(all)")
        #expect(Self.settings(all.stdout)["job-workers"]?.origin == "\(uncommented.path) line \(documented.firstIndex { $0.name == "job-workers" }! + 1)")
    }

    @Test func theCommandLineBeatsTheEnvironmentWhichBeatsTheFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("aura-\(UUID().uuidString).conf")
        defer { try? FileManager.default.removeItem(at: file) }
        try "cache-mb = 8\njob-workers = 3\nconformance = true\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await auraServerCommand(
            ["--config", file.path, "--job-workers", "4", "--data-dir", NSTemporaryDirectory() + "aura-unused-\(UUID().uuidString)", "--check-config"],
            environment: ["AURA_SERVER_CACHE_MB": "16", "AURA_SERVER_JOB_WORKERS": "5", "AURA_SERVER_CONFORMANCE": "false"])
        try #require(result.status == 0, "\(result)")
        let settings = Self.settings(result.stdout)
        #expect(settings["cache-mb"]?.value == "16" && settings["cache-mb"]?.origin == "AURA_SERVER_CACHE_MB")
        #expect(settings["job-workers"]?.value == "4" && settings["job-workers"]?.origin == "command line")
        #expect(settings["conformance"]?.value == "false")
        #expect(settings["addr"]?.origin == "default")
    }

    @Test(arguments: [
        ("cache-mb = 70000\n", "--cache-mb must be a whole number in 0...65536, got \"70000\" (from CONF line 1)"),
        ("\n\nlog-level = loud\n", "--log-level takes debug, info, warning or error, got \"loud\" (from CONF line 3)"),
        ("idle-timeout = 0s\n", "--idle-timeout must be more than 0, got 0s (from CONF line 1)"),
        ("addr = a\naddr = b\n", "CONF line 2: addr is already set on line 1"),
        ("port = 1\n", "CONF line 1: unknown option \"port\""),
        ("repair = true\n", "CONF line 1: unknown option \"repair\""),
        ("\u{7f}ELF\u{0}\u{0}", "CONF: a NUL byte at offset 4, not a text file"),
    ])
    func aBadSettingIsRefusedNamingFileAndLine(contents: String, message: String) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("aura-\(UUID().uuidString).conf")
        defer { try? FileManager.default.removeItem(at: file) }
        try contents.write(to: file, atomically: true, encoding: .utf8)
        let result = try await auraServerCommand(["--config", file.path, "--check-config"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("aura-server: " + message.replacingOccurrences(of: "CONF", with: file.path)), "\(result)")
    }

    @Test func anUnusableDataDirectoryFailsTheCheck() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("aura-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try "not a folder".write(to: file, atomically: true, encoding: .utf8)
        let result = try await auraServerCommand(["--check-config", "--data-dir", file.path])
        #expect(result.status == 2 && result.stderr.contains("the data directory \(file.path) is not usable"), "\(result)")
    }
}
