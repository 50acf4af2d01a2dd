/// What one connection holds for its peer, charged to the server's `MemoryBudget`, and what
/// to do about it: a state machine fed with byte counts, tested without sockets.
///
/// - Replies queued above the connection's share (a client that pipelines calls and does not
///   read) pause it: its handlers do not start until the queue falls to half the share.
/// - Requests held above the share (incomplete or not yet consumed) end the connection with
///   GOAWAY RESOURCE_EXHAUSTED: flow control should have stopped the peer long before.
/// - On a spent budget, a connection holding more than the small allowance gets no new calls.
///
/// Every update is a few integer operations; the shared budget is touched only when the
/// charge crosses a `MemoryBudget.chargeQuantum` step.
struct ConnectionMemory {
    /// Whether the connection's handlers may start.
    enum Phase: Equatable {
        /// Handlers start as calls arrive.
        case flowing
        /// Replies queued past the share: new handlers wait.
        case paused
        /// The connection closed and gave everything back; updates are ignored.
        case released
    }

    /// What the connection must do after an update.
    enum Action: Equatable {
        case none
        /// Replies passed the share: hold new handlers.
        case pause
        /// Replies fell to half the share: start the held handlers.
        case resume
        /// Requests passed the share: GOAWAY RESOURCE_EXHAUSTED and close.
        case inboundOverShare
    }

    let budget: MemoryBudget
    /// Bytes of request messages handed to handlers and not yet taken by them.
    var deliveredBytes = 0
    private(set) var phase = Phase.flowing
    /// Request bytes held at the last update: delivered plus incomplete.
    private(set) var inbound = 0
    /// Reply bytes held at the last update.
    private(set) var outbound = 0
    /// The bytes charged to the budget now: the held bytes rounded up to a quantum.
    private(set) var charged = 0
    /// The most this connection ever held, for deciding whether its end is worth a heap trim.
    private(set) var peak = 0

    init(budget: MemoryBudget) { self.budget = budget }

    /// What the connection holds now.
    var total: Int { inbound + outbound }

    /// Whether held handlers must keep waiting.
    var isPaused: Bool { phase == .paused }

    /// Whether a new call may start: always on a budget with room; otherwise only on a
    /// connection that holds little.
    var admitsNewCalls: Bool { !budget.isExhausted || total <= budget.smallConnectionAllowance }

    /// Takes the current counts: `incomplete` request bytes still arriving, `queuedOutbound`
    /// reply bytes not yet taken by the kernel.
    mutating func update(incomplete: Int, queuedOutbound: Int) -> Action {
        guard phase != .released else { return .none }
        inbound = deliveredBytes + incomplete
        outbound = queuedOutbound
        settleCharge()
        peak = max(peak, total)
        let share = budget.connectionShare
        if inbound > share { return .inboundOverShare }
        switch phase {
        case .flowing where outbound > share:
            phase = .paused
            return .pause
        case .paused where outbound <= share / 2:
            phase = .flowing
            return .resume
        default:
            return .none
        }
    }

    /// The connection closed: gives its whole charge back; later updates are ignored.
    mutating func release() {
        guard phase != .released else { return }
        budget.charge(-charged)
        charged = 0
        phase = .released
    }

    /// Charges more once the held bytes pass the charge; gives back once they fall two steps
    /// below it. The hysteresis keeps a connection of small calls, whose holdings swing
    /// between zero and a few hundred bytes, from touching the shared counter on every call
    /// (it keeps one step charged instead).
    private mutating func settleCharge() {
        let quantum = MemoryBudget.chargeQuantum
        let held = total
        guard held > charged || held + 2 * quantum <= charged else { return }
        let target = (held + quantum - 1) / quantum * quantum
        budget.charge(target - charged)
        charged = target
    }
}
