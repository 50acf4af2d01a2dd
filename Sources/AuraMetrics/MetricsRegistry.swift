import Synchronization

/// Every metric a process exports, read at scrape time: components register a collector per
/// family (a closure reading their own atomics or sampling a level), and `collect()` calls them
/// all, off the hot path. Registration is rare (at start); collecting copies the list under a
/// lock and runs the collectors outside it.
///
/// The registry also exports per-key usage (`keyUsage`), which the API-key check counts into
/// once per admitted call.
public final class MetricsRegistry: Sendable {
    private struct Collector: Sendable {
        let descriptor: MetricDescriptor
        let collect: @Sendable () -> [MetricSample]
    }

    private let collectors = Mutex<[Collector]>([])
    /// Calls per API key id.
    public let keyUsage: KeyUsage

    /// An empty registry, with the key usage family (of `keyUsage`, which the API-key check
    /// counts into) registered.
    public init(keyUsage: KeyUsage = KeyUsage(maxKeys: 1_000)) {
        self.keyUsage = keyUsage
        register(MetricDescriptor("aura_key_calls_total", .counter, help: "Calls made with each API key, by key id.")) {
            keyUsage.counts().map { MetricSample([MetricLabel("key_id", $0.keyID)], Double($0.calls)) }
        }
    }

    /// Adds a family; `collect` runs at every scrape and must be quick and never block for
    /// long (it runs on the metrics listener's thread or an admin call's). A name registered
    /// twice is a programming error.
    public func register(_ descriptor: MetricDescriptor, collect: @escaping @Sendable () -> [MetricSample]) {
        collectors.withLock { collectors in
            precondition(!collectors.contains { $0.descriptor.name == descriptor.name }, "metric \(descriptor.name) registered twice")
            collectors.append(Collector(descriptor: descriptor, collect: collect))
        }
    }

    /// Registers a family of one unlabelled series whose value `read` samples.
    public func register(_ descriptor: MetricDescriptor, value read: @escaping @Sendable () -> Double) {
        register(descriptor) { [MetricSample([], read())] }
    }

    /// Every family now, in registration order.
    public func collect() -> [MetricFamily] {
        collectors.withLock { $0 }.map { MetricFamily($0.descriptor, samples: $0.collect()) }
    }
}
