import AuraPosix
import Glibc

/// Every way the job log fails.
public enum JobLogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A bad record (or segment header) that is not a torn tail: data follows it, or it lies in
    /// a closed segment. Never skipped silently; `JobLog.open(_:repair: true, visit:)` repairs it.
    case corrupt(segment: String, offset: UInt64, reason: String)
    /// The disk (or quota) is full: nothing of the failed append was acknowledged, and the log
    /// keeps working once space frees.
    case diskFull(String)
    /// A payload (or one append's records together) larger than the limit.
    case recordTooLarge(Int, limit: Int)
    /// The log was closed, or `append` was called after `close()`.
    case closed
    /// Encryption at rest cannot go on: a key file that is unreadable, open to others or of the
    /// wrong length, a segment sealed under a key that was not given, or a record that does not
    /// decrypt under its segment's key. Never repaired: nothing is overwritten.
    case encryption(String)
    /// Any other system error (EIO, EACCES, ...). After an `fdatasync` failure other than
    /// ENOSPC the log refuses further appends with this error: what the kernel dropped cannot
    /// be known.
    case io(SystemError)

    /// A sentence for logs and RPC status messages.
    public var description: String {
        switch self {
        case .corrupt(let segment, let offset, let reason): "job log corrupt: \(segment) at offset \(offset): \(reason)"
        case .diskFull(let detail): "job log disk full: \(detail)"
        case .recordTooLarge(let size, let limit): "job log record of \(size) bytes is larger than the limit of \(limit)"
        case .closed: "job log closed"
        case .encryption(let detail): "job log encryption: \(detail)"
        case .io(let error): "job log I/O error: \(error)"
        }
    }

    /// `.diskFull` for ENOSPC and EDQUOT, `.io` for the rest.
    static func from(_ error: SystemError) -> JobLogError {
        error.errno == ENOSPC || error.errno == EDQUOT ? .diskFull(error.description) : .io(error)
    }
}
