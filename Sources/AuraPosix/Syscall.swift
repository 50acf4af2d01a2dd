import Glibc

/// Runs a libc call that returns -1 and sets `errno` on failure: retries on `EINTR`, turns
/// `EAGAIN` into `.wouldBlock` when `mapWouldBlock` is set, and throws any other error as a
/// `SystemError` naming `call`. Every wrapper in this module goes through here.
@inline(__always)
func syscall<T: FixedWidthInteger>(
    _ call: StaticString, mapWouldBlock: Bool = true, _ body: () -> T
) throws(SystemError) -> IOResult<T> {
    while true {
        let result = body()
        if result != -1 { return .processed(result) }
        let code = errno
        if code == EINTR { continue }
        if mapWouldBlock && (code == EAGAIN || code == EWOULDBLOCK) { return .wouldBlock }
        throw SystemError(call: String(describing: call), errno: code)
    }
}

/// Runs a libc call that is not expected to block: like `syscall(_:mapWouldBlock:_:)`, but
/// `EAGAIN` is an error too, and the result is returned directly.
@inline(__always)
func syscallValue<T: FixedWidthInteger>(_ call: StaticString, _ body: () -> T) throws(SystemError) -> T {
    switch try syscall(call, mapWouldBlock: false, body) {
    case .processed(let value): return value
    case .wouldBlock: preconditionFailure("unreachable: EAGAIN is an error here")
    }
}
