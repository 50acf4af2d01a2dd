import Synchronization

/// A clock the test moves by hand, in nanoseconds: token buckets are checked without sleeping.
final class TestClock: Sendable {
    private let now = Atomic<Int64>(1_000_000_000)

    /// The time now.
    var nanoseconds: Int64 { now.load(ordering: .relaxed) }

    /// Moves the clock on.
    func advance(milliseconds: Int64) { now.add(milliseconds * 1_000_000, ordering: .relaxed) }

    /// The clock as `KeyStore` takes it.
    var read: @Sendable () -> Int64 { { [self] in nanoseconds } }
}
