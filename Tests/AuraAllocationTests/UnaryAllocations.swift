import AuraClient
import AuraConformance
import AuraEventLoop
import AuraMessages
import AuraServer
import CAuraAllocationCounter
import TestSupport

/// Counts what one small unary call allocates on the server's event loop thread and on the
/// client's: a one-loop server (no interceptors, as `ServerConfiguration()` has none) and a client
/// on a loop of its own, `aura.TestService/UnaryCall` with 16 bytes each way, one call in flight.
/// Only those two threads are counted, so tests running in parallel on other threads do not
/// disturb the figures; warm-up calls first, so one-time work (type metadata, buffers that grow
/// to their working size) is not charged to the measured calls.
struct UnaryAllocations {
    /// Allocations per call on the server's loop thread.
    let server: Double
    /// Allocations per call on the client's loop thread (the caller runs there too).
    let client: Double

    static let serverSlot: Int32 = 0
    static let clientSlot: Int32 = 1

    static func measure(calls: Int = 2_000, warmUpCalls: Int = 200) async throws -> UnaryAllocations {
        var configuration = ServerConfiguration()
        configuration.address = "127.0.0.1:0"
        configuration.loopCount = 1
        let server = Server(configuration: configuration, services: [TestService(), ThreadProbe()])
        try server.start()
        let clientLoops = EventLoopGroup(loopCount: 1)
        let loop = clientLoops.loops[0]
        let client = AuraClient(address: "127.0.0.1:\(server.port)", loop: loop)
        defer {
            aura_allocation_counter_unwatch(serverSlot)
            aura_allocation_counter_unwatch(clientSlot)
        }
        do {
            let request = SimpleRequest(responseSize: 16, payload: Payload(size: 16))
            let counts = try await loop.run {
                _ = try await client.unary(ThreadProbe.watch, Empty(), as: Empty.self)
                aura_allocation_counter_watch_current_thread(clientSlot)
                for _ in 0..<warmUpCalls { _ = try await client.unary("aura.TestService/UnaryCall", request, as: SimpleResponse.self) }
                aura_allocation_counter_reset(serverSlot)
                aura_allocation_counter_reset(clientSlot)
                for _ in 0..<calls { _ = try await client.unary("aura.TestService/UnaryCall", request, as: SimpleResponse.self) }
                return (aura_allocation_counter_count(serverSlot), aura_allocation_counter_count(clientSlot))
            }
            await client.shutdown()
            await server.shutdown(gracePeriod: .seconds(1))
            await clientLoops.shutdownGracefully()
            return UnaryAllocations(server: Double(counts.0) / Double(calls), client: Double(counts.1) / Double(calls))
        } catch {
            await client.shutdown()
            await server.shutdown(gracePeriod: .seconds(1))
            await clientLoops.shutdownGracefully()
            throw error
        }
    }
}

/// `test.AllocationProbe/Watch`: starts counting on the thread its handler runs on, which is the
/// server's event loop thread (handlers run on their connection's loop).
private struct ThreadProbe: Service {
    static let watch = "test.AllocationProbe/Watch"
    let name = "test.AllocationProbe"

    func register(into registry: inout MethodRegistry) {
        registry.unary(Self.watch) { (_: Empty, _) -> Empty in
            aura_allocation_counter_watch_current_thread(UnaryAllocations.serverSlot)
            return Empty()
        }
    }
}
