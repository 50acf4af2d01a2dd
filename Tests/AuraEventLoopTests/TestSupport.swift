import AuraEventLoop
import Foundation

/// State written on loop threads and read by the test, behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withValue<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    var current: Value { withValue { $0 } }
}

/// Polls `condition` every millisecond until it holds or `timeout` passes; returns its last value.
func eventually(timeout: Duration = .seconds(3), _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return condition()
}

extension EventLoop {
    /// Returns once a timer scheduled now for `delay` has fired: every timer due earlier on this
    /// loop has run (or was cancelled) by then.
    func timerFired(after delay: Duration) async {
        await withCheckedContinuation { continuation in schedule(after: delay) { continuation.resume() } }
    }
}

/// Runs `body` with a fresh group and shuts it down afterwards, even when `body` throws.
func withGroup<R>(loops: Int = 2, _ body: (EventLoopGroup) async throws -> R) async rethrows -> R {
    let group = EventLoopGroup(loopCount: loops)
    defer { group.shutdown() }
    return try await body(group)
}

/// Writes back every byte it receives, sharing the received storage (no copy).
final class EchoHandler: ChannelHandler {
    func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {
        channel.write(buffer)
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
    }
}

/// Records what a channel sees: bytes (kept or only counted), reads, writability flips and
/// lifecycle events. Optionally starts with reading disabled.
final class RecordingHandler: ChannelHandler, @unchecked Sendable {
    private let state = Locked(State())
    private let keepBytes: Bool
    private let readingAtStart: Bool
    private let onActive: (@Sendable (Channel) -> Void)?

    struct State {
        var bytes: [UInt8] = []
        var byteCount = 0
        var reads = 0
        var events: [String] = []
        var channel: Channel?
    }

    init(keepBytes: Bool = true, readingAtStart: Bool = true, onActive: (@Sendable (Channel) -> Void)? = nil) {
        self.keepBytes = keepBytes
        self.readingAtStart = readingAtStart
        self.onActive = onActive
    }

    var bytes: [UInt8] { state.current.bytes }
    var byteCount: Int { state.current.byteCount }
    var reads: Int { state.current.reads }
    var events: [String] { state.current.events }
    var channel: Channel? { state.current.channel }

    func channelActive(_ channel: Channel) {
        if !readingAtStart { channel.setReadingEnabled(false) }
        state.withValue {
            $0.events.append("active")
            $0.channel = channel
        }
        onActive?(channel)
    }

    func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {
        let count = buffer.readableBytes
        let bytes = keepBytes ? buffer.readableBytesArray : []
        buffer.moveReaderIndex(forwardBy: count)
        state.withValue {
            $0.bytes += bytes
            $0.byteCount += count
            $0.reads += 1
        }
    }

    func channelWritabilityChanged(_ channel: Channel) {
        let writable = channel.isWritable
        state.withValue { $0.events.append("writable:\(writable)") }
    }

    func channelInactive(_ channel: Channel) {
        state.withValue { $0.events.append("inactive") }
    }
}
