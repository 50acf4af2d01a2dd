import Glibc

/// SIGTERM, SIGINT and SIGHUP, blocked in every thread and collected by one: block them before
/// any thread starts (threads inherit the mask), then `wait()` where the program stops, so a
/// signal that arrives at any moment is taken there and never lost. SIGHUP asks for a reload
/// (of TLS certificates, say), not a stop: the caller decides.
public struct StopSignals: ~Copyable {
    private var set = sigset_t()

    /// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread (and every thread it starts later).
    public init() {
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGHUP)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Waits for SIGTERM, SIGINT or SIGHUP; returns the signal's number.
    public mutating func wait() -> Int32 {
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        return received
    }
}

/// Facts about this process and machine.
public enum System {
    /// The number of online processors.
    public static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
    /// The most buffers one `writev` takes.
    public static var maxIOVectors: Int { Int(sysconf(CInt(_SC_IOV_MAX))) }
    /// This process's id.
    public static var processID: Int32 { getpid() }
}

/// The process's standard output and error, written unbuffered (a supervisor sees each line
/// at once).
public enum StandardStream {
    /// Writes `line` and a newline to standard output.
    public static func out(_ line: String) { write(line + "\n", to: STDOUT_FILENO) }
    /// Writes `line` and a newline to standard error.
    public static func error(_ line: String) { write(line + "\n", to: STDERR_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                guard let written = try? syscallValue("write", { Glibc.write(descriptor, base + offset, bytes.count - offset) }),
                      written > 0 else { return }
                offset += written
            }
        }
    }
}
