import AuraBytes
import AuraCore
import AuraPosix
import Synchronization

/// One running worker process as callers see it: requests go out through a combining writer,
/// each caller waits for the answer with its id; the supervisor thread delivers answers, and
/// fails every waiting call at once when the worker ends.
final class WorkerConnection: Sendable {
    /// The worker process.
    let process: ChildProcess
    private let writer: FrameWriter
    private let calls = Mutex(Calls())

    private struct Calls {
        var nextID: UInt64 = 1
        var waiting: [UInt64: CallSlot] = [:]
        /// Set once the worker ended: the error new and waiting calls get.
        var closed: RPCError?
    }

    init(process: ChildProcess, socket: Socket) {
        self.process = process
        writer = FrameWriter(socket: socket)
    }

    /// Sends a request and waits for its answer, or for the worker's end (UNAVAILABLE).
    func call(_ operation: WorkerWire.Operation, text: UnsafeRawBufferPointer, hint: String) throws(RPCError) -> WorkerWire.Outcome {
        let slot = CallSlot()
        let id = try calls.withLock { (calls) throws(RPCError) -> UInt64 in
            if let closed = calls.closed { throw closed }
            let id = calls.nextID
            calls.nextID += 1
            calls.waiting[id] = slot
            return id
        }
        // A failed write means the worker is gone: the supervisor sees its end and fails the slot.
        try? writer.write { WorkerWire.writeRequest(id: id, operation: operation, hint: hint, text: text, into: &$0) }
        let outcome = slot.wait()
        if case .failure(let error) = outcome { throw error }
        return outcome
    }

    /// Sends the first request: load the plugin at `path` with `config`.
    func sendLoad(path: String, config: String) throws(SystemError) {
        let bytes = Array(config.utf8)
        try writer.write { buffer in
            bytes.withUnsafeBytes { WorkerWire.writeRequest(id: 0, operation: .load, hint: path, text: $0, into: &buffer) }
        }
    }

    /// Hands an answer to the call waiting for it (an unknown id is ignored: its caller is gone).
    func deliver(id: UInt64, _ outcome: WorkerWire.Outcome) {
        calls.withLock { $0.waiting.removeValue(forKey: id) }?.finish(outcome)
    }

    /// When the longest-waiting call started (monotonic nanoseconds), for the hang watchdog.
    func oldestCallStart() -> UInt64? {
        calls.withLock { $0.waiting.values.lazy.map(\.start).min() }
    }

    /// Fails every waiting call, and every later one, with `error`.
    func close(failing error: RPCError) {
        let waiting = calls.withLock { calls in
            calls.closed = error
            defer { calls.waiting = [:] }
            return calls.waiting.values
        }
        for slot in waiting { slot.finish(.failure(error)) }
    }
}

/// Where one caller waits for its answer.
private final class CallSlot: @unchecked Sendable {  // `outcome` is touched only under `lock`
    let start = MonotonicClock.nanoseconds()
    private let lock = Lock()
    private let condition = Condition()
    private var outcome: WorkerWire.Outcome?

    func finish(_ outcome: WorkerWire.Outcome) {
        lock.withLock { self.outcome = outcome }
        condition.signal()
    }

    func wait() -> WorkerWire.Outcome {
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let outcome { return outcome }
            condition.wait(lock)
        }
    }
}
