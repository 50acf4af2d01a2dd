import AuraEventLoop
import AuraPosix
import Glibc

/// The shapes the gRPC C++ peer is measured with (`benchmarks/compare-grpc-cpp.sh`): unary at
/// K = 1, 16, 64, 256 in flight on 1 connection and K = 64, 256 on 4, each with the server's and
/// the client's CPU per call; client streaming of 64 KiB messages; idle RSS and RSS with 1,000
/// and 10,000 idle connections.
/// The unary and streaming rows share one server, as in the peer's script; the memory rows take
/// a fresh one each. Runs only when asked for (`--only peer-shapes`).
struct PeerShapesBenchmark {
    let serverBinary: String?
    let serverLoops: Int?
    let loop: EventLoop
    let duration: Duration

    func run(report: @MainActor (BenchResult) -> Void) async throws {
        let server = try ServerProcess(binary: serverBinary, loops: serverLoops)
        defer { server.stop() }
        let cpu = ProcessCPU(pid: server.process.processIdentifier)
        let clientCPU = ProcessCPU(pid: getpid())  // this process: the client and its driver
        let benchmarks = server.benchmarks(loop: loop, duration: duration)
        for (inFlight, connections) in [(1, 1), (16, 1), (64, 1), (256, 1), (64, 4), (256, 4)] {
            let (before, clientBefore) = (cpu.seconds, clientCPU.seconds)
            let result = try await benchmarks.unary(inFlight: inFlight, connections: connections)
            let calls = result.figures.first { $0.key == "calls_per_s" }!.value * duration.seconds
            let perCall = (key: "server_cpu_us_per_call", value: (cpu.seconds - before) / calls * 1e6)
            let clientPerCall = (key: "client_cpu_us_per_call", value: (clientCPU.seconds - clientBefore) / calls * 1e6)
            await report(BenchResult(name: "peer-shape " + result.name, figures: result.figures + [perCall, clientPerCall]))
        }
        let stream = try await benchmarks.clientStreaming(messageSize: 64 * 1024)
        await report(BenchResult(name: "peer-shape " + stream.name, figures: stream.figures))

        for count in [1000, 10_000] {
            let fresh = try ServerProcess(binary: serverBinary, loops: serverLoops, extraArguments: ServerProcess.idleConnectionArguments(count))
            defer { fresh.stop() }
            if count == 1000 {
                await report(BenchResult(name: "peer-shape server RSS idle", figures: [(key: "MiB", value: Double(fresh.residentBytes) / 1_048_576)]))
            }
            let held = try await fresh.benchmarks(loop: loop, duration: duration).withIdleConnections(count) { fresh.residentBytes }
            await report(BenchResult(name: "peer-shape server RSS with \(count) idle conns", figures: [(key: "MiB", value: Double(held) / 1_048_576)]))
        }
    }
}

/// The CPU time (user + system) a process has used so far, from /proc/PID/stat.
struct ProcessCPU {
    let pid: Int32

    /// Seconds of CPU, at the clock tick's resolution (10 ms here).
    var seconds: Double {
        guard let bytes = try? Files.read("/proc/\(pid)/stat") else { return 0 }
        let stat = String(decoding: bytes, as: UTF8.self)
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        // After "pid (comm)": state is field 3, utime and stime fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}
