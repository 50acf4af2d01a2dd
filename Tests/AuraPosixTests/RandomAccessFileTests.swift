import Glibc
import Testing
import AuraPosix

@Suite struct RandomAccessFileTests {
    private func scratch() -> String {
        var template = Array("/tmp/aura-posix-raf-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    private func cleanUp(_ directory: String) {
        for name in (try? Files.names(inDirectory: directory)) ?? [] { unlink("\(directory)/\(name)") }
        rmdir(directory)
    }

    @Test func vectorsAreWrittenInOrderAtTheOffsetAndReadBack() throws {
        let directory = scratch()
        defer { cleanUp(directory) }
        let file = try RandomAccessFile.open("\(directory)/f", create: true, exclusive: true)
        let parts: [[UInt8]] = [Array("head".utf8), [], Array(repeating: 7, count: 100_000), Array("tail".utf8)]
        let pointers = parts.map { part in
            let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(part.count, 1), alignment: 1)
            part.withUnsafeBytes { if $0.count > 0 { pointer.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
            return pointer
        }
        defer { pointers.forEach { $0.deallocate() } }
        var vectors = zip(pointers, parts).map { iovec(iov_base: $0, iov_len: $1.count) }
        try vectors.withUnsafeMutableBufferPointer { try file.write($0, at: 10) }
        try file.synchronizeData()
        let expected = [UInt8](repeating: 0, count: 10) + parts.flatMap { $0 }
        #expect(try file.size() == expected.count)
        #expect(try file.read(count: expected.count + 50, at: 0) == expected)  // short at the end of the file
        #expect(throws: SystemError.self) { try RandomAccessFile.open("\(directory)/f", create: true, exclusive: true) }
    }

    @Test func truncatePreallocateRenameAndDirectorySync() throws {
        let directory = scratch()
        defer { cleanUp(directory) }
        let file = try RandomAccessFile.open("\(directory)/a", create: true)
        try file.write(Array("abcdef".utf8), at: 0)
        try file.truncate(to: 3)
        #expect(try file.read(count: 10, at: 0) == Array("abc".utf8))
        try file.preallocate(size: 4096)
        #expect(try file.size() == 4096)
        #expect(try file.read(count: 4, at: 3) == [0, 0, 0, 0])
        try file.synchronize()
        try Files.rename("\(directory)/a", to: "\(directory)/b")
        try Files.synchronizeDirectory(directory)
        #expect(try Files.names(inDirectory: directory) == ["b"])
        #expect(throws: SystemError.self) { try Files.rename("\(directory)/a", to: "\(directory)/c") }
        #expect(throws: SystemError.self) { try Files.synchronizeDirectory("\(directory)/missing") }
    }
}
