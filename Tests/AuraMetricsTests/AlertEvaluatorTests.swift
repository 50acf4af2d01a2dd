import AuraMetrics
import Testing

@Suite struct AlertEvaluatorTests {
    private func inputs(calls: UInt64 = 0, errors: UInt64 = 0, hits: UInt64 = 0, misses: UInt64 = 0, queue: Int = 0) -> AlertInputs {
        var inputs = AlertInputs()
        inputs.calls = calls
        inputs.errors = errors
        inputs.cacheHits = hits
        inputs.cacheMisses = misses
        inputs.jobQueueDepth = queue
        return inputs
    }

    @Test func errorRateFiresOnceAndClearsOnceOverWindows() {
        var evaluator = AlertEvaluator()
        #expect(evaluator.evaluate(inputs(calls: 100, errors: 5), nowUnixMilliseconds: 1).isEmpty)  // 5% is not over 5%
        let fired = evaluator.evaluate(inputs(calls: 200, errors: 11), nowUnixMilliseconds: 2)  // 6 of 100 in this window
        guard case .fired(let alert) = fired.first, fired.count == 1 else { Issue.record("expected one alert, got \(fired)"); return }
        #expect(alert.kind == .highErrorRate && alert.sinceUnixMilliseconds == 2)
        #expect(alert.message.contains("6.0%"))
        #expect(evaluator.evaluate(inputs(calls: 300, errors: 30), nowUnixMilliseconds: 3).isEmpty)  // still firing: no new event
        #expect(evaluator.active.map(\.kind) == [.highErrorRate])
        let cleared = evaluator.evaluate(inputs(calls: 400, errors: 30), nowUnixMilliseconds: 4)
        #expect(cleared.count == 1)
        if case .cleared(let kind, _) = cleared.first { #expect(kind == .highErrorRate) } else { Issue.record("expected a clear") }
        #expect(evaluator.active.isEmpty)
    }

    @Test func aWindowWithoutCallsIsNotAnError() {
        var evaluator = AlertEvaluator()
        _ = evaluator.evaluate(inputs(calls: 10, errors: 10), nowUnixMilliseconds: 1)
        #expect(evaluator.active.map(\.kind) == [.highErrorRate])
        _ = evaluator.evaluate(inputs(calls: 10, errors: 10), nowUnixMilliseconds: 2)
        #expect(evaluator.active.isEmpty)
    }

    @Test func latencyAlertLooksAtTheWindowsP99() {
        var evaluator = AlertEvaluator()
        let histogram = LatencyHistogram()
        for _ in 0..<98 { histogram.record(.milliseconds(1)) }
        for _ in 0..<2 { histogram.record(.seconds(5)) }
        var slow = inputs(calls: 100)
        slow.unaryLatency = histogram.snapshot()
        #expect(evaluator.evaluate(slow, nowUnixMilliseconds: 1).map(\.kind) == [.highLatency])
        for _ in 0..<1000 { histogram.record(.milliseconds(1)) }
        var fast = inputs(calls: 1100)
        fast.unaryLatency = histogram.snapshot()
        #expect(evaluator.evaluate(fast, nowUnixMilliseconds: 2).map(\.kind) == [.highLatency])
        #expect(evaluator.active.isEmpty)
    }

    @Test func cacheHitRateAndQueueDepth() {
        var evaluator = AlertEvaluator()
        #expect(evaluator.evaluate(inputs(hits: 4, misses: 6, queue: 101), nowUnixMilliseconds: 1).map(\.kind) == [.lowCacheHitRate, .jobQueueBacklog])
        #expect(evaluator.evaluate(inputs(hits: 4, misses: 6, queue: 100), nowUnixMilliseconds: 2).map(\.kind) == [.lowCacheHitRate, .jobQueueBacklog])
        #expect(evaluator.active.isEmpty)
        #expect(evaluator.evaluate(inputs(hits: 10, misses: 10), nowUnixMilliseconds: 3).isEmpty)  // 6 of 6 hit
    }

    @Test func theMonitorLogsTransitions() {
        let log = LogLines()
        let depth = QueueDepth()
        let monitor = AlertMonitor(inputs: { var i = AlertInputs(); i.jobQueueDepth = depth.value; return i }, now: { 7 }, log: { log.append($0) })
        depth.value = 500
        monitor.evaluate()
        monitor.evaluate()
        #expect(monitor.active.map(\.kind) == [.jobQueueBacklog])
        depth.value = 0
        monitor.evaluate()
        #expect(log.lines == ["alert AuraJobQueueBacklog firing: 500 jobs waiting (threshold 100)", "alert AuraJobQueueBacklog cleared: 0 jobs waiting (threshold 100)"])
    }
}

extension AlertEvaluator.Transition {
    var kind: AlertKind {
        switch self {
        case .fired(let alert): alert.kind
        case .cleared(let kind, _): kind
        }
    }
}

import Synchronization

final class LogLines: Sendable {
    private let stored = Mutex<[String]>([])
    func append(_ line: String) { stored.withLock { $0.append(line) } }
    var lines: [String] { stored.withLock { $0 } }
}

final class QueueDepth: Sendable {
    private let stored = Atomic<Int>(0)
    var value: Int {
        get { stored.load(ordering: .relaxed) }
        set { stored.store(newValue, ordering: .relaxed) }
    }
}
