import AuraClient
import AuraEventLoop
import Glibc
import TestSupport

/// Plaintext and TLS side by side: two fresh servers (one with a certificate made by the
/// `openssl` tool), the same unary (64 in flight) and client-streaming runs against each.
struct TLSBenchmark {
    let serverBinary: String?
    let serverLoops: Int?
    let loop: EventLoop
    let duration: Duration

    func run(report: @MainActor (BenchResult) -> Void) async throws {
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let setups: [(label: String, server: [String], client: TLSClientConfiguration?)] = [
            ("plaintext", [], nil),
            (
                "TLS", ["--tls-cert", certificates.serverCertificate, "--tls-key", certificates.serverKey],
                TLSClientConfiguration(caPath: certificates.caCertificate)
            ),
        ]
        for setup in setups {
            let server = try ServerProcess(binary: serverBinary, loops: serverLoops, extraArguments: setup.server)
            defer { server.stop() }
            var benchmarks = server.benchmarks(loop: loop, duration: duration)  // with the server's admin key
            benchmarks.clientConfiguration.tls = setup.client
            let unary = try await benchmarks.unary(inFlight: 64, connections: 1)
            await report(BenchResult(name: "\(unary.name) \(setup.label)", figures: unary.figures))
            let streaming = try await measuringCPU(of: server) { try await benchmarks.clientStreaming(messageSize: 64 * 1024) }
            await report(BenchResult(name: "\(streaming.name) \(setup.label)", figures: streaming.figures))
        }
    }

    /// `body`'s result with the CPU each side spent per MB it moved (the server's, and this
    /// process's: the client's), figures that hold up on a loaded machine where MB/s does not.
    private func measuringCPU(of server: ServerProcess, _ body: () async throws -> BenchResult) async throws -> BenchResult {
        let serverCPU = ProcessCPU(pid: server.process.processIdentifier), clientCPU = ProcessCPU(pid: getpid())
        let (serverBefore, clientBefore) = (serverCPU.seconds, clientCPU.seconds)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await body()
        let megabytes = (result.figures.first { $0.key == "MB_per_s" }?.value ?? 0) * (clock.now - start).seconds
        guard megabytes > 0 else { return result }
        return BenchResult(
            name: result.name,
            figures: result.figures + [
                (key: "server_cpu_us_per_MB", value: (serverCPU.seconds - serverBefore) * 1e6 / megabytes),
                (key: "client_cpu_us_per_MB", value: (clientCPU.seconds - clientBefore) * 1e6 / megabytes),
            ])
    }
}
