import AuraClient
import AuraCluster
import AuraCore
import AuraJobs
import AuraMessages
import AuraServer
import AuraTracing
import TestSupport
import Testing

/// The forwarder between two in-process servers: a front one whose test method forwards with
/// its call's context, and an owner that reports the metadata it received.
@Suite struct PeerForwarderTests {
    static let trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    @Test func forwardedCallCarriesTheCallersKeyAndTraceUnchanged() async throws {
        try await withTwoServers { front, owner in
            var metadata = Metadata()
            metadata.add("authorization", "Bearer aura_0123456789abcdef_secret")
            metadata.add("traceparent", Self.trace)
            metadata.add("tracestate", "aura=1")
            metadata.add("x-other", "not copied")
            let job = try await front.unary("test.Front/Get", JobRef(jobId: "job-owner-0123456789abcdef"), as: Job.self, options: CallOptions(metadata: metadata))
            #expect(job.jobId == "job-owner-0123456789abcdef")
            #expect(job.error == [
                "authorization=Bearer aura_0123456789abcdef_secret", "traceparent=\(Self.trace)", "tracestate=aura=1",
                "aura-forwarded-by=front",
            ].joined(separator: "\n"))
        }
    }

    @Test func aTracedForwardCarriesTheForwardingServersSpanInTheCallersTrace() async throws {
        try await withTwoServers(tracing: true) { front, _ in
            var metadata = Metadata()
            metadata.add("traceparent", Self.trace)
            metadata.add("tracestate", "aura=1")
            let reply = try await front.unaryWithMetadata(
                "test.Front/Get", JobRef(jobId: "job-owner-0123456789abcdef"), as: Job.self, options: CallOptions(metadata: metadata))
            let seen = reply.message.error.split(separator: "\n").map(String.init)
            let sent = try #require(seen.first { $0.hasPrefix("traceparent=") }.flatMap { TraceParent(parsing: String($0.dropFirst(12))) })
            let caller = try #require(TraceParent(parsing: Self.trace))
            let frontSpan = try #require(TraceParent(parsing: reply.metadata.trailing["traceparent"] ?? ""))
            #expect(sent.traceID == caller.traceID, "the same trace: \(seen)")
            #expect(sent.parentID == frontSpan.parentID, "the owner's parent is the front server's span: \(seen)")
            #expect(sent.parentID != caller.parentID)
            #expect(seen.contains("tracestate=aura=1") && seen.filter { $0.hasPrefix("traceparent=") }.count == 1, "\(seen)")
        }
    }

    @Test func forwardedStreamPassesEveryMessage() async throws {
        try await withTwoServers { front, _ in
            let call = try await front.serverStreaming("test.Front/Watch", JobRef(jobId: "job-owner-0123456789abcdef"), as: Job.self)
            var count = 0
            for try await job in call.responses {
                #expect(job.recordsDone == UInt64(count))
                count += 1
            }
            #expect(count == 3)
        }
    }

    @Test func anOwnerThatIsDownIsUnavailableByName() async throws {
        let port = try UnusedPort.next()
        try await withTwoServers(ownerAddress: "127.0.0.1:\(port)") { front, _ in
            do {
                _ = try await front.unary("test.Front/Get", JobRef(jobId: "job-owner-0123456789abcdef"), as: Job.self)
                Issue.record("a call to an owner that is down succeeded")
            } catch let error as RPCError {
                #expect(error.code == .unavailable)
                #expect(error.message.contains("the job's server owner (127.0.0.1:\(port)) is unavailable"), "\(error)")
                #expect(error.metadata["aura-job-owner"] == "owner")
            }
        }
    }

    @Test func whichCallsAreForwarded() async throws {
        try await withTwoServers { front, _ in
            func route(_ id: String, _ metadata: Metadata = Metadata()) async throws -> String {
                try await front.unary("test.Front/Route", JobRef(jobId: id), as: Job.self, options: CallOptions(metadata: metadata)).jobId
            }
            let routes = [
                try await route("job-owner-0123456789abcdef"),
                try await route("job-front-0123456789abcdef"),  // its own
                try await route("job-0123456789abcdef"),  // made before clusters
                try await route("job-owner-0123456789abcdef", ["aura-forwarded-by": "x"]),  // one hop only
            ]
            #expect(routes == ["owner", "local", "local", "local"])
            await #expect(throws: RPCError.self) { _ = try await route("job-stranger-0123456789abcdef") }
        }
    }

    /// Runs `body` with a client of the front server, which forwards to the owner (at
    /// `ownerAddress` when given: nothing there).
    func withTwoServers(ownerAddress: String? = nil, tracing: Bool = false, _ body: @escaping @Sendable (AuraClient, AuraClient) async throws -> Void) async throws {
        // The bound only guards against hangs: the whole suite in parallel on a loaded machine
        // can starve a test of CPU for a minute and more.
        try await withTimeout(.seconds(180), "two servers") {
            let owner = Server(configuration: Self.configuration, services: [OwnerService()])
            try owner.start()
            let membership = try ClusterMembership(peers: "owner=\(ownerAddress ?? "127.0.0.1:\(owner.port)")")
            let forwarder = PeerForwarder(node: "front", membership: membership)
            var frontConfiguration = Self.configuration
            if tracing { frontConfiguration.interceptors = [TracingInterceptor(tracer: Tracer(sampler: TraceSampler(rate: 0), writer: nil))] }
            let front = Server(configuration: frontConfiguration, services: [FrontService(forwarder: forwarder)])
            try front.start()
            let frontClient = AuraClient(address: "127.0.0.1:\(front.port)")
            let ownerClient = AuraClient(address: "127.0.0.1:\(owner.port)")
            var failure: (any Error)?
            do { try await body(frontClient, ownerClient) } catch { failure = error }
            await frontClient.shutdown()
            await ownerClient.shutdown()
            await forwarder.shutdown()
            await front.shutdown(gracePeriod: .seconds(1))
            await owner.shutdown(gracePeriod: .seconds(1))
            if let failure { throw failure }
        }
    }

    static var configuration: ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.address = "127.0.0.1:0"
        configuration.loopCount = 1
        return configuration
    }
}

/// Forwards with the call's own context, as `JobService` does.
private struct FrontService: Service {
    let name = "test.Front"
    let forwarder: PeerForwarder

    func register(into registry: inout MethodRegistry) {
        let forwarder = forwarder
        registry.unary("test.Front/Get") { (request: JobRef, context) -> Job in
            let owner = try #require(try forwarder.owner(of: request.jobId, context: context))
            return try await forwarder.forward("aura.Jobs/Get", request, to: owner, context: context)
        }
        registry.serverStreaming("test.Front/Watch") { (request: JobRef, responses: ResponseWriter<Job>, context) in
            let owner = try #require(try forwarder.owner(of: request.jobId, context: context))
            try await forwarder.forwardStream("aura.Jobs/Watch", request, to: owner, context: context) { try await responses.write($0) }
        }
        registry.unary("test.Front/Route") { (request: JobRef, context) -> Job in
            job(try forwarder.owner(of: request.jobId, context: context)?.node ?? "local")
        }
    }
}

/// Answers Get with the metadata it received (the keys a forwarder may send, in the job's
/// error field) and Watch with three updates.
private struct OwnerService: Service {
    let name = "aura.Jobs"

    func register(into registry: inout MethodRegistry) {
        registry.unary("aura.Jobs/Get") { (request: JobRef, context) -> Job in
            let seen = context.requestMetadata.map { "\($0.key)=\($0.text)" }
            return job(request.jobId, error: seen.joined(separator: "\n"))
        }
        registry.serverStreaming("aura.Jobs/Watch") { (request: JobRef, responses: ResponseWriter<Job>, _) in
            for done in 0..<3 { try await responses.write(job(request.jobId, recordsDone: UInt64(done))) }
        }
    }
}

private func job(_ id: String, error: String = "", recordsDone: UInt64 = 0) -> Job {
    var job = Job()
    job.jobId = id
    job.error = error
    job.recordsDone = recordsDone
    return job
}
