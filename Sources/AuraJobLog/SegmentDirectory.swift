import AuraPosix
import Glibc

/// The folder of segment files: paths, and the crash-safe way a new segment comes to be.
///
/// A new segment is prepared under a temporary name (`<id>.seg.tmp`: created, preallocated,
/// fsynced), then activated: its header is written and synced, it is renamed to `<id>.seg` and
/// the folder is fsynced. So a `.seg` file always has a complete header, and a `.tmp` file is
/// always a leftover that recovery deletes.
struct SegmentDirectory: Sendable {
    let path: String
    let segmentSize: Int
    let preallocate: Bool

    func segmentPath(_ id: UInt64) -> String { "\(path)/\(SegmentFormat.fileName(id))" }

    func temporaryPath(_ id: UInt64) -> String { segmentPath(id) + ".tmp" }

    /// Creates the temporary file of segment `id`, preallocated when configured (where the file
    /// system can), and syncs it. Slow (about 0.6 ms here): done off the append path.
    func prepare(_ id: UInt64) throws(SystemError) -> RandomAccessFile {
        let file = try RandomAccessFile.open(temporaryPath(id), create: true, truncate: true)
        do throws(SystemError) {
            try reserveSpace(file)
            try file.synchronize()
        } catch {
            try? Files.remove(temporaryPath(id))
            throw error
        }
        return file
    }

    /// Preallocates `file` to the segment size, quietly doing without where the file system
    /// cannot; ENOSPC and other failures are thrown.
    func reserveSpace(_ file: RandomAccessFile) throws(SystemError) {
        guard preallocate else { return }
        do throws(SystemError) {
            try file.preallocate(size: segmentSize)
        } catch where error.errno == EOPNOTSUPP || error.errno == EINVAL {
            return
        }
    }

    /// Turns the prepared file of segment `id` into the segment: header (naming `keyID`, 0 for
    /// plaintext), sync, rename, folder sync. On failure the temporary file is removed.
    func activate(_ file: RandomAccessFile, id: UInt64, baseSequence: UInt64, keyID: UInt32) throws(SystemError) {
        do throws(SystemError) {
            let header = SegmentFormat.encodeHeader(id: id, baseSequence: baseSequence, keyID: keyID)
            try file.write(header, at: 0)
            try file.synchronizeData()
            try Files.rename(temporaryPath(id), to: segmentPath(id))
        } catch {
            try? Files.remove(temporaryPath(id))
            throw error
        }
        try Files.synchronizeDirectory(path)
    }

    /// Prepares and activates segment `id` at once (the first segment, or a roll with no
    /// segment prepared ahead).
    func create(_ id: UInt64, baseSequence: UInt64, keyID: UInt32) throws(SystemError) -> RandomAccessFile {
        let file = try prepare(id)
        try activate(file, id: id, baseSequence: baseSequence, keyID: keyID)
        return file
    }

    /// Removes segment `id`'s file and makes the removal durable.
    func remove(_ id: UInt64) throws(SystemError) {
        try Files.remove(segmentPath(id))
        try Files.synchronizeDirectory(path)
    }
}
