import AuraBytes
import AuraClient
import AuraConformance
import AuraEventLoop
import AuraMessages
import AuraPosix
import AuraWire
import Synchronization

/// One measured figure set, as printed in the table and the JSON.
struct BenchResult: Sendable {
    let name: String
    let figures: [(key: String, value: Double)]
}

/// The benchmarks, run against a server at `address` with clients on `loop`.
struct Benchmarks {
    let address: String
    let loop: EventLoop
    let duration: Duration
    /// How the clients connect: with the server's API key, and over TLS for the tls group.
    var clientConfiguration = ClientConfiguration()
    /// Where the unary rows log every call (`--call-log`), if anywhere.
    var callLog: CallLog?

    /// Small unary calls (16-byte payload each way) with `inFlight` calls outstanding over
    /// `connections` connections: calls/s and latency percentiles.
    func unary(inFlight: Int, connections: Int) async throws -> BenchResult {
        let clients = (0..<connections).map { _ in AuraClient(address: address, configuration: clientConfiguration, loop: loop) }
        defer { Task { for client in clients { await client.shutdown() } } }
        let request = SimpleRequest(responseSize: 16, payload: Payload(size: 16))
        for client in clients { _ = try await client.unary("aura.TestService/UnaryCall", request, as: SimpleResponse.self) }
        let name = "unary inflight=\(inFlight) conns=\(connections)"
        let run = try await measureCalls(inFlight: inFlight, clients: clients, logAs: name) { client, _, _ in
            _ = try await client.unary("aura.TestService/UnaryCall", request, as: SimpleResponse.self)
        }
        return BenchResult(name: name, figures: run.figures)
    }

    /// The outcome of `measureCalls`.
    struct CallRun {
        let calls: Int
        let seconds: Double
        let latencies: Latencies

        /// calls/s and latency percentiles.
        var figures: [(key: String, value: Double)] {
            let summary = latencies.summary()
            return [(key: "calls_per_s", value: Double(calls) / seconds)]
                + ["p50_us", "p90_us", "p99_us", "p999_us"].map { (key: $0, value: summary[$0]!) }
        }
    }

    /// Runs `call` in `inFlight` workers on the client loop for the benchmark's duration, each
    /// worker on `clients[worker % clients.count]`, timing every call; with a `callLog`, logs
    /// each call under `logAs`.
    func measureCalls(
        inFlight: Int, clients: [AuraClient], logAs name: String? = nil,
        _ call: @escaping @Sendable (_ client: AuraClient, _ worker: Int, _ index: Int) async throws -> Void
    ) async throws -> CallRun {
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + duration
        let logging = callLog != nil && name != nil
        let (latencies, logged) = try await withThrowingTaskGroup(of: (Latencies, [CallLog.Call]).self) { group in
            for worker in 0..<inFlight {
                let client = clients[worker % clients.count]
                group.addTask(executorPreference: loop) {
                    var latencies = Latencies()
                    var logged: [CallLog.Call] = []
                    var index = 0
                    while clock.now < end {
                        index += 1
                        let callStart = clock.now
                        try await call(client, worker, index)
                        let latency = (clock.now - callStart).nanoseconds
                        latencies.record(latency)
                        if logging { logged.append(((callStart - start).nanoseconds, latency)) }
                    }
                    return (latencies, logged)
                }
            }
            var all = Latencies()
            var allLogged: [CallLog.Call] = []
            for try await (part, partLogged) in group {
                all.merge(part)
                allLogged += partLogged
            }
            return (all, allLogged)
        }
        if let callLog, let name { callLog.append(row: name, calls: logged, start: start, clock: clock) }
        return CallRun(calls: latencies.count, seconds: (clock.now - start).seconds, latencies: latencies)
    }

    /// Bidirectional streaming: one FullDuplexCall sending small requests as fast as flow
    /// control allows, each answered by one small response; messages/s counts responses.
    func bidirectional() async throws -> BenchResult {
        let client = AuraClient(address: address, configuration: clientConfiguration, loop: loop)
        defer { Task { await client.shutdown() } }
        let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
            try await client.makeCall("aura.TestService/FullDuplexCall")
        let request = StreamingOutputCallRequest(responseParameters: [ResponseParameters(size: 16)], payload: Payload(size: 16))
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + duration
        let outstanding = Atomic<Int>(0)
        let sender = Task(executorPreference: loop) {
            while clock.now < end {
                while outstanding.load(ordering: .relaxed) > 512 { await Task.yield() }
                outstanding.add(1, ordering: .relaxed)
                try await call.send(request)
            }
            await call.closeSend()
        }
        var received = 0
        for try await _ in call.responses {
            received += 1
            outstanding.subtract(1, ordering: .relaxed)
        }
        try await sender.value
        let elapsed = (clock.now - start).seconds
        return BenchResult(name: "bidirectional stream", figures: [(key: "messages_per_s", value: Double(received) / elapsed)])
    }

    /// Client streaming of `messageSize`-byte messages on one call: MB/s received by the server.
    func clientStreaming(messageSize: Int) async throws -> BenchResult {
        let client = AuraClient(address: address, configuration: clientConfiguration, loop: loop)
        defer { Task { await client.shutdown() } }
        let encoded = RawMessage(bytes: StreamingInputCallRequest(payload: Payload(size: messageSize)).encoded())
        let call: RPCCall<RawMessage, StreamingInputCallResponse> = try await client.makeCall("aura.TestService/StreamingInputCall")
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + duration
        try await withTaskExecutorPreference(loop) {
            while clock.now < end { try await call.send(encoded) }
        }
        await call.closeSend()
        let reply = try await call.response()
        let elapsed = (clock.now - start).seconds
        let megabytes = Double(reply.message.aggregatedPayloadSize) / 1e6
        return BenchResult(
            name: "client streaming \(messageSize / 1024) KiB messages",
            figures: [(key: "MB_per_s", value: megabytes / elapsed)])
    }

    /// Opens `count` idle connections (each makes one call) and keeps them open during `body`.
    /// Raises this process's open-file limit to its hard limit first; the server must allow
    /// `count` connections from one address (`ServerProcess.idleConnectionArguments`).
    func withIdleConnections<T>(_ count: Int, _ body: () async throws -> T) async throws -> T {
        let openFiles = try OpenFileLimit.raiseToMaximum()
        guard openFiles >= count + 64 else {
            throw BenchError("\(count) idle connections need \(count + 64) open files, the hard limit is \(openFiles) (ulimit -Hn)")
        }
        let clients = (0..<count).map { _ in AuraClient(address: address, configuration: clientConfiguration, loop: loop) }
        for client in clients { _ = try await client.unary("aura.TestService/EmptyCall", Empty(), as: Empty.self) }
        let result = try await body()
        for client in clients { await client.close() }
        return result
    }
}
