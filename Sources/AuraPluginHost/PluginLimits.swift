/// How a plugin's calls are run: on its own worker threads behind a bounded queue, or inline
/// on the caller's thread for a plugin trusted never to block.
public struct PluginLimits: Sendable, Equatable {
    /// Worker threads per plugin: how many of its calls run at once.
    public var threads: Int
    /// Calls that may wait for a worker; one more is refused with RESOURCE_EXHAUSTED.
    public var queueCapacity: Int
    /// Run single calls on the caller's thread (no hop, no queue, no abandonment; batches still
    /// go to the workers). Only for a plugin known to answer in microseconds and never block:
    /// the package's built-in plugins.
    public var runsInline: Bool

    /// Two threads (this server's machines have two cores), 1,024 waiting calls, not inline.
    public init(threads: Int = 2, queueCapacity: Int = 1024, runsInline: Bool = false) {
        self.threads = max(1, threads)
        self.queueCapacity = max(1, queueCapacity)
        self.runsInline = runsInline
    }
}

/// The largest results the host accepts from a plugin; anything larger is an invalid result.
public enum ResultLimits {
    /// Entities one detection may return (a 5,000-byte text holds far fewer real ones).
    public static let maxEntities = 4096
    /// Bytes of UTF-8 in an entity's type name.
    public static let maxTypeBytes = 64
    /// Bytes of a detection's result as the host holds it (each entity counts 32 bytes plus
    /// its type name).
    public static let maxResultBytes = 256 * 1024
    /// How far the four scores of an analysis may sum from 1.
    public static let scoreSumTolerance = 0.01
}
