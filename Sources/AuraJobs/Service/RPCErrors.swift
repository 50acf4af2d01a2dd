import AuraCore
import AuraJobLog

extension JobLogError {
    /// The status a caller sees when the job log refuses: a full disk is RESOURCE_EXHAUSTED (try
    /// later, nothing was acknowledged), a closed log UNAVAILABLE (the server is stopping), the
    /// rest INTERNAL with the log's own words.
    var rpcError: RPCError {
        switch self {
        case .diskFull(let detail): return RPCError(.resourceExhausted, "the job log's disk is full: \(detail)")
        case .closed: return RPCError(.unavailable, "the job log is closed: the server is stopping")
        default: return RPCError(.internal, "job log: \(self)")
        }
    }
}

/// Runs a handler's work with the job log's errors as RPC statuses.
func withRPCErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as JobLogError {
        throw error.rpcError
    }
}
