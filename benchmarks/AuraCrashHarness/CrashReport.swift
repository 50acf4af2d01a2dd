import Synchronization

/// What a crash run did and found.
public struct CrashReport: Sendable {
    /// Kills by the phase they hit.
    public var kills: [KillPhase: Int] = [:]
    /// Servers started on the crash data directory after a kill.
    public var restarts = 0
    /// From each start to its listening line (job log recovery included), in ms.
    public var recoveryMilliseconds: [Double] = []
    /// Submits that got a SubmitResponse.
    public var acknowledged = 0
    /// Acknowledged jobs found COMPLETED with the exact size, SHA-256 and clean-run results.
    public var verified = 0
    /// Submits a kill cut off before they were acknowledged.
    public var submitsCut = 0
    /// Uploads continued with ResumeUpload (after a kill or a client-side cut).
    public var resumedUploads = 0
    /// Submits repeated with an idempotency key that answered with the same job.
    public var idempotentRepeats = 0
    /// Every broken promise: an acknowledged job lost, changed, not completed, or results that
    /// differ from the clean run's. Empty when the run passed.
    public var violations: [String] = []

    /// Kills of every phase.
    public var totalKills: Int { kills.values.reduce(0, +) }

    /// The recovery time at quantile `q` (0...1), in ms.
    public func recovery(quantile q: Double) -> Double {
        let sorted = recoveryMilliseconds.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * q).rounded()))]
    }

    /// A few lines for people.
    public var summary: String {
        let phases = KillPhase.allCases.map { "\($0.rawValue) \(kills[$0, default: 0])" }.joined(separator: ", ")
        return """
            kills: \(totalKills) (\(phases))
            restarts: \(restarts), recovery to listening: p50 \(Int(recovery(quantile: 0.5))) ms, max \(Int(recovery(quantile: 1))) ms
            jobs acknowledged: \(acknowledged), verified: \(verified)
            submits cut before acknowledgement: \(submitsCut), uploads resumed: \(resumedUploads), idempotent repeats: \(idempotentRepeats)
            violations: \(violations.count)\(violations.prefix(20).map { "\n  - " + $0 }.joined())
            """
    }
}

/// The report as the run goes, shared by the clients and the killer.
final class ReportBox: Sendable {
    private let report = Mutex(CrashReport())

    func update(_ body: (inout CrashReport) -> Void) { report.withLock { body(&$0) } }
    func violation(_ text: String) { update { $0.violations.append(text) } }
    var current: CrashReport { report.withLock { $0 } }
}
