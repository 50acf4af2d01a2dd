import AuraBytes
import AuraClient

/// The client cut its own upload off, as a client that crashes mid-way would.
struct ClientCut: Error {}

/// A document file as Submit chunks that may stop with `ClientCut` once `cutAt` bytes are
/// sent (the call is then cancelled and the upload left to resume).
struct FileSlices: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let path: String?
    let chunkSize: Int
    let cutAt: UInt64?

    init(path: String, chunkSize: Int, cutAt: UInt64?) {
        self.path = path
        self.chunkSize = chunkSize
        self.cutAt = cutAt
    }

    private init() {
        path = nil
        chunkSize = 1
        cutAt = nil
    }

    /// No chunks at all (a Submit that only repeats an idempotency key).
    static let empty = FileSlices()

    struct AsyncIterator: AsyncIteratorProtocol {
        var file: FileChunks.AsyncIterator?
        let cutAt: UInt64?
        var sent: UInt64 = 0

        mutating func next() async throws -> ByteBuffer? {
            if let cutAt, sent >= cutAt { throw ClientCut() }
            guard let chunk = try await file?.next() else { return nil }
            sent += UInt64(chunk.readableBytes)
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(file: path.map { FileChunks(path: $0, chunkSize: chunkSize).makeAsyncIterator() }, cutAt: cutAt)
    }
}
