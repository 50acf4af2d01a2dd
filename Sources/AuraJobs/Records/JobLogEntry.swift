import AuraBytes
import AuraJobLog
import AuraProto

/// One record of the job log, decoded: what happened to an upload or a job.
///
/// The type byte of each case is fixed forever (`Protocol/joblog.proto` names it); the payload
/// is the case's message. Replaying entries in log order rebuilds every upload and job
/// (`JobTable.apply`).
enum JobLogEntry: Sendable, Equatable {
    case uploadStarted(UploadStarted)
    case uploadChunk(UploadChunk)
    case uploadCompleted(UploadCompleted)
    case uploadAbandoned(UploadAbandoned)
    case jobStarted(JobStarted)
    case jobResults(JobResults)
    case jobEnded(JobEnded)
    case jobRetired(JobRetired)

    /// Decodes a stored record; a type this version does not know, or a payload that does not
    /// decode, is an error naming the record (a log is never half-understood silently).
    init(type: UInt8, payload: ByteBuffer) throws(JobLogEntryError) {
        do {
            switch type {
            case 1: self = .uploadStarted(try UploadStarted(decoding: payload))
            case 2: self = .uploadChunk(try UploadChunk(decoding: payload))
            case 3: self = .uploadCompleted(try UploadCompleted(decoding: payload))
            case 4: self = .uploadAbandoned(try UploadAbandoned(decoding: payload))
            case 5: self = .jobStarted(try JobStarted(decoding: payload))
            case 6: self = .jobResults(try JobResults(decoding: payload))
            case 7: self = .jobEnded(try JobEnded(decoding: payload))
            case 8: self = .jobRetired(try JobRetired(decoding: payload))
            default: throw JobLogEntryError(type: type, reason: "unknown record type")
            }
        } catch let error as JobLogEntryError {
            throw error
        } catch {
            throw JobLogEntryError(type: type, reason: "payload does not decode: \(error)")
        }
    }

    /// The record to append.
    var logRecord: LogRecord {
        switch self {
        case .uploadStarted(let message): return LogRecord(type: 1, payload: message.encoded())
        case .uploadChunk(let message): return LogRecord(type: 2, payload: message.encoded())
        case .uploadCompleted(let message): return LogRecord(type: 3, payload: message.encoded())
        case .uploadAbandoned(let message): return LogRecord(type: 4, payload: message.encoded())
        case .jobStarted(let message): return LogRecord(type: 5, payload: message.encoded())
        case .jobResults(let message): return LogRecord(type: 6, payload: message.encoded())
        case .jobEnded(let message): return LogRecord(type: 7, payload: message.encoded())
        case .jobRetired(let message): return LogRecord(type: 8, payload: message.encoded())
        }
    }
}

/// A record of the job log that this version cannot read.
struct JobLogEntryError: Error, Equatable, CustomStringConvertible {
    let type: UInt8
    let reason: String
    var description: String { "job log record of type \(type): \(reason)" }
}
