import Synchronization

/// What the server was doing when the harness killed it.
public enum KillPhase: String, CaseIterable, Sendable {
    /// A client had just sent a chunk of an upload.
    case ingest
    /// A watched job had just reported progress.
    case processing
    /// The server had just said it is removing segments (compaction).
    case compaction
    /// None of those came within the wait: killed wherever it was.
    case timer
}

/// Where a kill waits for its moment: the harness arms one phase, and clients (chunks sent,
/// job progress) and the server's log (compaction) fire phases as they happen.
final class KillTrigger: Sendable {
    private struct Armed {
        var phase: KillPhase
        var token: Int
        var continuation: CheckedContinuation<Bool, Never>
    }

    private let armed = Mutex<Armed?>(nil)
    private let tokens = Atomic<Int>(0)

    /// Waits until `phase` fires (true) or `timeout` passes (false).
    func wait(for phase: KillPhase, timeout: Duration) async -> Bool {
        let token = tokens.add(1, ordering: .relaxed).newValue
        return await withCheckedContinuation { continuation in
            armed.withLock { $0 = Armed(phase: phase, token: token, continuation: continuation) }
            Task {
                try? await Task.sleep(for: timeout)  // the fallback timer, not a synchronization
                self.resolve(false) { $0.token == token }
            }
        }
    }

    /// `phase` is happening now.
    func fire(_ phase: KillPhase) { resolve(true) { $0.phase == phase } }

    private func resolve(_ fired: Bool, when matches: (Armed) -> Bool) {
        let continuation = armed.withLock { armed -> CheckedContinuation<Bool, Never>? in
            guard let current = armed, matches(current) else { return nil }
            armed = nil
            return current.continuation
        }
        continuation?.resume(returning: fired)
    }
}
