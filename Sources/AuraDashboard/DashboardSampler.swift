import AuraMetrics
import AuraPosix
import Synchronization

/// Keeps the dashboard's series: once a second, in a task of its own (never on an event loop),
/// it collects the metrics registry, as a scrape would, and records the reading. The calls
/// themselves pay nothing for it: every figure is a counter they already keep.
public final class DashboardSampler: Sendable {
    /// The SLA the series measure calls against.
    public let objective: SLAObjective
    private let history: Mutex<DashboardHistory>
    private let read: @Sendable () -> DashboardReading
    private let alerts: @Sendable () -> [Alert]
    private let clock: @Sendable () -> Int64
    private let timer = Mutex<Task<Void, Never>?>(nil)

    /// A sampler reading `registry`, with the alerts `alerts` reports as firing; `now` gives
    /// milliseconds since the epoch.
    public convenience init(
        registry: MetricsRegistry, alerts: @escaping @Sendable () -> [Alert] = { [] }, objective: SLAObjective = SLAObjective(),
        now: @escaping @Sendable () -> Int64 = { WallClock.microseconds() / 1000 }
    ) {
        self.init(read: { DashboardReading(families: registry.collect()) }, alerts: alerts, objective: objective, now: now)
    }

    /// A sampler taking its readings from `read` (tests feed readings directly).
    init(
        read: @escaping @Sendable () -> DashboardReading, alerts: @escaping @Sendable () -> [Alert], objective: SLAObjective,
        now: @escaping @Sendable () -> Int64
    ) {
        self.objective = objective
        self.read = read
        self.alerts = alerts
        clock = now
        history = Mutex(DashboardHistory(objective: objective))
    }

    /// Takes one reading now and records it.
    public func sample() {
        let reading = read(), now = clock()
        history.withLock { $0.record(reading, at: now) }
    }

    /// Samples every `interval` from now on, until `stop()`.
    public func start(interval: Duration = .seconds(1)) {
        let task = Task.detached { [weak self] in
            while !Task.isCancelled {
                self?.sample()
                try? await Task.sleep(for: interval)
            }
        }
        timer.withLock { $0?.cancel(); $0 = task }
    }

    /// Stops sampling.
    public func stop() { timer.withLock { $0?.cancel(); $0 = nil } }

    /// The series JSON (`DashboardJSON`) of the newest `points` at `resolution`.
    public func json(resolution: DashboardResolution, points: Int) -> String {
        let firing = alerts()
        return history.withLock { DashboardJSON.render($0, resolution: resolution, points: points, alerts: firing) }
    }
}
