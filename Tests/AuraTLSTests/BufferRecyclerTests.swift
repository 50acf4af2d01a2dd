import AuraBytes
import Testing

@testable import AuraTLS

@Suite struct BufferRecyclerTests {
    @Test func aLentBufferIsReusedOnlyOnceItsBorrowerLetsGo() {
        var recycler = BufferRecycler(minimumCapacity: 1024, limit: 2)
        var borrowed: ByteBuffer? = recycler.buffer(capacity: 4096)
        borrowed!.writeBytes([1, 2, 3])
        let storage = address(of: borrowed!)
        recycler.lend(borrowed!)

        var whileHeld = recycler.buffer(capacity: 4096)
        #expect(address(of: whileHeld) != storage)
        whileHeld.writeBytes([9])
        #expect(borrowed!.readableBytesArray == [1, 2, 3])

        borrowed = nil
        let reused = recycler.buffer(capacity: 4096)
        #expect(address(of: reused) == storage)
        #expect(reused.readableBytes == 0)
        #expect(recycler.count == 0)
    }

    @Test func smallBuffersAreNotKeptAndTheOldestGoesPastTheLimit() {
        var recycler = BufferRecycler(minimumCapacity: 1024, limit: 2)
        recycler.lend(ByteBuffer(capacity: 100))
        #expect(recycler.count == 0)
        let first = ByteBuffer(capacity: 2048), second = ByteBuffer(capacity: 2048), third = ByteBuffer(capacity: 2048)
        for buffer in [first, second, third] { recycler.lend(buffer) }
        #expect(recycler.count == 2)
        let reused = [recycler.buffer(capacity: 2048), recycler.buffer(capacity: 2048)].map(address(of:))
        #expect(!reused.contains(address(of: first)))
    }

    @Test func aKeptBufferTooSmallForTheRequestIsNotUsed() {
        var recycler = BufferRecycler(minimumCapacity: 1024, limit: 2)
        recycler.lend(ByteBuffer(capacity: 2048))
        #expect(recycler.buffer(capacity: 8192).capacity >= 8192)
        #expect(recycler.count == 1)
    }

    private func address(of buffer: ByteBuffer) -> UnsafeRawPointer? {
        buffer.withUnsafeReadableBytes { $0.baseAddress! - buffer.readerIndex }
    }
}
