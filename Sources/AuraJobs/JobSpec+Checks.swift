import AuraCore
import AuraDocuments
import AuraMessages

extension JobSpec {
    /// The document format the spec names; INVALID_ARGUMENT when it names none or misses the
    /// CSV column or JSONL field.
    func documentFormat() throws(RPCError) -> AuraDocuments.DocumentFormat {
        switch format {
        case .text: return .text
        case .lines: return .lines
        case .csv:
            guard !csvColumn.isEmpty else { throw RPCError(.invalidArgument, "format CSV needs csv_column, the header name of the text column") }
            return .csv(column: csvColumn)
        case .jsonl:
            guard !jsonlField.isEmpty else { throw RPCError(.invalidArgument, "format JSONL needs jsonl_field, the name of the text field") }
            return .jsonl(field: jsonlField)
        case .formatUnspecified, .unrecognized:
            throw RPCError(.invalidArgument, "the job spec needs a format: TEXT, LINES, CSV or JSONL")
        }
    }

    /// Checks the fields a client chose; INVALID_ARGUMENT naming the first bad one.
    func check() throws(RPCError) {
        _ = try documentFormat()
        guard name.utf8.count <= 256 else { throw RPCError(.invalidArgument, "name is \(name.utf8.count) bytes; the limit is 256") }
        for (field, value) in [("csv_column", csvColumn), ("jsonl_field", jsonlField)] where value.utf8.count > 256 {
            throw RPCError(.invalidArgument, "\(field) is \(value.utf8.count) bytes; the limit is 256")
        }
        guard idempotencyKey.utf8.count <= 128 else {
            throw RPCError(.invalidArgument, "idempotency_key is \(idempotencyKey.utf8.count) bytes; the limit is 128")
        }
        guard uploadId.isEmpty || Self.isValidUploadID(uploadId) else {
            throw RPCError(.invalidArgument, "upload_id must be 1 to 64 of A-Z a-z 0-9 - _ .")
        }
    }

    /// Whether `id` is 1 to 64 of A-Z a-z 0-9 - _ . (safe in logs and file names).
    static func isValidUploadID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy {
            ($0 >= 0x41 && $0 <= 0x5a) || ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2d || $0 == 0x5f || $0 == 0x2e
        }
    }
}

extension DocumentError {
    /// The error a client sees for a refused document: INVALID_ARGUMENT with the line.
    var rpcError: RPCError { RPCError(.invalidArgument, "the document is refused: \(message)") }
}
