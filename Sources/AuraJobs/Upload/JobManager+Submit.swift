import AuraBytes
import AuraCore
import AuraMessages

extension JobManager {
    /// A Submit: a `JobSpec` (or a `ResumeUpload`) first, then chunks. Answers once the whole
    /// document is durable and checked; refuses with RESOURCE_EXHAUSTED before accepting data
    /// when the queue or the log is full, and with INVALID_ARGUMENT naming the line when the
    /// document is malformed (the upload is then abandoned). A Submit cut off mid-way leaves a
    /// durable prefix that `ResumeUpload` continues.
    public func submit<Requests: AsyncSequence & Sendable>(_ requests: Requests) async throws -> SubmitResponse
    where Requests.Element == SubmitRequest {
        var iterator = requests.makeAsyncIterator()
        guard let first = try await iterator.next() else {
            throw RPCError(.invalidArgument, "the Submit was empty: send a JobSpec (or a ResumeUpload) first")
        }
        let session: UploadSession
        switch first.part {
        case .spec(let spec)?:
            let key = spec.idempotencyKey
            if !key.isEmpty {
                guard store.claimKey(key) else {
                    throw RPCError(.aborted, "another Submit with idempotency key \"\(key)\" is starting; try again")
                }
            }
            defer { if !key.isEmpty { store.releaseKey(key) } }  // its upload is applied by then
            if let existing = try existingJob(forKey: key) { return existing }
            session = try await beginUpload(spec)
        case .resume(let resume)?:
            switch try await resumeUpload(resume) {
            case .done(let response): return response
            case .resumed(let resumed): session = resumed
            }
        case .chunk?, nil:
            throw RPCError(.invalidArgument, "the first message of a Submit is a JobSpec or a ResumeUpload, not a chunk")
        }
        do {
            let response = try await receive(from: &iterator, into: session)
            store.releaseUpload(session.uploadID)
            return response
        } catch {
            await session.settle()  // an append still in flight lands before another Submit may resume the upload
            store.releaseUpload(session.uploadID)
            throw error
        }
    }

    /// Takes the chunks of a Submit after its first message, then completes the upload.
    private func receive<Iterator: AsyncIteratorProtocol>(from iterator: inout Iterator, into session: UploadSession) async throws -> SubmitResponse
    where Iterator.Element == SubmitRequest {
        do {
            while let message = try await iterator.next() {
                guard case .chunk(let data)? = message.part else {
                    throw RPCError(.invalidArgument, "after its first message, a Submit sends only chunks")
                }
                try await session.receive(data)
            }
            let document = try await session.finish()
            guard document.records > 0 else { throw RPCError(.invalidArgument, "the document is refused: it holds no records") }
            let jobID = JobID.make(node: configuration.nodeName)
            traces.remember(jobID)  // before the job exists: a worker may take it at once
            do {
                try await store.append([.uploadCompleted(UploadCompleted(
                    uploadId: session.uploadID, jobId: jobID, bytes: document.bytes, sha256: ByteBuffer(bytes: document.sha256.bytes),
                    recordsTotal: UInt64(document.records), completedUnixMs: nowUnixMs))])
            } catch {
                _ = traces.take(jobID)
                throw error
            }
            wakeDispatcher()
            return SubmitResponse(
                jobId: jobID, bytes: document.bytes, sha256: document.sha256.description, existing: false,
                uploadId: session.uploadID)
        } catch let error as RPCError where error.code == .invalidArgument {
            // The document (or the stream) is malformed: it can never complete. Its last chunks
            // land first, so the log and the table agree on what the abandoned upload held.
            await session.settle()
            _ = try? await store.append([.uploadAbandoned(UploadAbandoned(uploadId: session.uploadID, reason: error.message))])
            throw error
        }
    }

    /// The job a spec's idempotency key already names, as a Submit's answer; nil for a new key.
    private func existingJob(forKey key: String) throws(RPCError) -> SubmitResponse? {
        guard !key.isEmpty else { return nil }
        let found = store.read { table -> (JobTable.Upload, JobTable.Job?)? in
            guard let uploadID = table.uploadIDByIdempotencyKey[key], let upload = table.uploads[uploadID] else { return nil }
            if case .completed(let jobID) = upload.phase { return (upload, table.jobs[jobID]) }
            return (upload, nil)
        }
        guard let (upload, job) = found else { return nil }
        guard let job else {
            throw RPCError(.aborted, "an upload with idempotency key \"\(key)\" is in progress (upload \(upload.id)): resume it")
        }
        return SubmitResponse(jobId: job.id, bytes: job.bytes, sha256: job.sha256.hexString, existing: true, uploadId: upload.id)
    }

    /// Checks a new upload's spec and the server's room, then makes the upload durable.
    private func beginUpload(_ spec: JobSpec) async throws -> UploadSession {
        try spec.check()
        let format = try spec.documentFormat()
        _ = try engine.plugins.plugin(.analyzer, id: spec.options.analyzer)
        if spec.options.redactPii { _ = try engine.plugins.plugin(.redactor, id: spec.options.redactor) }
        let pending = store.read { $0.countsByState[.pending, default: 0] }
        guard pending < configuration.maxPendingJobs else {
            throw RPCError(.resourceExhausted, "\(pending) jobs are waiting, the most the server queues; try again later")
        }
        let usage = store.log.diskUsage
        guard usage + Int(clamping: spec.expectedBytes) <= configuration.maxLogBytes else {
            throw RPCError(.resourceExhausted, "the job log holds \(usage) of its \(configuration.maxLogBytes) bytes; a document of \(spec.expectedBytes) bytes does not fit")
        }
        let uploadID = spec.uploadId.isEmpty ? Self.makeID("up-") : spec.uploadId
        guard store.read({ $0.uploads[uploadID] == nil }), store.claimUpload(uploadID) else {
            throw RPCError(.alreadyExists, "upload \(uploadID) exists: continue it with a ResumeUpload")
        }
        do {
            try await store.append([.uploadStarted(UploadStarted(uploadId: uploadID, spec: spec.encoded(), createdUnixMs: nowUnixMs))])
        } catch {
            store.releaseUpload(uploadID)
            throw error
        }
        return UploadSession(uploadID: uploadID, spec: spec, format: format, durableBytes: 0, manager: self)
    }

    /// What a ResumeUpload leads to: the upload continues, or it had completed already.
    private enum Resumption {
        case resumed(UploadSession)
        case done(SubmitResponse)
    }

    /// Continues an upload from its durable end: the chunks already in the log are checked and
    /// hashed again, then the Submit goes on from `resume.offset`.
    private func resumeUpload(_ resume: ResumeUpload) async throws -> Resumption {
        guard store.read({ $0.uploads[resume.uploadId] }) != nil else {
            throw RPCError(.notFound, "no upload \(resume.uploadId)")
        }
        // Claimed before its state is read: a Submit that still held it has landed everything.
        guard store.claimUpload(resume.uploadId) else {
            throw RPCError(.aborted, "another Submit is sending upload \(resume.uploadId)")
        }
        var keepsClaim = false
        defer { if !keepsClaim { store.releaseUpload(resume.uploadId) } }
        let upload = store.read { $0.uploads[resume.uploadId] }!
        switch upload.phase {
        case .completed(let jobID):
            let job = store.read { $0.jobs[jobID] }
            return .done(SubmitResponse(
                jobId: jobID, bytes: job?.bytes ?? upload.durableBytes, sha256: job?.sha256.hexString ?? "", existing: true,
                uploadId: upload.id))
        case .abandoned(let reason):
            throw RPCError(.failedPrecondition, "upload \(upload.id) was abandoned: \(reason)")
        case .receiving:
            break
        }
        guard resume.offset == upload.durableBytes else {
            throw RPCError(.failedPrecondition, "upload \(upload.id) holds \(upload.durableBytes) durable bytes: resume from offset \(upload.durableBytes), not \(resume.offset)",
                           metadata: ["aura-resume-offset": String(upload.durableBytes)])
        }
        let session = UploadSession(
            uploadID: upload.id, spec: upload.spec, format: try upload.spec.documentFormat(),
            durableBytes: upload.durableBytes, manager: self)
        for chunk in upload.chunks {
            let record = try await pool.run { [store] in try store.log.read(at: chunk.position) }
            try await session.replay(try UploadChunk(decoding: record.payload).data)
        }
        keepsClaim = true
        return .resumed(session)
    }

    /// How many bytes of `uploadID` are durable.
    func durableBytes(of uploadID: String) -> UInt64 { store.read { $0.uploads[uploadID]?.durableBytes ?? 0 } }
}
