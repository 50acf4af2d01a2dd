import Foundation
import TestSupport
import Testing

/// deploy/aurastream.service: what operations rely on is there, and systemd accepts it.
@Suite struct DeployFilesTests {
    static let unitPath = ConfigCommandTests.packageRoot.appendingPathComponent("deploy/aurastream.service")

    /// The unit's `Key=value` settings (the last one of a key).
    static func settings() throws -> [String: String] {
        var settings: [String: String] = [:]
        for line in try String(contentsOf: unitPath, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { settings[String(parts[0])] = String(parts[1]) }
        }
        return settings
    }

    @Test func theUnitRunsHardenedUnderAUserOfItsOwnAndStopsGracefully() throws {
        let unit = try Self.settings()
        #expect(unit["ExecStart"] == "/usr/local/bin/aura-server --config /etc/aurastream/aura.conf --data-dir /var/lib/aurastream")
        #expect(unit["ExecStartPre"]?.hasSuffix("--check-config") == true)
        #expect(unit["User"] == "aurastream" && unit["Group"] == "aurastream" && unit["StateDirectory"] == "aurastream")
        #expect(unit["NoNewPrivileges"] == "yes" && unit["ProtectSystem"] == "strict" && unit["ProtectHome"] == "yes")
        #expect(unit["ReadWritePaths"]?.split(separator: " ").contains("/var/lib/aurastream") == true)
        #expect(unit["CapabilityBoundingSet"] == "" && unit["PrivateTmp"] == "yes")
        #expect(unit["Restart"] == "on-failure" && unit["RestartPreventExitStatus"] == "2")
        #expect(unit["KillSignal"] == "SIGTERM")
        // The server gives calls in flight 10 s after SIGTERM, then closes the job log.
        #expect(Int(unit["TimeoutStopSec"] ?? "") ?? 0 > 10)
        #expect(Int(unit["LimitNOFILE"] ?? "") ?? 0 >= 10_000 + 256)
    }

    @Test func systemdAcceptsTheUnit() async throws {
        let analyze = "/usr/bin/systemd-analyze"
        guard FileManager.default.isExecutableFile(atPath: analyze) else { return }  // checked structurally above
        // verify wants the executables to exist: point it at the built ones.
        let unit = FileManager.default.temporaryDirectory.appendingPathComponent("aurastream-\(UUID().uuidString).service")
        defer { try? FileManager.default.removeItem(at: unit) }
        try String(contentsOf: Self.unitPath, encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/aura-server", with: try Binaries.path(of: "aura-server"))
            .write(to: unit, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: analyze)
        process.arguments = ["verify", unit.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        let reader = PipeReader(errors.fileHandleForReading)
        #expect(await onOwnThread { waitForExit(process, timeout: 30) })
        _ = reader.waitForEnd(timeout: 2)
        #expect(process.terminationStatus == 0 && reader.text.isEmpty, "systemd-analyze verify: \(reader.text)")
    }
}
