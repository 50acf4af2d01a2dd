/// A mutable value that only its event loop's thread may touch, checked at run time (like
/// swift-nio's `NIOLoopBoundBox`): every read and write traps off the loop, so a type holding
/// its state in one can be `Sendable` without a promise in a comment.
///
/// The check is one thread-local read (`EventLoop.inEventLoop`), a few nanoseconds, so it
/// stays on in release builds.
public final class LoopBound<Value>: @unchecked Sendable {  // every access checks the loop
    /// The loop the value belongs to.
    public let eventLoop: EventLoop
    @usableFromInline var storage: Value

    /// Binds `value` to `eventLoop`; callable from any thread because `value` is sent in (no
    /// one else holds it).
    public init(_ value: sending Value, eventLoop: EventLoop) {
        self.eventLoop = eventLoop
        storage = value
    }

    /// The value; traps when read or written off the loop's thread. Inlinable, so a client
    /// module specializes it, and read in place: `bound.value.part` copies the part only (an
    /// unspecialized getter copied the whole value through its value witnesses).
    @inlinable public var value: Value {
        _read {
            eventLoop.preconditionInEventLoop()
            yield storage
        }
        _modify {
            eventLoop.preconditionInEventLoop()
            yield &storage
        }
    }
}
