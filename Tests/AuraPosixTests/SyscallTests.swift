import Glibc
import Testing
@testable import AuraPosix

@Suite struct SyscallTests {
    @Test func interruptedCallsAreRetried() throws {
        var attempts = 0
        let value = try syscallValue("test") { () -> CInt in
            attempts += 1
            if attempts < 3 {
                errno = EINTR
                return -1
            }
            return 5
        }
        #expect(value == 5)
        #expect(attempts == 3)
    }

    @Test func wouldBlockIsAValueNotAnError() throws {
        let result = try syscall("test") { () -> CInt in
            errno = EAGAIN
            return -1
        }
        #expect(result == .wouldBlock)
    }

    @Test func otherFailuresNameTheCallAndErrno() {
        #expect(throws: SystemError(call: "test", errno: EBADF)) {
            _ = try syscallValue("test") { () -> CInt in
                errno = EBADF
                return -1
            }
        }
    }

    @Test func descriptionHasTheCallTheTextAndTheNumber() {
        #expect(SystemError(call: "connect", errno: ECONNREFUSED).description == "connect: Connection refused (errno 111)")
    }

    @Test func monotonicClockNeverGoesBack() {
        let first = MonotonicClock.nanoseconds()
        #expect(MonotonicClock.nanoseconds() >= first)
    }

    @Test func durationsClampToNonNegativeNanoseconds() {
        #expect(Duration.seconds(-1).clampedNanoseconds == 0)
        #expect(Duration.zero.clampedNanoseconds == 0)
        #expect(Duration.milliseconds(1500).clampedNanoseconds == 1_500_000_000)
        #expect(Duration.seconds(Int64.max).clampedNanoseconds == UInt64.max / 2)
    }
}
