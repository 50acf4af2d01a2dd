import Foundation
import Testing

/// deploy/haproxy.cfg is valid for HAProxy and checks health with the bytes a client sends.
@Suite struct HAProxyConfigTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy/haproxy.cfg").path

    @Test func healthCheckIsAnAuraHealthCall() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(text.contains("tcp-check send-binary \(HealthCheckBytes.request)\n"), "expected: \(HealthCheckBytes.request)")
        #expect(text.contains("tcp-check expect rbinary \(HealthCheckBytes.servingPattern)\n"))
    }

    @Test func haproxyAcceptsTheFile() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/haproxy")
        process.arguments = ["-c", "-q", "-f", Self.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: output, as: UTF8.self))")
    }
}
