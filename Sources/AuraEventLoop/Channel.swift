import AuraBytes
import AuraPosix

/// One TCP connection on one event loop: reads are handed to its `ChannelHandler`, writes are
/// queued and flushed once per loop iteration.
///
/// Every method must be called on `eventLoop`'s thread (checked in debug builds); from another
/// thread, go through `eventLoop.execute { ... }`.
public final class Channel: @unchecked Sendable {  // loop-confined: its methods assert `eventLoop.assertInEventLoop()`
    enum State { case active, closing, closed }

    /// Bytes asked of one `read` at first; adapts between `minimumReadSize` and `maximumReadSize`.
    static let initialReadSize = 16 * 1024
    static let minimumReadSize = 2 * 1024
    static let maximumReadSize = 256 * 1024
    /// Reads per readiness event, so one busy peer cannot starve the others.
    static let maximumReadsPerEvent = 4
    /// `writev` calls per flush before waiting for the next iteration.
    static let maximumWritesPerFlush = 8
    /// How long `close()` keeps flushing queued writes before giving up and closing.
    static let closeFlushTimeout = Duration.seconds(5)

    /// The loop that owns this channel; every call happens on its thread.
    public let eventLoop: EventLoop
    /// The peer's address, when the kernel reported one.
    public let remoteAddress: SocketAddress?
    /// The local address of the connection, when the kernel reported one.
    public let localAddress: SocketAddress?

    let socket: Socket
    // The state below is touched on the loop thread only, by methods that never hold an access
    // to it across a call out: `@exclusivity(unchecked)` spares each access a run-time check.
    @exclusivity(unchecked) var handler: ChannelHandler?
    @exclusivity(unchecked) var state = State.active
    @exclusivity(unchecked) var readingEnabled = true

    // Reading.
    @exclusivity(unchecked) var inputBuffer: ByteBuffer?
    @exclusivity(unchecked) var readSize = Channel.initialReadSize
    @exclusivity(unchecked) var smallReads = 0
    @exclusivity(unchecked) var redeliveryScheduled = false

    // Writing.
    @exclusivity(unchecked) var writeQueue = RingBuffer<ByteBuffer>()
    @exclusivity(unchecked) var waitingForWritable = false
    @exclusivity(unchecked) var flushScheduled = false
    @exclusivity(unchecked) var closeTimeout: Scheduled?

    // Security (TLS), when `secure(with:)` was called: `inputBuffer` then holds ciphertext and
    // `plaintextInput` what the handler reads; `unsealedWriteBytes` counts plaintext written
    // but not yet turned into queued ciphertext.
    @exclusivity(unchecked) var security: (any ChannelSecurity)?
    @exclusivity(unchecked) var plaintextInput: ByteBuffer?
    @exclusivity(unchecked) var unsealedWriteBytes = 0

    /// Bytes written but not yet taken by the kernel.
    public var queuedWriteBytes: Int { queuedBytes }
    /// False once queued writes pass `writeWatermarks.high`, true again at or below
    /// `writeWatermarks.low`; each flip calls `channelWritabilityChanged`.
    public var isWritable: Bool { writable }
    // Other modules read these two through the getters above: their direct access to a stored
    // property is checked at run time even when the property is marked unchecked.
    @exclusivity(unchecked) var queuedBytes = 0
    @exclusivity(unchecked) var writable = true
    /// The queued-bytes levels at which `isWritable` flips (default 256 KiB / 1 MiB).
    public var writeWatermarks = WriteWatermarks()

    init(socket: Socket, eventLoop: EventLoop) {
        self.socket = socket
        self.eventLoop = eventLoop
        remoteAddress = try? socket.remoteAddress()
        localAddress = try? socket.localAddress()
    }

    /// True from `channelActive` until the channel closes or `close()`/`abort()` is called.
    public var isActive: Bool {
        eventLoop.assertInEventLoop()
        return state == .active
    }

    /// The peer as `"host:port"`, for logs.
    public var remoteAddressDescription: String { remoteAddress?.description ?? "unknown" }

    /// Stops (`false`) or resumes (`true`) reading from the socket, so a slow consumer pushes
    /// back on its peer through TCP. Bytes left unconsumed in the input buffer are handed to
    /// `channelRead` again soon after reading resumes.
    public func setReadingEnabled(_ enabled: Bool) {
        eventLoop.assertInEventLoop()
        guard readingEnabled != enabled else { return }
        readingEnabled = enabled
        guard state == .active else { return }
        updateInterest()
        if enabled, !redeliveryScheduled, let buffered = handlerInput, buffered.readableBytes > 0 {
            redeliveryScheduled = true
            eventLoop.execute { [self] in redeliverBufferedInput() }
        }
    }

    /// Flushes what is queued, then closes; idempotent. Queued bytes get at most 5 seconds to
    /// leave before the channel closes anyway. No more reads are delivered, and writes from
    /// now on are dropped. `channelInactive` follows once closed.
    public func close() {
        eventLoop.assertInEventLoop()
        guard state == .active else { return }
        if let security {
            security.close()
            queueCiphertext(from: security)
        }
        if writeQueue.isEmpty {
            closeNow()
            return
        }
        state = .closing
        updateInterest()
        closeTimeout = eventLoop.schedule(after: Channel.closeFlushTimeout) { [self] in closeNow() }
        requestFlush()
    }

    /// Closes now, dropping queued writes; idempotent. `channelInactive` follows.
    public func abort() {
        eventLoop.assertInEventLoop()
        closeNow()
    }

    /// Registers with the loop and calls `channelActive`; on failure closes the socket and
    /// throws (the handler then sees nothing).
    func activate(handler: ChannelHandler) throws(SystemError) {
        self.handler = handler
        do {
            try eventLoop.register(self, descriptor: socket.descriptor, events: interest)
        } catch {
            state = .closed
            self.handler = nil
            socket.close()
            throw error
        }
        handler.channelActive(self)
        if let security, state == .active {
            security.start()
            if security.hasCiphertext { requestFlush() }
        }
    }

    /// The buffer the handler reads from: the socket's bytes, or the plaintext of a secured
    /// channel.
    var handlerInput: ByteBuffer? {
        get { security == nil ? inputBuffer : plaintextInput }
        set { if security == nil { inputBuffer = newValue } else { plaintextInput = newValue } }
    }

    /// What epoll should report for this channel now.
    var interest: EpollEvents {
        var events: EpollEvents = []
        if state == .active && readingEnabled { events.insert(.readable) }
        if waitingForWritable { events.insert(.writable) }
        return events
    }

    func updateInterest() {
        guard state != .closed else { return }
        do {
            try eventLoop.setInterest(interest, for: socket.descriptor)
        } catch {
            closeNow()
        }
    }

    /// Closes the socket, drops queued bytes and tells the handler, once.
    func closeNow() {
        guard state != .closed else { return }
        state = .closed
        closeTimeout?.cancel()
        closeTimeout = nil
        eventLoop.deregister(descriptor: socket.descriptor)
        socket.close()
        writeQueue.removeAll()
        queuedBytes = 0
        waitingForWritable = false
        inputBuffer = nil
        plaintextInput = nil
        let handler = self.handler
        self.handler = nil
        handler?.channelInactive(self)
    }
}

extension Channel: Selectable {
    func handleEvents(_ events: EpollEvents) {
        if state == .active && readingEnabled && !events.isDisjoint(with: [.readable, .hangUp, .error]) {
            readFromSocket()
        }
        guard state != .closed else { return }
        // An error, or a hang-up that reading will not discover, means the connection is gone.
        if events.contains(.error) || (events.contains(.hangUp) && !(state == .active && readingEnabled)) {
            closeNow()
            return
        }
        if events.contains(.writable) { flushNow() }
    }

    func closeForShutdown() {
        if state != .closed && !writeQueue.isEmpty { flushNow() }
        closeNow()
    }
}

/// The queued-write levels at which a channel stops and starts being writable.
public struct WriteWatermarks: Sendable, Equatable {
    /// `isWritable` turns true again when queued bytes fall to this level or below.
    public var low: Int
    /// `isWritable` turns false when queued bytes rise above this level.
    public var high: Int

    /// Creates watermarks; `low` must not exceed `high`. Defaults: 256 KiB and 1 MiB.
    public init(low: Int = 256 * 1024, high: Int = 1024 * 1024) {
        precondition(0 <= low && low <= high, "watermarks need 0 <= low <= high")
        self.low = low
        self.high = high
    }
}
