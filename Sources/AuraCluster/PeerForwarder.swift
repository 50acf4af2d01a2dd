import AuraClient
import AuraCore
import AuraEventLoop
import AuraJobs
import AuraProto
import AuraServer
import AuraTLS
import AuraTracing
import Synchronization

/// Forwards the calls about another server's job to that server over AuraRPC (docs/SCALING.md):
/// one multiplexed connection per peer, opened on first use, on one event loop of its own.
///
/// A forwarded call carries the incoming call's `authorization` and request id unchanged and
/// its trace (`traceparent` naming this server's span, `tracestate`), so the owner checks the
/// same key and continues the same trace one level down,
/// and `aura-forwarded-by`, so that it is never forwarded twice. When the owner cannot be
/// reached the caller gets UNAVAILABLE naming it, never NOT_FOUND: the job waits in the owner's
/// data directory.
public final class PeerForwarder: JobRouter {
    /// The metadata key that marks a forwarded call, with the forwarding server's node name.
    public static let forwardedByKey = "aura-forwarded-by"
    /// The metadata keys copied onto a forwarded call.
    static let copiedKeys = ["authorization", "traceparent", "tracestate"]

    /// This server's node name.
    public let node: String
    /// The cluster's servers.
    public let membership: ClusterMembership
    private let configuration: ClientConfiguration
    private let group = EventLoopGroup(loopCount: 1)
    private let clients = Mutex<[String: AuraClient]>([:])

    /// A forwarder for server `node`; `tls` (when the cluster speaks TLS) checks the peers'
    /// certificates and may present this server's own for mutual TLS.
    public init(node: String, membership: ClusterMembership, tls: TLSClientConfiguration? = nil) {
        self.node = node
        self.membership = membership
        var configuration = ClientConfiguration()
        configuration.tls = tls
        configuration.connectAttempts = 1  // an owner that is down is reported at once; the caller retries
        configuration.connectTimeout = .seconds(3)
        self.configuration = configuration
    }

    public func owner(of jobID: String, context: ServerContext) throws(RPCError) -> JobOwner? {
        guard let owner = JobID.node(of: jobID), owner != node, context.requestMetadata.first(Self.forwardedByKey) == nil else {
            return nil
        }
        guard let address = membership.address(of: owner) else {
            throw RPCError(.notFound, "no job \(jobID): it belongs to server \(owner), which is not a member of this cluster (--peers)")
        }
        return JobOwner(node: String(owner), address: address)
    }

    public func forward<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, to owner: JobOwner, context: ServerContext
    ) async throws -> Response {
        do {
            return try await client(for: owner).unary(method, request, as: Response.self, options: options(for: context))
        } catch let error as RPCError where error.code == .unavailable {
            throw Self.unreachable(owner, error)
        }
    }

    public func forwardStream<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, to owner: JobOwner, context: ServerContext,
        _ send: (Response) async throws -> Void
    ) async throws {
        let call: RPCCall<Request, Response>
        do {
            call = try await client(for: owner).serverStreaming(method, request, options: options(for: context))
        } catch let error as RPCError where error.code == .unavailable {
            throw Self.unreachable(owner, error)
        }
        var responses = call.responses.makeAsyncIterator()
        while true {
            let response: Response?
            do {
                response = try await responses.next()
            } catch let error as RPCError where error.code == .unavailable {
                throw Self.unreachable(owner, error)
            }
            guard let response else { return }
            do {
                try await send(response)
            } catch {
                call.cancel()  // the caller is gone: so is the owner's stream
                throw error
            }
        }
    }

    /// Closes the connections to the peers and stops their event loop.
    public func shutdown() async {
        let open = clients.withLock { clients in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for client in open { await client.shutdown() }
        await group.shutdownGracefully()
    }

    /// The client of `owner`'s address, made on first use.
    private func client(for owner: JobOwner) -> AuraClient {
        clients.withLock { clients in
            if let client = clients[owner.address] { return client }
            let client = AuraClient(address: owner.address, configuration: configuration, loop: group.loops[0])
            clients[owner.address] = client
            return client
        }
    }

    /// The forwarded call's options: the incoming call's credentials, trace, request id and
    /// remaining deadline.
    private func options(for context: ServerContext) -> CallOptions {
        // A traced call passes on its own span, so the owner's span is a child of this server's;
        // the caller's trace headers are copied only when there is none.
        var metadata = TraceContext.outgoingMetadata()
        for key in Self.copiedKeys where metadata.first(key) == nil {
            for entry in context.requestMetadata where entry.key == key { metadata.add(key, bytes: entry.value) }
        }
        if let requestID = context.requestID { metadata.add("aura-request-id", requestID) }
        metadata.add(Self.forwardedByKey, node)
        return CallOptions(timeout: context.deadline.map { ContinuousClock.now.duration(to: $0) }, metadata: metadata)
    }

    /// What a caller learns when the owner cannot be reached: UNAVAILABLE naming it, with the
    /// owner's name in `aura-job-owner` for programs.
    static func unreachable(_ owner: JobOwner, _ cause: RPCError) -> RPCError {
        RPCError(
            .unavailable,
            "the job's server \(owner.node) (\(owner.address)) is unavailable: \(cause.message); "
                + "the job is kept in its data directory and continues when \(owner.node) is back, so retry later",
            metadata: ["aura-job-owner": owner.node])
    }
}
