import AuraMessages

/// Where a job is in its life. Events move it forward only:
///
///     pending --JobStarted--> processing(attempt) --JobEnded--> ended(COMPLETED | FAILED | CANCELLED)
///        |                        |  ^ JobStarted (next attempt, or again after a restart)
///        +----JobEnded(CANCELLED)-+--+
///     ended --JobRetired--> retired (its records may be compacted away)
enum JobPhase: Equatable, Sendable {
    /// Waiting for a worker.
    case pending
    /// A worker runs it; `attempt` counts from 1 (a restart or a failed attempt starts another).
    case processing(attempt: UInt32)
    /// Finished: COMPLETED, FAILED or CANCELLED, with the error of a failure.
    case ended(JobState, error: String)
    /// Past its retention time, with the state it ended in: only this is remembered, so that a
    /// late Get says what became of it.
    case retired(JobState)

    /// The state clients see.
    var state: JobState {
        switch self {
        case .pending: return .pending
        case .processing: return .processing
        case .ended(let state, _): return state
        case .retired(let state): return state
        }
    }

    /// Whether nothing will change the job any more but retirement.
    var isFinal: Bool {
        switch self {
        case .pending, .processing: return false
        case .ended, .retired: return true
        }
    }
}

/// Where an upload is in its life.
enum UploadPhase: Equatable, Sendable {
    /// Chunks are arriving (or the client was cut off and may resume).
    case receiving
    /// The document is whole: it is the job `jobID`.
    case completed(jobID: String)
    /// The document was refused or the upload expired.
    case abandoned(reason: String)
}
