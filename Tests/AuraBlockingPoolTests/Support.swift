import AuraPosix

/// A latch a pool thread blocks on until the test opens it.
final class Gate: @unchecked Sendable {
    private let lock = Lock()
    private let opened = Condition()
    private var isOpen = false

    /// Blocks the calling (pool) thread until `open()`.
    func wait() {
        lock.withLock { while !isOpen { opened.wait(lock) } }
    }

    /// Lets every waiter through, now and later.
    func open() {
        lock.withLock { isOpen = true }
        opened.broadcast()
    }
}

/// One-shot async events sent from pool threads: `signal` from any thread, `await next()` in a test.
final class Events: Sendable {
    private let stream: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    init() { (stream, continuation) = AsyncStream.makeStream(of: String.self) }

    func signal(_ name: String) { continuation.yield(name) }

    /// The next event, in the order they were signalled.
    func next() async -> String? {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next()
    }
}

/// Suspends (yielding to other tasks) until `condition` holds: for state that has no event.
func eventually(_ condition: () -> Bool) async {
    while !condition() { await Task.yield() }
}

struct Failure: Error, Equatable { let code: Int }
