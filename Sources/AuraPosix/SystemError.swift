import Glibc

/// A failed system call: the call's name and the `errno` it set.
///
/// Every wrapper in AuraPosix throws this type, so callers can switch on `errno`
/// (`ECONNREFUSED`, `ECONNRESET`, `EPIPE`, ...) without parsing text.
public struct SystemError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The name of the failed call, such as `"connect"` or `"epoll_ctl"`.
    public let call: String
    /// The error number the call reported.
    public let errno: CInt

    /// Creates an error for `call` failing with `errno`.
    public init(call: String, errno: CInt) {
        self.call = call
        self.errno = errno
    }

    /// The system's text for the error, e.g. `"Connection refused"`.
    public var reason: String { strerror(errno).map { String(cString: $0) } ?? "unknown error" }

    /// The call, the system's text for the error and its number, e.g.
    /// `"connect: Connection refused (errno 111)"`.
    public var description: String { "\(call): \(reason) (errno \(errno))" }
}

/// The outcome of a nonblocking call: done with a value, or "try again when ready".
///
/// `EAGAIN` is an ordinary event on a nonblocking socket, so it is a value here, not an error.
public enum IOResult<T> {
    /// The call completed and produced `T`.
    case processed(T)
    /// The call would have blocked (`EAGAIN`/`EINPROGRESS`); wait for readiness and retry.
    case wouldBlock
}

extension IOResult: Sendable where T: Sendable {}
extension IOResult: Equatable where T: Equatable {}
