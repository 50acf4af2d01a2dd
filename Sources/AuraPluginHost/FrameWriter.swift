import AuraBytes
import AuraPosix

/// Writes frames from many threads to one blocking socket, combining them: a thread appends its
/// frame to a shared buffer and, unless another thread is writing already (which then writes
/// this frame too), writes everything pending with as few system calls as the load allows.
final class FrameWriter: @unchecked Sendable {  // the buffers are touched under `lock` or by the one writing thread
    private let socket: Socket
    private let lock = Lock()
    private var pending = ByteBuffer(capacity: 64 << 10)
    private var writing = ByteBuffer(capacity: 64 << 10)
    private var isWriting = false
    private var failure: SystemError?

    init(socket: Socket) { self.socket = socket }

    /// Appends a frame with `encode` and sees it written. Throws the write error once the socket
    /// failed (the peer is gone); a frame appended just before a failure is lost silently, so
    /// callers learn of the failure from the other side closing too.
    func write(_ encode: (inout ByteBuffer) -> Void) throws(SystemError) {
        lock.lock()
        if let failure {
            lock.unlock()
            throw failure
        }
        encode(&pending)
        guard !isWriting else { return lock.unlock() }
        isWriting = true
        while pending.readableBytes > 0 {
            swap(&pending, &writing)
            lock.unlock()
            let error = writing.withUnsafeReadableBytes { bytes -> SystemError? in
                do throws(SystemError) {
                    try socket.writeAll(bytes)
                    return nil
                } catch {
                    return error
                }
            }
            writing.clear()
            lock.lock()
            if let error {
                failure = error
                pending.clear()
            }
        }
        isWriting = false
        let failed = failure
        lock.unlock()
        if let failed { throw failed }
    }
}
