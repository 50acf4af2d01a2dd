import AuraCore
import AuraMessages
import AuraProto
import AuraServer

/// Where the calls about a job that another server owns go, on a server that is one of several
/// (docs/SCALING.md). `JobService` asks it only for ids it does not hold itself; without one
/// (a single server) every id is answered locally.
public protocol JobRouter: Sendable {
    /// The owner a call about `jobID` must be forwarded to, or nil to answer it here (the id
    /// names this server or no server, or the call was already forwarded once). Throws
    /// NOT_FOUND for an id naming a server that is not a member.
    func owner(of jobID: String, context: ServerContext) throws(RPCError) -> JobOwner?

    /// Makes unary call `method` on `owner` with the incoming call's credentials and trace;
    /// UNAVAILABLE naming the owner when it cannot be reached.
    func forward<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, to owner: JobOwner, context: ServerContext
    ) async throws -> Response

    /// Makes server-streaming call `method` on `owner`, handing each response to `send`.
    func forwardStream<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, to owner: JobOwner, context: ServerContext,
        _ send: (Response) async throws -> Void
    ) async throws
}

/// A server that owns jobs: its node name and where it listens.
public struct JobOwner: Sendable, Equatable {
    /// The node name, as job ids carry it.
    public var node: String
    /// "host:port".
    public var address: String

    /// Creates an owner.
    public init(node: String, address: String) {
        self.node = node
        self.address = address
    }
}
