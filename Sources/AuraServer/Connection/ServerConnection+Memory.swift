import AuraWire

extension ServerConnection {
    /// Recounts what the connection holds (a few integer operations) and acts on it: after
    /// every read and every flush, and when the socket's writability flips.
    func accountMemory() {
        let action = memory.update(
            incomplete: core.incompleteMessageBytes, queuedOutbound: core.queuedMessageBytes + channel.queuedWriteBytes)
        switch action {
        case .none, .pause:
            break
        case .resume:
            resumeMemoryWaiters()
        case .inboundOverShare:
            core.fail(WireError(
                .resourceExhausted, "the connection holds more than its share of \(memory.budget.connectionShare) bytes of request messages"))
            closeChannel()
        }
    }

    /// Returns at once while the connection's queued replies are within its share; otherwise
    /// waits until they drain to half of it. Throws when the call is cancelled meanwhile.
    func waitForMemory(_ id: UInt32) async throws {
        while memory.isPaused {
            let loop = channel.eventLoop
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { memoryWaiters.append((id, $0)) }
            } onCancel: {
                loop.execute { self.cancelMemoryWaiter(id) }
            }
        }
    }

    private func cancelMemoryWaiter(_ id: UInt32) {
        guard let index = memoryWaiters.firstIndex(where: { $0.id == id }) else { return }
        memoryWaiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    /// Lets the waiting handlers go, oldest first; each checks again before it starts, so the
    /// queue pauses again as soon as their replies fill it.
    private func resumeMemoryWaiters() {
        let waiters = memoryWaiters
        memoryWaiters.removeAll()
        for waiter in waiters { waiter.continuation.resume() }
    }

    /// The connection closed: its charge goes back to the budget, and a heavy connection has
    /// the freed heap trimmed.
    func releaseMemory() {
        let peak = memory.peak
        memory.release()
        heapTrimmer.connectionClosed(peakBytes: peak)
    }
}
