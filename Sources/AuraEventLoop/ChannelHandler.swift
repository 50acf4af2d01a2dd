/// Receives a channel's events, on the channel's loop thread.
///
/// A channel keeps its handler until `channelInactive`, then lets go of it, so a handler may
/// hold its channel strongly.
public protocol ChannelHandler: AnyObject {
    /// The connection is up and registered; writes are possible from now on.
    func channelActive(_ channel: Channel)

    /// New bytes arrived. `buffer` holds every received byte not yet consumed; consume what
    /// forms whole frames (move the reader index) and leave a partial frame for the next call.
    /// The buffer is not limited in size: a handler that cannot keep up should call
    /// `setReadingEnabled(false)` rather than leave bytes unconsumed. The call can also come
    /// with no new bytes, after `setReadingEnabled(true)`, when bytes were left unconsumed.
    func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer)

    /// `channel.isWritable` flipped: false when queued writes pass the high watermark, true
    /// again once they drain to the low watermark.
    func channelWritabilityChanged(_ channel: Channel)

    /// The loop is about to write the channel's queued bytes, in the flush phase of an
    /// iteration after `requestFlush()` or `write(_:)`, or once the socket drained: write what
    /// was held back, so the small writes of many calls go out as one buffer.
    func channelWillFlush(_ channel: Channel)

    /// The channel closed, for any reason (EOF, error, `close()`, `abort()`, shutdown). Called
    /// once, and only after `channelActive`.
    func channelInactive(_ channel: Channel)
}

extension ChannelHandler {
    /// Does nothing by default.
    public func channelActive(_ channel: Channel) {}
    /// Does nothing by default.
    public func channelWritabilityChanged(_ channel: Channel) {}
    /// Does nothing by default.
    public func channelInactive(_ channel: Channel) {}
    /// Does nothing by default.
    public func channelWillFlush(_ channel: Channel) {}
}
