import Glibc

/// The Linux-only calls that Swift's Glibc module does not import (`sys/epoll.h`,
/// `sys/eventfd.h`, `sys/random.h` and `malloc.h` are not in its umbrella header; `accept4` and `pthread_setname_np` need
/// `_GNU_SOURCE`), looked up once from libc by name and called through C function pointers.
/// Constants are the kernel's ABI values.
enum LinuxCalls {
    typealias EpollCreate1 = @convention(c) (CInt) -> CInt
    typealias EpollCtl = @convention(c) (CInt, CInt, CInt, UnsafeMutableRawPointer?) -> CInt
    typealias EpollWait = @convention(c) (CInt, UnsafeMutableRawPointer?, CInt, CInt) -> CInt
    typealias EventFDCreate = @convention(c) (CUnsignedInt, CInt) -> CInt
    typealias Accept4 = @convention(c) (
        CInt, UnsafeMutablePointer<sockaddr>?, UnsafeMutablePointer<socklen_t>?, CInt
    ) -> CInt
    typealias PthreadSetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> CInt
    typealias MallocTrim = @convention(c) (Int) -> CInt
    typealias GetRandom = @convention(c) (UnsafeMutableRawPointer?, Int, CUnsignedInt) -> Int
    typealias SpawnAddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, CInt) -> CInt

    nonisolated(unsafe) static let epollCreate1 = load("epoll_create1", as: EpollCreate1.self)
    nonisolated(unsafe) static let epollCtl = load("epoll_ctl", as: EpollCtl.self)
    nonisolated(unsafe) static let epollWait = load("epoll_wait", as: EpollWait.self)
    nonisolated(unsafe) static let eventfd = load("eventfd", as: EventFDCreate.self)
    nonisolated(unsafe) static let accept4 = load("accept4", as: Accept4.self)
    nonisolated(unsafe) static let pthreadSetName = load("pthread_setname_np", as: PthreadSetName.self)
    nonisolated(unsafe) static let mallocTrim = load("malloc_trim", as: MallocTrim.self)
    nonisolated(unsafe) static let getrandom = load("getrandom", as: GetRandom.self)
    nonisolated(unsafe) static let spawnAddCloseFrom = load("posix_spawn_file_actions_addclosefrom_np", as: SpawnAddCloseFrom.self)

    static let epollCtlAdd: CInt = 1
    static let epollCtlDel: CInt = 2
    static let epollCtlMod: CInt = 3

    /// `struct epoll_event` is packed (12 bytes) on x86_64 and naturally aligned elsewhere.
    #if arch(x86_64)
    static let epollEventSize = 12
    static let epollEventDataOffset = 4
    #else
    static let epollEventSize = 16
    static let epollEventDataOffset = 8
    #endif

    private static func load<T>(_ name: String, as type: T.Type) -> T {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, name) else {
            fatalError("libc does not export \(name)")
        }
        return unsafeBitCast(symbol, to: type)
    }
}
