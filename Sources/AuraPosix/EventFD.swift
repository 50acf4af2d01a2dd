import Glibc

/// A Linux eventfd: a counter another thread can bump to wake a thread blocked in `epoll_wait`.
public final class EventFD: @unchecked Sendable {  // immutable descriptor; eventfd reads and writes are atomic
    /// The file descriptor to register for `.readable`.
    public let descriptor: CInt

    /// Creates a nonblocking, close-on-exec eventfd with a zero counter.
    public init() throws(SystemError) {
        descriptor = try syscallValue("eventfd") { LinuxCalls.eventfd(0, CInt(O_NONBLOCK | O_CLOEXEC)) }
    }

    deinit { _ = Glibc.close(descriptor) }

    /// Adds one to the counter, making the descriptor readable. Safe from any thread; a
    /// saturated counter (`EAGAIN`) already means "readable", so it is not an error.
    public func signal() throws(SystemError) {
        var one: UInt64 = 1
        _ = try syscall("write(eventfd)") { Glibc.write(descriptor, &one, 8) }
    }

    /// Resets the counter to zero so the descriptor is no longer readable.
    public func drain() throws(SystemError) {
        var value: UInt64 = 0
        _ = try syscall("read(eventfd)") { Glibc.read(descriptor, &value, 8) }
    }
}
