import AuraEventLoop
import AuraPosix
import AuraWire

extension ServerConnection {
    /// Arms the connection's one timer for the next wake-up its `ConnectionTimeouts` asks for.
    /// Called at the start and from the timer itself, never per frame.
    func armTimer() {
        let now = MonotonicClock.nanoseconds()
        guard let wakeup = timeouts.nextWakeup(now: now) else { return }
        let delay = Duration.nanoseconds(Int64(clamping: wakeup > now ? wakeup - now : 0))
        // Held strongly until it fires or `channelInactive` cancels it (a weak capture gave the
        // connection a side table, which slows every retain and release of it).
        timer = channel.eventLoop.schedule(after: delay) { [self] in timerFired() }
    }

    private func timerFired() {
        timer = nil
        guard channel.isActive else { return }
        switch timeouts.timerFired(now: MonotonicClock.nanoseconds()) {
        case .none: break
        case .ping(let data):
            core.sendPing(data)
            flush()
        case .close(let code, let reason):
            configuration.logger.log(.debug, "closing the connection of \(channel.remoteAddressDescription): \(reason)")
            if code == .ok {
                core.goAway(code: .ok, reason: reason)
            } else {
                core.fail(WireError(code, reason))
            }
            flush()
            closeChannel()
            return
        }
        armTimer()
    }

    /// Stops reading the socket (backpressure); a frame half-received meanwhile is not the
    /// peer's delay, so its read timeout stops too.
    func pauseReading() {
        channel.setReadingEnabled(false)
        timeouts.readingPaused()
    }

    /// Turns a connection past a connection limit away: GOAWAY RESOURCE_EXHAUSTED with
    /// `reason`, then close. It was never counted, so its close uncounts nothing.
    func refuse(_ reason: String) {
        configuration.logger.log(.debug, "refused a connection from \(channel.remoteAddressDescription): \(reason)")
        core.fail(WireError(.resourceExhausted, reason))
        flush()
        closeChannel()
    }
}
