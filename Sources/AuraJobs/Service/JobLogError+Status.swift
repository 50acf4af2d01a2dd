import AuraCore
import AuraJobLog

extension JobLogError {
    /// What a client learns when the job log refuses a change: a full disk is
    /// RESOURCE_EXHAUSTED (nothing of the change was acknowledged; retry once space frees),
    /// a closed log UNAVAILABLE (the server is stopping), a record that cannot fit
    /// RESOURCE_EXHAUSTED; corruption and I/O errors stay INTERNAL, their detail for the log.
    var rpcError: RPCError? {
        switch self {
        case .diskFull: RPCError(.resourceExhausted, "the disk of the job log is full; nothing of this request was acknowledged")
        case .recordTooLarge: RPCError(.resourceExhausted, description)
        case .closed: RPCError(.unavailable, "the job log is closed: the server is stopping")
        case .corrupt, .io: nil
        }
    }
}

/// Runs `body`, turning a job log refusal into its status (see `JobLogError.rpcError`).
func mappingJobLogErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as JobLogError {
        throw error.rpcError ?? error
    }
}
