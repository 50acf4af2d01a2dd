import AuraBytes
import AuraWire
import Glibc
import TestSupport

/// A plain TCP socket to the server that writes whatever bytes a test chooses and decodes what
/// the server sends back with `FrameDecoder`: the tool for bad-input tests.
///
/// Non-blocking underneath, with async waits, so a read never blocks a concurrency thread and
/// every wait has a bound.
final class RawConnection: @unchecked Sendable {
    struct Closed: Error, CustomStringConvertible {
        let reason: String
        var description: String { "raw connection: \(reason)" }
    }

    private let fd: Int32
    private var isOpen = true
    private var input = ByteBuffer(capacity: 64 * 1024)
    private var decoder = FrameDecoder(maxFrameSize: 16_777_215, decodesClientFrames: false)
    /// Whether the server closed its end (EOF or reset).
    private(set) var peerClosed = false
    /// Every frame read so far, in order.
    private(set) var received: [Frame] = []

    /// Connects to 127.0.0.1:`port` and switches the socket to non-blocking mode.
    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Closed(reason: "socket() failed, errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let error = errno
            Glibc.close(fd)
            throw Closed(reason: "connect() failed, errno \(error)")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    deinit { close() }

    /// Closes the socket; idempotent.
    func close() {
        guard isOpen else { return }
        isOpen = false
        Glibc.close(fd)
    }

    /// Shuts down the sending side only (a TCP half-close): the server reads end of file.
    func shutdownWrite() {
        guard isOpen else { return }
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    /// Shrinks the kernel's receive buffer, so a connection that never reads fills up sooner.
    func setReceiveBufferSize(_ bytes: Int32) {
        var value = bytes
        setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    // MARK: Writing

    /// Writes every byte, waiting while the socket is full (at most `limit`).
    func write(_ bytes: [UInt8], within limit: Duration = .seconds(3)) async throws {
        let deadline = ContinuousClock.now + limit
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
                guard ContinuousClock.now < deadline else { throw Closed(reason: "write timed out with \(bytes.count - offset) bytes left") }
                try await Task.sleep(for: .milliseconds(2))
            } else {
                throw Closed(reason: "send() failed, errno \(errno)")
            }
        }
    }

    /// Writes a buffer's readable bytes.
    func write(_ buffer: ByteBuffer, within limit: Duration = .seconds(3)) async throws {
        try await write(buffer.readableBytesArray, within: limit)
    }

    /// Encodes and writes frames, all in one write.
    func write(frames: [Frame]) async throws {
        var buffer = ByteBuffer()
        for frame in frames { FrameEncoder.encode(frame, into: &buffer) }
        try await write(buffer)
    }

    /// The preface and a SETTINGS frame (the defaults unless given), optionally with the ACK of
    /// the server's SETTINGS, which makes the server enforce its own (smaller) limits at once.
    func handshake(settings: Settings = Settings(), acknowledge: Bool = false) async throws {
        var buffer = ByteBuffer()
        buffer.writeBytes(Preface.bytes)
        FrameEncoder.encode(.settings(settings, ack: false), into: &buffer)
        if acknowledge { FrameEncoder.encode(.settings(nil, ack: true), into: &buffer) }
        try await write(buffer)
    }

    /// Sends a PING and waits for its ACK: proof that the server has read everything sent
    /// before it (the preface included).
    func roundTrip(within limit: Duration = .seconds(3)) async throws {
        let data = UInt64.random(in: 1...UInt64.max)
        try await write(frames: [.ping(data, ack: false)])
        let ack = try await frame(within: limit) { $0 == .ping(data, ack: true) }
        guard ack != nil else { throw Closed(reason: "closed before answering PING; received: \(summary)") }
    }

    /// Opens stream `id` with a call to `method` and sends `messages` (END_STREAM on the last).
    func call(
        _ id: UInt32, _ method: String, messages: [ByteBuffer], headers: CallHeaders = CallHeaders()
    ) async throws {
        var callHeaders = headers
        callHeaders.method = method
        var frames: [Frame] = [.headers(streamID: id, callHeaders, endStream: messages.isEmpty)]
        for (index, message) in messages.enumerated() {
            frames.append(.message(streamID: id, payload: message, flags: index == messages.count - 1 ? .endStream : []))
        }
        try await write(frames: frames)
    }

    // MARK: Reading

    /// The next frame, or nil once the server closed the connection. Throws after `limit`.
    func nextFrame(within limit: Duration = .seconds(3)) async throws -> Frame? {
        let deadline = ContinuousClock.now + limit
        while true {
            if let frame = try decodeBuffered() { return frame }
            if peerClosed { return nil }
            if try readAvailable() { continue }
            guard ContinuousClock.now < deadline else {
                throw TimeoutError(limit: limit, what: "waiting for a frame from the server; received so far: \(summary)")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Reads frames until one matches `predicate` and returns it; nil if the server closed the
    /// connection first.
    func frame(
        within limit: Duration = .seconds(3), where predicate: (Frame) -> Bool
    ) async throws -> Frame? {
        let deadline = ContinuousClock.now + limit
        while let frame = try await nextFrame(within: max(.zero, deadline - ContinuousClock.now)) {
            if predicate(frame) { return frame }
        }
        return nil
    }

    /// Reads until the server's GOAWAY and returns its code and reason; nil if it closed first.
    func goAway(within limit: Duration = .seconds(3)) async throws -> (lastStreamID: UInt32, code: StatusCode, reason: String)? {
        guard case .goAway(let last, let code, let reason)? = try await frame(within: limit, where: {
            if case .goAway = $0 { true } else { false }
        }) else { return nil }
        return (last, code, reason)
    }

    /// Reads until the server ends stream `id` and returns its TRAILERS (or the code of its CANCEL).
    func streamEnd(_ id: UInt32, within limit: Duration = .seconds(3)) async throws -> CallTrailers? {
        let end = try await frame(within: limit) { frame in
            switch frame {
            case .trailers(let stream, _), .cancel(let stream, _): stream == id
            default: false
            }
        }
        switch end {
        case .trailers(_, let trailers)?: return trailers ?? CallTrailers()
        case .cancel(_, let code)?: return CallTrailers(code: code, message: "CANCEL")
        default: return nil
        }
    }

    /// The ends of several streams, in whatever order they come (including ends already
    /// read); a stream missing from the result had not ended when the server closed.
    func streamEnds(_ ids: Set<UInt32>, within limit: Duration = .seconds(3)) async throws -> [UInt32: StatusCode] {
        var ends: [UInt32: StatusCode] = [:]
        func note(_ frame: Frame) {
            switch frame {
            case .trailers(let id, let trailers) where ids.contains(id): ends[id] = trailers?.code ?? .ok
            case .cancel(let id, let code) where ids.contains(id): ends[id] = code
            default: break
            }
        }
        for frame in received { note(frame) }
        let deadline = ContinuousClock.now + limit
        while ends.count < ids.count, let frame = try await nextFrame(within: max(.zero, deadline - ContinuousClock.now)) {
            note(frame)
        }
        return ends
    }

    /// Reads and discards until the server closes the connection; returns whether it did
    /// within `limit`.
    func waitForClose(within limit: Duration = .seconds(3)) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            do {
                if try await nextFrame(within: max(.milliseconds(1), deadline - ContinuousClock.now)) == nil { return true }
            } catch {
                // A frame the decoder rejects or the timeout: keep draining raw bytes.
                if peerClosed { return true }
                input.clear()
            }
        }
        return peerClosed
    }

    /// The frames received so far, one short line each, for failure messages.
    var summary: String {
        received.map { frame -> String in
            switch frame {
            case .settings(_, let ack): ack ? "SETTINGS(ack)" : "SETTINGS"
            case .headers(let id, _, let end): "HEADERS(\(id)\(end ? ", end" : ""))"
            case .message(let id, let payload, let flags): "MESSAGE(\(id), \(payload.readableBytes) bytes, flags \(flags.rawValue))"
            case .trailers(let id, let trailers): "TRAILERS(\(id), \(trailers?.code.name ?? "-"))"
            case .cancel(let id, let code): "CANCEL(\(id), \(code.name))"
            case .windowUpdate(let id, let increment): "WINDOW_UPDATE(\(id), \(increment))"
            case .ping(_, let ack): ack ? "PING(ack)" : "PING"
            case .goAway(let last, let code, let reason): "GOAWAY(\(last), \(code.name), \(reason))"
            case .unknown(let type, let id, _, _): "UNKNOWN(\(type), \(id))"
            }
        }.joined(separator: " ")
    }

    /// The frames of stream `id` received so far.
    func frames(on id: UInt32) -> [Frame] { received.filter { $0.streamID == id } }

    private func decodeBuffered() throws -> Frame? {
        guard let frame = try decoder.nextFrame(from: &input) else { return nil }
        received.append(frame)
        return frame
    }

    /// Reads what the socket has; returns whether bytes came. Sets `peerClosed` on EOF or reset.
    private func readAvailable() throws -> Bool {
        guard isOpen else { throw Closed(reason: "read after close") }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress!, $0.count, 0) }
        if count > 0 {
            input.writeBytes(chunk[..<count])
            return true
        }
        if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            peerClosed = true  // EOF, or ECONNRESET after the server closed with unread input
        }
        return false
    }
}
