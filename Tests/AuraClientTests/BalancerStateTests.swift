@testable import AuraClient
import Testing

/// The round robin of a client's connections, event by event, without sockets or clocks.
@Suite struct BalancerStateTests {
    let start = ContinuousClock.now
    func balancer(_ count: Int) -> BalancerState {
        BalancerState(count: count, baseBackoff: .milliseconds(100), maxBackoff: .seconds(1))
    }

    @Test func picksEachConnectionInTurn() {
        var state = balancer(3)
        #expect((0..<7).map { _ in state.pick(now: start) } == [0, 1, 2, 0, 1, 2, 0])
    }

    @Test func failedConnectionIsSkippedUntilItsBackoffEnds() {
        var state = balancer(3)
        state.failed(1, now: start)
        #expect((0..<4).map { _ in state.pick(now: start + .milliseconds(99)) } == [0, 2, 0, 2])
        // Once the backoff has passed it is tried again, in its turn.
        let later = start + .milliseconds(100)
        #expect((0..<3).map { _ in state.pick(now: later) } == [0, 1, 2])
    }

    @Test func backoffDoublesWithEachFailureInARowUpToTheMaximum() {
        var state = balancer(2)
        var expected: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)]
        for failures in 1...6 {
            state.failed(0, now: start)
            #expect(state.endpoints[0] == .down(failures: failures, retryAt: start + expected.removeFirst()))
        }
    }

    @Test func successForgetsTheFailures() {
        var state = balancer(2)
        state.failed(0, now: start)
        state.failed(0, now: start)
        state.succeeded(0)
        #expect(state.endpoints[0] == .ready)
        state.failed(0, now: start)
        #expect(state.endpoints[0] == .down(failures: 1, retryAt: start + .milliseconds(100)))
    }

    @Test func whenAllAreOutTheOneBackSoonestIsTried() {
        var state = balancer(3)
        state.failed(0, now: start)
        state.failed(0, now: start)  // back at +200 ms
        state.failed(1, now: start + .milliseconds(50))  // back at +150 ms
        state.failed(2, now: start + .milliseconds(80))  // back at +180 ms
        #expect(state.pick(now: start + .milliseconds(90)) == 1)
        #expect(state.pick(now: start + .milliseconds(90)) == 1)  // still out: the pick does not change it
    }

    @Test func aSingleConnectionIsAlwaysPicked() {
        var state = balancer(1)
        #expect(state.pick(now: start) == 0)
        state.failed(0, now: start)
        #expect(state.pick(now: start) == 0)
    }
}
