import AuraCore
import AuraJobLog
import AuraMessages
import AuraServer

/// `aura.Jobs`: documents uploaded into the job log, processed in the background, results
/// streamed back. The work is `JobManager`'s; this type decodes, calls and encodes. With a
/// `router`, calls about a job another server owns go to that server (docs/SCALING.md).
public struct JobService: Service {
    public let name = "aura.Jobs"
    let manager: JobManager
    let router: (any JobRouter)?

    /// Creates the service; `router` forwards calls about other servers' jobs.
    public init(manager: JobManager, router: (any JobRouter)? = nil) {
        self.manager = manager
        self.router = router
    }

    public func register(into registry: inout MethodRegistry) {
        let manager = manager
        let route = route
        registry.clientStreaming("aura.Jobs/Submit") { (requests: RequestStream<SubmitRequest>, _) in
            try await withRPCErrors { try await manager.submit(requests) }
        }
        registry.unary("aura.Jobs/GetUpload") { (request: UploadRef, _) in try manager.upload(request.uploadId) }
        registry.unary("aura.Jobs/Get") { (request: JobRef, context) -> Job in
            if let (router, owner) = try route(request.jobId, context) {
                return try await router.forward("aura.Jobs/Get", request, to: owner, context: context)
            }
            return try manager.job(request.jobId)
        }
        registry.serverStreaming("aura.Jobs/Results") { (request: ResultsRequest, responses: ResponseWriter<RecordResult>, context) in
            if let (router, owner) = try route(request.jobId, context) {
                return try await router.forwardStream("aura.Jobs/Results", request, to: owner, context: context) { try await responses.write($0) }
            }
            try await withRPCErrors { try await manager.results(request.jobId, from: request.fromIndex) { try await responses.write($0) } }
        }
        registry.unary("aura.Jobs/List") { (request: ListJobsRequest, _) in try manager.list(request) }
        registry.unary("aura.Jobs/Cancel") { (request: JobRef, context) -> Job in
            if let (router, owner) = try route(request.jobId, context) {
                return try await router.forward("aura.Jobs/Cancel", request, to: owner, context: context)
            }
            return try await withRPCErrors { try await manager.cancel(request.jobId) }
        }
        registry.serverStreaming("aura.Jobs/Watch") { (request: JobRef, responses: ResponseWriter<Job>, context) in
            if let (router, owner) = try route(request.jobId, context) {
                return try await router.forwardStream("aura.Jobs/Watch", request, to: owner, context: context) { try await responses.write($0) }
            }
            try await manager.watch(request.jobId) { try await responses.write($0) }
        }
        registry.unary("aura.Jobs/Stats") { (_: Empty, _) in manager.stats }
    }

    /// The router and owner of a job this server does not hold, or nil to answer locally.
    /// A job in the local log is answered here whatever its id names (a renamed host keeps
    /// its jobs).
    private var route: @Sendable (String, ServerContext) throws(RPCError) -> (any JobRouter, JobOwner)? {
        { [manager, router] jobID, context throws(RPCError) in
            guard let router, !manager.holdsJob(jobID), let owner = try router.owner(of: jobID, context: context) else { return nil }
            return (router, owner)
        }
    }
}
