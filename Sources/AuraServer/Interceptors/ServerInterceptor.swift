import AuraWire

/// Code that runs around every call a server handles, without touching the handlers: request
/// ids, access logs, and later authentication, rate limits and metrics.
///
/// A server runs its interceptors (`ServerConfiguration.interceptors`) in order when a call's
/// stream opens, before its handler (for unary calls, before the request arrives). Each may
/// read the method, metadata, peer and deadline, set `requestID`, add response metadata, or
/// reject the call by throwing an `RPCError`: the client gets that status (with the error's
/// metadata and the trailing metadata added so far), the handler never runs and later
/// interceptors are skipped. When the call ends, whatever the way (handler done or failed,
/// rejected, deadline, cancelled, connection lost), `callEnded` runs once for each interceptor
/// whose `callStarted` returned, in reverse order, with the outcome.
///
/// Both methods run on the call's event loop: they must be quick and never block (hand slow
/// work, such as writing a log, to another thread).
public protocol ServerInterceptor: Sendable {
    /// A call starts. Throw to reject it.
    func callStarted(_ context: inout ServerContext) throws(RPCError)

    /// The call ended with `outcome`.
    func callEnded(_ context: ServerContext, outcome: CallOutcome)
}

extension ServerInterceptor {
    /// Does nothing: an interceptor that only observes outcomes.
    public func callStarted(_ context: inout ServerContext) throws(RPCError) {}

    /// Does nothing: an interceptor that only acts when calls start.
    public func callEnded(_ context: ServerContext, outcome: CallOutcome) {}
}
