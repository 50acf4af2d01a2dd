import AuraBytes
import AuraMessages
import AuraWire

extension AuraClient {
    /// Uploads a document as a new job: `spec` first, then the chunks of `document` as they
    /// come; answers once the server has every byte durably (the job id, the size and the
    /// SHA-256). `progress` hears the bytes sent so far. Give `spec.uploadId` a value of your
    /// own (a UUID, say) to be able to `resumeSubmit` an upload that is cut off.
    public func submit<Chunks: AsyncSequence & Sendable>(
        _ spec: JobSpec, document: Chunks, progress: (@Sendable (UInt64) -> Void)? = nil,
        options: CallOptions = CallOptions()
    ) async throws -> SubmitResponse where Chunks.Element == ByteBuffer {
        try await upload(first: SubmitRequest(part: .spec(spec)), document: document, sentBefore: 0, progress: progress, options: options)
    }

    /// Uploads the file at `path` (or standard input for "-") as a new job.
    public func submit(
        _ spec: JobSpec, file path: String, chunkSize: Int = 1 << 20, progress: (@Sendable (UInt64) -> Void)? = nil,
        options: CallOptions = CallOptions()
    ) async throws -> SubmitResponse {
        try await submit(spec, document: FileChunks(path: path, chunkSize: chunkSize), progress: progress, options: options)
    }

    /// Continues the upload `uploadID` of the file at `path` from the bytes the server already
    /// holds durably (it says how many), instead of starting over.
    public func resumeSubmit(
        uploadID: String, file path: String, chunkSize: Int = 1 << 20, progress: (@Sendable (UInt64) -> Void)? = nil,
        options: CallOptions = CallOptions()
    ) async throws -> SubmitResponse {
        let status: UploadStatus = try await unary("aura.Jobs/GetUpload", UploadRef(uploadId: uploadID), options: options)
        if status.completed {
            let job = try await job(status.jobId, options: options)
            return SubmitResponse(jobId: job.jobId, bytes: job.bytes, sha256: job.sha256, existing: true, uploadId: uploadID)
        }
        let first = SubmitRequest(part: .resume(ResumeUpload(uploadId: uploadID, offset: status.durableBytes)))
        let rest = FileChunks(path: path, offset: status.durableBytes, chunkSize: chunkSize)
        return try await upload(first: first, document: rest, sentBefore: status.durableBytes, progress: progress, options: options)
    }

    private func upload<Chunks: AsyncSequence & Sendable>(
        first: SubmitRequest, document: Chunks, sentBefore: UInt64, progress: (@Sendable (UInt64) -> Void)?,
        options: CallOptions
    ) async throws -> SubmitResponse where Chunks.Element == ByteBuffer {
        let call: RPCCall<SubmitRequest, SubmitResponse> = try await makeCall("aura.Jobs/Submit", options: options)
        var sent = sentBefore
        do {
            try await call.send(first)
            for try await chunk in document {
                try await call.send(SubmitRequest(part: .chunk(chunk)))
                sent += UInt64(chunk.readableBytes)
                progress?(sent)
            }
        } catch let error as RPCError where error.code != .cancelled {
            // The server ended the call early; its status is the answer.
        } catch {
            call.cancel()
            throw error
        }
        await call.closeSend()
        return try await call.response().message
    }

    /// A job as it is now.
    public func job(_ jobID: String, options: CallOptions = CallOptions()) async throws -> Job {
        try await unary("aura.Jobs/Get", JobRef(jobId: jobID), options: options)
    }

    /// Every record's result from `from` on, in index order; for a running job the sequence
    /// waits for results as they are made and ends with the job.
    public func results(_ jobID: String, from: UInt64 = 0, options: CallOptions = CallOptions()) async throws -> ResponseStream<RecordResult> {
        let call: RPCCall<ResultsRequest, RecordResult> = try await serverStreaming(
            "aura.Jobs/Results", ResultsRequest(jobId: jobID, fromIndex: from), options: options)
        return call.responses
    }

    /// The job now, then at each change, until it ends.
    public func watch(_ jobID: String, options: CallOptions = CallOptions()) async throws -> ResponseStream<Job> {
        let call: RPCCall<JobRef, Job> = try await serverStreaming("aura.Jobs/Watch", JobRef(jobId: jobID), options: options)
        return call.responses
    }

    /// Cancels a job; answers with it once it has ended.
    public func cancel(_ jobID: String, options: CallOptions = CallOptions()) async throws -> Job {
        try await unary("aura.Jobs/Cancel", JobRef(jobId: jobID), options: options)
    }

    /// One page of jobs, newest first.
    public func jobs(state: JobState = .jobStateUnspecified, pageSize: UInt32 = 0, pageToken: String = "", options: CallOptions = CallOptions()) async throws -> JobList {
        try await unary("aura.Jobs/List", ListJobsRequest(state: state, pageSize: pageSize, pageToken: pageToken), options: options)
    }
}
