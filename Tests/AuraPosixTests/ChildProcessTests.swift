import AuraPosix
import Glibc
import Testing

/// posix_spawn, waitpid and kill through `ChildProcess`, with /bin/sh as the child.
@Suite struct ChildProcessTests {
    private func shell(_ script: String, descriptors: [(from: CInt, to: CInt)] = []) throws -> ChildProcess {
        try ChildProcess.spawn(path: "/bin/sh", arguments: ["-c", script], descriptors: descriptors)
    }

    @Test func exitStatusAndSignalAreReported() throws {
        #expect(try shell("exit 3").wait() == .exited(3))
        let segfault = try shell("kill -SEGV $$").wait()
        #expect(segfault == .signaled(SIGSEGV) && segfault.description == "signal SIGSEGV (11)")
        let sleeper = try shell("exec sleep 1000")
        sleeper.kill()
        #expect(try sleeper.wait() == .signaled(SIGKILL))
    }

    @Test func aDescriptorIsPassedAtTheNumberAsked() throws {
        let (ours, theirs) = try Socket.pair()
        let child = try shell("echo hello >&3", descriptors: [(theirs.descriptor, 3)])
        theirs.close()
        #expect(try child.wait() == .exited(0))
        var bytes = [UInt8](repeating: 0, count: 16)
        let read = try bytes.withUnsafeMutableBytes { try ours.read(into: $0) }
        #expect(read == .processed(6) && bytes.prefix(6) == Array("hello\n".utf8)[...])
    }

    /// A descriptor without close-on-exec (as another thread's pipe to a child of its own may
    /// be for a moment) does not leak into the child.
    @Test func noOtherDescriptorIsInherited() throws {
        var ends: [CInt] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { ends.forEach { _ = close($0) } }
        #expect(try shell("test -e /proc/self/fd/\(ends[1])").wait() == .exited(1))
    }

    @Test func aMissingExecutableIsAnError() {
        #expect(throws: SystemError.self) { _ = try ChildProcess.spawn(path: "/nonexistent/worker", arguments: []) }
    }
}
