/// The C heap (glibc's malloc) as a whole.
public enum Heap {
    /// Gives the heap's free pages back to the kernel (`malloc_trim(0)`), in every arena, so
    /// resident memory falls after a burst of large buffers has been freed. Returns whether
    /// any memory was released. It walks the whole heap and may take milliseconds: never call
    /// it on an event loop.
    @discardableResult
    public static func trim() -> Bool { LinuxCalls.mallocTrim(0) != 0 }
}
