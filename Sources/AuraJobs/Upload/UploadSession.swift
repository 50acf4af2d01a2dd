import AuraBytes
import AuraCore
import AuraCrypto
import AuraDocuments
import AuraMessages

/// One upload being received by one Submit: it checks the document as it arrives (the
/// splitter), hashes it, and appends its chunks to the log in order, one append in flight while
/// the next batch gathers, so the client keeps sending while the disk syncs.
final class UploadSession: @unchecked Sendable {  // owned by one Submit task; its splitter and hasher are used on the pool one call at a time
    let uploadID: String
    let spec: JobSpec
    private let manager: JobManager
    private var splitter: DocumentSplitter
    private var hasher = SHA256Hasher()
    private(set) var receivedBytes: UInt64
    private var batch: [JobLogEntry] = []
    private var batchBytes = 0
    private var inFlight: Task<Void, any Error>?
    /// Bytes of the append in flight: not in the log's disk usage until it is written.
    private var inFlightBytes = 0

    init(uploadID: String, spec: JobSpec, format: AuraDocuments.DocumentFormat, durableBytes: UInt64, manager: JobManager) {
        self.uploadID = uploadID
        self.spec = spec
        self.manager = manager
        splitter = DocumentSplitter(format: format)
        receivedBytes = durableBytes
    }

    /// Checks and hashes bytes already in the log (a resumed upload), without appending them.
    func replay(_ data: ByteBuffer) async throws {
        try await check(data)
    }

    /// Takes the next chunk: checks it, hashes it, and queues it for the log.
    func receive(_ data: ByteBuffer) async throws {
        guard data.readableBytes > 0 else { return }
        let usage = manager.store.log.diskUsage + inFlightBytes + batchBytes + data.readableBytes
        guard usage <= manager.configuration.maxLogBytes else {
            try await flush()
            throw RPCError(.resourceExhausted, "the job log is full (\(usage) of \(manager.configuration.maxLogBytes) bytes); upload \(uploadID) can resume from offset \(manager.durableBytes(of: uploadID)) later")
        }
        try await check(data)
        // A batch never passes chunkBatchBytes by a whole chunk: it must fit a segment.
        if batchBytes > 0, batchBytes + data.readableBytes > manager.configuration.chunkBatchBytes { try await flush() }
        gather(data)
        receivedBytes += UInt64(data.readableBytes)
        batchBytes += data.readableBytes
        if batchBytes >= manager.configuration.chunkBatchBytes { try await flush() }
    }

    /// Adds a client's chunk to the batch. Small chunks are copied together into records of at
    /// least `minimumRecordBytes`, so a client sending tiny chunks cannot make the server keep
    /// a record (and its bookkeeping) per few bytes; large ones go as they are, uncopied.
    private func gather(_ data: ByteBuffer) {
        if case .uploadChunk(var last)? = batch.last, last.data.readableBytes < Self.minimumRecordBytes {
            batch.removeLast()
            last.data.writeBuffer(data)
            batch.append(.uploadChunk(last))
        } else {
            batch.append(.uploadChunk(UploadChunk(uploadId: uploadID, offset: receivedBytes, data: data)))
        }
    }

    /// The smallest chunk record made from small client chunks.
    static let minimumRecordBytes = 64 << 10

    /// The document ended: everything durable, checked whole; returns its size, digest and
    /// record count.
    func finish() async throws -> (bytes: UInt64, sha256: SHA256Digest, records: Int) {
        try await flush()
        try await inFlight?.value
        inFlight = nil
        let (digest, records) = try await manager.pool.run { [self] in
            do {
                try splitter.finish { _ in }
            } catch let error as DocumentError {
                throw error.rpcError
            }
            return (hasher.finalize(), splitter.recordCount)
        }
        return (receivedBytes, digest, records)
    }

    /// Waits for an append still in flight, whatever its outcome (a Submit that failed must not
    /// let go of its upload while its last chunks may still land).
    func settle() async {
        _ = try? await inFlight?.value
        inFlight = nil
    }

    /// Waits for the previous append, then starts appending what gathered.
    private func flush() async throws {
        try await inFlight?.value
        inFlight = nil
        inFlightBytes = 0
        guard !batch.isEmpty else { return }
        let entries = batch
        inFlightBytes = batchBytes
        batch = []
        batchBytes = 0
        let store = manager.store
        inFlight = Task { try await store.append(entries) }
    }

    private func check(_ data: ByteBuffer) async throws {
        try await manager.pool.run { [self] in
            do {
                try data.withUnsafeReadableBytes { bytes in
                    hasher.update(bytes)
                    try splitter.feed(bytes) { _ in }
                }
            } catch let error as DocumentError {
                throw error.rpcError
            }
        }
    }
}
