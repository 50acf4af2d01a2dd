import Glibc

/// Watches one directory for files that appear in it (written and closed, or moved in), with
/// inotify. `nextNames()` blocks, so it runs on a thread of its own.
public final class DirectoryWatch: @unchecked Sendable {  // immutable descriptors; `stop` is an eventfd, safe from any thread
    /// The directory watched.
    public let path: String
    private let descriptor: CInt
    private let stop: EventFD

    /// Starts watching `path`.
    public init(path: String) throws(SystemError) {
        self.path = path
        stop = try EventFD()
        descriptor = try syscallValue("inotify_init1") { inotify_init1(CInt(IN_CLOEXEC)) }
        do {
            _ = try syscallValue("inotify_add_watch") {
                inotify_add_watch(descriptor, path, UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO))
            }
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    /// Blocks until files appear, and returns their names; returns nil once `close()` ran.
    public func nextNames() -> [String]? {
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        var ready = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                     pollfd(fd: stop.descriptor, events: Int16(POLLIN), revents: 0)]
        let count: Int
        do {
            _ = try syscallValue("poll") { poll(&ready, 2, -1) }
            guard ready[1].revents == 0 else { return nil }
            count = try syscallValue("read") { read(descriptor, buffer, capacity) }
        } catch {
            return nil
        }
        guard count > 0 else { return nil }
        var names: [String] = []
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let nameLength = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
            if nameLength > 0 {
                names.append(String(cString: (buffer + offset + headerSize).assumingMemoryBound(to: CChar.self)))
            }
            offset += headerSize + nameLength
        }
        return names
    }

    /// Stops watching: a blocked `nextNames()` returns nil. Call once; the watch is unusable
    /// afterwards.
    public func stopWatching() {
        try? stop.signal()
    }

    deinit { Glibc.close(descriptor) }
}
