import CAuraAllocationCounter
import Testing

/// Guards the unary path against new allocations, the way swift-nio's allocation-counter tests
/// do: a small unary call may allocate at most a recorded number of times on each side. Counting
/// is exact (every malloc, calloc, realloc, posix_memalign and aligned_alloc on the watched
/// thread) and does not depend on timing: three runs gave the same figures to within 0.001 per
/// call (a stray allocation at the edges of the 2,000 measured calls). The limits are today's
/// figures plus half an allocation, so one more allocation per call fails here. A change that
/// removes allocations should lower the limit with it; one that must add some raises it in the
/// same commit, with the reason. The figures are for debug builds (what `swift test` runs);
/// release builds allocate less (benchmarks/README.md).
@Suite(.serialized, .enabled(if: aura_allocation_counter_available(), "the allocation counter is off under sanitizers"))
struct UnaryAllocationTests {
    /// Server allocations per call on 2026-11-30: 87.0 (debug build); 50.0 after the issue 17
    /// CPU round (the server's output held to the loop's flush phase, a message that fits its
    /// credit framed without a queue, the peer's address formatted once per connection, the
    /// method name taken from the registry); 49.0 on 2026-12-01 (a consumer waiting on a
    /// `LoopAsyncQueue` holds an unsafe continuation, which allocates no canary); 35.0 later that
    /// day (a `ByteBuffer` is one block, HEADERS payloads are decoded without a copy, frames are
    /// encoded without a placeholder buffer, metadata grows once, the context's facts are one
    /// object, and a unary call holds its request with no queue and writes with no outbox object);
    /// 24.0 in the next session (streams and calls in `StreamTable`, records edited in place).
    static let serverLimit = 24.5
    /// Client allocations per call on 2026-11-30: 39.0 (debug build), from 43.0: the HEADERS
    /// go out with the request (one output buffer less), one response-release closure per
    /// connection, the accept-encoding list made once, the generic unary steps specialized;
    /// 34.0 on 2026-12-01, after unsafe continuations on its `LoopAsyncQueue`s (no canary per
    /// wait) and strings decoded with `String(validUTF8:)`; 25.0 later that day (a `ByteBuffer`
    /// is one block, HEADERS and TRAILERS are decoded without a copy, metadata grows once); 13.0
    /// in the next session (a unary call holds its one response with no queue and waits once,
    /// for the status; streams and calls in `StreamTable`; `LoopBound` read in place); 12.0 when
    /// a unary call opens and sends without an `await` (no checked continuation for its wait).
    static let clientLimit = 12.5

    @Test("a unary call allocates at most the recorded number of times on the server's loop")
    func serverUnaryCall() async throws {
        let allocations = try await UnaryAllocations.measure()
        #expect(allocations.server > 0, "nothing counted: the server's loop thread was not watched")
        #expect(allocations.server <= Self.serverLimit, "\(allocations.server) allocations per call")
    }

    @Test("a unary call allocates at most the recorded number of times on the client's loop")
    func clientUnaryCall() async throws {
        let allocations = try await UnaryAllocations.measure()
        #expect(allocations.client > 0, "nothing counted: the client's loop thread was not watched")
        #expect(allocations.client <= Self.clientLimit, "\(allocations.client) allocations per call")
    }
}
