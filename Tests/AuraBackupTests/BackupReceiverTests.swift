import AuraBackup
import AuraBytes
import AuraMessages
import Testing

/// The receiver writes only what a well-formed stream says, and `MANIFEST` only when every
/// file matches it.
@Suite struct BackupReceiverTests {
    static let helloSHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"  // sha256sum of "hello"

    func chunk(_ path: String, _ offset: UInt64, _ text: String) -> BackupChunk {
        BackupChunk(path: path, offset: offset, data: ByteBuffer(bytes: Array(text.utf8)))
    }

    func manifest(_ files: [BackupFile]) -> BackupChunk { BackupChunk(manifest: BackupManifest(createdUnixMs: 7, files: files)) }

    @Test func aWellFormedStreamBecomesFilesAndAManifest() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let receiver = try BackupReceiver(directory: "\(scratch.path)/b")
        for piece in [chunk("a/b/c.seg", 0, "hel"), chunk("a/b/c.seg", 3, "lo"), chunk("empty", 0, "")] { try receiver.receive(piece) }
        try receiver.receive(manifest([
            BackupFile(path: "a/b/c.seg", size: 5, sha256: Self.helloSHA256),
            BackupFile(path: "empty", size: 0, sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ]))
        let written = try receiver.finish()
        #expect(scratch.read("b/a/b/c.seg") == "hello" && scratch.read("b/empty") == "")
        #expect(try ManifestFile(parsing: scratch.read("b/MANIFEST") ?? "") == written)
        #expect(try BackupRestore.manifest(of: "\(scratch.path)/b") == written)
    }

    @Test(arguments: [
        ("../escape", "unsafe path"), ("/etc/passwd", "unsafe path"), ("MANIFEST", "unsafe path"),
    ])
    func pathsThatLeaveTheFolderAreRefused(path: String, expected: String) throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let receiver = try BackupReceiver(directory: scratch.path + "/b")
        #expect { try receiver.receive(chunk(path, 0, "x")) } throws: { "\($0)".contains(expected) }
    }

    @Test func gapsRepeatsMismatchesAndMissingManifestsAreRefused() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let gap = try BackupReceiver(directory: scratch.path + "/1")
        try gap.receive(chunk("f", 0, "he"))
        #expect { try gap.receive(chunk("f", 3, "lo")) } throws: { "\($0)".contains("expected 2") }

        let twice = try BackupReceiver(directory: scratch.path + "/2")
        try twice.receive(chunk("f", 0, "a"))
        try twice.receive(chunk("g", 0, "b"))
        #expect { try twice.receive(chunk("f", 0, "c")) } throws: { "\($0)".contains("twice") }

        let mismatch = try BackupReceiver(directory: scratch.path + "/3")
        try mismatch.receive(chunk("f", 0, "hellO"))
        try mismatch.receive(manifest([BackupFile(path: "f", size: 5, sha256: Self.helloSHA256)]))
        #expect { try mismatch.finish() } throws: { "\($0)".contains("the manifest says") }
        #expect(scratch.read("3/MANIFEST") == nil)

        let unfinished = try BackupReceiver(directory: scratch.path + "/4")
        try unfinished.receive(chunk("f", 0, "hello"))
        #expect { try unfinished.finish() } throws: { "\($0)".contains("without a manifest") }

        try scratch.write("x", to: "5/old")
        #expect { try BackupReceiver(directory: scratch.path + "/5") } throws: { "\($0)".contains("not empty") }
    }
}
