@testable import AuraServer
import AuraWire
import TestSupport
import Testing

/// `ConnectionTimeouts` alone: times are plain numbers, so no clocks, sockets or sleeping.
/// Event x phase: what each event does while handshaking, established and closed.
@Suite struct ConnectionTimeoutsTests {
    static let second: UInt64 = 1_000_000_000

    /// The defaults (handshake 10 s, frame 30 s, keepalive 30 s / 10 s, idle 300 s), with
    /// whatever `change` alters, started at time 0.
    static func machine(_ change: (inout ServerConfiguration) -> Void = { _ in }) -> ConnectionTimeouts {
        var configuration = ServerConfiguration()
        change(&configuration)
        return ConnectionTimeouts(configuration: configuration, now: 0)
    }

    static func at(_ seconds: Double) -> UInt64 { UInt64(seconds * Double(second)) }

    @Test func handshakeNotDoneInTimeCloses() {
        var timeouts = Self.machine()
        #expect(timeouts.nextWakeup(now: 0) == Self.at(10))
        #expect(timeouts.timerFired(now: Self.at(9.9)) == .none)
        #expect(timeouts.timerFired(now: Self.at(10)) == .close(.deadlineExceeded, "handshake timeout: no preface and SETTINGS within 10s"))
        #expect(timeouts.nextWakeup(now: Self.at(10)) == nil)
    }

    @Test func bytesDuringTheHandshakeDoNotExtendIt() {
        var timeouts = Self.machine()
        timeouts.bytesReceived(now: Self.at(9), completedFrames: true, partialFrameLeft: true)
        #expect(timeouts.timerFired(now: Self.at(10)) == .close(.deadlineExceeded, "handshake timeout: no preface and SETTINGS within 10s"))
    }

    @Test func completedHandshakeStopsItsClock() {
        var timeouts = Self.machine()
        timeouts.handshakeCompleted(now: Self.at(5))
        #expect(timeouts.timerFired(now: Self.at(10)) == .none)
        #expect(timeouts.nextWakeup(now: Self.at(10)) == Self.at(35))  // the keepalive PING
    }

    @Test func trickledFrameClosesAfterTheFrameReadTimeout() {
        var timeouts = Self.machine()
        timeouts.handshakeCompleted(now: 0)
        timeouts.bytesReceived(now: Self.at(1), completedFrames: false, partialFrameLeft: true)
        for second in stride(from: 5.0, through: 30, by: 5) {
            timeouts.bytesReceived(now: Self.at(second), completedFrames: false, partialFrameLeft: true)
            #expect(timeouts.timerFired(now: Self.at(second)) == .none)
        }
        #expect(timeouts.nextWakeup(now: Self.at(30)) == Self.at(31))
        #expect(timeouts.timerFired(now: Self.at(31)) == .close(.deadlineExceeded, "frame read timeout: a frame begun 30s ago did not complete"))
    }

    @Test func completedFrameStopsTheFrameClock() {
        var timeouts = Self.machine()
        timeouts.handshakeCompleted(now: 0)
        timeouts.bytesReceived(now: Self.at(1), completedFrames: false, partialFrameLeft: true)
        timeouts.bytesReceived(now: Self.at(20), completedFrames: true, partialFrameLeft: false)
        #expect(timeouts.timerFired(now: Self.at(31)) == .none)
    }

    @Test func frameBegunAfterOneEndedHasAFreshClock() {
        var timeouts = Self.machine()
        timeouts.handshakeCompleted(now: 0)
        timeouts.bytesReceived(now: Self.at(1), completedFrames: false, partialFrameLeft: true)
        timeouts.bytesReceived(now: Self.at(20), completedFrames: true, partialFrameLeft: true)
        #expect(timeouts.timerFired(now: Self.at(31)) == .none)
        #expect(timeouts.timerFired(now: Self.at(50)) == .close(.deadlineExceeded, "frame read timeout: a frame begun 30s ago did not complete"))
    }

    /// While we do not read, a half-received frame cannot advance: not the peer's fault.
    @Test func pausedReadingStopsTheFrameClock() {
        var timeouts = Self.machine { $0.keepaliveInterval = .seconds(1000) }
        timeouts.handshakeCompleted(now: 0)
        timeouts.callOpened()
        timeouts.bytesReceived(now: Self.at(1), completedFrames: false, partialFrameLeft: true)
        timeouts.readingPaused()
        #expect(timeouts.timerFired(now: Self.at(100)) == .none)
        timeouts.bytesReceived(now: Self.at(100), completedFrames: false, partialFrameLeft: true)  // redelivered on resume
        #expect(timeouts.timerFired(now: Self.at(129)) == .none)
        #expect(timeouts.timerFired(now: Self.at(130)) != .none)
    }

    @Test func connectionWithoutCallsClosesAfterTheIdleTimeout() {
        var timeouts = Self.machine { $0.idleTimeout = .seconds(5) }
        timeouts.handshakeCompleted(now: 0)
        #expect(timeouts.timerFired(now: Self.at(4.9)) == .none)
        #expect(timeouts.timerFired(now: Self.at(5)) == .close(.ok, "idle timeout"))
    }

    @Test func openCallKeepsTheConnectionFromIdling() {
        var timeouts = Self.machine { $0.idleTimeout = .seconds(5) }
        timeouts.handshakeCompleted(now: 0)
        timeouts.callOpened()
        #expect(timeouts.timerFired(now: Self.at(20)) == .none)
        timeouts.allCallsEnded(now: Self.at(20))
        #expect(timeouts.timerFired(now: Self.at(24)) == .none)
        #expect(timeouts.timerFired(now: Self.at(25)) == .close(.ok, "idle timeout"))
    }

    @Test func silentPeerIsPingedThenClosedWhenItDoesNotAnswer() {
        var timeouts = Self.machine()
        timeouts.handshakeCompleted(now: 0)
        timeouts.callOpened()
        #expect(timeouts.timerFired(now: Self.at(29)) == .none)
        #expect(timeouts.timerFired(now: Self.at(30)) == .ping(1))
        timeouts.bytesReceived(now: Self.at(35), completedFrames: true, partialFrameLeft: false)  // bytes are not the ACK
        #expect(timeouts.nextWakeup(now: Self.at(35)) == Self.at(40))
        #expect(timeouts.timerFired(now: Self.at(40)) == .close(.ok, "keepalive PING not answered"))
    }

    @Test func answeredPingResetsTheKeepalive() {
        var timeouts = Self.machine()
        timeouts.handshakeCompleted(now: 0)
        timeouts.callOpened()
        #expect(timeouts.timerFired(now: Self.at(30)) == .ping(1))
        timeouts.pingAcknowledged(now: Self.at(31))
        #expect(timeouts.timerFired(now: Self.at(45)) == .none)
        #expect(timeouts.timerFired(now: Self.at(61)) == .ping(2))
    }

    @Test func eventsWhenClosedChangeNothing() {
        var timeouts = Self.machine()
        _ = timeouts.timerFired(now: Self.at(10))
        timeouts.handshakeCompleted(now: Self.at(11))
        timeouts.bytesReceived(now: Self.at(11), completedFrames: true, partialFrameLeft: true)
        #expect(timeouts.nextWakeup(now: Self.at(11)) == nil)
        #expect(timeouts.timerFired(now: Self.at(100)) == .none)
    }

    /// The property that lets the owner keep one timer, re-armed only when it fires: no event
    /// ever makes a wake-up due before the one already armed. Random events at random times.
    @Test(arguments: [1 as UInt64, 2, 3, 4])
    func noEventNeedsAnEarlierWakeup(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var timeouts = Self.machine {
            $0.handshakeTimeout = .seconds(2)
            $0.frameReadTimeout = .seconds(3)
            $0.idleTimeout = .seconds(4)
            $0.keepaliveInterval = .seconds(5)
            $0.keepaliveTimeout = .seconds(1)
        }
        var now: UInt64 = 0
        var armed = timeouts.nextWakeup(now: now)
        for _ in 0..<5000 {
            guard let wakeup = armed else { break }
            let next = now + UInt64.random(in: 0...Self.second, using: &random)
            if next >= wakeup {
                now = wakeup
                if case .close = timeouts.timerFired(now: now) { break }
                armed = timeouts.nextWakeup(now: now)
                #expect(armed.map { $0 > now } ?? true)
                continue
            }
            now = next
            switch random.next() % 6 {
            case 0: timeouts.handshakeCompleted(now: now)
            case 1: timeouts.bytesReceived(now: now, completedFrames: random.next() % 2 == 0, partialFrameLeft: random.next() % 2 == 0)
            case 2: timeouts.callOpened()
            case 3: timeouts.allCallsEnded(now: now)
            case 4: timeouts.pingAcknowledged(now: now)
            default: timeouts.readingPaused()
            }
            if let needed = timeouts.nextWakeup(now: now) { #expect(needed >= wakeup, "at \(now)") }
        }
    }
}

@Suite struct ConnectionLimitsTests {
    let limits = ConnectionLimits(total: 10, perHost: 3)

    @Test func belowBothLimitsIsWelcome() {
        #expect(limits.refusal(open: 9, openFromHost: 2, host: "10.0.0.1") == nil)
    }

    @Test func totalLimitRefusesWhateverTheHost() {
        let refusal = limits.refusal(open: 10, openFromHost: 0, host: "10.0.0.1")
        #expect(refusal?.contains("limit of 10 (--max-connections)") == true)
    }

    @Test func perHostLimitNamesTheHost() {
        let refusal = limits.refusal(open: 5, openFromHost: 3, host: "10.0.0.1")
        #expect(refusal?.contains("from 10.0.0.1") == true)
        #expect(refusal?.contains("per address is 3") == true)
    }
}
