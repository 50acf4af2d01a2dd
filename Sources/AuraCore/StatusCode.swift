/// A call's outcome: one of gRPC's canonical status codes, with the same numbers and meanings.
///
/// A struct over a closed set of values rather than an enum, so later codes can be added without
/// breaking callers' exhaustive switches; `rawValue` is the number on the wire.
public struct StatusCode: Hashable, Sendable, CustomStringConvertible {
    /// The code's number on the wire (0 to 16).
    public let rawValue: UInt32

    /// Creates a code from its wire number; numbers above 16 become UNKNOWN, as SPEC.md says.
    public init(wireValue: UInt32) { rawValue = wireValue <= 16 ? wireValue : 2 }

    private init(_ value: UInt32) { rawValue = value }

    /// Not an error: the call succeeded.
    public static let ok = StatusCode(0)
    /// The call was cancelled, usually by the caller.
    public static let cancelled = StatusCode(1)
    /// An error with no better code.
    public static let unknown = StatusCode(2)
    /// The caller sent an invalid argument, whatever the server's state.
    public static let invalidArgument = StatusCode(3)
    /// The deadline passed before the call finished.
    public static let deadlineExceeded = StatusCode(4)
    /// Something the call asked for does not exist.
    public static let notFound = StatusCode(5)
    /// Something the call tried to create exists already.
    public static let alreadyExists = StatusCode(6)
    /// The caller may not do this.
    public static let permissionDenied = StatusCode(7)
    /// A limit or quota ran out (message size, rate, disk, memory).
    public static let resourceExhausted = StatusCode(8)
    /// The system is not in the state the call needs.
    public static let failedPrecondition = StatusCode(9)
    /// The call was aborted, typically by a concurrency conflict.
    public static let aborted = StatusCode(10)
    /// The call went past a valid range.
    public static let outOfRange = StatusCode(11)
    /// The method is not implemented or not known.
    public static let unimplemented = StatusCode(12)
    /// An invariant broke inside the server.
    public static let `internal` = StatusCode(13)
    /// The service cannot be reached now; retrying may succeed.
    public static let unavailable = StatusCode(14)
    /// Data was lost or corrupted beyond recovery.
    public static let dataLoss = StatusCode(15)
    /// The caller has no valid credentials.
    public static let unauthenticated = StatusCode(16)

    private static let names = [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
        "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
        "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
        "UNAUTHENTICATED",
    ]

    /// Every code, in wire order.
    public static let all: [StatusCode] = (0...16).map { StatusCode(UInt32($0)) }

    /// The code's canonical name, e.g. "DEADLINE_EXCEEDED".
    public var name: String { Self.names[Int(rawValue)] }

    /// Finds a code by its canonical name, e.g. "NOT_FOUND".
    public init?(name: String) {
        guard let index = Self.names.firstIndex(of: name) else { return nil }
        rawValue = UInt32(index)
    }

    public var description: String { name }
}
