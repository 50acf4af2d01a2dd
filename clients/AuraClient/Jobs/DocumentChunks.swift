import AuraBytes
import AuraPosix

/// The bytes of a file from an offset, as chunks for a Submit: one `read` of `chunkSize` per
/// element, so memory stays at one chunk whatever the file's size. `-` reads standard input.
public struct FileChunks: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer
    let path: String
    let offset: UInt64
    let chunkSize: Int

    /// The chunks of the file at `path` from `offset`, `chunkSize` bytes each (the last may be
    /// shorter).
    public init(path: String, offset: UInt64 = 0, chunkSize: Int = 1 << 20) {
        self.path = path
        self.offset = offset
        self.chunkSize = chunkSize
    }

    /// Reads the file chunk by chunk.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let file: ReadableFile
        let chunkSize: Int

        /// The next chunk, or nil at the end of the file.
        public mutating func next() async throws -> ByteBuffer? {
            try file.read(upTo: chunkSize)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(file: ReadableFile(path: path, offset: offset), chunkSize: chunkSize)
    }
}
