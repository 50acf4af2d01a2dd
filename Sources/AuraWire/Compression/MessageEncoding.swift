import AuraBytes
import CZlib

/// How a message's bytes are compressed: the names in HEADERS' `message_encoding`.
public enum MessageEncoding: String, Sendable, CaseIterable {
    /// Not compressed.
    case identity
    /// A zlib stream (RFC 1950), flagged COMPRESSED on the MESSAGE frames.
    case deflate

    /// Compresses `message` with zlib at a fast level.
    public static func deflate(_ message: ByteBuffer, level: Int32 = 1) -> ByteBuffer {
        var stream = z_stream()
        precondition(deflateInit_(&stream, level, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { deflateEnd(&stream) }
        var output = ByteBuffer(capacity: Int(deflateBound(&stream, UInt(message.readableBytes))))
        message.withUnsafeReadableBytes { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            stream.avail_in = UInt32(input.count)
            var status: Int32 = Z_OK
            while status != Z_STREAM_END {
                _ = output.writeWithUnsafeMutableBytes(minimumWritable: 64 * 1024) { out in
                    stream.next_out = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    stream.avail_out = UInt32(out.count)
                    status = CZlib.deflate(&stream, Z_FINISH)
                    precondition(status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR)
                    return out.count - Int(stream.avail_out)
                }
            }
        }
        return output
    }

    /// Inflates a zlib stream, never producing more than `limit` bytes.
    ///
    /// Throws RESOURCE_EXHAUSTED past the limit (a decompression bomb stops there) and INTERNAL
    /// for a truncated or corrupt stream, or bytes after its end.
    public static func inflate(_ compressed: ByteBuffer, limit: Int) throws(RPCError) -> ByteBuffer {
        let limit = min(limit, Int.max - 1)
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RPCError(.internal, "message decompression failed: zlib did not start")
        }
        defer { inflateEnd(&stream) }
        var output = ByteBuffer(capacity: min(max(compressed.readableBytes * 4, 256), limit + 1))
        let status: Int32 = compressed.withUnsafeReadableBytes { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            stream.avail_in = UInt32(input.count)
            var status: Int32 = Z_OK
            while status == Z_OK && output.readableBytes <= limit {
                let room = limit + 1 - output.readableBytes
                _ = output.writeWithUnsafeMutableBytes(minimumWritable: min(64 * 1024, room)) { out in
                    stream.next_out = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    stream.avail_out = UInt32(min(out.count, room))
                    let before = stream.avail_out
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    if status == Z_BUF_ERROR && stream.avail_in == 0 { status = Z_DATA_ERROR }  // input ended early
                    return Int(before - stream.avail_out)
                }
            }
            return status
        }
        guard output.readableBytes <= limit else {
            throw RPCError(.resourceExhausted, "decompressed message exceeds the limit of \(limit) bytes")
        }
        guard status == Z_STREAM_END else {
            throw RPCError(.internal, "message decompression failed: truncated or corrupt zlib stream")
        }
        guard stream.avail_in == 0 else {
            throw RPCError(.internal, "message decompression failed: \(stream.avail_in) bytes after the end of the zlib stream")
        }
        return output
    }
}
