import AuraMessages
import AuraWire

/// The rules every text of the sync path follows: UTF-8, not empty, at most 5,000 bytes (as
/// Amazon Comprehend).
public enum TextInput {
    /// The largest text accepted, in UTF-8 bytes.
    public static let maxBytes = 5_000

    /// Checks `text` (already valid UTF-8: the message decoder refuses anything else); throws
    /// INVALID_ARGUMENT saying what is wrong.
    public static func validate(_ text: String, field: String = "text") throws(RPCError) {
        let size = text.utf8.count
        guard size > 0 else { throw RPCError(.invalidArgument, "\(field) is empty") }
        guard size <= maxBytes else {
            throw RPCError(.invalidArgument, "\(field) is \(size) bytes of UTF-8; the limit is \(maxBytes)")
        }
    }
}
