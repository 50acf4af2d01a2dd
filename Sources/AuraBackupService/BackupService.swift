import AuraBackup
import AuraBlockingPool
import AuraBytes
import AuraCore
import AuraCrypto
import AuraJobLog
import AuraMessages
import AuraPosix
import AuraServer

/// `aura.Admin/Backup`: a consistent snapshot of the data directory, streamed to the caller as
/// `BackupChunk`s, so a backup can be taken from another machine.
///
/// The job log's segments are held (`SegmentHold`: compaction waits) and each is copied up to
/// its durable end when the call began, so every job acknowledged before then is in the copy,
/// and nothing acknowledged later can appear half-written. Files are read on a thread of the
/// service's own, never on an event loop; the stream's flow control paces the reads.
public struct BackupService: Service {
    public let name = "aura.Admin"
    let dataDirectory: String
    let jobLogFolder: String
    let holdJobLog: @Sendable () -> SegmentHold
    let pool: BlockingPool

    /// The bytes of one chunk: well under the largest message, large enough to stream fast.
    static let chunkSize = 1 << 20

    /// A service backing up `dataDirectory`, whose job log is the folder `jobLogFolder` in it
    /// and is held by `holdJobLog`. Who may take one is the API keys' business: aura.Admin
    /// needs the admin scope (`AccessPolicy`).
    public init(dataDirectory: String, jobLogFolder: String = "joblog", holdJobLog: @escaping @Sendable () -> SegmentHold) {
        self.dataDirectory = dataDirectory
        self.jobLogFolder = jobLogFolder
        self.holdJobLog = holdJobLog
        pool = BlockingPool(threadCount: 1, queueCapacity: 16, name: "aura-backup")
    }

    public func register(into methods: inout MethodRegistry) {
        let service = self
        methods.serverStreaming("aura.Admin/Backup") { (_: BackupRequest, responses: ResponseWriter<BackupChunk>, _) in
            try await service.stream(to: responses)
        }
    }

    private func stream(to responses: ResponseWriter<BackupChunk>) async throws {
        let hold = holdJobLog()
        defer { hold.release() }
        let createdUnixMs = WallClock.microseconds() / 1000
        let (dataDirectory, jobLogFolder) = (dataDirectory, jobLogFolder)
        let snapshot = try await backupErrors { try DataSnapshot.take(dataDirectory: dataDirectory, jobLogFolder: jobLogFolder, hold: hold) }
        var files: [BackupFile] = []
        for item in snapshot.items {
            var hasher = SHA256Hasher()
            var offset = 0
            repeat {
                let count = min(Self.chunkSize, item.length - offset)
                // Read and hashed on the service's thread; the hasher (a value) travels along.
                let data: ByteBuffer
                (data, hasher) = try await backupErrors { [offset, hasher] in
                    var hasher = hasher
                    let data = try DataSnapshot.read(item, count: count, at: offset)
                    data.withUnsafeReadableBytes { hasher.update($0) }
                    return (data, hasher)
                }
                try await responses.write(BackupChunk(path: item.path, offset: UInt64(offset), data: data))
                offset += count
            } while offset < item.length
            files.append(BackupFile(path: item.path, size: UInt64(item.length), sha256: hasher.finalize().description))
        }
        try await responses.write(BackupChunk(manifest: BackupManifest(createdUnixMs: createdUnixMs, files: files)))
    }

    /// Runs `work` on the service's thread; a `BackupError` becomes INTERNAL with its message.
    private func backupErrors<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await pool.run { try work() }
        } catch let error as BackupError {
            throw RPCError(.internal, "backup failed: \(error)")
        }
    }
}
