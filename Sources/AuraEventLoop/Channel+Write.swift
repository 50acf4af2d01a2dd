import AuraBytes
import AuraPosix
import Glibc

extension Channel {
    /// Queues `buffer` (not copied; its storage is shared) to be sent in the flush phase at the
    /// end of this loop iteration, together with everything else queued, in one `writev`.
    /// Dropped when the channel is closing or closed.
    public func write(_ buffer: ByteBuffer) {
        eventLoop.assertInEventLoop()
        guard state == .active else { return }
        let count = buffer.readableBytes
        guard count > 0 else { return }
        if let security {
            security.send(buffer)
            unsealedWriteBytes += count
        } else {
            writeQueue.append(buffer)
        }
        queuedBytes += count
        requestFlush()
        if isWritable && queuedWriteBytes > writeWatermarks.high {
            writable = false
            handler?.channelWritabilityChanged(self)
        }
    }

    /// Puts the channel in this iteration's flush phase, unless it already is or is waiting
    /// for the socket to become writable; the handler's `channelWillFlush` runs there first.
    public func requestFlush() {
        if !flushScheduled && !waitingForWritable {
            flushScheduled = true
            eventLoop.scheduleFlush(self)
        }
    }

    /// Writes what is queued now, with one `writev`, rather than in this iteration's flush
    /// phase, so the peer can start on it while the loop works on the rest: a handler that holds
    /// output for the flush phase calls it once it holds enough. It calls back into no handler:
    /// an error, a socket that takes only part, writability and closing are left to the flush
    /// phase, which stays scheduled.
    public func writeQueuedNow() {
        guard state == .active, !waitingForWritable else { return }
        if let security { queueCiphertext(from: security) }
        guard !writeQueue.isEmpty else { return }
        let (vectors, _) = fillVectors()
        if case .processed(let written)? = try? socket.writev(UnsafeBufferPointer(rebasing: eventLoop.iovecs[..<vectors])) {
            consume(written)
        }
        requestFlush()
    }

    /// Writes queued buffers with `writev` until the queue is empty or the kernel pushes back
    /// (then waits for `.writable`).
    func flushNow() {
        if state == .active { handler?.channelWillFlush(self) }  // its writes find the flush scheduled
        flushScheduled = false
        guard state != .closed else { return }
        if let security { queueCiphertext(from: security) }
        var writes = 0
        while !writeQueue.isEmpty {
            guard writes < Channel.maximumWritesPerFlush else {
                waitingForWritable = true  // level-triggered: fires next iteration if still writable
                break
            }
            writes += 1
            let (vectors, total) = fillVectors()
            let result: IOResult<Int>
            do {
                result = try socket.writev(UnsafeBufferPointer(rebasing: eventLoop.iovecs[..<vectors]))
            } catch {
                closeNow()  // EPIPE, ECONNRESET
                return
            }
            guard case .processed(let written) = result else {
                waitingForWritable = true
                break
            }
            consume(written)
            if written < total {
                waitingForWritable = true
                break
            }
        }
        if writeQueue.isEmpty { waitingForWritable = false }
        updateInterest()
        if !isWritable && queuedWriteBytes <= writeWatermarks.low {
            writable = true
            handler?.channelWritabilityChanged(self)
        }
        if state == .closing && writeQueue.isEmpty { closeNow() }
    }

    /// Points the loop's iovecs at the front of the queue; returns the count and byte total.
    private func fillVectors() -> (count: Int, bytes: Int) {
        let iovecs = eventLoop.iovecs
        let count = min(writeQueue.count, iovecs.count)
        var total = 0
        for index in 0..<count {
            // The storage of a queued ByteBuffer is stable while the queue holds it.
            writeQueue[index].withUnsafeReadableBytes { bytes in
                iovecs[index] = iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count)
                total += bytes.count
            }
        }
        return (count, total)
    }

    /// Drops `count` sent bytes from the front of the queue.
    private func consume(_ count: Int) {
        queuedBytes -= count
        var remaining = count
        while remaining > 0 {
            let front = writeQueue[0].readableBytes
            if front <= remaining {
                writeQueue.removeFirst()
                remaining -= front
            } else {
                writeQueue[0].moveReaderIndex(forwardBy: remaining)
                remaining = 0
            }
        }
    }
}
