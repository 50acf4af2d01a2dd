import Synchronization

/// A count that only goes up, shared by any number of threads: one relaxed atomic add.
public final class Counter: Sendable {
    private let value = Atomic<UInt64>(0)

    /// A counter at zero.
    public init() {}

    /// Adds `amount` (1 by default).
    @inline(__always)
    public func increment(by amount: UInt64 = 1) { value.wrappingAdd(amount, ordering: .relaxed) }

    /// The count so far.
    public var count: UInt64 { value.load(ordering: .relaxed) }
}
