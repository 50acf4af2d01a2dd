import AuraClient
import AuraCrashHarness
import AuraMessages
import AuraPosix
import Foundation
import TestSupport

/// Three built `aura-server` processes on 127.0.0.1, each with its own data directory and
/// node name, every one listing the others in `--peers`, and a real HAProxy in front of them
/// (TCP mode, health checks by `aura.Health/Check`). The ports are chosen up front, below the
/// ephemeral range (`UnusedPort`), because each server's `--peers` must name the others'.
final class ClusterHarness: @unchecked Sendable {  // the test's task alone touches `servers`
    let nodes = ["n1", "n2", "n3"]
    let ports: [String: Int]
    /// Chosen when HAProxy starts.
    private(set) var proxyPort = 0
    let root: String
    private(set) var servers: [String: ServerChild] = [:]
    private var proxy: Process?
    /// The admin key of n1, whose keys file every server shares (docs/SCALING.md, "Keys").
    private(set) var apiKey = ""

    init() throws {
        root = NSTemporaryDirectory() + "aura-cluster-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var ports: [String: Int] = [:]
        for node in nodes { ports[node] = try UnusedPort.next() }
        self.ports = ports
    }

    /// The address of `node`'s server, and of the proxy.
    func address(_ node: String) -> String { "127.0.0.1:\(ports[node]!)" }
    var proxyAddress: String { "127.0.0.1:\(proxyPort)" }

    /// A client configuration carrying the shared key.
    var clientConfiguration: ClientConfiguration {
        var configuration = ClientConfiguration()
        configuration.apiKey = apiKey
        return configuration
    }

    /// Starts the three servers (n1 first: its keys file is copied to the others) and HAProxy.
    func start() async throws {
        try await startServer("n1")
        apiKey = ServerChild.adminKey(in: dataDirectory("n1")) ?? ""
        for node in nodes.dropFirst() {
            try FileManager.default.createDirectory(atPath: dataDirectory(node), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: dataDirectory("n1") + "/keys.json", toPath: dataDirectory(node) + "/keys.json")
            try await startServer(node)
        }
        try startProxy()
        try await waitForProxy()
    }

    /// Returns once a call through HAProxy is answered: a client that retries its connect
    /// (with a doubling backoff, 5 s in all) until HAProxy has bound its port.
    private func waitForProxy() async throws {
        var configuration = ClientConfiguration()
        configuration.connectAttempts = 9
        configuration.reconnectBackoff = .milliseconds(10)
        let client = AuraClient(address: proxyAddress, configuration: configuration)
        do {
            _ = try await client.unary("aura.Health/Check", HealthCheckRequest(), as: HealthCheckResponse.self)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    func dataDirectory(_ node: String) -> String { "\(root)/\(node)" }

    /// Starts `node`'s server on its port and data directory (again, after a kill).
    func startServer(_ node: String) async throws {
        let peers = nodes.filter { $0 != node }.map { "\($0)=\(address($0))" }.joined(separator: ",")
        servers[node] = try await ServerChild.start(
            binary: Binaries.path(of: "aura-server"), dataDirectory: dataDirectory(node),
            arguments: ["--addr", address(node), "--node-name", node, "--peers", peers, "--loops", "1", "--job-workers", "1"])
    }

    /// SIGKILLs `node`'s server and waits until it is gone (on a thread of its own: the
    /// concurrency pool's few threads must not block).
    func kill(_ node: String) async {
        guard let server = servers.removeValue(forKey: node) else { return }
        Glibc.kill(server.process.processIdentifier, SIGKILL)
        await waitForExit(server.process)
    }

    private func waitForExit(_ process: Process) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                process.waitUntilExit()
                continuation.resume()
            }.start()
        }
    }

    /// Stops HAProxy and the servers and removes the data directories.
    func stop() async {
        if let proxy, proxy.isRunning {
            proxy.terminate()
            await waitForExit(proxy)
        }
        for server in servers.values { await server.stop() }
        servers = [:]
        try? FileManager.default.removeItem(atPath: root)
    }

    private func startProxy() throws {
        proxyPort = try UnusedPort.next()
        let configPath = root + "/haproxy.cfg"
        try haproxyConfiguration.write(toFile: configPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/haproxy")
        process.arguments = ["-f", configPath, "-db"]  // foreground, no daemon
        process.standardInput = FileHandle.nullDevice
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardOutput = log
        process.standardError = log
        try process.run()
        proxy = process
    }

    /// HAProxy's output (for failure messages).
    var logPath: String { root + "/haproxy.log" }

    /// What HAProxy wrote so far.
    var proxyLog: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// deploy/haproxy.cfg's settings, with this cluster's ports and quick checks.
    var haproxyConfiguration: String {
        """
        global
            maxconn 1000
        defaults
            mode tcp
            timeout connect 2s
            timeout client 120s
            timeout server 120s
            retries 3
            option redispatch
        frontend aura
            bind \(proxyAddress)
            default_backend aura_servers
        backend aura_servers
            balance roundrobin
            option tcp-check
            tcp-check connect
            tcp-check send-binary \(HealthCheckBytes.request)
            tcp-check expect rbinary \(HealthCheckBytes.servingPattern)
        \(nodes.map { "    server \($0) \(address($0)) check inter 200ms fall 1 rise 1" }.joined(separator: "\n"))

        """
    }
}
