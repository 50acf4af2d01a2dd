import Glibc

/// A child process started with `posix_spawn` (never `fork`, which is unsafe in a threaded
/// server): in a process group of its own, so a terminal's Ctrl-C reaches the parent only, with
/// every signal unblocked and at its default action.
public struct ChildProcess: Sendable, Equatable {
    /// The process id.
    public let id: pid_t

    /// Starts `path` with `arguments` (argv[1...]) and the parent's environment. Each pair in
    /// `descriptors` puts the parent's descriptor `from` at number `to` in the child; the child
    /// gets no other descriptor above 2, close-on-exec or not (a pipe another thread is just
    /// handing to a child of its own must not stay open in ours).
    public static func spawn(path: String, arguments: [String], descriptors: [(from: CInt, to: CInt)] = []) throws(SystemError) -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for pair in descriptors { posix_spawn_file_actions_adddup2(&actions, pair.from, pair.to) }
        _ = LinuxCalls.spawnAddCloseFrom(&actions, max(3, (descriptors.map(\.to).max() ?? 0) + 1))
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var id: pid_t = 0
        let rc = posix_spawn(&id, path, &actions, &attributes, argv, environ)
        guard rc == 0 else { throw SystemError(call: "posix_spawn", errno: rc) }
        return ChildProcess(id: id)
    }

    /// Sends `signal` (SIGKILL unless told). A process that is gone already is not an error.
    public func kill(_ signal: CInt = SIGKILL) {
        _ = Glibc.kill(id, signal)
    }

    /// Waits for the process to end and reaps it.
    public func wait() throws(SystemError) -> ExitStatus {
        var status: CInt = 0
        _ = try syscallValue("waitpid") { waitpid(id, &status, 0) }
        let signal = status & 0x7f
        return signal == 0 ? .exited(Int((status >> 8) & 0xff)) : .signaled(signal)
    }
}

/// How a child process ended.
public enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
    /// It called `exit` (or returned from main) with this status.
    case exited(Int)
    /// A signal killed it.
    case signaled(CInt)

    /// "exit status 3" or "signal SIGSEGV (11)".
    public var description: String {
        switch self {
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "signal \(Self.name(of: signal)) (\(signal))"
        }
    }

    /// The usual name of a signal ("SIGSEGV"), or "SIG<number>".
    public static func name(of signal: CInt) -> String {
        let names: [CInt: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV",
            SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ",
        ]
        return names[signal] ?? "SIG\(signal)"
    }
}
