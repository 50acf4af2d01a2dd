import AuraCore
import AuraJobLog

extension JobLogError {
    /// What a client learns when the job log refuses a change: a full disk is
    /// RESOURCE_EXHAUSTED (nothing of the change was acknowledged; retry once space frees), so
    /// is a record that cannot fit; a closed log UNAVAILABLE (the server is stopping). Corruption,
    /// I/O and encryption errors have no status of their own: they reach the client as a generic
    /// INTERNAL with the request id, their detail in the server's log.
    var rpcError: RPCError? {
        switch self {
        case .diskFull: RPCError(.resourceExhausted, "the disk of the job log is full; nothing of this request was acknowledged")
        case .recordTooLarge: RPCError(.resourceExhausted, description)
        case .closed: RPCError(.unavailable, "the job log is closed: the server is stopping")
        case .corrupt, .io, .encryption: nil
        }
    }
}

/// Runs a handler's work with the job log's refusals as RPC statuses (see `JobLogError.rpcError`).
func withRPCErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as JobLogError {
        throw error.rpcError ?? error
    }
}
