import AuraBytes
import AuraCore
import AuraPosix

/// Cuts the byte stream from a worker socket into frames (a u32 little-endian length, then the
/// body), reading as much as the socket has at once so that one read serves many frames.
struct FrameReader {
    private var buffer = ByteBuffer(capacity: 64 << 10)

    /// Reads what `socket` has (blocking until something arrives): false at end of stream.
    mutating func read(from socket: Socket) throws(SystemError) -> Bool {
        buffer.discardReadBytes()
        var failure: SystemError?
        let read = buffer.writeWithUnsafeMutableBytes(minimumWritable: 16 << 10) { space in
            do throws(SystemError) {
                switch try socket.read(into: space) {
                case .processed(let count): return count
                case .wouldBlock: return 0
                }
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return read > 0
    }

    /// The next complete frame's body, nil when more bytes are needed. A length over
    /// `WorkerWire.maxFrameBytes` throws before anything is buffered for it.
    mutating func nextFrame() throws(RPCError) -> ByteBuffer? {
        guard let length = buffer.getInteger(endianness: .little, as: UInt32.self) else { return nil }
        guard Int(length) <= WorkerWire.maxFrameBytes else {
            throw RPCError(.internal, "a frame of \(length) bytes is over the \(WorkerWire.maxFrameBytes) byte limit")
        }
        guard buffer.readableBytes >= 4 + Int(length) else {
            buffer.reserveWritable(4 + Int(length) - buffer.readableBytes)
            return nil
        }
        buffer.moveReaderIndex(forwardBy: 4)
        return buffer.readSlice(length: Int(length))
    }
}
