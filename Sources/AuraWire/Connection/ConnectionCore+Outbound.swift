import AuraBytes

extension ConnectionCore {
    /// Client: opens a stream for a call and queues its HEADERS. Throws UNAVAILABLE when the
    /// connection no longer accepts calls.
    public func openStream(_ headers: CallHeaders, endStream: Bool = false) throws(RPCError) -> UInt32 {
        precondition(role == .client, "only a client opens streams")
        guard acceptsNewStreams else { throw RPCError(.unavailable, "the connection is closing and takes no new calls") }
        let id = highestStreamID == 0 ? 1 : highestStreamID + 2
        guard id < 0x7fff_ffff else { throw RPCError(.unavailable, "stream ids are used up on this connection") }
        try writeHeaders(id, headers, endStream: endStream)
        highestStreamID = id
        var record = makeRecord(compressionAllowed: true, outbound: .sending)
        if endStream { _ = record.state.sendEndStream() }
        streams.updateValue(record, forKey: id)
        return id
    }

    /// Whether the peer lets us open another stream now.
    public var canOpenStream: Bool {
        acceptsNewStreams && streams.count < Int(peerSettings.maxConcurrentStreams)
    }

    /// Server: sends initial metadata on stream `id`, before any message. Metadata that breaks
    /// a rule or the client's limit ends the call with INTERNAL instead (`streamReset` tells
    /// the delegate).
    public func sendHeaders(_ id: UInt32, _ headers: CallHeaders) {
        guard streams.modify(id, { $0.state.sendHeaders() }) == true else { return }
        do { try writeHeaders(id, headers, endStream: false) } catch { resetStream(id, RPCError(.internal, error.message)) }
    }

    /// Queues one message on stream `id`, compressed if asked, and writes as much as the
    /// peer's credit allows. Returns true when it all went out at once, false when some of it
    /// waits for credit: then wait for `streamWritable` before sending more. Throws
    /// RESOURCE_EXHAUSTED for a message above the peer's size limit, and FAILED_PRECONDITION
    /// when the stream has ended or its outbound half is closed.
    @discardableResult
    public func sendMessage(_ id: UInt32, _ message: ByteBuffer, compress: Bool = false, endStream: Bool = false) throws(RPCError) -> Bool {
        guard message.readableBytes <= Int(peerSettings.maxMessageSize) else {
            throw RPCError(.resourceExhausted, "message of \(message.readableBytes) bytes exceeds the peer's limit of \(peerSettings.maxMessageSize) bytes")
        }
        let sentAtOnce = modifyStream(id) { record -> Bool? in
            guard record.pendingEnd == nil, record.state.send() else { return nil }
            if endStream { _ = record.state.sendEndStream() }
            var bytes = message, compressed = false
            if compress {
                // MAX_MESSAGE_SIZE bounds the compressed bytes too: data that does not compress
                // goes as it is rather than a few bytes over the limit.
                let deflated = MessageEncoding.deflate(message)
                if deflated.readableBytes <= Int(peerSettings.maxMessageSize) { (bytes, compressed) = (deflated, true) }
            }
            if record.pending.isEmpty && bytes.readableBytes <= min(Int(peerSettings.maxFrameSize), record.sendWindow, connectionSendWindow) {
                // The common case, a message that fits the credit and one frame: framed at
                // once, without queueing it (the queue is an array to allocate and copy on write).
                writeMessageFrame(id, bytes, compressed: compressed, isLast: true, endStream: endStream, record: &record)
                return true
            }
            record.pending.append(PendingMessage(remaining: bytes, compressed: compressed, endStream: endStream))
            queuedByteCount += bytes.readableBytes
            return false
        } ?? nil
        guard let sentAtOnce else { throw RPCError(.failedPrecondition, "stream \(id) has ended") }
        return sentAtOnce || flushStream(id, notify: false)
    }

    /// Client: ends our half of stream `id` (no more messages).
    public func sendEndStream(_ id: UInt32) {
        let mustFlush = modifyStream(id) { record -> Bool in
            guard record.pendingEnd == nil else { return false }
            if let last = record.pending.indices.last {
                record.pending[last].endStream = true
                _ = record.state.sendEndStream()
                return false
            }
            guard record.state.sendEndStream() else { return false }
            record.pendingEnd = .halfClose
            return true
        }
        if mustFlush == true { flushStream(id, notify: false) }
    }

    /// Server: ends the call on stream `id` with `trailers`, after the messages already queued.
    public func sendTrailers(_ id: UInt32, _ trailers: CallTrailers) {
        let queuedBehindMessages = modifyStream(id) { record -> Bool? in
            guard record.pendingEnd == nil else { return nil }
            guard record.pending.isEmpty else {
                record.pendingEnd = .trailers(trailers)
                return true
            }
            return false
        } ?? nil
        switch queuedBehindMessages {
        case true?: flushStream(id, notify: false)
        case false?:
            // Nothing queued before them (every unary call): out now, and the stream ends, as
            // `flushStream` would do once the queue drained.
            writeTrailers(id, trailers)
            removeStream(id)
        case nil: return
        }
    }

    /// Ends stream `id` at once in both directions with CANCEL, dropping what is queued.
    public func cancelStream(_ id: UInt32, code: StatusCode) {
        guard streams.contains(id) else { return }
        removeStream(id)
        FrameEncoder.encode(.cancel(streamID: id, code: code), into: &output.current)
    }

    /// Sends a PING the peer will echo.
    public func sendPing(_ data: UInt64) {
        FrameEncoder.encode(.ping(data, ack: false), into: &output.current)
    }

    /// Server: starts a graceful shutdown. Streams opened so far may finish; later ones are
    /// refused with CANCEL UNAVAILABLE.
    public func goAway(code: StatusCode = .ok, reason: String) {
        guard case .active = lifecycle else { return }
        lifecycle = .draining(lastStreamID: highestStreamID)
        FrameEncoder.encode(.goAway(lastStreamID: highestStreamID, code: code, reason: reason), into: &output.current)
    }

    /// Writes what stream `id` has queued as far as credit allows. Returns true when nothing is
    /// left queued. With `notify`, tells the delegate when a backlog clears.
    @discardableResult
    func flushStream(_ id: UInt32, notify: Bool) -> Bool {
        guard let (outcome, hadBacklog) = modifyStream(id, { record in
            let hadBacklog = record.hasPendingOutput
            return (writeQueued(id, &record), hadBacklog)
        }) else { return true }
        switch outcome {
        case .ended:
            removeStream(id)
            return true
        case .drained:
            if hadBacklog && notify { delegate?.streamWritable(id) }
            return true
        case .waiting:
            return false
        }
    }

    /// What `writeQueued` left of a stream's queue.
    private enum QueueOutcome { case drained, waiting, ended }

    /// Writes the messages stream `id` has queued as far as credit allows, then its end once
    /// they are all out, and keeps the stream in or out of `blockedStreams` to match. Works on
    /// the record in place (`modifyStream`), so it must not touch `streams`.
    private func writeQueued(_ id: UInt32, _ record: inout StreamRecord) -> QueueOutcome {
        let maxFrame = Int(peerSettings.maxFrameSize)
        while !record.pending.isEmpty {
            let message = record.pending[0]
            let remaining = message.remaining.readableBytes
            let size = remaining == 0 ? 0 : min(remaining, maxFrame, record.sendWindow, connectionSendWindow)
            if remaining > 0 && size <= 0 { break }
            let isLast = size == remaining
            writeMessageFrame(
                id, message.remaining.sharingSlice(at: 0, count: size), compressed: message.compressed, isLast: isLast,
                endStream: message.endStream, record: &record)
            queuedByteCount -= size
            if isLast {
                record.pending.removeFirst()
            } else {
                record.pending[0].remaining.moveReaderIndex(forwardBy: size)
            }
        }
        if record.pending.isEmpty, let end = record.pendingEnd {
            switch end {
            case .trailers(let trailers):
                writeTrailers(id, trailers)
                return .ended
            case .halfClose:
                FrameEncoder.encode(.trailers(streamID: id, nil), into: &output.current)
                record.pendingEnd = nil
            }
        }
        let drained = !record.hasPendingOutput
        if !drained && !record.isBlocked {
            record.isBlocked = true
            blockedStreams.append(id)
        } else if drained && record.isBlocked {
            record.isBlocked = false
            blockedStreams.removeAll { $0 == id }
        }
        return drained ? .drained : .waiting
    }

    /// Queues one MESSAGE frame carrying `payload` (a whole message or its next fragment) and
    /// takes its credit.
    private func writeMessageFrame(
        _ id: UInt32, _ payload: ByteBuffer, compressed: Bool, isLast: Bool, endStream: Bool, record: inout StreamRecord
    ) {
        let size = payload.readableBytes
        var flags: FrameFlags = compressed ? .compressed : []
        if !isLast { flags.insert(.more) } else if endStream { flags.insert(.endStream) }
        FrameEncoder.writeHeader(FrameHeader(length: UInt32(size), type: .message, flags: flags, streamID: id), into: &output.current)
        output.appendPayload(payload)
        record.sendWindow -= size
        connectionSendWindow -= size
    }

    func flushBlockedStreams() {
        for id in blockedStreams where connectionSendWindow > 0 {
            flushStream(id, notify: true)
        }
    }
}
