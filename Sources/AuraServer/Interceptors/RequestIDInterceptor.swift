import AuraWire
import Synchronization

/// Gives every call a request id, for logs and for a client reporting a problem: the one the
/// client sent in `aura-request-id` when it is valid, else a new one. The id is in
/// `ServerContext.requestID` for handlers and later interceptors, and goes back to the client
/// in the trailing metadata under the same key, whatever the call's status.
public struct RequestIDInterceptor: ServerInterceptor {
    /// The metadata key, in both directions.
    public static let metadataKey = "aura-request-id"
    /// The longest id accepted from a client.
    public static let maxLength = 64

    private let generator = Generator()

    /// Creates the interceptor.
    public init() {}

    public func callStarted(_ context: inout ServerContext) throws(RPCError) {
        let given = context.requestMetadata[Self.metadataKey]
        let id = given.flatMap { Self.isValid($0) ? $0 : nil } ?? generator.next()
        context.requestID = id
        context.trailingMetadata.add(Self.metadataKey, id)
    }

    /// Whether a client's id is acceptable: 1 to `maxLength` printable ASCII characters
    /// without spaces, so it can be logged and echoed safely.
    public static func isValid(_ id: String) -> Bool {
        let utf8 = id.utf8
        return !utf8.isEmpty && utf8.count <= maxLength && utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// New ids: 16 hex digits, a counter scrambled by splitmix64 from a random start. Unique
    /// within a process and unpredictable enough to tell calls apart; not secrets.
    final class Generator: Sendable {
        private let counter: Atomic<UInt64>

        init() { counter = Atomic(UInt64.random(in: .min ... .max)) }

        func next() -> String {
            let value = Self.splitMix64(counter.wrappingAdd(0x9E37_79B9_7F4A_7C15, ordering: .relaxed).newValue)
            return String(unsafeUninitializedCapacity: 16) { buffer in
                for index in 0..<16 {
                    let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
                    buffer[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
                }
                return 16
            }
        }

        private static func splitMix64(_ seed: UInt64) -> UInt64 {
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
