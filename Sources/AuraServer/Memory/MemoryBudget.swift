import Synchronization

/// The memory a server may hold on behalf of its peers, shared by all its connections.
///
/// Each connection charges what it holds (incomplete and unconsumed request messages,
/// decompressed messages, replies queued for the socket or for flow-control credit) in steps
/// of `chargeQuantum`, so a busy connection touches the shared counter rarely, not per
/// message. Each connection also has a fixed `connectionShare`: past it its handlers wait (replies)
/// or it is closed (requests); see `ConnectionMemory`. Past `limit`, connections holding more
/// than `smallConnectionAllowance` get no new calls, while light, well-behaved ones still do.
public final class MemoryBudget: Sendable {
    /// The most bytes all connections together should hold, before new calls are refused.
    public let limit: Int
    /// The most bytes one connection may hold.
    public let connectionShare: Int
    private let charged = Atomic<Int>(0)

    /// The granularity of charges: a connection's charge moves in steps of this size.
    static let chargeQuantum = 8 * 1024

    /// Creates a budget of `limit` bytes with `connectionShare` bytes per connection.
    public init(limit: Int, connectionShare: Int) {
        precondition(limit > 0 && connectionShare > 0, "a memory budget and share must be positive")
        self.limit = limit
        self.connectionShare = connectionShare
    }

    /// The bytes charged by all connections now (a connection rounds up to `chargeQuantum`).
    public var usedBytes: Int { charged.load(ordering: .relaxed) }

    /// Whether the connections hold the whole budget: heavy connections get no new calls.
    public var isExhausted: Bool { usedBytes >= limit }

    /// A connection holding at most this much still gets new calls on an exhausted budget:
    /// 1 MiB (or the share, if smaller), far above what a client of small calls holds.
    public var smallConnectionAllowance: Int { min(1 << 20, connectionShare) }

    /// Adds `delta` bytes (negative to give back).
    func charge(_ delta: Int) {
        charged.add(delta, ordering: .relaxed)
    }
}
