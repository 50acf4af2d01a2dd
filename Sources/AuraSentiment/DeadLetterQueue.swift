import AuraMessages
import Glibc
import Synchronization

/// A failed request, kept for `aura-rpc dlq list`.
public struct DeadLetter: Sendable, Equatable {
    /// The request's id.
    public var requestID: String
    /// The method, e.g. "aura.Sentiment/Analyze".
    public var method: String
    /// The status it failed with.
    public var code: UInt32
    /// The error message.
    public var error: String
    /// When, in Unix milliseconds.
    public var timeUnixMillis: Int64
    /// The text, only when the queue keeps texts.
    public var text: String
}

/// The most recent failed requests, bounded: the oldest go first. No raw text is kept unless
/// configured (texts may hold personal data).
public final class DeadLetterQueue: Sendable {
    /// How many letters are kept.
    public let capacity: Int
    /// Whether texts are kept.
    public let keepsText: Bool
    private let letters = Mutex<[DeadLetter]>([])
    private let sequence = Atomic<Int>(0)

    /// Creates a queue.
    public init(capacity: Int = 1000, keepsText: Bool = false) {
        self.capacity = max(1, capacity)
        self.keepsText = keepsText
    }

    /// A new request id: the time and a sequence number.
    public func nextRequestID() -> String {
        "req-\(Self.unixMillis())-\(sequence.add(1, ordering: .relaxed).newValue)"
    }

    /// Records a failure.
    public func record(requestID: String, method: String, code: UInt32, error: String, text: String) {
        let letter = DeadLetter(
            requestID: requestID, method: method, code: code, error: error, timeUnixMillis: Self.unixMillis(),
            text: keepsText ? text : "")
        letters.withLock { letters in
            if letters.count == capacity { letters.removeFirst() }
            letters.append(letter)
        }
    }

    /// The newest `limit` letters (all when 0), newest first.
    public func list(limit: Int = 0) -> [DeadLetter] {
        letters.withLock { letters in
            let newestFirst = letters.reversed()
            return Array(limit > 0 ? Array(newestFirst.prefix(limit)) : Array(newestFirst))
        }
    }

    static func unixMillis() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
