/// The alerts' state machine: fed the inputs at each evaluation, it computes each condition
/// over the window since the previous evaluation and reports an alert once when it starts
/// firing and once when it clears. A window without calls (or cache lookups) is not an
/// error-rate, latency or hit-rate problem. Pure: tested by feeding inputs.
public struct AlertEvaluator: Sendable {
    /// A change of an alert's state.
    public enum Transition: Sendable, Equatable {
        /// The alert started firing.
        case fired(Alert)
        /// The alert stopped firing; the message says the value now.
        case cleared(AlertKind, String)
    }

    /// The thresholds.
    public let thresholds: AlertThresholds
    /// The alerts firing now, in `AlertKind` order.
    public var active: [Alert] { AlertKind.allCases.compactMap { firing[$0] } }

    private var firing: [AlertKind: Alert] = [:]
    private var previous = AlertInputs()

    /// An evaluator with nothing firing; the first window starts at zero (the process's start).
    public init(thresholds: AlertThresholds = AlertThresholds()) { self.thresholds = thresholds }

    /// Evaluates `inputs` (read at `nowUnixMilliseconds`) against the previous ones and returns
    /// the alerts that fired or cleared.
    public mutating func evaluate(_ inputs: AlertInputs, nowUnixMilliseconds: Int64) -> [Transition] {
        let window = Window(current: inputs, previous: previous)
        previous = inputs
        var transitions: [Transition] = []
        for kind in AlertKind.allCases {
            let (isFiring, message) = window.condition(kind, thresholds)
            switch (firing[kind], isFiring) {
            case (nil, true):
                let alert = Alert(kind: kind, message: message, sinceUnixMilliseconds: nowUnixMilliseconds)
                firing[kind] = alert
                transitions.append(.fired(alert))
            case (.some, false):
                firing[kind] = nil
                transitions.append(.cleared(kind, message))
            case (.some, true), (nil, false):
                break
            }
        }
        return transitions
    }
}

/// The inputs of one evaluation window.
private struct Window {
    let calls: UInt64, errors: UInt64, latency: HistogramSnapshot, hits: UInt64, misses: UInt64, queue: Int

    init(current: AlertInputs, previous: AlertInputs) {
        calls = current.calls &- min(previous.calls, current.calls)
        errors = current.errors &- min(previous.errors, current.errors)
        latency = current.unaryLatency.subtracting(previous.unaryLatency)
        hits = current.cacheHits &- min(previous.cacheHits, current.cacheHits)
        misses = current.cacheMisses &- min(previous.cacheMisses, current.cacheMisses)
        queue = current.jobQueueDepth
    }

    func condition(_ kind: AlertKind, _ thresholds: AlertThresholds) -> (Bool, String) {
        switch kind {
        case .highErrorRate:
            let rate = calls == 0 ? 0 : Double(errors) / Double(calls)
            return (rate > thresholds.errorRate, "error rate \(percent(rate)) of \(calls) calls (threshold \(percent(thresholds.errorRate)))")
        case .highLatency:
            let p99 = latency.quantile(0.99) ?? 0
            return (p99 > thresholds.p99Seconds, "unary p99 \(seconds(p99)) (threshold \(seconds(thresholds.p99Seconds)))")
        case .lowCacheHitRate:
            let lookups = hits + misses
            let rate = lookups == 0 ? 1 : Double(hits) / Double(lookups)
            return (lookups > 0 && rate < thresholds.cacheHitRate,
                    "cache hit rate \(percent(rate)) of \(lookups) lookups (threshold \(percent(thresholds.cacheHitRate)))")
        case .jobQueueBacklog:
            return (queue > thresholds.jobQueueDepth, "\(queue) jobs waiting (threshold \(thresholds.jobQueueDepth))")
        }
    }

    private func percent(_ rate: Double) -> String { "\(Double(Int(rate * 1000)) / 10)%" }
    private func seconds(_ value: Double) -> String { "\(Double(Int(value * 1000)) / 1000) s" }
}
