import AuraBytes

/// Large buffers a session lent out (ciphertext to the channel's write queue, plaintext to the
/// frame decoder's message slices), kept so that a new buffer can reuse one whose borrowers
/// have all let go instead of allocating. Blocks this large come from glibc's arena top, which
/// it hands back to the kernel when freed, so each new one was touched page by page again: a
/// TLS streaming client took about 190 page faults per MB, its server about 40.
///
/// Holds at most `limit` buffers, only those of at least `minimumCapacity` bytes (smaller ones
/// come from malloc's bins without faults). One per thread (`ThreadBufferRecyclers`), shared by
/// the sessions on that thread, so what is kept does not grow with the connections.
struct BufferRecycler {
    let minimumCapacity: Int
    let limit: Int
    /// Buffers lent out, oldest first; their storage may still be shared with a borrower.
    private var lent: [ByteBuffer] = []

    init(minimumCapacity: Int, limit: Int) {
        self.minimumCapacity = minimumCapacity
        self.limit = limit
    }

    /// Buffers kept now (for tests).
    var count: Int { lent.count }

    /// Keeps `buffer`, just handed to a borrower, for reuse once the borrower lets go of it.
    mutating func lend(_ buffer: ByteBuffer) {
        guard buffer.capacity >= minimumCapacity else { return }
        if lent.count == limit { lent.removeFirst() }
        lent.append(buffer)
    }

    /// An empty buffer with room for at least `capacity` bytes: a kept one that nobody else
    /// holds any more, or a new one of `capacity` bytes.
    mutating func buffer(capacity: Int) -> ByteBuffer {
        for index in lent.indices where lent[index].capacity >= capacity && lent[index].isUniquelyOwned {
            var buffer = lent.remove(at: index)
            buffer.clear()
            return buffer
        }
        return ByteBuffer(capacity: capacity)
    }
}
