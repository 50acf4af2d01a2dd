/// The calls waiting for a stream slot on one connection (the server's MAX_CONCURRENT_STREAMS),
/// first come first served, as a state machine without continuations or sockets.
///
/// A slot freed by an ending call is handed to the first waiter, and stays reserved for it
/// until its task runs: a call that starts meanwhile queues behind the waiters instead of
/// taking the slot. Without the hand-over, a call that just ended and starts its next one
/// took the slot first, the woken waiter found none and went to the back of the line again,
/// and at 256 calls in flight on 100 slots some calls waited many rounds (a p99 several times
/// the mean).
struct StreamSlotLine<Waiter> {
    private var waiters: [(id: UInt64, waiter: Waiter)] = []
    private var lastID: UInt64 = 0
    /// Slots handed to waiters whose tasks have not opened their stream yet.
    private(set) var handedOver = 0

    /// How many calls wait.
    var count: Int { waiters.count }

    /// Whether a call that did not wait may open a stream now, with `freeSlots` slots free:
    /// only when nobody waits and a slot is left beyond those handed over.
    func admitsNewcomer(freeSlots: Int) -> Bool { waiters.isEmpty && freeSlots > handedOver }

    /// Whether a waiter that was handed a slot (and gave it back with `takeHandedSlot`) may
    /// open its stream: the settings may have shrunk the limit meanwhile.
    func admitsHandedWaiter(freeSlots: Int) -> Bool { freeSlots > handedOver }

    /// A new waiter's id, for `enqueue(_:id:)` and `remove(_:)`.
    mutating func nextID() -> UInt64 {
        lastID += 1
        return lastID
    }

    /// Puts `waiter` at the back of the line.
    mutating func enqueue(_ waiter: Waiter, id: UInt64) {
        waiters.append((id, waiter))
    }

    /// A slot was freed: the first waiter, who now holds it, or nil when nobody waits.
    mutating func handOverSlot() -> Waiter? {
        guard !waiters.isEmpty else { return nil }
        handedOver += 1
        return waiters.removeFirst().waiter
    }

    /// The task of a waiter handed a slot runs: the slot is no longer reserved (it opens its
    /// stream right away, or passes the slot on with `handOverSlot`).
    mutating func takeHandedSlot() {
        precondition(handedOver > 0, "no slot was handed over")
        handedOver -= 1
    }

    /// Takes waiter `id` out of the line (its deadline passed, its task was cancelled); nil
    /// when it already left.
    mutating func remove(_ id: UInt64) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index).waiter
    }

    /// Empties the line (the connection changed: every waiter looks again).
    mutating func removeAll() -> [Waiter] {
        defer { waiters.removeAll() }
        return waiters.map(\.waiter)
    }
}
