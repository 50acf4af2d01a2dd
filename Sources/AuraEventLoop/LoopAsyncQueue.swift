/// A queue filled on an event loop and drained by one async consumer.
///
/// Loop-confined: `append`, `finish`, `fail` and `next` all run on `loop` (tasks started with
/// the loop as their executor preference do). `onRelease` runs exactly once for every element
/// appended: when the consumer takes it, or when it is dropped (a failure, `discardRemaining`).
/// That is where a protocol grants flow-control credit back, so none is ever lost.
///
/// Its methods are `@inlinable` so that a module using the queue gets code specialized for its
/// element type: unspecialized, every call looked up the metadata of `Element?`, its
/// continuation's type and the like at run time, about 10% of the server's
/// instructions per unary call (benchmarks/README.md, issue 17).
public final class LoopAsyncQueue<Element: Sendable>: @unchecked Sendable {  // loop-confined (asserted)
    @usableFromInline enum State {
        case open
        /// No more elements; the consumer gets the queued ones, then nil or `error`.
        case finished(error: (any Error)?)
        /// Failed at once: queued elements were dropped; the consumer gets `error`.
        case failed(any Error)
    }

    @usableFromInline let loop: EventLoop
    @usableFromInline let onRelease: (Element) -> Void
    @usableFromInline let cancellationError: @Sendable () -> any Error
    // Touched on the loop thread only, never across a call out (a waiting continuation is taken
    // out of `waiter` before it resumes): `@exclusivity(unchecked)` spares each access a run-time
    // check.
    @exclusivity(unchecked) @usableFromInline var elements: [Element] = []
    @exclusivity(unchecked) @usableFromInline var head = 0
    @exclusivity(unchecked) @usableFromInline var state = State.open
    /// The consumer waiting for an element. Unsafe rather than checked: it is taken out before
    /// it resumes, so it resumes once; and a checked one allocated a canary per wait and made
    /// the generic deinit look up two types' metadata at run time, about 2,100 instructions a
    /// unary call (benchmarks/README.md).
    @exclusivity(unchecked) @usableFromInline var waiter: UnsafeContinuation<Element?, any Error>?

    /// Creates a queue on `loop`; a cancelled consumer gets `cancellationError()`.
    @inlinable
    public init(
        loop: EventLoop, cancellationError: @escaping @Sendable () -> any Error = { CancellationError() },
        onRelease: @escaping (Element) -> Void = { _ in }
    ) {
        self.loop = loop
        self.cancellationError = cancellationError
        self.onRelease = onRelease
    }

    /// The number of elements waiting.
    @inlinable public var count: Int { elements.count - head }

    /// Whether no more elements will come (finished or failed).
    @inlinable public var isClosed: Bool { if case .open = state { false } else { true } }

    /// Adds an element, handing it straight to a waiting consumer if there is one.
    @inlinable
    public func append(_ element: Element) {
        loop.assertInEventLoop()
        guard case .open = state else {
            onRelease(element)
            return
        }
        if let waiter {
            self.waiter = nil
            onRelease(element)
            waiter.resume(returning: element)
        } else {
            elements.append(element)
        }
    }

    /// No more elements: the consumer gets the queued ones, then nil, or `error` when given.
    @inlinable
    public func finish(throwing error: (any Error)? = nil) {
        guard case .open = state else { return }
        state = .finished(error: error)
        resumeWaiter(with: error.map { .failure($0) } ?? .success(nil))
    }

    /// The producer failed: queued elements are dropped and the consumer gets `error`.
    @inlinable
    public func fail(_ error: any Error) {
        if case .failed = state { return }
        state = .failed(error)
        discardRemaining()
        resumeWaiter(with: .failure(error))
    }

    /// Drops the elements still queued (releasing each), for a consumer that is gone.
    @inlinable
    public func discardRemaining() {
        for element in elements[head...] { onRelease(element) }
        elements.removeAll()
        head = 0
    }

    /// The next element, nil once finished, or the failure.
    @inlinable
    public func next() async throws -> Element? {
        loop.assertInEventLoop()
        if head < elements.count {
            let element = elements[head]
            head += 1
            if head == elements.count {
                elements.removeAll(keepingCapacity: true)
                head = 0
            }
            onRelease(element)
            return element
        }
        switch state {
        case .finished(let error):
            if let error { throw error }
            return nil
        case .failed(let error): throw error
        case .open: break
        }
        if Task.isCancelled { throw cancellationError() }
        let makeError = cancellationError
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { waiter = $0 }
        } onCancel: { [loop] in
            loop.execute { self.fail(makeError()) }
        }
    }

    @inlinable
    func resumeWaiter(with result: Result<Element?, any Error>) {
        guard let waiter else { return }
        self.waiter = nil
        waiter.resume(with: result)
    }
}
