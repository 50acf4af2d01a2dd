import Testing
@testable import AuraBytes

/// Copy-on-write edges: slices and copies share storage, and a write on either side never
/// shows through the other.
@Suite struct ByteBufferSharingTests {
    private func sharesStorage(_ a: ByteBuffer, _ b: ByteBuffer) -> Bool { a.storage === b.storage }

    @Test func readSliceSharesStorageAndConsumes() {
        var buffer = ByteBuffer(bytes: Array(0..<10))
        let slice = buffer.readSlice(length: 4)!
        #expect(sharesStorage(slice, buffer))
        #expect(slice.readableBytesArray == [0, 1, 2, 3])
        #expect(buffer.readableBytesArray == Array(4..<10))
    }

    @Test func writingToASliceLeavesTheOriginalAlone() {
        var original = ByteBuffer(bytes: Array(0..<10))
        var slice = original.sharingSlice(at: 0, count: 4)
        slice.writeByte(99)  // would land on the original's byte 4 if storage were shared
        #expect(slice.readableBytesArray == [0, 1, 2, 3, 99])
        #expect(original.readableBytesArray == Array(0..<10))
        #expect(!sharesStorage(slice, original))
        _ = original.readSlice(length: 2)
        #expect(original.readableBytesArray == Array(2..<10))
    }

    @Test func editingASliceInPlaceLeavesTheOriginalAlone() {
        var original = ByteBuffer(bytes: Array(0..<10))
        var slice = original.readSlice(length: 5)!
        slice.withUnsafeMutableReadableBytes { $0[0] = 42 }
        #expect(slice.readableBytesArray == [42, 1, 2, 3, 4])
        #expect(original.readableBytesArray == Array(5..<10))
    }

    @Test func editingTheOriginalLeavesTheSliceAlone() {
        var original = ByteBuffer(bytes: Array(0..<10))
        let slice = original.sharingSlice(at: 2, count: 3)
        original.withUnsafeMutableReadableBytes { bytes in
            for index in bytes.indices { bytes[index] = 0xff }
        }
        #expect(slice.readableBytesArray == [2, 3, 4])
        #expect(original.readableBytesArray == [UInt8](repeating: 0xff, count: 10))
    }

    @Test func writesAfterSlicingGoToTheWriterOnly() {
        var original = ByteBuffer(bytes: [1, 2, 3])
        let slice = original.readSlice(length: 3)!
        original.writeBytes([4, 5])
        #expect(original.readableBytesArray == [4, 5])
        #expect(slice.readableBytesArray == [1, 2, 3])
        var copy = slice
        copy.writeBytes([6])
        #expect(slice.readableBytesArray == [1, 2, 3])
        #expect(copy.readableBytesArray == [1, 2, 3, 6])
    }

    @Test func slicesOfSlicesShareAndStayIndependent() {
        var original = ByteBuffer(bytes: Array(0..<16))
        var outer = original.readSlice(length: 8)!
        var inner = outer.sharingSlice(at: 2, count: 4)
        #expect(sharesStorage(inner, original))
        #expect(inner.readableBytesArray == [2, 3, 4, 5])
        let innermost = inner.readSlice(length: 2)!
        #expect(innermost.readableBytesArray == [2, 3])
        #expect(inner.readableBytesArray == [4, 5])
        inner.writeByte(0xee)
        outer.dropLast(1)
        #expect(inner.readableBytesArray == [4, 5, 0xee])
        #expect(outer.readableBytesArray == Array(0..<7))
        #expect(innermost.readableBytesArray == [2, 3])
        #expect(original.readableBytesArray == Array(8..<16))
    }

    @Test func reserveWhileSharedCopiesOnlyTheReader() {
        let original = ByteBuffer(bytes: Array(0..<32))
        var copy = original.sharingSlice(at: 30, count: 2)
        copy.reserveWritable(1000)
        #expect(!sharesStorage(copy, original))
        #expect(copy.readerIndex == 0)
        #expect(copy.writableBytes >= 1000)
        #expect(copy.readableBytesArray == [30, 31])
        #expect(original.readableBytesArray == Array(0..<32))
    }

    @Test func compactingWhileSharedLeavesTheOtherAlone() {
        var original = ByteBuffer(bytes: Array(0..<10))
        original.moveReaderIndex(forwardBy: 6)
        let copy = original
        original.discardReadBytes()
        #expect(original.readerIndex == 0)
        #expect(original.readableBytesArray == [6, 7, 8, 9])
        #expect(copy.readerIndex == 6)
        #expect(copy.readableBytesArray == [6, 7, 8, 9])
    }

    @Test func clearingWhileSharedLeavesTheOtherAlone() {
        var original = ByteBuffer(bytes: [1, 2, 3])
        let copy = original
        original.clear()
        original.writeByte(9)
        #expect(original.readableBytesArray == [9])
        #expect(copy.readableBytesArray == [1, 2, 3])
    }

    @Test func emptyBuffersAndEmptySlices() {
        var empty = ByteBuffer()
        #expect(empty.readableBytes == 0)
        #expect(empty.readSlice(length: 1) == nil)
        #expect(empty.readSlice(length: -1) == nil)
        var slice = empty.readSlice(length: 0)!
        #expect(slice.readableBytes == 0)
        #expect(slice == ByteBuffer())
        slice.writeByte(1)
        #expect(empty.readableBytes == 0)
        var full = ByteBuffer(bytes: [1, 2])
        let tail = full.sharingSlice(at: 2, count: 0)
        _ = full.readSlice(length: 2)
        #expect(tail.readableBytes == 0)
        #expect(full.readSlice(length: 0)?.readableBytes == 0)
        #expect(full.readSlice(length: 1) == nil)
    }
}
