import Glibc

/// A per-thread slot holding an unretained reference to an object (`pthread_key_t`).
///
/// The slot does not keep the object alive: whoever sets it must clear it before the object
/// goes away (an event loop sets itself when its thread starts and clears it when it stops).
public final class ThreadLocalReference<Value: AnyObject>: @unchecked Sendable {  // the key is set once in init; each thread sees its own slot
    /// A `let`: reading a `var` of a class costs a dynamic exclusivity check, and `holds` runs
    /// on every event loop confinement check.
    fileprivate let key: pthread_key_t

    /// Creates a new key; every thread starts with an empty slot.
    public init() {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key, nil)
        precondition(rc == 0, "pthread_key_create failed: \(rc)")
        self.key = key
    }

    deinit { pthread_key_delete(key) }

    /// The object stored by the calling thread, or nil.
    @inline(__always)
    public var value: Value? {
        get {
            guard let raw = pthread_getspecific(key) else { return nil }
            return Unmanaged<Value>.fromOpaque(raw).takeUnretainedValue()
        }
        set {
            let raw = newValue.map { Unmanaged.passUnretained($0).toOpaque() }
            pthread_setspecific(key, raw)
        }
    }
}

extension ThreadLocalReference {
    /// True when the calling thread's slot holds exactly `object` (no retain, no release).
    @inline(__always)
    public func holds(_ object: Value) -> Bool {
        pthread_getspecific(key) == UnsafeMutableRawPointer(Unmanaged.passUnretained(object).toOpaque())
    }
}
