import AuraClient
import AuraEventLoop
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
            for result in [try await benchmarks.unary(inFlight: 64, connections: 1), try await benchmarks.clientStreaming(messageSize: 64 * 1024)] {
                await report(BenchResult(name: "\(result.name) \(setup.label)", figures: result.figures))
            }
        }
    }
}
