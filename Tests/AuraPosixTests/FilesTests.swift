import Glibc
import Testing
import AuraPosix

/// A fresh empty directory under /tmp, removed with everything in it by `remove()`.
private struct ScratchDirectory {
    let path: String

    init() {
        var template = Array("/tmp/aura-posix-tests-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    func remove() {
        for name in ["a", "b", "c"] { unlink("\(path)/\(name)") }
        rmdir(path)
    }
}

@Suite struct FilesTests {
    @Test func writeThenReadRoundTrips() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        try Files.write(bytes, to: "\(scratch.path)/a")
        #expect(try Files.read("\(scratch.path)/a") == bytes)
        var status = stat()
        stat("\(scratch.path)/a", &status)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    @Test func readingAMissingFileGivesNil() throws {
        #expect(try Files.read("/tmp/aura-posix-tests-does-not-exist") == nil)
    }

    @Test func readingPastTheLimitFailsWithEFBIG() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        try Files.write([UInt8](repeating: 1, count: 101), to: "\(scratch.path)/a")
        #expect(try Files.read("\(scratch.path)/a", limit: 101)?.count == 101)
        #expect(throws: SystemError(call: "read \(scratch.path)/a", errno: EFBIG)) {
            _ = try Files.read("\(scratch.path)/a", limit: 100)
        }
    }

    @Test func exclusiveWriteRefusesAnExistingFile() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        try Files.write([1], to: "\(scratch.path)/a", exclusive: true)
        #expect(throws: SystemError(call: "open \(scratch.path)/a", errno: EEXIST)) {
            try Files.write([2], to: "\(scratch.path)/a", exclusive: true)
        }
        try Files.write([3], to: "\(scratch.path)/a")  // not exclusive: truncates
        #expect(try Files.read("\(scratch.path)/a") == [3])
    }

    @Test func writingIntoAMissingDirectoryFailsWithENOENT() {
        #expect(throws: SystemError(call: "open /tmp/aura-posix-tests-missing/x", errno: ENOENT)) {
            try Files.write([1], to: "/tmp/aura-posix-tests-missing/x")
        }
    }

    @Test func copyDuplicatesTheBytesWithTheMode() throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let bytes = (0..<150_000).map { UInt8(truncatingIfNeeded: $0) }
        try Files.write(bytes, to: "\(scratch.path)/a")
        try Files.copy(from: "\(scratch.path)/a", to: "\(scratch.path)/b", mode: 0o640)
        #expect(try Files.read("\(scratch.path)/b") == bytes)
        var status = stat()
        stat("\(scratch.path)/b", &status)
        #expect(status.st_mode & 0o777 == 0o640)
    }

    @Test func copyingAMissingFileThrowsENOENTNamingIt() {
        #expect(throws: SystemError(call: "open /tmp/aura-posix-tests-does-not-exist", errno: ENOENT)) {
            try Files.copy(from: "/tmp/aura-posix-tests-does-not-exist", to: "/tmp/aura-posix-tests-unused")
        }
    }
}
