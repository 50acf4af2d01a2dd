import AuraBytes

extension ConnectionCore {
    /// The limits we enforce on input: until the peer acknowledges our SETTINGS it may still be
    /// using the defaults, so the larger of each applies.
    var enforcedMaxMessageSize: Int {
        Int(localSettingsAcknowledged ? localSettings.maxMessageSize : max(localSettings.maxMessageSize, Settings().maxMessageSize))
    }

    func handle(_ frame: Frame) throws(WireError) {
        switch frame {
        case .settings(let settings, let ack):
            if ack {
                if !localSettingsAcknowledged {
                    connectionReceiveWindow -= max(0, Int(Settings().connectionWindow) - Int(localSettings.connectionWindow))
                }
                localSettingsAcknowledged = true
                decoder.maxFrameSize = localSettings.maxFrameSize
            } else if let settings {
                try applyPeerSettings(settings)
                hasPeerSettings = true
                FrameEncoder.encode(.settings(nil, ack: true), into: &output.current)
                delegate?.peerSettingsReceived()
            }
        case .headers(let id, let headers, let endStream):
            try receiveHeaders(id, headers, endStream: endStream)
        case .message(let id, let payload, let flags):
            try receiveMessage(id, payload, flags: flags)
        case .trailers(let id, let trailers):
            try receiveTrailers(id, trailers)
        case .cancel(let id, let code):
            try requireSeen(id, "CANCEL")
            guard streams.contains(id) else { return }
            removeStream(id)
            delegate?.streamReset(id, role == .client ? Self.refusal(code) : RPCError(code, "the peer cancelled the call (\(code.name))"))
        case .windowUpdate(let id, let increment):
            try receiveWindowUpdate(id, Int(increment))
        case .ping(let data, let ack):
            if ack {
                delegate?.pingAcknowledged(data)
            } else {
                FrameEncoder.encode(.ping(data, ack: true), into: &output.urgent)
            }
        case .goAway(let last, let code, let reason):
            receiveGoAway(lastStreamID: last, code: code, reason: reason)
        case .unknown:
            return
        }
    }

    /// A server sends CANCEL only to refuse a stream it has not processed (SPEC.md section 3):
    /// what the client's call ends with, marked as safe to retry.
    static func refusal(_ code: StatusCode) -> RPCError {
        RPCError(code, "the server refused the call before processing it (\(code.name)); retrying is safe", metadata: [RPCError.refusedStreamKey: "1"])
    }

    private func applyPeerSettings(_ settings: Settings) throws(WireError) {
        let streamDelta = Int(settings.initialStreamWindow) - Int(peerSettings.initialStreamWindow)
        connectionSendWindow += Int(settings.connectionWindow) - Int(peerSettings.connectionWindow)
        peerSettings = settings
        guard connectionSendWindow <= Int(Int32.max) else {
            throw WireError(.invalidArgument, "CONNECTION_WINDOW change pushes the connection flow control window above 2^31-1")
        }
        if streamDelta != 0 {
            for id in streams.keys {
                let window = streams.modify(id) { $0.sendWindow += streamDelta; return $0.sendWindow }!
                guard window <= Int(Int32.max) else {
                    throw WireError(.invalidArgument, "INITIAL_STREAM_WINDOW change pushes the window of stream \(id) above 2^31-1")
                }
            }
        }
        flushBlockedStreams()
    }

    /// Frames on a stream id above every id opened so far are a connection error: that stream
    /// cannot exist yet (SPEC.md section 3).
    private func requireSeen(_ id: UInt32, _ type: String) throws(WireError) {
        guard id <= highestStreamID else {
            throw WireError(.invalidArgument, "\(type) on stream \(id), which was never opened")
        }
    }

    private func receiveHeaders(_ id: UInt32, _ headers: CallHeaders, endStream: Bool) throws(WireError) {
        switch role {
        case .server: try openPeerStream(id, headers, endStream: endStream)
        case .client:
            try requireSeen(id, "HEADERS")
            guard let record = streams[id] else { return }
            guard record.state.isReceiving else {
                resetStream(id, RPCError(.internal, "HEADERS after the server ended its half"))
                return
            }
            if let error = checkReceived(headers.metadata) { return resetStream(id, error) }
            delegate?.headersReceived(id, headers: headers)
        }
    }

    private func openPeerStream(_ id: UInt32, _ headers: CallHeaders, endStream: Bool) throws(WireError) {
        guard id & 1 == 1 else { throw WireError(.invalidArgument, "client opened even stream id \(id); client streams are odd") }
        guard id > highestStreamID else {
            throw WireError(.invalidArgument, "stream id \(id) reused or not increasing (highest so far \(highestStreamID))")
        }
        highestStreamID = id
        // Refusals (CANCEL) come first: they tell the client no work was done, so a retry is safe.
        if case .draining(let last) = lifecycle, id > last {
            FrameEncoder.encode(.cancel(streamID: id, code: .unavailable), into: &output.current)
            return
        }
        guard streams.count < Int(localSettings.maxConcurrentStreams) else {
            FrameEncoder.encode(.cancel(streamID: id, code: .resourceExhausted), into: &output.current)
            return
        }
        let encoding = headers.messageEncoding
        guard encoding.isEmpty || MessageEncoding(rawValue: encoding) != nil else {
            let message = "message encoding \"\(PeerText.excerpt(encoding))\" is not supported; use identity or deflate"
            writeTrailers(id, CallTrailers(code: .unimplemented, message: message))
            return
        }
        if let error = checkReceived(headers.metadata) {
            writeTrailers(id, CallTrailers(error: error))
            return
        }
        var record = makeRecord(compressionAllowed: !encoding.isEmpty && encoding != "identity")
        if endStream { try? record.state.receiveEndStream() }
        streams.updateValue(record, forKey: id)
        delegate?.streamOpened(id, headers: headers, endStream: endStream)
    }

    func makeRecord(compressionAllowed: Bool, outbound: StreamState.Outbound = .idle) -> StreamRecord {
        StreamRecord(
            state: StreamState(maxMessageSize: enforcedMaxMessageSize, compressionAllowed: compressionAllowed, outbound: outbound),
            sendWindow: Int(peerSettings.initialStreamWindow),
            receiveWindow: Int(max(localSettings.initialStreamWindow, localSettingsAcknowledged ? 0 : Settings().initialStreamWindow)))
    }

    private func receiveMessage(_ id: UInt32, _ payload: ByteBuffer, flags: FrameFlags) throws(WireError) {
        let size = payload.readableBytes
        guard size <= connectionReceiveWindow else {
            throw WireError(.resourceExhausted, "flow control window exceeded on the connection (\(size) bytes, \(connectionReceiveWindow) granted)")
        }
        connectionReceiveWindow -= size
        guard let receiveWindow = streams.withValue(id, \.receiveWindow) else {
            try requireSeen(id, "MESSAGE")
            returnConnectionCredit(size)  // a stream that already ended: drop, but keep the credit flowing
            return
        }
        guard size <= receiveWindow else {
            throw WireError(.resourceExhausted, "flow control window exceeded on stream \(id) (\(size) bytes, \(receiveWindow) granted)")
        }
        incompleteByteCount += size
        let message: ByteBuffer?
        do {
            // In place: a copy of the record would share the storage of the message being
            // assembled, and each fragment would then copy every fragment before it.
            message = try streams.modify(id) { record throws(RPCError) in try record.receiveFragment(payload, flags: flags) } ?? nil
        } catch {
            resetStream(id, error)
            return
        }
        if let message {
            let (wireSize, early) = modifyStream(id) { record in
                defer {
                    record.assemblingWireBytes = 0
                    record.earlyCreditedBytes = 0
                    record.undeliveredMessages += 1
                }
                return (record.assemblingWireBytes, record.earlyCreditedBytes)
            }!
            incompleteByteCount -= wireSize + early
            earlyCreditedBytes -= early
            delegate?.messageReceived(id, message, wireSize: wireSize)
        } else if let credit = modifyStream(id, { record -> Int? in
            // A fragment while the application keeps up: credit it now, so a message larger than
            // a window can complete and partial messages never starve the connection window.
            // What a connection holds this way is bounded by `earlyCreditBudget`. (While the
            // application lags, credit comes back as it consumes.)
            guard record.undeliveredMessages == 0 else { return nil }
            let credit = record.assemblingWireBytes
            record.assemblingWireBytes = 0
            record.earlyCreditedBytes += credit
            return credit
        }) ?? nil {
            earlyCreditedBytes += credit
            guard earlyCreditedBytes <= earlyCreditBudget else {
                throw WireError(.resourceExhausted, "more than \(earlyCreditBudget) bytes of incomplete large messages on one connection")
            }
            grantCredit(id, credit)
        }
        if flags.contains(.endStream), streams.contains(id) { delegate?.inboundClosed(id) }
    }

    private func receiveTrailers(_ id: UInt32, _ trailers: CallTrailers?) throws(WireError) {
        guard var record = streams[id] else { return try requireSeen(id, "TRAILERS") }
        switch role {
        case .server:
            do { try record.state.receiveEndStream() } catch { return resetStream(id, error) }
            streams[id] = record
            delegate?.inboundClosed(id)
        case .client:
            removeStream(id)
            let trailers = trailers ?? CallTrailers()
            delegate?.trailersReceived(id, checkReceived(trailers.metadata).map { CallTrailers(error: $0) } ?? trailers)
        }
    }

    private func receiveWindowUpdate(_ id: UInt32, _ increment: Int) throws(WireError) {
        if id == 0 {
            connectionSendWindow += increment
            guard connectionSendWindow <= Int(Int32.max) else {
                throw WireError(.invalidArgument, "connection flow control window above 2^31-1")
            }
            flushBlockedStreams()
            return
        }
        try requireSeen(id, "WINDOW_UPDATE")
        guard streams.contains(id) else { return }
        let window = streams.modify(id) { $0.sendWindow += increment; return $0.sendWindow }!
        guard window <= Int(Int32.max) else {
            throw WireError(.invalidArgument, "flow control window of stream \(id) above 2^31-1")
        }
        flushStream(id, notify: true)
    }

    private func receiveGoAway(lastStreamID: UInt32, code: StatusCode, reason: String) {
        peerGoAwayLastStreamID = min(lastStreamID, peerGoAwayLastStreamID ?? .max)
        if role == .client {
            for id in streams.keys.sorted() where id > lastStreamID {
                removeStream(id)
                delegate?.streamReset(id, RPCError(.unavailable, "the server is going away and did not process this call: \(reason)"))
            }
        }
        delegate?.goAwayReceived(lastStreamID: lastStreamID, code: code, reason: reason)
    }

    /// Ends stream `id` now with `error`, dropping what is queued: a server sends TRAILERS with
    /// the error, a client sends CANCEL; the delegate learns of it through `streamReset`.
    public func failStream(_ id: UInt32, _ error: RPCError) { resetStream(id, error) }

    /// Ends one stream after it broke a rule: a server answers with TRAILERS, a client with
    /// CANCEL; the delegate learns of it through `streamReset`.
    func resetStream(_ id: UInt32, _ error: RPCError) {
        guard streams.contains(id) else { return }
        removeStream(id)
        switch role {
        case .server: writeTrailers(id, CallTrailers(error: error))
        case .client: FrameEncoder.encode(.cancel(streamID: id, code: error.code), into: &output.current)
        }
        delegate?.streamReset(id, error)
    }

    func removeStream(_ id: UInt32) {
        guard let record = streams.removeValue(forKey: id) else { return }
        if record.isBlocked { blockedStreams.removeAll { $0 == id } }
        if record.assemblingWireBytes > 0 { returnConnectionCredit(record.assemblingWireBytes) }
        earlyCreditedBytes -= record.earlyCreditedBytes
        incompleteByteCount -= record.assemblingWireBytes + record.earlyCreditedBytes
        for message in record.pending { queuedByteCount -= message.remaining.readableBytes }
    }

    /// The most bytes of incomplete messages a connection may hold on credit granted early (the
    /// rest of its memory is bounded by its windows): 64 MiB, or sixteen maximum-size messages.
    /// A peer that goes past it gets GOAWAY RESOURCE_EXHAUSTED.
    var earlyCreditBudget: Int { max(64 << 20, 16 * Int(localSettings.maxMessageSize)) }

    /// Returned credit goes back once it reaches this fraction of its window (SPEC.md section 7 requires
    /// half at most). A quarter keeps a streaming sender busy while the rest of its window is in
    /// flight: one TLS stream went from 766-919 MB/s with halves to 1,106-1,240 with quarters
    /// (`aura-bench --only tls`, alternated, benchmarks/README.md).
    static let creditBatches = 4

    func returnConnectionCredit(_ bytes: Int) {
        connectionUnreturnedCredit += bytes
        let window = Int(localSettings.connectionWindow)
        if connectionUnreturnedCredit >= window / Self.creditBatches {
            FrameEncoder.encode(.windowUpdate(streamID: 0, increment: UInt32(connectionUnreturnedCredit)), into: &output.current)
            connectionReceiveWindow += connectionUnreturnedCredit
            connectionUnreturnedCredit = 0
        }
    }

    /// The application took a message of `wireSize` bytes off stream `id` (the size the
    /// delegate was given): grant the credit back, in batches of a quarter window. Once no message
    /// waits for the application, the credit withheld for a message still arriving goes back too.
    public func messageConsumed(_ id: UInt32, wireSize: Int) {
        let early = modifyStream(id) { record in
            record.undeliveredMessages = max(0, record.undeliveredMessages - 1)
            guard record.undeliveredMessages == 0 && record.assemblingWireBytes > 0 else { return 0 }
            // The message still arriving may be larger than the window: its withheld credit
            // goes back now and counts as granted early.
            let early = record.assemblingWireBytes
            record.earlyCreditedBytes += early
            record.assemblingWireBytes = 0
            return early
        }
        guard let early else { return returnConnectionCredit(wireSize) }
        earlyCreditedBytes += early
        grantCredit(id, wireSize + early)
    }

    /// Returns `bytes` of credit on the connection and, while the peer may still send on it,
    /// on stream `id`.
    func grantCredit(_ id: UInt32, _ bytes: Int) {
        returnConnectionCredit(bytes)
        let batch = Int(localSettings.initialStreamWindow) / Self.creditBatches
        let increment = modifyStream(id) { record -> Int in
            guard record.state.isReceiving else { return 0 }
            record.unreturnedCredit += bytes
            guard record.unreturnedCredit >= batch else { return 0 }
            defer {
                record.receiveWindow += record.unreturnedCredit
                record.unreturnedCredit = 0
            }
            return record.unreturnedCredit
        } ?? 0
        if increment > 0 { FrameEncoder.encode(.windowUpdate(streamID: id, increment: UInt32(increment)), into: &output.current) }
    }
}
