import Glibc

/// Readiness kinds for `Epoll`, as the kernel's `EPOLL*` bits.
public struct EpollEvents: OptionSet, Sendable, Hashable {
    /// The raw `EPOLL*` bits.
    public let rawValue: UInt32
    /// Creates a set from raw `EPOLL*` bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// `EPOLLIN`: data (or EOF, or a connection to accept) is ready.
    public static let readable = EpollEvents(rawValue: 0x001)
    /// `EPOLLOUT`: the socket can take more bytes, or a nonblocking connect finished.
    public static let writable = EpollEvents(rawValue: 0x004)
    /// `EPOLLERR`: an error is pending (read it with `SO_ERROR`). Always reported.
    public static let error = EpollEvents(rawValue: 0x008)
    /// `EPOLLHUP`: both directions are shut (peer reset, or closed after our shutdown). Always reported.
    public static let hangUp = EpollEvents(rawValue: 0x010)
    /// `EPOLLRDHUP`: the peer shut its sending side.
    public static let readHangUp = EpollEvents(rawValue: 0x2000)
}

/// An epoll instance (level-triggered): a set of descriptors with the readiness each waits for,
/// each tagged with a 64-bit value that comes back with its events.
public final class Epoll: @unchecked Sendable {  // owned by one event loop: only its thread calls it (epoll_ctl itself is thread-safe)
    /// The epoll descriptor, or -1 once closed.
    public private(set) var descriptor: CInt

    /// Creates a close-on-exec epoll instance.
    public init() throws(SystemError) {
        descriptor = try syscallValue("epoll_create1") { LinuxCalls.epollCreate1(CInt(O_CLOEXEC)) }
    }

    deinit { close() }

    /// Starts watching `fd` for `events`; `data` comes back with each event.
    public func add(_ fd: CInt, events: EpollEvents, data: UInt64) throws(SystemError) {
        try control(LinuxCalls.epollCtlAdd, fd, events: events, data: data, call: "epoll_ctl(ADD)")
    }

    /// Changes what `fd` is watched for, and its tag.
    public func modify(_ fd: CInt, events: EpollEvents, data: UInt64) throws(SystemError) {
        try control(LinuxCalls.epollCtlMod, fd, events: events, data: data, call: "epoll_ctl(MOD)")
    }

    /// Stops watching `fd`.
    public func remove(_ fd: CInt) throws(SystemError) {
        try control(LinuxCalls.epollCtlDel, fd, events: [], data: 0, call: "epoll_ctl(DEL)")
    }

    /// Waits until a watched descriptor is ready or `timeoutMilliseconds` pass (-1: forever,
    /// 0: poll), writes the ready events into `buffer` and returns how many. A signal
    /// interrupting the wait returns 0 (not retried), so the caller can recompute its timeout.
    public func wait(into buffer: EpollEventBuffer, timeoutMilliseconds: CInt) throws(SystemError) -> Int {
        let count = LinuxCalls.epollWait(descriptor, buffer.raw, CInt(buffer.capacity), timeoutMilliseconds)
        if count >= 0 { return Int(count) }
        let code = errno
        if code == EINTR { return 0 }
        throw SystemError(call: "epoll_wait", errno: code)
    }

    /// Closes the epoll descriptor; idempotent.
    public func close() {
        if descriptor >= 0 {
            _ = Glibc.close(descriptor)
            descriptor = -1
        }
    }

    private func control(_ op: CInt, _ fd: CInt, events: EpollEvents, data: UInt64, call: StaticString) throws(SystemError) {
        // struct epoll_event { uint32_t events; epoll_data_t data; }, packed on x86_64.
        var raw: (UInt64, UInt64) = (0, 0)
        _ = try withUnsafeMutableBytes(of: &raw) { bytes throws(SystemError) in
            bytes.storeBytes(of: events.rawValue, toByteOffset: 0, as: UInt32.self)
            bytes.storeBytes(of: data, toByteOffset: LinuxCalls.epollEventDataOffset, as: UInt64.self)
            return try syscallValue(call) { LinuxCalls.epollCtl(descriptor, op, fd, bytes.baseAddress) }
        }
    }
}

/// Memory for the events one `Epoll.wait` returns, allocated once and reused.
public final class EpollEventBuffer {
    /// How many events one wait can return.
    public let capacity: Int
    let raw: UnsafeMutableRawPointer

    /// Allocates room for `capacity` events.
    public init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        raw = .allocate(byteCount: capacity * LinuxCalls.epollEventSize, alignment: 8)
    }

    deinit { raw.deallocate() }

    /// The readiness bits of event `index`.
    @inline(__always)
    public func events(at index: Int) -> EpollEvents {
        EpollEvents(rawValue: raw.loadUnaligned(fromByteOffset: index * LinuxCalls.epollEventSize, as: UInt32.self))
    }

    /// The tag registered with the descriptor of event `index`.
    @inline(__always)
    public func data(at index: Int) -> UInt64 {
        raw.loadUnaligned(
            fromByteOffset: index * LinuxCalls.epollEventSize + LinuxCalls.epollEventDataOffset, as: UInt64.self)
    }
}
