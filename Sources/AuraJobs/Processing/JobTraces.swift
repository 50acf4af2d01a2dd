import AuraTracing
import Synchronization

/// The trace of each job submitted by a sampled call, kept from its Submit until a worker takes
/// it, so that the job's processing is a span under the Submit's span (and its plugin calls
/// under that). In memory only: a job that resumes after a restart is processed untraced.
final class JobTraces: Sendable {
    /// The most jobs waiting with a trace; later ones go untraced rather than grow the table.
    static let capacity = 10_000

    private let traces = Mutex<[String: TraceContext]>([:])

    /// Keeps the current task's trace for `jobID` when it is recorded.
    func remember(_ jobID: String) {
        guard let trace = TraceContext.current, trace.isRecording else { return }
        traces.withLock { traces in
            if traces.count < Self.capacity { traces[jobID] = trace }
        }
    }

    /// Takes (and forgets) the trace kept for `jobID`.
    func take(_ jobID: String) -> TraceContext? { traces.withLock { $0.removeValue(forKey: jobID) } }

    /// Runs attempt `attempt` of job `jobID` as a span under `trace` when there is one.
    static func process(_ jobID: String, attempt: UInt32, under trace: TraceContext?, _ body: () async throws -> Void) async throws {
        guard let trace, let tracer = trace.recorder else { return try await body() }
        try await tracer.run(
            tracer.childSpan(of: trace), name: "aura.Jobs/process", kind: .internal,
            attributes: [SpanAttribute("aura.job.id", jobID), SpanAttribute("aura.job.attempt", Int64(attempt))], body)
    }
}
