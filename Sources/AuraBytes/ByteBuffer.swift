import Glibc

/// A growable buffer of bytes with a reader index and a writer index.
///
/// Bytes between `readerIndex` and `writerIndex` are readable; `write*` methods append at the
/// writer index and `read*` methods consume from the reader index, so a frame decoder can see
/// exactly how much input is left. Storage is a heap block whose bytes' address stays stable
/// while the buffer is alive, which lets a transport hand many buffers to one `writev`.
/// `ByteBuffer` is a value type: a copy shares storage until one side writes (copy on write).
///
/// When bytes are copied:
/// - Never by copying the value, `readSlice`, `sharingSlice`, the reader-index moves, or reads
///   through `withUnsafeReadableBytes`: these share the storage.
/// - Once, on the first write to a buffer whose storage is shared (`write…`, `reserveWritable`,
///   `withUnsafeMutableReadableBytes`, `discardReadBytes`): that buffer moves its own readable
///   bytes, and only those, to new storage, so that the write cannot show through the other.
///   `clear()` on shared storage takes fresh storage and copies nothing.
/// - When uniquely owned storage grows: it doubles, so appends cost amortized constant time.
/// - By definition, where bytes cross into or out of a buffer: `init(bytes:)`, `writeBytes`,
///   `writeBuffer`, `readBytes`, `readString`, `readableBytesArray`.
/// A slice keeps the whole storage alive: a small slice meant to be kept long should be
/// copied into a buffer of its own (`ByteBuffer(bytes:)` over its readable bytes).
public struct ByteBuffer: Sendable {
    // `ManagedBuffer` is not `Sendable`; copy on write makes sharing the storage safe.
    @usableFromInline nonisolated(unsafe) var storage: Storage
    /// The index of the first readable byte.
    public private(set) var readerIndex: Int
    /// The index one past the last readable byte, where the next write goes.
    public private(set) var writerIndex: Int

    /// Creates an empty buffer that can hold `capacity` bytes before growing.
    public init(capacity: Int = 256) {
        storage = Storage.make(capacity: Swift.max(capacity, 16))
        readerIndex = 0
        writerIndex = 0
    }

    /// Creates a buffer holding a copy of `bytes`.
    public init<S: Sequence>(bytes: S) where S.Element == UInt8 {
        self.init(capacity: bytes.underestimatedCount)
        writeBytes(bytes)
    }

    /// The number of readable bytes.
    @inlinable public var readableBytes: Int { writerIndex - readerIndex }

    /// The number of bytes that can be written before the storage grows.
    public var writableBytes: Int { storage.byteCapacity - writerIndex }

    /// The total size of the storage.
    public var capacity: Int { storage.byteCapacity }

    /// Calls `body` with the readable bytes; the pointer is valid only inside `body`.
    @inlinable
    public func withUnsafeReadableBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: storage.bytes + readerIndex, count: readableBytes))
    }

    /// Calls `body` with the writable tail of the storage, growing it to at least
    /// `minimumWritable` bytes first; `body` returns how many bytes it wrote.
    public mutating func writeWithUnsafeMutableBytes(
        minimumWritable: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> Int
    ) rethrows -> Int {
        reserveWritable(minimumWritable)
        let written = try body(
            UnsafeMutableRawBufferPointer(start: storage.bytes + writerIndex, count: writableBytes))
        precondition(written >= 0 && written <= writableBytes, "wrote outside the buffer")
        writerIndex += written
        return written
    }

    /// Moves the reader index forward by `count` bytes without reading them.
    public mutating func moveReaderIndex(forwardBy count: Int) {
        precondition(count >= 0 && count <= readableBytes, "moved past the readable bytes")
        readerIndex += count
    }

    /// Calls `body` with the readable bytes for editing in place (for example to back-patch a
    /// length written earlier); offsets in `body` count from the reader index.
    public mutating func withUnsafeMutableReadableBytes<R>(
        _ body: (UnsafeMutableRawBufferPointer) throws -> R
    ) rethrows -> R {
        makeUnique(capacity: storage.byteCapacity)
        return try body(UnsafeMutableRawBufferPointer(start: storage.bytes + readerIndex, count: readableBytes))
    }

    /// Drops the last `count` readable bytes.
    public mutating func dropLast(_ count: Int) {
        precondition(count >= 0 && count <= readableBytes, "dropped more than is readable")
        writerIndex -= count
    }

    /// A buffer of `count` readable bytes starting `offset` bytes past the reader index, sharing
    /// this buffer's storage instead of copying it. Writing to either copies first, as with any
    /// copy of a `ByteBuffer`; note that the slice keeps the whole storage alive.
    public func sharingSlice(at offset: Int, count: Int) -> ByteBuffer {
        precondition(offset >= 0 && count >= 0 && offset + count <= readableBytes, "slice out of range")
        var slice = self
        slice.readerIndex = readerIndex + offset
        slice.writerIndex = readerIndex + offset + count
        return slice
    }

    /// Whether this buffer alone holds its storage: writing to it then copies nothing and
    /// `clear()` keeps the storage. A buffer kept after lending it out (to a write queue, to
    /// the slices a decoder cut) can be written again once this turns true.
    public var isUniquelyOwned: Bool {
        mutating get { isKnownUniquelyReferenced(&storage) }
    }

    /// Drops every byte, keeping the storage for reuse.
    public mutating func clear() {
        if isKnownUniquelyReferenced(&storage) {
            readerIndex = 0
            writerIndex = 0
        } else {
            self = ByteBuffer(capacity: storage.byteCapacity)
        }
    }

    /// Moves the readable bytes to the start of the storage so the space before them can be
    /// written again; cheap when little is left to read.
    public mutating func discardReadBytes() {
        guard readerIndex > 0 else { return }
        if readableBytes == 0 {
            clear()
            return
        }
        makeUnique(capacity: storage.byteCapacity)
        (storage.bytes).copyMemory(from: storage.bytes + readerIndex, byteCount: readableBytes)
        writerIndex -= readerIndex
        readerIndex = 0
    }

    /// Makes room for `count` more bytes after the writer index, growing the capacity by
    /// doubling but, when that overshoots, to no more than `capacityLimit` (or what is needed).
    public mutating func reserveWritable(_ count: Int, capacityLimit: Int = .max) {
        if isKnownUniquelyReferenced(&storage) && writableBytes >= count { return }
        var newCapacity = Swift.max(storage.byteCapacity, 16)
        let needed = (isKnownUniquelyReferenced(&storage) ? writerIndex : readableBytes) + count
        while newCapacity < needed { newCapacity = newCapacity &* 2 }
        makeUnique(capacity: Swift.max(needed, Swift.min(newCapacity, capacityLimit)))
    }

    /// Makes the storage uniquely owned with room for `capacity` bytes. Shared storage is not
    /// copied whole: only the readable bytes move to a new block, at its start.
    private mutating func makeUnique(capacity: Int) {
        if isKnownUniquelyReferenced(&storage) {
            if capacity > storage.byteCapacity { storage = storage.grown(to: capacity, keeping: writerIndex) }
            return
        }
        let copy = Storage.make(capacity: Swift.max(capacity, readableBytes, 16))
        copy.bytes.copyMemory(from: storage.bytes + readerIndex, byteCount: readableBytes)
        storage = copy
        writerIndex -= readerIndex
        readerIndex = 0
    }
}

extension ByteBuffer {
    /// The bytes behind a buffer: one heap block holding the object's header, the capacity and
    /// the bytes (a `ManagedBuffer`), so a buffer costs one allocation, from `malloc`, where a
    /// separately allocated block cost two, the second through `posix_memalign` (Swift's raw
    /// `allocate` takes that path for every alignment).
    @usableFromInline
    final class Storage: ManagedBuffer<Int, UInt8> {  // written only while uniquely referenced (copy on write); shared storage is read-only
        /// New storage for at least `capacity` bytes.
        static func make(capacity: Int) -> Storage {
            unsafeDowncast(create(minimumCapacity: capacity) { _ in capacity }, to: Storage.self)
        }

        /// The first byte; stable for the storage's life.
        @inlinable var bytes: UnsafeMutableRawPointer {
            withUnsafeMutablePointerToElements { UnsafeMutableRawPointer($0) }
        }

        /// The bytes it holds, from the header. (`ManagedBuffer.capacity` asks `malloc` each
        /// time, and `header`, a class property, costs a dynamic exclusivity check per read.)
        var byteCapacity: Int { withUnsafeMutablePointerToHeader { $0.pointee } }

        /// Storage of `newCapacity` bytes starting with this one's first `count`.
        func grown(to newCapacity: Int, keeping count: Int) -> Storage {
            let grown = Storage.make(capacity: newCapacity)
            grown.bytes.copyMemory(from: bytes, byteCount: count)
            return grown
        }
    }
}

extension ByteBuffer: Equatable {
    /// Two buffers are equal when their readable bytes are equal.
    public static func == (lhs: ByteBuffer, rhs: ByteBuffer) -> Bool {
        lhs.withUnsafeReadableBytes { a in
            rhs.withUnsafeReadableBytes { b in
                a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }
}

extension ByteBuffer: CustomStringConvertible {
    /// The readable bytes in hex, cut after 64 bytes.
    public var description: String {
        let hex = withUnsafeReadableBytes { $0.prefix(64).hexString }
        return "ByteBuffer(\(readableBytes) bytes: \(hex)\(readableBytes > 64 ? "..." : ""))"
    }
}
