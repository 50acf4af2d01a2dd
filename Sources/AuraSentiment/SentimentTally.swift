import AuraMessages
import Synchronization

/// How many results of each sentiment label the engine produced (cached answers included),
/// for metrics: one relaxed atomic add per result.
public final class SentimentTally: Sendable {
    /// The labels counted, in `SentimentLabel` order.
    public static let labels: [SentimentLabel] = [.positive, .negative, .neutral, .mixed]

    private let counts: InlineArray<5, Atomic<UInt64>>

    /// All zero.
    public init() { counts = InlineArray { _ in Atomic(0) } }

    /// Counts one result labelled `label`.
    @inline(__always)
    public func record(_ label: SentimentLabel) {
        let raw = Int(label.rawValue)
        counts[(0..<5).contains(raw) ? raw : 0].wrappingAdd(1, ordering: .relaxed)
    }

    /// Results labelled `label` so far.
    public func count(_ label: SentimentLabel) -> UInt64 {
        let raw = Int(label.rawValue)
        return (0..<5).contains(raw) ? counts[raw].load(ordering: .relaxed) : 0
    }
}
