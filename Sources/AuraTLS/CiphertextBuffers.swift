import AuraBytes
import CSSL

/// The ciphertext a session exchanges with OpenSSL, in two `ByteBuffer`s behind one custom BIO
/// (in place of two memory BIOs): OpenSSL reads the peer's records straight from the buffer
/// the channel read them into, and writes its own straight into the buffer that goes to the
/// socket. A memory BIO costs a copy more each way (`BIO_write` in, `BIO_read` out).
final class CiphertextBuffers {
    /// The peer's ciphertext OpenSSL has not read yet: the channel's read buffer, lent for one
    /// `receive` (see `lending(_:_:)`).
    var inbound = ByteBuffer(capacity: 0)
    /// The ciphertext OpenSSL writes now, waiting to be taken for the wire.
    var outbound = ByteBuffer(capacity: 0)
    /// Earlier ciphertext, oldest first, that filled its buffer (see `reserve`).
    private var filled: [ByteBuffer] = []

    /// A buffer for a large write, or started behind a full one, holds at least this much, so
    /// that the messages of a busy stream share a few buffers, reused (a small write into an
    /// empty buffer gets one of its size: a unary reply).
    static let chunkSize = 256 * 1024

    /// A BIO over these buffers, for `SSL_set_bio`. It does not keep them alive: the session
    /// that owns both frees the SSL (and with it the BIO) before the buffers go.
    func makeBIO() -> OpaquePointer {
        let bio = BIO_new(Self.method)!
        BIO_set_data(bio, Unmanaged.passUnretained(self).toOpaque())
        BIO_set_init(bio, 1)
        return bio
    }

    /// Runs `body` with `ciphertext` as `inbound`, then hands back what OpenSSL left of it.
    /// Swapped, not copied, so the storage stays uniquely referenced.
    func lending(_ ciphertext: inout ByteBuffer, _ body: () -> Void) {
        swap(&inbound, &ciphertext)
        body()
        swap(&inbound, &ciphertext)
    }

    /// Makes room for `count` more bytes of ciphertext without copying what is written: a
    /// buffer that cannot take them is set aside whole and a new one started (growing it
    /// would copy all of it, once more per doubling).
    func reserve(_ count: Int) {
        guard outbound.writableBytes < count else { return }
        if outbound.readableBytes == 0 && count < Self.chunkSize / 4 {
            outbound = ByteBuffer(capacity: count)
            return
        }
        if outbound.readableBytes > 0 { filled.append(outbound) }
        outbound = ThreadBufferRecyclers.current.ciphertext.buffer(capacity: max(count, Self.chunkSize))
    }

    /// Takes the oldest written ciphertext, if any; call until nil to take it all.
    func takeOutbound() -> ByteBuffer? {
        let taken: ByteBuffer
        if !filled.isEmpty {
            taken = filled.removeFirst()
        } else if outbound.readableBytes > 0 {
            taken = outbound
            outbound = ByteBuffer(capacity: 0)
        } else {
            return nil
        }
        ThreadBufferRecyclers.current.ciphertext.lend(taken)
        return taken
    }

    /// Whether ciphertext waits to be taken.
    var hasOutbound: Bool { !filled.isEmpty || outbound.readableBytes > 0 }

    private static func buffers(of bio: OpaquePointer?) -> CiphertextBuffers {
        Unmanaged<CiphertextBuffers>.fromOpaque(BIO_get_data(bio)!).takeUnretainedValue()
    }

    /// The BIO's functions, made once per process (a `BIO_METHOD` is immutable once set up).
    nonisolated(unsafe) private static let method: OpaquePointer = {  // immutable once made
        let method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "aura ciphertext buffers")!
        _ = BIO_meth_set_read(method) { bio, destination, length in
            let buffers = CiphertextBuffers.buffers(of: bio)
            aura_bio_clear_retry_flags(bio)
            let count = min(Int(length), buffers.inbound.readableBytes)
            guard count > 0, let destination else {
                aura_bio_set_retry_read(bio)  // nothing yet: "wait for more", not end of file
                return -1
            }
            buffers.inbound.withUnsafeReadableBytes { UnsafeMutableRawPointer(destination).copyMemory(from: $0.baseAddress!, byteCount: count) }
            buffers.inbound.moveReaderIndex(forwardBy: count)
            return Int32(count)
        }
        _ = BIO_meth_set_write(method) { bio, source, length in
            let buffers = CiphertextBuffers.buffers(of: bio)
            aura_bio_clear_retry_flags(bio)
            guard let source, length > 0 else { return 0 }
            buffers.outbound.writeBytes(UnsafeRawBufferPointer(start: source, count: Int(length)))
            return length
        }
        _ = BIO_meth_set_ctrl(method) { bio, command, _, _ in
            switch command {
            case BIO_CTRL_FLUSH: 1
            case BIO_CTRL_PENDING: Int(CiphertextBuffers.buffers(of: bio).inbound.readableBytes)
            case BIO_CTRL_WPENDING: Int(CiphertextBuffers.buffers(of: bio).outbound.readableBytes)
            default: 0
            }
        }
        return method
    }()
}
