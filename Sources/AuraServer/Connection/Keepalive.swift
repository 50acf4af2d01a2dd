/// Decides when a connection sends a keepalive PING and when it gives up on it: a pure state
/// machine driven by ticks, so it is tested without clocks or sockets.
struct Keepalive {
    /// What to do at a tick.
    enum Action: Equatable {
        case none
        /// Send a PING with this payload.
        case ping(UInt64)
        /// Close the connection, for this reason.
        case close(String)
    }

    /// Where the keepalive is.
    private enum State {
        /// Frames came recently, or none are due.
        case quiet(silentTicks: Int)
        /// A PING went out and no answer came yet.
        case awaitingAck(ticks: Int)
    }

    /// How often `tick` is called.
    let tickInterval: Duration
    private let pingAfterTicks: Int
    private let ackTimeoutTicks: Int
    private let idleCloseTicks: Int
    private var state = State.quiet(silentTicks: 0)
    private var idleTicks = 0
    private var pings: UInt64 = 0

    init(configuration: ServerConfiguration) {
        tickInterval = configuration.keepaliveTick
        pingAfterTicks = max(1, Int(configuration.keepaliveInterval / configuration.keepaliveTick))
        ackTimeoutTicks = max(1, Int(configuration.keepaliveTimeout / configuration.keepaliveTick))
        idleCloseTicks = max(1, Int(configuration.idleTimeout / configuration.keepaliveTick))
    }

    /// Any frame arrived: the peer is alive.
    mutating func frameReceived() {
        if case .quiet = state { state = .quiet(silentTicks: 0) }
    }

    /// A call started or ended: the connection is not idle.
    mutating func callActivity() { idleTicks = 0 }

    /// The peer answered our PING.
    mutating func pingAcknowledged() { state = .quiet(silentTicks: 0) }

    /// Time passed by one tick.
    mutating func tick(hasOpenCalls: Bool) -> Action {
        idleTicks = hasOpenCalls ? 0 : idleTicks + 1
        if idleTicks >= idleCloseTicks { return .close("idle timeout") }
        switch state {
        case .quiet(let silent):
            guard silent + 1 >= pingAfterTicks else {
                state = .quiet(silentTicks: silent + 1)
                return .none
            }
            pings += 1
            state = .awaitingAck(ticks: 0)
            return .ping(pings)
        case .awaitingAck(let ticks):
            guard ticks + 1 >= ackTimeoutTicks else {
                state = .awaitingAck(ticks: ticks + 1)
                return .none
            }
            return .close("keepalive PING not answered")
        }
    }
}
