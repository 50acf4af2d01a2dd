import Foundation

/// Runs blocking work (waiting for a child process, reading its pipes) on a thread of its
/// own, so that it never holds one of the few threads of the concurrency pool.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

/// The bytes read from a pipe until end of file, by a thread of its own.
final class PipeReader: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let finished = DispatchSemaphore(value: 0)

    /// Starts reading `handle`; `onChunk` sees each chunk as it arrives.
    init(_ handle: FileHandle, onChunk: (@Sendable (Data) -> Void)? = nil) {
        Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
                onChunk?(chunk)
            }
            finished.signal()
        }.start()
    }

    /// What was read so far.
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// Waits for end of file, at most `timeout`; returns whether it came.
    func waitForEnd(timeout: Double) -> Bool {
        finished.wait(timeout: .now() + timeout) == .success
    }
}

/// Waits for `process` to exit, at most `timeout` seconds; returns whether it did.
func waitForExit(_ process: Process, timeout: Double) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
        if Date() > deadline { return false }
        usleep(5_000)
    }
    return true
}
