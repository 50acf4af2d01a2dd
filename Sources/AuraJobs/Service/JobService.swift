import AuraJobLog
import AuraMessages
import AuraServer

/// `aura.Jobs`: documents uploaded into the job log, processed in the background, results
/// streamed back. The work is `JobManager`'s; this type decodes, calls and encodes.
public struct JobService: Service {
    public let name = "aura.Jobs"
    let manager: JobManager

    /// Creates the service.
    public init(manager: JobManager) { self.manager = manager }

    public func register(into registry: inout MethodRegistry) {
        let manager = manager
        registry.clientStreaming("aura.Jobs/Submit") { (requests: RequestStream<SubmitRequest>, _) in
            try await withRPCErrors { try await manager.submit(requests) }
        }
        registry.unary("aura.Jobs/GetUpload") { (request: UploadRef, _) in try manager.upload(request.uploadId) }
        registry.unary("aura.Jobs/Get") { (request: JobRef, _) in try manager.job(request.jobId) }
        registry.serverStreaming("aura.Jobs/Results") { (request: ResultsRequest, responses: ResponseWriter<RecordResult>, _) in
            try await withRPCErrors { try await manager.results(request.jobId, from: request.fromIndex) { try await responses.write($0) } }
        }
        registry.unary("aura.Jobs/List") { (request: ListJobsRequest, _) in try manager.list(request) }
        registry.unary("aura.Jobs/Cancel") { (request: JobRef, _) in try await withRPCErrors { try await manager.cancel(request.jobId) } }
        registry.serverStreaming("aura.Jobs/Watch") { (request: JobRef, responses: ResponseWriter<Job>, _) in
            try await manager.watch(request.jobId) { try await responses.write($0) }
        }
        registry.unary("aura.Jobs/Stats") { (_: Empty, _) in manager.stats }
    }
}
