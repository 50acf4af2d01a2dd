@testable import AuraServer
import Testing

/// `Keepalive` alone: ticks are its clock, so no sockets and no sleeping. With a 1 s tick: a
/// PING after 3 silent ticks, 2 ticks for its ACK, idle close after 5 ticks without a call.
@Suite struct KeepaliveStateMachineTests {
    static func machine(idleTicks: Int = 5, pingTicks: Int = 3) -> Keepalive {
        var configuration = ServerConfiguration()
        configuration.keepaliveTick = .seconds(1)
        configuration.keepaliveInterval = .seconds(pingTicks)
        configuration.keepaliveTimeout = .seconds(2)
        configuration.idleTimeout = .seconds(idleTicks)
        return Keepalive(configuration: configuration)
    }

    static func ticks(_ count: Int, _ keepalive: inout Keepalive, openCalls: Bool = true) -> [Keepalive.Action] {
        (0..<count).map { _ in keepalive.tick(hasOpenCalls: openCalls) }
    }

    @Test func silentPeerGetsAPingAfterTheInterval() {
        var keepalive = Self.machine()
        #expect(Self.ticks(3, &keepalive) == [.none, .none, .ping(1)])
    }

    @Test func framesPostponeThePing() {
        var keepalive = Self.machine()
        #expect(Self.ticks(2, &keepalive) == [.none, .none])
        keepalive.frameReceived()
        #expect(Self.ticks(3, &keepalive) == [.none, .none, .ping(1)])
    }

    @Test func unansweredPingClosesAfterTheTimeout() {
        var keepalive = Self.machine()
        _ = Self.ticks(3, &keepalive)
        #expect(Self.ticks(2, &keepalive) == [.none, .close("keepalive PING not answered")])
    }

    @Test func framesWhileAwaitingTheAckDoNotCountAsAnAnswer() {
        var keepalive = Self.machine()
        _ = Self.ticks(3, &keepalive)
        keepalive.frameReceived()
        #expect(Self.ticks(2, &keepalive) == [.none, .close("keepalive PING not answered")])
    }

    @Test func answeredPingStartsTheIntervalAgainWithANewPayload() {
        var keepalive = Self.machine()
        #expect(Self.ticks(3, &keepalive).last == .ping(1))
        keepalive.pingAcknowledged()
        #expect(Self.ticks(3, &keepalive) == [.none, .none, .ping(2)])
    }

    @Test func connectionWithoutCallsClosesIdle() {
        var keepalive = Self.machine(idleTicks: 2, pingTicks: 100)
        #expect(Self.ticks(2, &keepalive, openCalls: false) == [.none, .close("idle timeout")])
    }

    @Test func openCallsAndCallActivityKeepItFromIdling() {
        var keepalive = Self.machine(idleTicks: 2, pingTicks: 100)
        #expect(keepalive.tick(hasOpenCalls: false) == .none)
        keepalive.callActivity()
        #expect(keepalive.tick(hasOpenCalls: false) == .none)
        #expect(keepalive.tick(hasOpenCalls: true) == .none)
        #expect(keepalive.tick(hasOpenCalls: false) == .none)
        #expect(keepalive.tick(hasOpenCalls: false) == .close("idle timeout"))
    }

    @Test func tickCountsRoundDownToAtLeastOne() {
        var configuration = ServerConfiguration()
        configuration.keepaliveTick = .seconds(10)
        configuration.keepaliveInterval = .seconds(1)
        configuration.keepaliveTimeout = .seconds(1)
        var keepalive = Keepalive(configuration: configuration)
        #expect(keepalive.tick(hasOpenCalls: true) == .ping(1))
        #expect(keepalive.tick(hasOpenCalls: true) == .close("keepalive PING not answered"))
    }
}
