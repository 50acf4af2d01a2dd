import Glibc

/// A joinable OS thread (pthread), for event loops that must own their thread.
public struct PosixThread: @unchecked Sendable {  // a pthread_t is a plain id, valid on any thread
    /// The pthread handle.
    public let handle: pthread_t

    /// Starts a thread running `body`; `name` (up to 15 bytes are kept) shows in debuggers and
    /// `top -H`. The thread must be joined (`join()`) or detached (`detach()`) exactly once.
    public static func spawn(name: String, _ body: @escaping @Sendable () -> Void) throws(SystemError) -> PosixThread {
        final class Box { let name: String; let body: @Sendable () -> Void
            init(name: String, body: @escaping @Sendable () -> Void) { self.name = name; self.body = body }
        }
        let box = Unmanaged.passRetained(Box(name: name, body: body)).toOpaque()
        var handle = pthread_t()
        let rc = pthread_create(&handle, nil, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            _ = LinuxCalls.pthreadSetName(pthread_self(), String(box.name.utf8.prefix(15)) ?? "aura")
            box.body()
            return nil
        }, box)
        guard rc == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            throw SystemError(call: "pthread_create", errno: rc)
        }
        return PosixThread(handle: handle)
    }

    /// Waits for the thread to finish. Never call it from the thread itself.
    public func join() {
        let rc = pthread_join(handle, nil)
        precondition(rc == 0, "pthread_join failed: \(rc)")
    }

    /// Lets the thread release its resources on exit without being joined.
    public func detach() { _ = pthread_detach(handle) }

    /// True when called on this thread.
    @inline(__always)
    public var isCurrent: Bool { pthread_equal(pthread_self(), handle) != 0 }

    /// The calling thread's handle.
    @inline(__always)
    public static var currentHandle: pthread_t { pthread_self() }
}
