import AuraPosix
import AuraWire

/// Every time limit of one connection in a pure state machine: the handshake, a frame in
/// progress, idleness and keepalive PINGs. Times are monotonic nanoseconds passed in by the
/// owner, so it is tested without clocks or sockets.
///
/// The owner keeps one timer, armed for `nextWakeup(now:)` and re-armed only when it fires:
/// events just record a time. That is enough because a wake-up is never further away than
/// `maximumSleep`, the shortest limit an event can start, so no event ever needs an earlier one.
struct ConnectionTimeouts {
    /// What to do when the timer fires.
    enum Action: Equatable {
        case none
        /// Send a keepalive PING with this payload.
        case ping(UInt64)
        /// Send GOAWAY with this code and reason, then close.
        case close(StatusCode, String)
    }

    /// Where the connection is.
    private enum Phase {
        /// The preface and SETTINGS have not both arrived; the connection closes at `deadline`.
        case handshaking(deadline: UInt64)
        case established(Established)
        case closed
    }

    /// The clocks of an established connection.
    private struct Established {
        /// When bytes last came (the peer is alive).
        var lastHeard: UInt64
        /// When the PING we wait for went out, if we wait for one.
        var pingSent: UInt64?
        /// Since when no call has been open; nil while one is.
        var idleSince: UInt64?
        /// When the frame now half-received began; nil when none is (or reading is paused).
        var frameStarted: UInt64?
    }

    private let handshakeTimeout: UInt64
    private let frameReadTimeout: UInt64
    private let idleTimeout: UInt64
    private let keepaliveInterval: UInt64
    private let keepaliveTimeout: UInt64
    /// The longest the timer may sleep: the shortest limit that an event can start.
    private let maximumSleep: UInt64
    private var phase: Phase
    private var pings: UInt64 = 0

    /// Starts the handshake clock at `now`.
    init(configuration: ServerConfiguration, now: UInt64) {
        handshakeTimeout = configuration.handshakeTimeout.clampedNanoseconds
        frameReadTimeout = configuration.frameReadTimeout.clampedNanoseconds
        idleTimeout = configuration.idleTimeout.clampedNanoseconds
        keepaliveInterval = configuration.keepaliveInterval.clampedNanoseconds
        keepaliveTimeout = configuration.keepaliveTimeout.clampedNanoseconds
        maximumSleep = max(1_000_000, min(frameReadTimeout, idleTimeout, keepaliveInterval))
        phase = .handshaking(deadline: now.addingSaturated(handshakeTimeout))
    }

    /// The preface and the peer's SETTINGS arrived: the handshake clock stops, the others start.
    mutating func handshakeCompleted(now: UInt64) {
        guard case .handshaking = phase else { return }
        phase = .established(Established(lastHeard: now, idleSince: now))
    }

    /// Bytes arrived and were decoded: `completedFrames` says whether a frame ended in them,
    /// `partialFrameLeft` whether the bytes end inside a frame (whose clock starts, or keeps
    /// running when no frame ended meanwhile).
    mutating func bytesReceived(now: UInt64, completedFrames: Bool, partialFrameLeft: Bool) {
        guard case .established(var state) = phase else { return }
        state.lastHeard = now
        if !partialFrameLeft {
            state.frameStarted = nil
        } else if completedFrames || state.frameStarted == nil {
            state.frameStarted = now
        }
        phase = .established(state)
    }

    /// We stopped reading the socket (backpressure): a frame in progress cannot advance, so its
    /// clock stops; it starts again with the bytes handed over when reading resumes.
    mutating func readingPaused() {
        guard case .established(var state) = phase else { return }
        state.frameStarted = nil
        phase = .established(state)
    }

    /// A call opened: the connection is not idle.
    mutating func callOpened() {
        guard case .established(var state) = phase else { return }
        state.idleSince = nil
        phase = .established(state)
    }

    /// The last open call ended at `now`: the idle clock starts.
    mutating func allCallsEnded(now: UInt64) {
        guard case .established(var state) = phase, state.idleSince == nil else { return }
        state.idleSince = now
        phase = .established(state)
    }

    /// The peer answered our PING.
    mutating func pingAcknowledged(now: UInt64) {
        guard case .established(var state) = phase else { return }
        state.pingSent = nil
        state.lastHeard = now
        phase = .established(state)
    }

    /// When the timer should fire next, or nil once closed. Never later than `now` plus the
    /// shortest limit an event can start.
    func nextWakeup(now: UInt64) -> UInt64? {
        let latest = now.addingSaturated(maximumSleep)
        switch phase {
        case .handshaking(let deadline): return min(deadline, latest)
        case .closed: return nil
        case .established(let state):
            var wakeup = latest
            if let started = state.frameStarted { wakeup = min(wakeup, started.addingSaturated(frameReadTimeout)) }
            if let since = state.idleSince { wakeup = min(wakeup, since.addingSaturated(idleTimeout)) }
            if let sent = state.pingSent {
                wakeup = min(wakeup, sent.addingSaturated(keepaliveTimeout))
            } else {
                wakeup = min(wakeup, state.lastHeard.addingSaturated(keepaliveInterval))
            }
            return wakeup
        }
    }

    /// The timer fired at `now`: what is due, if anything. After `.close` the machine is closed.
    mutating func timerFired(now: UInt64) -> Action {
        switch phase {
        case .closed: return .none
        case .handshaking(let deadline):
            guard now >= deadline else { return .none }
            return close(.deadlineExceeded, "handshake timeout: no preface and SETTINGS within \(Self.text(handshakeTimeout))")
        case .established(var state):
            if let started = state.frameStarted, now >= started.addingSaturated(frameReadTimeout) {
                return close(.deadlineExceeded, "frame read timeout: a frame begun \(Self.text(frameReadTimeout)) ago did not complete")
            }
            if let since = state.idleSince, now >= since.addingSaturated(idleTimeout) {
                return close(.ok, "idle timeout")
            }
            if let sent = state.pingSent {
                guard now >= sent.addingSaturated(keepaliveTimeout) else { return .none }
                return close(.ok, "keepalive PING not answered")
            }
            guard now >= state.lastHeard.addingSaturated(keepaliveInterval) else { return .none }
            pings += 1
            state.pingSent = now
            phase = .established(state)
            return .ping(pings)
        }
    }

    private mutating func close(_ code: StatusCode, _ reason: String) -> Action {
        phase = .closed
        return .close(code, reason)
    }

    /// "10s", "1.5s" or "200ms": a limit as the flags spell it.
    static func text(_ nanoseconds: UInt64) -> String {
        let milliseconds = nanoseconds / 1_000_000
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return milliseconds >= 1000 ? "\(Double(milliseconds) / 1000)s" : "\(milliseconds)ms"
    }
}

extension UInt64 {
    /// `self + other`, or `.max` instead of wrapping.
    func addingSaturated(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
