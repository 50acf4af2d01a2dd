import AuraMessages
import AuraServer

/// `test.Gate`: calls that report when their handler starts and then wait until the test opens
/// the gate (or the call is cancelled), so tests wait on events, never on sleeps.
public final class GateService: Service {
    public let name = "test.Gate"
    /// The waiting method: `Empty` in, `Empty` out.
    public static let wait = "test.Gate/Wait"

    /// Handlers that have started.
    public let started = EventCounter()
    /// Handlers that saw their cancellation.
    public let cancelled = EventCounter()
    private let opened = EventCounter()

    /// Creates the service with its gate closed.
    public init() {}

    /// Lets every waiting handler (and every later one) return OK.
    public func open() { opened.increment() }

    public func register(into registry: inout MethodRegistry) {
        registry.unary(Self.wait) { [self] (_: Empty, _) -> Empty in
            started.increment()
            do {
                try await opened.waitUntil(atLeast: 1)
            } catch {
                cancelled.increment()
                throw error
            }
            return Empty()
        }
    }
}
