/// The life of a plugin's worker process as a state machine: events in (the worker started,
/// ended, the plugin was stopped), actions out (restart after a backoff, quarantine). Times are
/// monotonic nanoseconds, passed in, so that it is tested without processes or clocks.
struct WorkerLifecycle: Sendable {
    /// Where the worker is.
    enum State: Equatable, Sendable {
        /// A worker serves calls.
        case running
        /// The worker ended; a new one starts at this time.
        case restarting(at: UInt64)
        /// The plugin crashed too often; no worker runs again.
        case quarantined(reason: String)
        /// The plugin was unloaded (its last reference went); no worker runs again.
        case stopped
    }

    /// What the supervisor does after a worker ended.
    enum Action: Equatable, Sendable {
        /// Start a new worker after waiting this long.
        case restart(afterNanoseconds: UInt64)
        /// Start no more workers: mark the plugin UNAVAILABLE and restore the previous version.
        case quarantine(reason: String)
        /// Nothing: the plugin is stopped.
        case none
    }

    /// This many ends within `crashWindow` nanoseconds quarantine the plugin.
    let crashLimit: Int
    let crashWindow: UInt64
    /// The wait before the first restart, doubled for each further crash in the window.
    let backoff: UInt64
    let maxBackoff: UInt64

    private(set) var state = State.running
    /// When the worker ended, within the window.
    private(set) var recentCrashes: [UInt64] = []

    init(options: WorkerOptions) {
        crashLimit = max(options.crashLimit, 1)
        crashWindow = options.crashWindow.clampedNanoseconds
        backoff = options.restartBackoff.clampedNanoseconds
        maxBackoff = options.maxRestartBackoff.clampedNanoseconds
    }

    /// The worker ended (crashed, exited, killed as hung, or a restart failed) for `reason`.
    mutating func workerEnded(reason: String, at now: UInt64) -> Action {
        switch state {
        case .stopped, .quarantined:
            return .none
        case .running, .restarting:
            recentCrashes = recentCrashes.filter { now &- $0 < crashWindow } + [now]
            if recentCrashes.count >= crashLimit {
                let seconds = Double(crashWindow) / 1e9
                let why = "\(recentCrashes.count) crashes within \(seconds.compactText) s, the last: \(reason)"
                state = .quarantined(reason: why)
                return .quarantine(reason: why)
            }
            let shift = UInt64(min(recentCrashes.count - 1, 32))
            let delay = min(backoff << shift, maxBackoff)
            state = .restarting(at: now &+ delay)
            return .restart(afterNanoseconds: delay)
        }
    }

    /// A new worker serves calls. False when the plugin was stopped meanwhile: end that worker.
    mutating func workerStarted() -> Bool {
        switch state {
        case .restarting, .running:
            state = .running
            return true
        case .quarantined, .stopped:
            return false
        }
    }

    /// The plugin is unloaded: no more restarts.
    mutating func stop() { state = .stopped }

    /// Why calls fail now (nil while a worker runs).
    var unavailableReason: String? {
        switch state {
        case .running: nil
        case .restarting: "its worker process is restarting after a crash"
        case .quarantined(let reason): "it is quarantined after \(reason)"
        case .stopped: "it is unloaded"
        }
    }
}

private extension Double {
    /// "60" for whole numbers, "0.5" otherwise.
    var compactText: String { self == rounded() ? String(Int(self)) : String(self) }
}
