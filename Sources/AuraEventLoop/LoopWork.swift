/// One unit of queued work on an event loop: a closure from `execute`, or a Swift concurrency
/// job from `enqueue`. Both share one FIFO queue.
enum LoopWork: Sendable {
    case closure(@Sendable () -> Void)
    case job(UnownedJob)
}
