import AuraPosix

extension EventLoop {
    /// Starts watching `descriptor` for `events` on behalf of `selectable` (loop thread).
    func register(_ selectable: Selectable, descriptor: CInt, events: EpollEvents) throws(SystemError) {
        assertInEventLoop()
        let tag = registry.insert(selectable, descriptor: descriptor, events: events)
        do {
            try epoll.add(descriptor, events: events, data: tag)
        } catch {
            registry.remove(descriptor)
            throw error
        }
    }

    /// Changes what `descriptor` is watched for; no system call when nothing changes.
    func setInterest(_ events: EpollEvents, for descriptor: CInt) throws(SystemError) {
        assertInEventLoop()
        guard let current = registry.registration(of: descriptor), current.events != events else { return }
        try epoll.modify(descriptor, events: events, data: current.tag)
        registry.setEvents(events, for: descriptor)
    }

    /// Stops watching `descriptor` (before it is closed); a no-op when it is not registered.
    func deregister(descriptor: CInt) {
        assertInEventLoop()
        guard registry.remove(descriptor) else { return }
        try? epoll.remove(descriptor)
    }
}
