import AuraBytes
import AuraCore
import AuraPosix

/// What a worker process sends back, read by its supervisor thread alone: answer frames on the
/// socket, lines on its stderr (passed to the server log), and the supervisor's stop signal.
final class WorkerOutput {
    /// Why `pump` returned.
    enum Event {
        /// A frame's body arrived.
        case frame(ByteBuffer)
        /// Nothing arrived before the timeout.
        case idle
        /// The worker closed its socket: it ended.
        case ended
        /// The plugin is being stopped.
        case stopRequested
    }

    private let socket: Socket
    private let errors: Socket
    private let stop: EventFD
    private var poll: PollSet
    private var reader = FrameReader()
    private var pendingLine: [UInt8] = []
    private let logLine: (String) -> Void

    /// Reads `socket` and `errors` (the worker's stderr); `stop` wakes the reader to stop.
    init(socket: Socket, errors: Socket, stop: EventFD, logLine: @escaping (String) -> Void) {
        self.socket = socket
        self.errors = errors
        self.stop = stop
        self.logLine = logLine
        poll = PollSet(readable: [socket.descriptor, errors.descriptor, stop.descriptor])
    }

    deinit {
        socket.close()
        errors.close()
    }

    /// The next frame, or why there is none, waiting up to `timeoutMilliseconds`. Stderr lines
    /// are logged as they come. A frame over the limit is an error: the worker is broken.
    func next(timeoutMilliseconds: Int) throws(RPCError) -> Event {
        do {
            if let frame = try reader.nextFrame() { return .frame(frame) }
            while true {
                guard try poll.wait(timeoutMilliseconds: timeoutMilliseconds) else { return .idle }
                if poll.isReady(2) { return .stopRequested }
                if poll.isReady(1) { try readErrors() }
                if poll.isReady(0) {
                    guard try reader.read(from: socket) else { return .ended }
                    if let frame = try reader.nextFrame() { return .frame(frame) }
                }
            }
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(.unavailable, "reading from the worker failed: \(error)")
        }
    }

    private func readErrors() throws(SystemError) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let read = chunk.withUnsafeMutableBytes { bytes in
            Result { () throws(SystemError) in try errors.read(into: bytes) }
        }
        guard case .processed(let count) = try read.get() else { return }
        guard count > 0 else {
            poll.remove(1)
            flushLine()
            return
        }
        for byte in chunk[..<count] {
            if byte == UInt8(ascii: "\n") || pendingLine.count >= 4096 { flushLine() }
            if byte != UInt8(ascii: "\n") { pendingLine.append(byte) }
        }
    }

    private func flushLine() {
        if !pendingLine.isEmpty { logLine(String(decoding: pendingLine, as: UTF8.self)) }
        pendingLine.removeAll(keepingCapacity: true)
    }
}
