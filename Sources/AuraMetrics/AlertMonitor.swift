import Synchronization

/// Runs an `AlertEvaluator` every `interval` in a task of its own (never on an event loop),
/// logging a warning when an alert fires and when it clears, and keeping the firing alerts for
/// the health status and `aura.Admin/Stats`.
public final class AlertMonitor: Sendable {
    private let evaluator: Mutex<AlertEvaluator>
    private let inputs: @Sendable () -> AlertInputs
    private let clock: @Sendable () -> Int64
    private let log: @Sendable (String) -> Void
    private let timer = Mutex<Task<Void, Never>?>(nil)

    /// A monitor reading `inputs`, logging with `log`; `now` gives milliseconds since the epoch.
    public init(
        thresholds: AlertThresholds = AlertThresholds(), inputs: @escaping @Sendable () -> AlertInputs,
        now: @escaping @Sendable () -> Int64, log: @escaping @Sendable (String) -> Void
    ) {
        evaluator = Mutex(AlertEvaluator(thresholds: thresholds))
        self.inputs = inputs
        self.clock = now
        self.log = log
    }

    /// The alerts firing now.
    public var active: [Alert] { evaluator.withLock { $0.active } }

    /// Evaluates once now, logs what changed and returns it.
    @discardableResult
    public func evaluate() -> [AlertEvaluator.Transition] {
        let read = inputs(), now = clock()
        let transitions = evaluator.withLock { $0.evaluate(read, nowUnixMilliseconds: now) }
        for transition in transitions {
            switch transition {
            case .fired(let alert): log("alert \(alert.kind.rawValue) firing: \(alert.message)")
            case .cleared(let kind, let message): log("alert \(kind.rawValue) cleared: \(message)")
            }
        }
        return transitions
    }

    /// How often the server evaluates its alerts unless told otherwise (`--alert-interval`).
    public static let defaultInterval = Duration.seconds(60)

    /// Evaluates every `interval` from now on, until `stop()`.
    public func start(interval: Duration) {
        let task = Task.detached { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard !Task.isCancelled, let self else { return }
                self.evaluate()
            }
        }
        timer.withLock { $0?.cancel(); $0 = task }
    }

    /// Stops the periodic evaluation.
    public func stop() { timer.withLock { $0?.cancel(); $0 = nil } }
}
