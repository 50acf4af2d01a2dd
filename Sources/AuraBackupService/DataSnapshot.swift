import AuraBytes
import AuraJobLog
import AuraBackup
import AuraPosix
import Glibc

/// What a backup copies from a data directory, fixed when it is taken: every file open, with
/// the number of bytes to copy.
///
/// - The job log's segments come from a `SegmentHold`: each up to its durable end then.
/// - Every other file is opened at that moment and copied whole as it was then: state files
///   are replaced by rename (plugins.json, keys), so an open file keeps its old contents.
/// - Left out: the rest of the job log's folder (prepared `.tmp` segments, bytes `--repair`
///   set aside), `plugins-run` (copies of plugins being mapped), `plugins-guard/loading`
///   (markers of loads in progress, which would read as crashes after a restore), and `.tmp`
///   files anywhere.
struct DataSnapshot: Sendable {
    /// One file to copy.
    struct Item: Sendable {
        /// Relative to the data directory.
        let path: String
        let file: RandomAccessFile
        /// The bytes to copy, from offset 0.
        let length: Int
    }

    let items: [Item]

    static let excluded: Set<String> = ["plugins-run", "plugins-guard/loading"]

    /// Opens what to copy from `dataDirectory`, whose job log folder is `jobLogFolder` and is
    /// held by `hold`.
    static func take(dataDirectory: String, jobLogFolder: String, hold: SegmentHold) throws(BackupError) -> DataSnapshot {
        var items: [Item] = []
        try collect(dataDirectory, relative: "", skipping: excluded.union([jobLogFolder]), into: &items)
        for segment in hold.segments {
            let path = "\(hold.directory)/\(segment.fileName)"
            let file = try BackupError.during("open \(path)") { () throws(SystemError) in try RandomAccessFile.open(path, readOnly: true) }
            items.append(Item(path: "\(jobLogFolder)/\(segment.fileName)", file: file, length: segment.bytes))
        }
        return DataSnapshot(items: items)
    }

    private static func collect(_ root: String, relative: String, skipping: Set<String>, into items: inout [Item]) throws(BackupError) {
        let folder = relative.isEmpty ? root : "\(root)/\(relative)"
        let names = try BackupError.during("list \(folder)") { () throws(SystemError) in try Files.names(inDirectory: folder) }
        for name in names.sorted() where !name.hasSuffix(".tmp") {
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            guard !skipping.contains(path) else { continue }
            guard BackupPath.isSafe(path) else { throw BackupError("cannot back up \(folder)/\(name): its name holds control characters") }
            let full = "\(root)/\(path)"
            do {
                switch try Files.kind(of: full) {
                case .directory: try collect(root, relative: path, skipping: skipping, into: &items)
                case .file:
                    let file = try RandomAccessFile.open(full, readOnly: true)
                    items.append(Item(path: path, file: file, length: try file.size()))
                case .other, nil: continue  // sockets, fifos; or removed meanwhile
                }
            } catch let error as SystemError where error.errno == ENOENT {
                continue  // removed between listing and opening: it was not part of the state
            } catch let error as SystemError {
                throw BackupError("back up \(full): \(error)")
            } catch let error as BackupError {
                throw error
            } catch {
                throw BackupError("back up \(full): \(error)")
            }
        }
    }

    /// Reads `count` bytes of `item` at `offset` (all of them, or it fails).
    static func read(_ item: Item, count: Int, at offset: Int) throws(BackupError) -> ByteBuffer {
        var buffer = ByteBuffer(capacity: count)
        try BackupError.during("read \(item.path)") { () throws(SystemError) in
            var result: Result<Int, SystemError> = .success(0)
            _ = buffer.writeWithUnsafeMutableBytes(minimumWritable: count) { space in
                result = Result { () throws(SystemError) in try item.file.read(into: UnsafeMutableRawBufferPointer(rebasing: space[..<count]), at: offset) }
                return (try? result.get()) ?? 0
            }
            let read = try result.get()
            guard read == count else { throw SystemError(call: "read \(item.path): the file is shorter than at the snapshot", errno: EIO) }
        }
        return buffer
    }
}
