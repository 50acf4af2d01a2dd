import AuraBytes
import AuraPosix

extension Channel {
    /// Reads what the socket has, straight into the input buffer, handing the buffer to the
    /// handler after each read; at most `maximumReadsPerEvent` reads per event, one on a
    /// secured channel.
    func readFromSocket() {
        // Moved out of the property while the handler holds it `inout`, so the handler may call
        // back into the channel freely and the storage stays uniquely referenced.
        var buffer = inputBuffer.take() ?? eventLoop.spareReadBuffer.take() ?? ByteBuffer(capacity: readSize)
        // A secured read costs a decryption: after each, let the loop run the handlers' tasks
        // and flush, so the flow-control credit for what they took goes back while the peer
        // still has data in flight, and its encryption overlaps our decryption (four reads in a
        // row would take a whole stream window before any credit left).
        let maximumReads = security == nil ? Channel.maximumReadsPerEvent : 1
        var reads = 0
        while reads < maximumReads && state == .active && readingEnabled {
            reads += 1
            if buffer.readableBytes == 0 {
                buffer.clear()
            } else if buffer.readerIndex > 0 && buffer.writableBytes < readSize {
                buffer.discardReadBytes()
            }
            var wouldBlock = false
            var requested = 0
            let count: Int
            do {
                count = try buffer.writeWithUnsafeMutableBytes(minimumWritable: readSize) { space in
                    let target = UnsafeMutableRawBufferPointer(rebasing: space.prefix(Channel.maximumReadSize))
                    requested = target.count
                    switch try socket.read(into: target) {
                    case .processed(let count): return count
                    case .wouldBlock:
                        wouldBlock = true
                        return 0
                    }
                }
            } catch {
                closeNow()  // ECONNRESET and friends
                return
            }
            if wouldBlock { break }
            if count == 0 {
                close()  // EOF: flush what is queued, then close
                return
            }
            adaptReadSize(read: count, requested: requested)
            if let security {
                deliverSecured(&buffer, through: security)
            } else {
                handler?.channelRead(self, &buffer)
            }
            if count < requested { break }  // drained: skip the read that would say EAGAIN
        }
        guard state != .closed else { return }
        if buffer.readableBytes > 0 {
            inputBuffer = buffer  // a partial frame waits for the rest
        } else {
            releaseInputBuffer(buffer)
        }
    }

    /// The handler took every byte: the connection keeps no input buffer while it is idle
    /// (ten thousand idle connections would otherwise hold a read buffer each); the loop keeps
    /// it for its next read, unless a large frame grew it. Not cleared here: the messages just
    /// delivered may still share its storage, and the next read clears it once they are gone.
    private func releaseInputBuffer(_ buffer: ByteBuffer) {
        inputBuffer = nil
        guard buffer.capacity <= 2 * Channel.maximumReadSize, eventLoop.spareReadBuffer == nil else { return }
        eventLoop.spareReadBuffer = buffer
    }

    /// Hands bytes left in the input buffer to the handler again (after reading resumed).
    func redeliverBufferedInput() {
        redeliveryScheduled = false
        guard state == .active, readingEnabled, var buffer = handlerInput else { return }
        handlerInput = nil
        if buffer.readableBytes > 0 { handler?.channelRead(self, &buffer) }
        if state != .closed { handlerInput = buffer }
    }

    /// Grows the read size when reads fill it, shrinks it after a run of small reads.
    private func adaptReadSize(read count: Int, requested: Int) {
        if count == requested {
            readSize = min(readSize * 2, Channel.maximumReadSize)
            smallReads = 0
        } else if count <= readSize / 4 {
            smallReads += 1
            if smallReads >= 4 {
                readSize = max(readSize / 2, Channel.minimumReadSize)
                smallReads = 0
            }
        } else {
            smallReads = 0
        }
    }
}
