import AuraBytes
import Glibc

/// The large-buffer recyclers of the calling thread (a connection's event loop), shared by every
/// TLS session that runs on it. What they keep is bounded per thread, not per connection: an idle
/// connection that once streamed holds none of it, and ten thousand of them cost no more than one.
final class ThreadBufferRecyclers {
    /// Ciphertext buffers taken for the wire (`CiphertextBuffers`).
    var ciphertext = BufferRecycler(minimumCapacity: CiphertextBuffers.chunkSize, limit: 4)
    /// Plaintext buffers lent to the handlers' message slices (`TLSSession.receive`).
    var plaintext = BufferRecycler(minimumCapacity: TLSSession.largePlaintextSize / 2, limit: 3)

    /// The calling thread's, made on first use and freed when the thread exits.
    static var current: ThreadBufferRecyclers {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<ThreadBufferRecyclers>.fromOpaque(raw).takeUnretainedValue()
        }
        let recyclers = ThreadBufferRecyclers()
        pthread_setspecific(key, Unmanaged.passRetained(recyclers).toOpaque())
        return recyclers
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key) { raw in
            if let raw { Unmanaged<ThreadBufferRecyclers>.fromOpaque(raw).release() }
        }
        precondition(rc == 0, "pthread_key_create failed: \(rc)")
        return key
    }()
}
