import Testing
@testable import AuraBytes

@Suite struct ByteBufferTests {
    @Test func integersRoundTripBigEndian() {
        var buffer = ByteBuffer(capacity: 4)
        buffer.writeInteger(UInt32(0x0102_0304))
        buffer.writeInteger(UInt16(0xabcd))
        buffer.writeByte(7)
        #expect(buffer.readableBytesArray == [1, 2, 3, 4, 0xab, 0xcd, 7])
        #expect(buffer.readInteger(as: UInt32.self) == 0x0102_0304)
        #expect(buffer.readInteger(as: UInt16.self) == 0xabcd)
        #expect(buffer.readInteger(as: UInt16.self) == nil)
        #expect(buffer.readableBytes == 1)
    }

    @Test func copiesDoNotShareWrites() {
        var a = ByteBuffer(bytes: [1, 2, 3])
        let b = a
        a.writeByte(4)
        #expect(a.readableBytesArray == [1, 2, 3, 4])
        #expect(b.readableBytesArray == [1, 2, 3])
    }

    @Test func discardReadBytesKeepsUnreadBytes() {
        var buffer = ByteBuffer(bytes: Array(0..<100))
        buffer.moveReaderIndex(forwardBy: 90)
        buffer.discardReadBytes()
        #expect(buffer.readerIndex == 0)
        #expect(buffer.readableBytesArray == Array(90..<100))
    }

    @Test func sliceAndStringReads() {
        var buffer = ByteBuffer()
        buffer.writeString("héllo!")
        #expect(buffer.readSlice(length: 100) == nil)
        let slice = buffer.readSlice(length: 3)
        #expect(slice?.readableBytesArray == Array("hé".utf8))
        #expect(buffer.readString(length: 4) == "llo!")
        #expect([0x00, 0xff, 0x1a].hexString == "00ff1a")
    }
}
