// Generated from Protocol/joblog.proto by aura-protoc; do not edit.
// Regenerate with `swift run aura-protoc` from the package root (docs/MESSAGES.md).

import AuraBytes
import AuraProto

/// Type 1: a Submit began a new upload.
internal struct UploadStarted: GeneratedMessage {
    /// Field 1, `upload_id`.
    internal var uploadId: String = ""

    /// an aura.JobSpec
    internal var spec: ByteBuffer = .empty

    /// Field 3, `created_unix_ms`.
    internal var createdUnixMs: Int64 = 0

    /// A message with every field at its default.
    internal init() {}

    /// A message with the given fields; the others at their defaults.
    internal init(uploadId: String = "", spec: ByteBuffer = .empty, createdUnixMs: Int64 = 0) {
        self.uploadId = uploadId
        self.spec = spec
        self.createdUnixMs = createdUnixMs
    }

    internal init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: uploadId = try reader.readString(field)
            case 2: spec = try reader.readBytes(field)
            case 3: createdUnixMs = Int64(bitPattern: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    internal func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, uploadId)
        writer.writeBytes(field: 2, spec)
        writer.writeUInt(field: 3, UInt64(bitPattern: createdUnixMs))
    }
}

/// Type 2: the bytes of a document at an offset. Chunks of one upload come in offset order.
internal struct UploadChunk: GeneratedMessage {
    /// Field 1, `upload_id`.
    internal var uploadId: String = ""

    /// Field 2, `offset`.
    internal var offset: UInt64 = 0

    /// Field 3, `data`.
    internal var data: ByteBuffer = .empty

    /// A message with every field at its default.
    internal init() {}

    /// A message with the given fields; the others at their defaults.
    internal init(uploadId: String = "", offset: UInt64 = 0, data: ByteBuffer = .empty) {
        self.uploadId = uploadId
        self.offset = offset
        self.data = data
    }

    internal init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: uploadId = try reader.readString(field)
            case 2: offset = try reader.readUInt(field)
            case 3: data = try reader.readBytes(field)
            default: try reader.skip(field)
            }
        }
    }

    internal func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, uploadId)
        writer.writeUInt(field: 2, offset)
        writer.writeBytes(field: 3, data)
    }
}

/// Type 3: the document is whole and checked; it is now a PENDING job.
internal struct UploadCompleted: GeneratedMessage {
    /// Field 1, `upload_id`.
    internal var uploadId: String = ""

    /// Field 2, `job_id`.
    internal var jobId: String = ""

    /// Field 3, `bytes`.
    internal var bytes: UInt64 = 0

    /// 32 bytes
    internal var sha256: ByteBuffer = .empty

    /// Field 5, `records_total`.
    internal var recordsTotal: UInt64 = 0

    /// Field 6, `completed_unix_ms`.
    internal var completedUnixMs: Int64 = 0

    /// A message with every field at its default.
    internal init() {}

    /// A message with the given fields; the others at their defaults.
    internal init(uploadId: String = "", jobId: String = "", bytes: UInt64 = 0, sha256: ByteBuffer = .empty, recordsTotal: UInt64 = 0, completedUnixMs: Int64 = 0) {
        self.uploadId = uploadId
        self.jobId = jobId
        self.bytes = bytes
        self.sha256 = sha256
        self.recordsTotal = recordsTotal
        self.completedUnixMs = completedUnixMs
    }

    internal init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: uploadId = try reader.readString(field)
            case 2: jobId = try reader.readString(field)
            case 3: bytes = try reader.readUInt(field)
            case 4: sha256 = try reader.readBytes(field)
            case 5: recordsTotal = try reader.readUInt(field)
            case 6: completedUnixMs = Int64(bitPattern: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    internal func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, uploadId)
        writer.writeString(field: 2, jobId)
        writer.writeUInt(field: 3, bytes)
        writer.writeBytes(field: 4, sha256)
        writer.writeUInt(field: 5, recordsTotal)
        writer.writeUInt(field: 6, UInt64(bitPattern: completedUnixMs))
    }
}

/// Type 4: an upload that will never complete (its document was refused, or it expired).
internal struct UploadAbandoned: GeneratedMessage {
    /// Field 1, `upload_id`.
    internal var uploadId: String = ""

    /// Field 2, `reason`.
    internal var reason: String = ""

    /// A message with every field at its default.
    internal init() {}

    /// A message with the given fields; the others at their defaults.
    internal init(uploadId: String = "", reason: String = "") {
        self.uploadId = uploadId
        self.reason = reason
    }

    internal init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: uploadId = try reader.readString(field)
            case 2: reason = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
    }

    internal func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, uploadId)
        writer.writeString(field: 2, reason)
    }
}

/// Type 5: a worker began (or began again, after a crash or a failed attempt) to process a job.
internal struct JobStarted: GeneratedMessage {
    /// Field 1, `job_id`.
    internal var jobId: String = ""

    /// Field 2, `time_unix_ms`.
    internal var timeUnixMs: Int64 = 0

    /// 1 for the first
    internal var attempt: UInt32 = 0

    /// A message with every field at its default.
    internal init() {}

    /// A message with the given fields; the others at their defaults.
    internal init(jobId: String = "", timeUnixMs: Int64 = 0, attempt: UInt32 = 0) {
        self.jobId = jobId
        self.timeUnixMs = timeUnixMs
        self.attempt = attempt
    }

    internal init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: jobId = try reader.readString(field)
            case 2: timeUnixMs = Int64(bitPattern: try reader.readUInt(field))
            case 3: attempt = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    internal func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, jobId)
        writer.writeUInt(field: 2, UInt64(bitPattern: timeUnixMs))
        writer.writeUInt(field: 3, UInt64(attempt))
    }
}

/// Type 6: the results of consecutive records, from first_index on.
internal struct JobResults: GeneratedMessage {
    /// Field 1, `job_id`.
    internal var jobId: String = ""

    /// Field 2, `first_index`.
    internal var firstIndex: UInt64 = 0

    /// each an aura.RecordResult
    internal var results: [ByteBuffer] = []

    /// A message with every field at its default.
    internal init() {}

    /// A message with the given fields; the others at their defaults.
    internal init(jobId: String = "", firstIndex: UInt64 = 0, results: [ByteBuffer] = []) {
        self.jobId = jobId
        self.firstIndex = firstIndex
        self.results = results
    }

    internal init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: jobId = try reader.readString(field)
            case 2: firstIndex = try reader.readUInt(field)
            case 3: results.append(try reader.readBytes(field))
            default: try reader.skip(field)
            }
        }
    }

    internal func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, jobId)
        writer.writeUInt(field: 2, firstIndex)
        for value in results { writer.writeBytes(field: 3, value, always: true) }
    }
}

/// Type 7: a job reached its end: COMPLETED, FAILED or CANCELLED.
internal struct JobEnded: GeneratedMessage {
    /// Field 1, `job_id`.
    internal var jobId: String = ""

    /// an aura.JobState number
    internal var state: UInt32 = 0

    /// Field 3, `error`.
    internal var error: String = ""

    /// Field 4, `time_unix_ms`.
    internal var timeUnixMs: Int64 = 0

    /// an aura.JobSummary
    internal var summary: ByteBuffer = .empty

    /// A message with every field at its default.
    internal init() {}

    /// A message with the given fields; the others at their defaults.
    internal init(jobId: String = "", state: UInt32 = 0, error: String = "", timeUnixMs: Int64 = 0, summary: ByteBuffer = .empty) {
        self.jobId = jobId
        self.state = state
        self.error = error
        self.timeUnixMs = timeUnixMs
        self.summary = summary
    }

    internal init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: jobId = try reader.readString(field)
            case 2: state = UInt32(truncatingIfNeeded: try reader.readUInt(field))
            case 3: error = try reader.readString(field)
            case 4: timeUnixMs = Int64(bitPattern: try reader.readUInt(field))
            case 5: summary = try reader.readBytes(field)
            default: try reader.skip(field)
            }
        }
    }

    internal func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, jobId)
        writer.writeUInt(field: 2, UInt64(state))
        writer.writeString(field: 3, error)
        writer.writeUInt(field: 4, UInt64(bitPattern: timeUnixMs))
        writer.writeBytes(field: 5, summary)
    }
}

/// Type 8: a job past its retention time; compaction may drop every record of it.
internal struct JobRetired: GeneratedMessage {
    /// Field 1, `job_id`.
    internal var jobId: String = ""

    /// Field 2, `time_unix_ms`.
    internal var timeUnixMs: Int64 = 0

    /// A message with every field at its default.
    internal init() {}

    /// A message with the given fields; the others at their defaults.
    internal init(jobId: String = "", timeUnixMs: Int64 = 0) {
        self.jobId = jobId
        self.timeUnixMs = timeUnixMs
    }

    internal init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(buffer)
        while let field = try reader.nextField() {
            switch field.number {
            case 1: jobId = try reader.readString(field)
            case 2: timeUnixMs = Int64(bitPattern: try reader.readUInt(field))
            default: try reader.skip(field)
            }
        }
    }

    internal func encode(to writer: inout ProtoWriter) {
        writer.writeString(field: 1, jobId)
        writer.writeUInt(field: 2, UInt64(bitPattern: timeUnixMs))
    }
}

/// Every message type generated from Protocol/joblog.proto, by its full schema name.
internal enum JobLogRecordTypes {
    /// The message types by full name, e.g. `auralog.JobEnded`.
    internal static let byName: [String: any GeneratedMessage.Type] = [
        "auralog.JobEnded": JobEnded.self,
        "auralog.JobResults": JobResults.self,
        "auralog.JobRetired": JobRetired.self,
        "auralog.JobStarted": JobStarted.self,
        "auralog.UploadAbandoned": UploadAbandoned.self,
        "auralog.UploadChunk": UploadChunk.self,
        "auralog.UploadCompleted": UploadCompleted.self,
        "auralog.UploadStarted": UploadStarted.self,
    ]
}
