import AuraPosix

/// Something an event loop watches with epoll: a channel, a listening socket, a connect in
/// progress. Called on the loop's thread only.
protocol Selectable: AnyObject {
    /// The descriptor became ready for `events` (level-triggered: still-ready descriptors come
    /// back on the next iteration).
    func handleEvents(_ events: EpollEvents)

    /// The loop is stopping: release the descriptor (and fail or finish whatever waits on it).
    func closeForShutdown()
}

/// The loop's table of registered descriptors, indexed by descriptor number.
///
/// Each registration gets a fresh generation; the epoll tag is `generation << 32 | fd`, so an
/// event still in flight for a closed descriptor never reaches a newer owner of the same number.
struct Registry {
    private struct Entry {
        let generation: UInt32
        let selectable: Selectable
        var events: EpollEvents
    }

    private var entries: [Entry?] = []
    private var nextGeneration: UInt32 = 1
    /// How many descriptors are registered.
    private(set) var count = 0

    /// Records `selectable` for `fd` and returns the epoll tag to register it with.
    mutating func insert(_ selectable: Selectable, descriptor fd: CInt, events: EpollEvents) -> UInt64 {
        let index = Int(fd)
        if index >= entries.count { entries.append(contentsOf: repeatElement(nil, count: index + 1 - entries.count)) }
        precondition(entries[index] == nil, "descriptor \(fd) registered twice")
        let generation = nextGeneration
        nextGeneration = nextGeneration == UInt32.max ? 1 : nextGeneration + 1
        entries[index] = Entry(generation: generation, selectable: selectable, events: events)
        count += 1
        return Registry.tag(generation: generation, descriptor: fd)
    }

    /// The owner of an epoll tag, or nil when it was deregistered since.
    func lookup(tag: UInt64) -> Selectable? {
        let index = Int(UInt32(truncatingIfNeeded: tag))
        guard index < entries.count, let entry = entries[index],
            entry.generation == UInt32(truncatingIfNeeded: tag >> 32)
        else { return nil }
        return entry.selectable
    }

    /// The current interest and tag of `fd`, or nil when it is not registered.
    func registration(of fd: CInt) -> (events: EpollEvents, tag: UInt64)? {
        guard Int(fd) < entries.count, let entry = entries[Int(fd)] else { return nil }
        return (entry.events, Registry.tag(generation: entry.generation, descriptor: fd))
    }

    /// Records a new interest for `fd`.
    mutating func setEvents(_ events: EpollEvents, for fd: CInt) {
        entries[Int(fd)]?.events = events
    }

    /// Forgets `fd`; returns false when it was not registered.
    @discardableResult
    mutating func remove(_ fd: CInt) -> Bool {
        guard fd >= 0, Int(fd) < entries.count, entries[Int(fd)] != nil else { return false }
        entries[Int(fd)] = nil
        count -= 1
        return true
    }

    /// Every registered owner (a snapshot, safe to iterate while closing them).
    var all: [Selectable] { entries.compactMap { $0?.selectable } }

    static func tag(generation: UInt32, descriptor fd: CInt) -> UInt64 {
        UInt64(generation) << 32 | UInt64(UInt32(bitPattern: fd))
    }
}
